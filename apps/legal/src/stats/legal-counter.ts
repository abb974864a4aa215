import { rebuildPrefixCounters, type CounterRebuild, type PrefixCounterTable } from '@xiangzhi/kernel';

/**
 * 法治计数 rule-of-law counters: one `legal_region_counter` row per village (12 digits), township (9)
 * and county (6) prefix and per year — disputes opened that year (of which mediated and at risk of
 * turning criminal), escalations and petitions received — kept by statement-level triggers with
 * transition tables on `dispute`, `dispute_escalation` and `petition` in the transaction of the
 * write (migration `1774300000100-legal-region-counters`; a dispute moving between villages takes
 * its escalations along). `Region.ruleOfLaw(year)` reads them instead of counting the county's
 * disputes and petitions.
 */
export const LEGAL_COUNTER: PrefixCounterTable<'disputes' | 'mediated' | 'crime_risk' | 'escalations' | 'petitions'> = {
  table: 'legal_region_counter',
  columns: ['disputes', 'mediated', 'crime_risk', 'escalations', 'petitions'],
  perYear: true,
};

/** `xz stats rebuild --subgraph legal`: the rule-of-law counters from a full count, one step per counted table. */
export const legalCounterRebuild: CounterRebuild = {
  name: 'legal_region_counter',
  rebuild: (manager, progress) =>
    rebuildPrefixCounters(
      manager,
      LEGAL_COUNTER,
      ['dispute', 'dispute_escalation', 'petition'],
      [
        {
          label: 'dispute',
          columns: ['disputes', 'mediated', 'crime_risk'],
          sql: `SELECT village_code, extract(year FROM opened_on)::int AS year, count(*) AS disputes,
                       count(*) FILTER (WHERE outcome = 'MEDIATED') AS mediated, count(*) FILTER (WHERE crime_risk) AS crime_risk
                  FROM dispute GROUP BY 1, 2`,
        },
        {
          label: 'dispute_escalation',
          columns: ['escalations'],
          sql: `SELECT d.village_code, extract(year FROM e.escalated_on)::int AS year, count(*) AS escalations
                  FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id GROUP BY 1, 2`,
        },
        { label: 'petition', columns: ['petitions'], sql: `SELECT village_code, extract(year FROM received_on)::int AS year, count(*) AS petitions FROM petition GROUP BY 1, 2` },
      ],
      progress,
    ),
};
