import { LegalRegion } from '../shared/stubs';
import { badInput, isRegionCode, levelOf, mutate, readPrefixCounters, RegionLevel, regionPrefix, todayInChina, type RequestContext, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultDesignationPolicy, designationPolicyPoint, DesignationKind, type DesignationDecision, type DesignationPolicy, type VillageYearRecord } from '@xiangzhi/legal-api';
import type { EntityManager } from 'typeorm';
import { bindPolicy } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, Float, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import type DataLoader from 'dataloader';
import { recordEvents } from '../events/outbox';
import { LEGAL_COUNTER, LEGAL_MONTH_COLUMNS, legalCounterRebuild, legalMonthCounterRebuild } from './legal-counter';
import { LegalRegionCounters1774300000100 } from './migrations/1774300000100-legal-region-counters';
import { LegalMonthCounters1774800000100 } from './migrations/1774800000100-legal-month-counters';
import { LEGAL_MANAGER_ROLES, LegalAccess, regionPatterns } from '../shared/access';

registerEnumType(DesignationKind, {
  name: 'DesignationKind',
  description: '平安创建命名类型 / Safe-village designation kind',
  valuesConfig: {
    NO_LITIGATION_VILLAGE: { description: '无诉村（居）/ Village without lawsuits' },
    THREE_NO_TOWNSHIP: { description: '信访工作“三无”乡镇 / Township without irregular petitions' },
    RULE_OF_LAW_EXEMPLAR: { description: '民主法治示范村 / Democracy and rule-of-law exemplar village' },
  },
});

@ObjectType('DesignationReason', { description: '命名理由（规则代码与说明）/ Reason for or against (rule code and sentence)' })
export class DesignationReasonType {
  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '中文说明 / Chinese' })
  zh!: string;

  @Field(() => String, { description: '英文说明 / English' })
  en!: string;
}

@ObjectType('SafeVillageDesignation', { description: '平安创建命名（某村某年某类，含正反理由）/ A village’s designation for a year and kind, with the reasons for and against' })
export class SafeVillageDesignation {
  @Field(() => String, { description: '村区划代码 / Village code' })
  villageCode!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => DesignationKind, { description: '类型 / Kind' })
  kind!: DesignationKind;

  @Field(() => Boolean, { description: '是否命名 / Designated' })
  designated!: boolean;

  @Field(() => [DesignationReasonType], { description: '符合的条件 / Reasons for' })
  reasonsFor!: DesignationReasonType[];

  @Field(() => [DesignationReasonType], { description: '不符合的条件 / Reasons against' })
  reasonsAgainst!: DesignationReasonType[];

  @Field(() => String, { description: '依据（插件名或 baseline）/ Policy source (plugin or baseline)' })
  policySource!: string;

  @Field(() => GraphQLLocalDate, { description: '评定日期 / Date decided' })
  decidedOn!: string;
}

@ObjectType('RuleOfLaw', { description: '三源共治年度统计（纠纷、信访、诉讼）/ Three-sources statistics of a year: disputes, petitions, lawsuits' })
export class RuleOfLaw {
  regionCode!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => Int, { description: '当年受理纠纷数 / Disputes opened in the year' })
  disputes!: number;

  @Field(() => Int, { description: '其中调解成功数 / Of which mediated' })
  mediated!: number;

  @Field(() => Float, { nullable: true, description: '调解成功率（调解成功数÷当年纠纷数，四位小数；无纠纷为空）/ Mediated rate: mediated ÷ disputes of the year (4 decimals; null without disputes)' })
  mediatedRate!: number | null;

  @Field(() => Int, { description: '当年升级次数 / Escalations in the year' })
  escalations!: number;

  @Field(() => Int, { description: '民转刑风险纠纷数 / Disputes at risk of turning criminal' })
  crimeRiskCases!: number;

  @Field(() => Int, { description: '当年信访数 / Petitions received in the year' })
  petitions!: number;

  @Field(() => Int, { description: '当年诉讼案件数 / Lawsuits of the year' })
  lawsuits!: number;

  @Field(() => Int, { description: '当年获命名的村数（任一类型）/ Villages designated in the year (any kind)' })
  designations!: number;
}

@ObjectType('RuleOfLawStatsRow', { description: '三源共治统计（下级区划一行）/ Three-sources statistics, one row per child region' })
export class RuleOfLawStatsRow {
  @Field(() => String, { description: '区划代码 / Division code' })
  regionCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Field(() => Int, { description: '纠纷数 / Disputes' })
  disputes!: number;

  @Field(() => Int, { description: '调解成功数 / Mediated' })
  mediated!: number;

  @Field(() => Float, { nullable: true, description: '调解成功率 / Mediated rate' })
  mediatedRate!: number | null;

  @Field(() => Int, { description: '升级次数 / Escalations' })
  escalations!: number;

  @Field(() => Int, { description: '民转刑风险纠纷数 / Disputes at risk of turning criminal' })
  crimeRiskCases!: number;

  @Field(() => Int, { description: '信访数 / Petitions' })
  petitions!: number;

  @Field(() => Int, { description: '诉讼案件数（期间所跨年度）/ Lawsuits (of the years the period touches)' })
  lawsuits!: number;
}

const rate = (mediated: number, disputes: number): number | null => (disputes === 0 ? null : Math.round((mediated / disputes) * 10_000) / 10_000);

function requireYear(year: number, field = 'year'): void {
  const thisYear = Number(todayInChina().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > thisYear) {
    throw badInput(`年度须在2000至${thisYear}之间：${field} = ${year}`, `The year must be 2000–${thisYear}: ${field} = ${year}`, { field, rule: 'YEAR_RANGE', value: year });
  }
}

/**
 * The year's statistics of each requested region (scope-narrowed) in two statements per batch:
 * disputes, mediated, crime risks, escalations and petitions from the rule-of-law counters
 * (`legal-counter.ts`, a few rows by primary key whatever the size of the county); lawsuits and
 * designations from their one-row-per-village-and-year tables.
 */
export function ruleOfLawLoader(ctx: RequestContext, year: number): DataLoader<string, RuleOfLaw> {
  return ctx.loaders.get<string, RuleOfLaw>(`legal:ruleOfLaw:${year}`, async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    const scoped = prefixes.filter((p): p is string => p !== null);
    const counters = await readPrefixCounters(ctx.dataSource, LEGAL_COUNTER, scoped, year);
    const rows = patterns.length
      ? ((await ctx.dataSource.query(
          `SELECT p.pattern, l.lawsuits, s.designations
             FROM unnest($1::text[]) AS p(pattern)
             CROSS JOIN LATERAL (SELECT COALESCE(sum(lawsuits), 0)::int AS lawsuits FROM lawsuit_count WHERE village_code LIKE p.pattern AND year = $2) l
             CROSS JOIN LATERAL (SELECT count(DISTINCT village_code)::int AS designations FROM safe_village_designation WHERE village_code LIKE p.pattern AND year = $2 AND designated) s`,
          [patterns, year],
        )) as { pattern: string; lawsuits: number; designations: number }[])
      : [];
    const byPattern = new Map(rows.map((r) => [r.pattern, r]));
    return codes.map((code, i) => {
      const prefix = prefixes[i];
      const r = prefix === null ? undefined : byPattern.get(`${prefix}%`);
      const c = prefix === null ? undefined : counters.get(prefix);
      const n = (v: number | undefined): number => Number(v ?? 0);
      return Object.assign(new RuleOfLaw(), {
        regionCode: code,
        year,
        disputes: n(c?.disputes),
        mediated: n(c?.mediated),
        mediatedRate: rate(n(c?.mediated), n(c?.disputes)),
        escalations: n(c?.escalations),
        crimeRiskCases: n(c?.crime_risk),
        petitions: n(c?.petitions),
        lawsuits: n(r?.lawsuits),
        designations: n(r?.designations),
      });
    });
  });
}

const CHILD_LENGTH: Record<number, number> = { 2: 4, 4: 6, 6: 9, 9: 12, 12: 12 };

const DAY_MS = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayMs = (day: string): number => Date.parse(`${day}T00:00:00Z`);
/** The first day of the month after `day`'s. */
function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * A period of whole days (`from`–`to`, inclusive ISO dates) as its whole calendar months (first
 * days of the first and last, or null when it covers none) and the partial months at either end
 * (zero, one or two inclusive day ranges).
 */
export function splitPeriod(from: string, to: string): { months: [string, string] | null; edges: [string, string][] } {
  const first = from.endsWith('-01') ? from : nextMonth(from);
  const afterTo = isoDay(dayMs(to) + DAY_MS);
  const last = afterTo.endsWith('-01') ? `${to.slice(0, 8)}01` : isoDay(dayMs(`${to.slice(0, 8)}01`) - DAY_MS).slice(0, 8) + '01';
  if (first > last) return { months: null, edges: [[from, to]] };
  const edges: [string, string][] = [];
  if (from < first) edges.push([from, isoDay(dayMs(first) - DAY_MS)]);
  const end = nextMonth(last);
  if (end <= to) edges.push([end, to]);
  return { months: [first, last], edges };
}

type MonthFigures = Record<(typeof LEGAL_MONTH_COLUMNS)[number], number>;

/** The month counters of `[first, last]` summed per prefix (6, 9, 12 digits exactly; 2 or 4: the county rows under it). */
async function monthCounters(ctx: RequestContext, prefixes: readonly string[], first: string, last: string): Promise<Map<string, MonthFigures>> {
  const distinct = [...new Set(prefixes)];
  const zero = (): MonthFigures => ({ disputes: 0, mediated: 0, crime_risk: 0, escalations: 0, petitions: 0 });
  const result = new Map<string, MonthFigures>(distinct.map((p) => [p, zero()]));
  const exact = distinct.filter((p) => [6, 9, 12].includes(p.length));
  const wider = distinct.filter((p) => ![6, 9, 12].includes(p.length));
  if (distinct.length === 0) return result;
  const rows = (await ctx.dataSource.query(
    `SELECT prefix, ${LEGAL_MONTH_COLUMNS.map((c) => `sum(${c})::bigint AS ${c}`).join(', ')} FROM legal_month_counter
      WHERE (prefix = ANY($1::text[]) OR (length(prefix) = 6 AND prefix LIKE ANY($2::text[]))) AND month BETWEEN $3::date AND $4::date
      GROUP BY prefix`,
    [exact, wider.map((p) => `${p}%`), first, last],
  )) as ({ prefix: string } & Record<(typeof LEGAL_MONTH_COLUMNS)[number], string | number>)[];
  for (const row of rows) {
    const owners = result.has(row.prefix) ? [row.prefix] : [];
    if (row.prefix.length === 6) owners.push(...wider.filter((p) => row.prefix.startsWith(p)));
    for (const owner of owners) {
      const sums = result.get(owner);
      if (sums) for (const c of LEGAL_MONTH_COLUMNS) sums[c] += Number(row[c]);
    }
  }
  return result;
}

/**
 * 三源共治统计 of a region's children (townships of a county, villages of a township…) over a
 * period, in at most two statements whatever the size of the county: the whole months of the period
 * from the month counters (`legal_month_counter`), and the children with the rows of the partial
 * months at either end (counted by date on their indexes) and the lawsuits of the years touched.
 */
export async function ruleOfLawStats(ctx: RequestContext, regionCode: string, from: string, to: string): Promise<RuleOfLawStatsRow[]> {
  if (!isRegionCode(regionCode)) throw badInput(`区划代码须为12位数字：regionCode = ${regionCode}`, `A division code has 12 digits: regionCode = ${regionCode}`, { field: 'regionCode', rule: 'REGION_CODE_FORMAT', value: regionCode });
  if (to < from) throw badInput(`结束日期不能早于开始日期（${from}）：to = ${to}`, `The period cannot end before it starts (${from}): to = ${to}`, { field: 'to', rule: 'PERIOD_REVERSED', value: to });
  const prefix = LegalAccess.of(ctx).listPrefix(regionCode);
  if (prefix === null) LegalAccess.of(ctx).requireRead(regionCode);
  const own = regionPrefix(regionCode);
  const scope = prefix ?? own;
  const childLength = CHILD_LENGTH[own.length] ?? 12;
  const village = levelOf(regionCode) === RegionLevel.VILLAGE;
  const { months, edges } = splitPeriod(from, to);
  // an empty range for a missing edge
  const [a, b] = [edges[0] ?? ['2000-01-02', '2000-01-01'], edges[1] ?? ['2000-01-02', '2000-01-01']];
  const rows = (await ctx.dataSource.query(
    `WITH f AS (
       SELECT village_code, 1 AS disputes, (outcome = 'MEDIATED')::int AS mediated, crime_risk::int AS crime, 0 AS escalations, 0 AS petitions, 0 AS lawsuits
         FROM dispute WHERE village_code LIKE $1 AND (opened_on BETWEEN $2::date AND $3::date OR opened_on BETWEEN $9::date AND $10::date)
       UNION ALL
       SELECT d.village_code, 0, 0, 0, 1, 0, 0 FROM dispute_escalation e JOIN dispute d ON d.id = e.dispute_id
        WHERE d.village_code LIKE $1 AND (e.escalated_on BETWEEN $2::date AND $3::date OR e.escalated_on BETWEEN $9::date AND $10::date)
       UNION ALL
       SELECT village_code, 0, 0, 0, 0, 1, 0 FROM petition WHERE village_code LIKE $1 AND (received_on BETWEEN $2::date AND $3::date OR received_on BETWEEN $9::date AND $10::date)
       UNION ALL
       SELECT village_code, 0, 0, 0, 0, 0, lawsuits FROM lawsuit_count WHERE village_code LIKE $1 AND year BETWEEN $4 AND $5
     )
     SELECT r.code, r.name, COALESCE(sum(f.disputes), 0)::int AS disputes, COALESCE(sum(f.mediated), 0)::int AS mediated, COALESCE(sum(f.crime), 0)::int AS crime,
            COALESCE(sum(f.escalations), 0)::int AS escalations, COALESCE(sum(f.petitions), 0)::int AS petitions, COALESCE(sum(f.lawsuits), 0)::int AS lawsuits
       FROM region_ref r LEFT JOIN f ON rpad(left(f.village_code, $6), 12, '0') = r.code
      WHERE ${village ? 'r.code = $7' : 'r.parent_code = $7'} AND r.code LIKE $8
      GROUP BY r.code, r.name
      ORDER BY r.code`,
    [`${scope}%`, a[0], a[1], Number(from.slice(0, 4)), Number(to.slice(0, 4)), childLength, regionCode, `${scope.slice(0, childLength)}%`, b[0], b[1]],
  )) as { code: string; name: string; disputes: number; mediated: number; crime: number; escalations: number; petitions: number; lawsuits: number }[];
  // the counter prefix of each child: its own, or the caller's scope inside it
  const counterPrefix = (code: string): string | null => {
    const child = code.slice(0, childLength);
    if (`${child}${'0'.repeat(12 - childLength)}` !== code) return null;
    return scope.length > childLength ? scope : child;
  };
  const counted = months ? await monthCounters(ctx, rows.map((r) => counterPrefix(r.code)).filter((p): p is string => p !== null), months[0], months[1]) : new Map<string, MonthFigures>();
  return rows.map((r) => {
    const p = counterPrefix(r.code);
    const c = p === null ? undefined : counted.get(p);
    const disputes = Number(r.disputes) + (c?.disputes ?? 0);
    const mediated = Number(r.mediated) + (c?.mediated ?? 0);
    return Object.assign(new RuleOfLawStatsRow(), {
      regionCode: r.code,
      name: r.name,
      disputes,
      mediated,
      mediatedRate: rate(mediated, disputes),
      escalations: Number(r.escalations) + (c?.escalations ?? 0),
      crimeRiskCases: Number(r.crime) + (c?.crime_risk ?? 0),
      petitions: Number(r.petitions) + (c?.petitions ?? 0),
      lawsuits: Number(r.lawsuits),
    });
  });
}

interface RecordRow {
  code: string;
  lawsuits: number;
  p_village: number;
  p_township: number;
  p_county: number;
  p_above: number;
  disputes: number;
  open_disputes: number;
  crime: number;
}

/** Every village's record of a year under a prefix (one grouped statement). */
async function villageRecords(db: Pick<EntityManager, 'query'>, pattern: string, year: number): Promise<VillageYearRecord[]> {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const rows = (await db.query(
    `SELECT r.code, COALESCE(l.lawsuits, 0)::int AS lawsuits,
            COALESCE(p.v, 0)::int AS p_village, COALESCE(p.t, 0)::int AS p_township, COALESCE(p.c, 0)::int AS p_county, COALESCE(p.a, 0)::int AS p_above,
            COALESCE(d.n, 0)::int AS disputes, COALESCE(d.open, 0)::int AS open_disputes, COALESCE(d.crime, 0)::int AS crime
       FROM region_ref r
       LEFT JOIN lawsuit_count l ON l.village_code = r.code AND l.year = $2
       LEFT JOIN (SELECT village_code, count(*) FILTER (WHERE level = 'VILLAGE') AS v, count(*) FILTER (WHERE level = 'TOWNSHIP') AS t,
                         count(*) FILTER (WHERE level = 'COUNTY') AS c, count(*) FILTER (WHERE level = 'ABOVE') AS a
                    FROM petition WHERE village_code LIKE $1 AND received_on BETWEEN $3::date AND $4::date GROUP BY village_code) p ON p.village_code = r.code
       LEFT JOIN (SELECT village_code, count(*) AS n, count(*) FILTER (WHERE status = 'OPEN' OR closed_on > LEAST($4::date, $5::date)) AS open, count(*) FILTER (WHERE crime_risk) AS crime
                    FROM dispute WHERE village_code LIKE $1 AND opened_on BETWEEN $3::date AND $4::date GROUP BY village_code) d ON d.village_code = r.code
      WHERE r.level = 'VILLAGE' AND r.code LIKE $1 AND NOT r.retired AND r.valid_from <= $4::date AND (r.valid_to IS NULL OR r.valid_to > $3::date)
      ORDER BY r.code`,
    [pattern, year, from, end, todayInChina()],
  )) as RecordRow[];
  return rows.map((r) => ({
    villageCode: r.code,
    year,
    lawsuits: Number(r.lawsuits),
    petitionsByLevel: { VILLAGE: Number(r.p_village), TOWNSHIP: Number(r.p_township), COUNTY: Number(r.p_county), ABOVE: Number(r.p_above) },
    disputes: Number(r.disputes),
    openDisputes: Number(r.open_disputes),
    crimeCases: Number(r.crime),
  }));
}

const SELECT_DESIGNATION = `village_code AS "villageCode", year, kind, designated, reasons_for AS "reasonsFor", reasons_against AS "reasonsAgainst", policy_source AS "policySource", to_char(decided_on, 'YYYY-MM-DD') AS "decidedOn"`;

/** One decision of a designation run, with the village's record and the policy that made it. */
export interface DesignationRun {
  record: VillageYearRecord;
  decision: DesignationDecision;
  source: string;
}

/**
 * Decides and stores the designations of every village under `pattern` for a year with `manager`:
 * the records in one grouped statement, each village's policy (`policyOf`), a multi-row upsert that
 * returns only new or changed decisions, and `legal.designation.made` for those.
 */
export async function designate(
  manager: EntityManager,
  pattern: string,
  year: number,
  policyOf: (villageCode: string) => { policy: DesignationPolicy; source: string },
  decidedOn: string,
): Promise<DesignationRun[]> {
  const records = await villageRecords(manager, pattern, year);
  const decided: DesignationRun[] = [];
  for (const record of records) {
    const { policy, source } = policyOf(record.villageCode);
    for (const decision of policy.decide(record)) decided.push({ record, decision, source });
  }
  const changed: { villageCode: string; kind: string }[] = [];
  for (let start = 0; start < decided.length; start += 500) {
    const chunk = decided.slice(start, start + 500);
    const params: unknown[] = [];
    const values = chunk.map(({ record, decision, source }) => {
      const at = params.length;
      params.push(record.villageCode, year, decision.kind, decision.designated, JSON.stringify(decision.reasonsFor), JSON.stringify(decision.reasonsAgainst), source, decidedOn);
      return `($${at + 1}, $${at + 2}::int, $${at + 3}, $${at + 4}::boolean, $${at + 5}::jsonb, $${at + 6}::jsonb, $${at + 7}, $${at + 8}::date)`;
    });
    const rows = (await manager.query(
      `INSERT INTO safe_village_designation (village_code, year, kind, designated, reasons_for, reasons_against, policy_source, decided_on) VALUES ${values.join(', ')}
       ON CONFLICT (year, kind, village_code) DO UPDATE SET designated = EXCLUDED.designated, reasons_for = EXCLUDED.reasons_for, reasons_against = EXCLUDED.reasons_against,
         policy_source = EXCLUDED.policy_source, decided_on = EXCLUDED.decided_on
       WHERE (safe_village_designation.designated, safe_village_designation.reasons_for, safe_village_designation.reasons_against, safe_village_designation.policy_source)
             IS DISTINCT FROM (EXCLUDED.designated, EXCLUDED.reasons_for, EXCLUDED.reasons_against, EXCLUDED.policy_source)
       RETURNING village_code AS "villageCode", kind`,
      params,
    )) as { villageCode: string; kind: string }[];
    changed.push(...rows);
  }
  const isChanged = new Set(changed.map((c) => `${c.villageCode}:${c.kind}`));
  await recordEvents(
    manager,
    'legal.designation.made',
    decided
      .filter(({ record, decision }) => isChanged.has(`${record.villageCode}:${decision.kind}`))
      .map(({ record, decision, source }) => ({
        villageCode: record.villageCode,
        year,
        kind: decision.kind,
        designated: decision.designated,
        decidedOn,
        policySource: source,
        reasonsFor: decision.reasonsFor.map((r) => r.rule),
        reasonsAgainst: decision.reasonsAgainst.map((r) => r.rule),
      })),
  );
  return decided;
}

/**
 * 评定 computes the designations of every village under a region for a year with each county's
 * `legal.designation` policy, stores them with their reasons and records `legal.designation.made`
 * for each decision that is new or changed (running it again announces nothing).
 */
export async function computeDesignations(ctx: RequestContext, regionCode: string, year: number): Promise<SafeVillageDesignation[]> {
  requireYear(year, 'year');
  LegalAccess.of(ctx).requireWrite(regionCode, LEGAL_MANAGER_ROLES);
  const decidedOn = todayInChina();
  const decided = await mutate(ctx, { action: 'computeSafeVillageDesignations', targetType: 'SafeVillageDesignation', targetId: () => `${regionCode}:${year}`, regionCode, payload: { year } }, (m) =>
    designate(m, `${regionPrefix(regionCode)}%`, year, (code) => ctx.policies.resolve(designationPolicyPoint, code), decidedOn),
  );
  return decided.map(({ record, decision, source }) =>
    Object.assign(new SafeVillageDesignation(), { villageCode: record.villageCode, year, kind: decision.kind, designated: decision.designated, reasonsFor: decision.reasonsFor, reasonsAgainst: decision.reasonsAgainst, policySource: source, decidedOn }),
  );
}

@Resolver(() => RuleOfLaw)
export class RuleOfLawResolver {
  @Query(() => [RuleOfLawStatsRow], { description: '三源共治统计：区划的下级区划逐行，按期间（限辖区）/ Three-sources statistics per child region over a period (within your scope)' })
  ruleOfLawStats(
    @Arg('regionCode', () => String, { description: '区划代码（县则逐乡镇，乡镇则逐村）/ Division code (a county: per township; a township: per village)' }) regionCode: string,
    @Arg('from', () => GraphQLLocalDate, { description: '开始日期 / First day' }) from: string,
    @Arg('to', () => GraphQLLocalDate, { description: '结束日期（含）/ Last day (inclusive)' }) to: string,
    @Ctx() ctx: RequestContext,
  ): Promise<RuleOfLawStatsRow[]> {
    return ruleOfLawStats(ctx, regionCode, from, to);
  }

  @Query(() => [SafeVillageDesignation], { description: '平安创建命名（某年，限辖区，含正反理由）/ Safe-village designations of a year (within your scope, with reasons)' })
  async safeVillageDesignations(
    @Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Arg('designatedOnly', () => Boolean, { defaultValue: false, description: '只列获命名的村 / Designated villages only' }) designatedOnly: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<SafeVillageDesignation[]> {
    const prefix = LegalAccess.of(ctx).listPrefix(regionCode);
    if (prefix === null) return [];
    const rows = (await ctx.dataSource.query(
      `SELECT ${SELECT_DESIGNATION} FROM safe_village_designation WHERE village_code LIKE $1 AND year = $2 ${designatedOnly ? 'AND designated' : ''} ORDER BY village_code, kind`,
      [`${prefix}%`, year],
    )) as SafeVillageDesignation[];
    return rows.map((r) => Object.assign(new SafeVillageDesignation(), r, { year: Number(r.year) }));
  }

  @Mutation(() => [SafeVillageDesignation], { description: '评定某年的平安创建命名（按区县命名规则，逐村给出正反理由）/ Compute a year’s designations (the county’s rule; reasons for and against each village)' })
  computeSafeVillageDesignations(
    @Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<SafeVillageDesignation[]> {
    return computeDesignations(ctx, regionCode, year);
  }
}

@Resolver(() => LegalRegion)
export class RuleOfLawRegionResolver {
  @FieldResolver(() => RuleOfLaw, {
    description:
      '村（区划）法治页：三源共治年度统计。辅警（一村一辅警）、村干部由干部子图的 Region.posts / Region.cadres 在同一查询中给出 / The region’s rule-of-law page: three-sources statistics of a year. The auxiliary police post (一村一辅警) and cadres come from the personnel subgraph’s Region.posts / Region.cadres in the same query',
  })
  ruleOfLaw(@Root() region: LegalRegion, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<RuleOfLaw> {
    requireYear(year);
    return ruleOfLawLoader(ctx, year).load(region.code);
  }
}

/** 三源共治 statistics (`Region.ruleOfLaw` from counters kept by triggers, `ruleOfLawStats`) and safe-village designations by the county's `legal.designation` policy. */
export const statsFeature: SubgraphFeature = {
  resolvers: [RuleOfLawResolver, RuleOfLawRegionResolver],
  migrations: [LegalRegionCounters1774300000100, LegalMonthCounters1774800000100],
  counters: [legalCounterRebuild, legalMonthCounterRebuild],
  defaults: [bindPolicy(designationPolicyPoint, () => new DefaultDesignationPolicy())],
};
