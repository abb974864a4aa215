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

/** The columns of `legal_month_counter` (one row per prefix and calendar month). */
export const LEGAL_MONTH_COLUMNS = ['disputes', 'mediated', 'crime_risk', 'escalations', 'petitions'] as const;

/**
 * 法治月计数 `xz stats rebuild --subgraph legal`: the per-month counters (`legal_month_counter`,
 * migration `1774800000100-legal-month-counters`, kept by statement-level triggers on the same
 * tables) from a full count, in the caller's transaction, one step per counted table.
 */
export const legalMonthCounterRebuild: CounterRebuild = {
  name: 'legal_month_counter',
  rebuild: async (manager, progress) => {
    await manager.query('LOCK TABLE dispute, dispute_escalation, petition IN SHARE MODE');
    await manager.query('DELETE FROM legal_month_counter');
    const steps = [
      {
        label: 'dispute',
        columns: ['disputes', 'mediated', 'crime_risk'],
        sql: `SELECT village_code, date_trunc('month', opened_on)::date AS month, count(*) AS disputes,
                     count(*) FILTER (WHERE outcome = 'MEDIATED') AS mediated, count(*) FILTER (WHERE crime_risk) AS crime_risk
                FROM dispute GROUP BY 1, 2`,
      },
      {
        label: 'dispute_escalation',
        columns: ['escalations'],
        sql: `SELECT d.village_code, date_trunc('month', e.escalated_on)::date AS month, count(*) AS escalations
                FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id GROUP BY 1, 2`,
      },
      { label: 'petition', columns: ['petitions'], sql: `SELECT village_code, date_trunc('month', received_on)::date AS month, count(*) AS petitions FROM petition GROUP BY 1, 2` },
    ];
    for (const [i, step] of steps.entries()) {
      const started = Date.now();
      await manager.query(
        `INSERT INTO legal_month_counter AS c (prefix, month, ${step.columns.join(', ')})
         SELECT p.prefix, d.month, ${step.columns.map((col) => `sum(d.${col})`).join(', ')} FROM (${step.sql}) AS d
         CROSS JOIN LATERAL (VALUES (d.village_code), (left(d.village_code, 9)), (left(d.village_code, 6))) AS p (prefix)
         GROUP BY p.prefix, d.month ORDER BY p.prefix, d.month
         ON CONFLICT (prefix, month) DO UPDATE SET ${step.columns.map((col) => `${col} = c.${col} + excluded.${col}`).join(', ')}`,
      );
      progress({ label: step.label, done: i + 1, total: steps.length, ms: Date.now() - started });
    }
  },
};
