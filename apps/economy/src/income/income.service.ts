import { groupByPrefix, levelOf, RegionLevel, PREFIX_LENGTH, type RequestContext } from '@xiangzhi/kernel';
import { incomeTargetPolicyPoint, type IncomeTargetPolicy } from '@xiangzhi/economy-api';
import type DataLoader from 'dataloader';
import { EconomyAccess } from '../shared/access';
import { fen } from '../shared/money';
import { CollectiveEconomy, CollectiveEconomyArea } from './income.types';

const CHILD: Partial<Record<RegionLevel, RegionLevel>> = {
  [RegionLevel.PROVINCE]: RegionLevel.CITY,
  [RegionLevel.CITY]: RegionLevel.COUNTY,
  [RegionLevel.COUNTY]: RegionLevel.TOWNSHIP,
  [RegionLevel.TOWNSHIP]: RegionLevel.VILLAGE,
};

interface VillageRow {
  code: string;
  name: string;
  income: string;
  orgs: number;
  township_name: string | null;
  county_name: string | null;
}

/** The code of the area one level below `level` a village lies in. */
function areaOf(villageCode: string, child: RegionLevel): string {
  return villageCode.slice(0, PREFIX_LENGTH[child]).padEnd(12, '0');
}

function emptyArea(code: string, name: string | null): CollectiveEconomyArea {
  return Object.assign(new CollectiveEconomyArea(), { regionCode: code, name, operatingIncome: 0n, villages: 0, weakVillages: 0, strongVillages: 0, organizations: 0 });
}

/**
 * 汇总 the roll-up of many regions for one year in one statement: every village valid in the year
 * under any of the (scope-narrowed) regions, with its organisations' operating income from the
 * monthly counters and its number of organisations; the sums per region and per area below it are
 * made here. Each village is measured against its own county's `economy.incomeTarget` lines. The
 * three parts are computed once each (MATERIALIZED) and then joined: without statistics a planner
 * would otherwise re-aggregate the income for every village.
 */
export async function rollUp(ctx: RequestContext, codes: readonly string[], year: number): Promise<CollectiveEconomy[]> {
  const access = EconomyAccess.of(ctx);
  const prefixes = codes.map((c) => access.listPrefix(c));
  const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
  const rows: VillageRow[] = patterns.length
    ? ((await ctx.dataSource.query(
        `WITH v AS MATERIALIZED (
           SELECT code, name FROM region_ref
           WHERE level = 'VILLAGE' AND code LIKE ANY($1::text[]) AND valid_from <= $3::date AND (valid_to IS NULL OR valid_to > $2::date)
         ), inc AS MATERIALIZED (
           SELECT village_code, sum(income_fen) AS income FROM economy_operating_income WHERE year = $4 AND village_code LIKE ANY($1::text[]) GROUP BY village_code
         ), orgs AS MATERIALIZED (
           SELECT village_code, count(*)::int AS n FROM collective_organization WHERE village_code LIKE ANY($1::text[]) AND status <> 'DISSOLVED' GROUP BY village_code
         )
         SELECT v.code, v.name, coalesce(inc.income, 0)::text AS income, coalesce(orgs.n, 0) AS orgs, t.name AS township_name, c.name AS county_name
         FROM v LEFT JOIN inc ON inc.village_code = v.code LEFT JOIN orgs ON orgs.village_code = v.code
         LEFT JOIN region_ref t ON t.code = substr(v.code, 1, 9) || '000'
         LEFT JOIN region_ref c ON c.code = substr(v.code, 1, 6) || '000000'
         ORDER BY v.code`,
        [patterns, `${year}-01-01`, `${year}-12-31`, year],
      )) as VillageRow[])
    : [];
  const policies = new Map<string, IncomeTargetPolicy>();
  const policyOf = (village: string): IncomeTargetPolicy => {
    const county = village.slice(0, 6);
    let p = policies.get(county);
    if (!p) {
      p = ctx.policies.get(incomeTargetPolicyPoint, village);
      policies.set(county, p);
    }
    return p;
  };
  const grouped = groupByPrefix(prefixes, rows, (r) => r.code);
  return codes.map((code, i) => {
    const level = levelOf(code);
    const child = CHILD[level] ?? null;
    const own = grouped[i];
    const result = Object.assign(new CollectiveEconomy(), emptyArea(code, null), { year, weakVillageCodes: [] as string[], areas: [] as CollectiveEconomyArea[] });
    const basePolicy = ctx.policies.get(incomeTargetPolicyPoint, level === RegionLevel.PROVINCE || level === RegionLevel.CITY ? (own[0]?.code ?? code) : code);
    result.weakThreshold = basePolicy.weakThresholdFen(year);
    result.strongThreshold = basePolicy.strongThresholdFen(year);
    const areas = new Map<string, CollectiveEconomyArea>();
    for (const r of own) {
      const income = fen(r.income);
      const policy = policyOf(r.code);
      const weak = income < policy.weakThresholdFen(year);
      const strong = income >= policy.strongThresholdFen(year);
      if (policy.weakThresholdFen(year) > result.weakThreshold) result.weakThreshold = policy.weakThresholdFen(year);
      const targets: CollectiveEconomyArea[] = [result];
      if (child) {
        const areaCode = areaOf(r.code, child);
        let area = areas.get(areaCode);
        if (!area) {
          const name = child === RegionLevel.VILLAGE ? r.name : child === RegionLevel.TOWNSHIP ? r.township_name : child === RegionLevel.COUNTY ? r.county_name : null;
          area = emptyArea(areaCode, name);
          areas.set(areaCode, area);
        }
        targets.push(area);
      }
      for (const t of targets) {
        t.operatingIncome += income;
        t.villages += 1;
        t.organizations += Number(r.orgs);
        if (weak) t.weakVillages += 1;
        if (strong) t.strongVillages += 1;
      }
      if (weak) result.weakVillageCodes.push(r.code);
    }
    result.areas = [...areas.values()];
    return result;
  });
}

/** Per-request loader of region roll-ups for a year: every region asked for in one batch, one statement. */
export function rollUpLoader(ctx: RequestContext, year: number): DataLoader<string, CollectiveEconomy> {
  return ctx.loaders.get<string, CollectiveEconomy>(`economy:rollUp:${year}`, (codes) => rollUp(ctx, codes, year));
}

