import {
  assertRegionCode,
  countyOf,
  groupByKey,
  mutate,
  paginate,
  policyViolation,
  type ConnectionShape,
  type RequestContext,
  type RuleViolation,
} from '@xiangzhi/kernel';
import {
  DeductionPeriod,
  monthsOfQuarter,
  PayComponentKind,
  payItemSourcePoint,
  payPolicyPoint,
  quarterOf,
  rankPolicyPoint,
  roundYuan,
  type PayComponent,
  type PayDeduction,
  type PayInput,
  type PayItem,
  type PayItemQuery,
  type PayItemSource,
  type PayPost,
  type PayrollCadre,
  type PayTenure,
  type PayVillage,
  requireMonth,
} from '@xiangzhi/personnel-api';
import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Appraisal, AppraisalPeriodType } from '../appraisal/appraisal.entity';
import { Sanction } from '../attendance/attendance.entity';
import { Cadre } from '../cadre/cadre.entity';
import { Post, PostAssignment } from '../post/post.entity';
import { MANAGER_ROLES, PersonnelAccess } from '../shared/access';
import { requireMonthNotFuture, requireVillageCode } from '../shared/checks';
import { villageKindOf } from '../shared/village-kind';
import { emptyConnection } from '../shared/connection';
import { recordEvent } from '../shared/outbox';
import { PayRecord, type StoredPayComponent } from './pay.entity';
import type { PayRecordsArgs } from './pay.inputs';
import { PayrollResult } from './pay.types';
import { checkRegions } from '@xiangzhi/grids-api';
import { monthPeriod } from '../shared/periods';

/** A violation of the pay policy for one cadre: the policy's rule, which cadre, which policy. */
export interface PayViolation extends RuleViolation {
  cadreId: string;
  source: string;
}

/**
 * The reason a sanction's deduction gives on the payslip: the date decided and what happened (the
 * decision's text up to its first colon, e.g. `2024-03-12 年内第3次擅自离岗`).
 */
export function deductionReason(s: Pick<Sanction, 'decidedOn' | 'decision'>): string {
  const situation = s.decision.zh.split(/[：:]/)[0].trim() || s.decision.rule;
  return `${s.decidedOn} ${situation}`;
}

/** Calendar arithmetic on `YYYY-MM-DD` dates, as day numbers (days since 1970-01-01, UTC). */
const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
const dateOf = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** The month as a half-open range of day numbers, with its first and last date. */
function monthRange(month: string): { first: string; last: string; from: number; until: number; days: number } {
  const { from: first, to: last } = monthPeriod(month);
  const [from, until] = [dayNumber(first), dayNumber(last) + 1];
  return { first, last, from, until, days: until - from };
}

/** Everything the payroll of a village reads, in a fixed number of statements whatever its size. */
interface PayrollFacts {
  /** Holdings of the village's posts that overlap the month, with their posts. */
  holdings: { assignment: PostAssignment; post: Post }[];
  cadres: Cadre[];
  appraisals: Appraisal[];
  sanctions: Sanction[];
}

/**
 * Who held which post of the village in the month: every assignment overlapping it (started on or
 * before its last day, not ended by its first), whatever happened since — a cadre removed later is
 * still paid for the month, one appointed later is not, and neither the post's current holder nor
 * whether the post is still active matters.
 */
async function loadPayrollFacts(manager: EntityManager, villageCode: string, month: string): Promise<PayrollFacts> {
  const range = monthRange(month);
  const assignments = await manager
    .getRepository(PostAssignment)
    .createQueryBuilder('a')
    .where('a.village_code = :villageCode AND a.start_date <= :last AND (a.end_date IS NULL OR a.end_date > :first)', { villageCode, first: range.first, last: range.last })
    .orderBy('a.start_date', 'ASC')
    .addOrderBy('a.id', 'ASC')
    .getMany();
  if (assignments.length === 0) return { holdings: [], cadres: [], appraisals: [], sanctions: [] };
  const posts = await manager
    .getRepository(Post)
    .createQueryBuilder('p')
    .where('p.id = ANY(:ids)', { ids: [...new Set(assignments.map((a) => a.postId))] })
    .getMany();
  const postById = new Map(posts.map((p) => [p.id, p]));
  const holdings = assignments.flatMap((assignment) => {
    const post = postById.get(assignment.postId);
    return post ? [{ assignment, post }] : [];
  });
  const ids = [...new Set(holdings.map((h) => h.assignment.cadreId))];
  const cadres = await manager
    .getRepository(Cadre)
    .createQueryBuilder('c')
    .where('c.id = ANY(:ids)', { ids })
    .orderBy('c.name', 'ASC')
    .addOrderBy('c.id', 'ASC')
    .getMany();
  const year = Number(month.slice(0, 4));
  const appraisals = await manager
    .getRepository(Appraisal)
    .createQueryBuilder('a')
    .where('a.cadre_id = ANY(:ids)', { ids })
    .andWhere('((a.period_type = :m AND a.period = :month) OR (a.period_type = :q AND a.period = :quarter) OR (a.period_type = :y AND a.period = :lastYear))', {
      m: AppraisalPeriodType.MONTH,
      month,
      q: AppraisalPeriodType.QUARTER,
      quarter: `${year}-Q${quarterOf(month)}`,
      y: AppraisalPeriodType.YEAR,
      lastYear: String(year - 1),
    })
    .getMany();
  const sanctions = await manager
    .getRepository(Sanction)
    .createQueryBuilder('s')
    .where('s.cadre_id = ANY(:ids) AND s.deduction_share > 0', { ids })
    .andWhere('((s.deduction_period = :mp AND s.deduction_month = :month) OR (s.deduction_period = :qp AND s.deduction_month = ANY(:quarterMonths)))', {
      mp: DeductionPeriod.MONTH,
      month,
      qp: DeductionPeriod.QUARTER,
      quarterMonths: monthsOfQuarter(month),
    })
    .orderBy('s.decided_on', 'ASC')
    .addOrderBy('s.created_at', 'ASC')
    .addOrderBy('s.id', 'ASC')
    .getMany();
  return { holdings, cadres, appraisals, sanctions };
}

/**
 * The posts a cadre held in the month (first and last day held within it) and the days held: a
 * holding counts from its start date up to the day before its end date (免职日期 is the first day no
 * longer held), the days of several posts counted once.
 */
export function tenureInMonth(month: string, holdings: { assignment: Pick<PostAssignment, 'startDate' | 'endDate'>; post: Pick<Post, 'code' | 'title' | 'category' | 'fullTime'> }[]): { posts: PayPost[]; tenure: PayTenure } {
  const range = monthRange(month);
  const held = new Set<number>();
  const byCode = new Map<string, PayPost & { first: number; last: number }>();
  for (const { assignment, post } of holdings) {
    const from = Math.max(range.from, dayNumber(assignment.startDate));
    const until = Math.min(range.until, assignment.endDate ? dayNumber(assignment.endDate) : range.until);
    if (until <= from) continue;
    for (let d = from; d < until; d += 1) held.add(d);
    const seen = byCode.get(post.code);
    const [first, last] = [Math.min(seen?.first ?? from, from), Math.max(seen?.last ?? until - 1, until - 1)];
    byCode.set(post.code, { code: post.code, title: post.title, category: post.category, fullTime: post.fullTime, first, last, from: dateOf(first), to: dateOf(last) });
  }
  const posts = [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)).map(({ first: _first, last: _last, ...post }) => post);
  return { posts, tenure: { daysHeld: held.size, daysInMonth: range.days } };
}

/** Kinds paid by the month: for a partial month they are paid pro rata of the days held. */
const MONTHLY_KINDS: readonly PayComponentKind[] = [PayComponentKind.BASE, PayComponentKind.RANK];

/**
 * 按日折算 the partial-month rule: base and rank pay (monthly amounts) of a cadre who held a post on
 * only some days of the month are paid × days held ÷ days in the month, rounded to the fen, and say
 * so in their text and data (`proRata`, `fullAmount`). Performance pay follows the appraisal, pay
 * items are paid as recorded, deductions stay shares of the performance pay. A component whose data
 * already has `proRata` was pro-rated by its policy and is left alone.
 */
export function proRate(components: PayComponent[], tenure: PayTenure): PayComponent[] {
  const { daysHeld: d, daysInMonth: n } = tenure;
  if (d >= n) return components;
  return components.map((c) => {
    if (!MONTHLY_KINDS.includes(c.kind) || c.data?.proRata !== undefined) return c;
    return {
      ...c,
      amount: roundYuan((c.amount * d) / n),
      zh: `${c.zh}（本月在岗${d}/${n}天，按日折算）`,
      en: `${c.en} (held ${d} of ${n} days this month: pro rata)`,
      data: { ...c.data, proRata: `${d}/${n}`, fullAmount: c.amount },
    };
  });
}

/**
 * The pay items of every enabled plugin's item source (in the deployment's order), combined per
 * cadre; each item keeps its source (the plugin's name unless the item names its own).
 */
async function collectItems(sources: { policy: PayItemSource; source: string }[], query: PayItemQuery): Promise<Map<string, PayItem[]>> {
  const out = new Map<string, PayItem[]>();
  if (query.cadreIds.length === 0) return out;
  for (const { policy, source } of sources) {
    const items = await policy.itemsFor(query);
    for (const [cadreId, list] of items) {
      out.set(cadreId, [...(out.get(cadreId) ?? []), ...list.map((item) => ({ ...item, source: item.source ?? source }))]);
    }
  }
  return out;
}

/**
 * 报酬核算 computes the month's pay of every cadre holding a post in a village under the county's
 * pay policy, and stores one pay record per cadre and month (recomputing overwrites it and raises
 * its version), every component stamped with its true source (the policy or item source that
 * produced it) and stored with its data.
 *
 * Who is paid: whoever held a post of the village on at least one day of the month, by the post
 * assignments' start and end dates (see `loadPayrollFacts`, `tenureInMonth`); for a partial month
 * base and rank pay are paid pro rata of the days held (`proRate`).
 *
 * The policy's `prepare` (when it has one) runs once with the village, the month and every cadre,
 * and what it returns reaches `components` and `validate` for each cadre. What the policy gets per
 * cadre: the village; the posts held and the days held; the month's appraisal total (else the quarter's);
 * last year's final rating; the rank (level, title and rank pay from the county's rank policy); the
 * sanction deductions that fall in the month (MONTH deductions of the month, QUARTER ones of any
 * month of its quarter); the pay items every enabled plugin's `PayItemSource` holds for the month,
 * each source read once for all cadres and the items combined.
 *
 * If the policy refuses any cadre's pay (`validate`), nothing is written and every violation, for
 * every cadre, is returned as POLICY_VIOLATION. The statements do not grow with the number of
 * cadres: five reads, one multi-row upsert, the event and the audit record.
 */
export async function computePayroll(ctx: RequestContext, villageCode: string, month: string): Promise<PayrollResult> {
  requireVillageCode(villageCode);
  requireMonth(month);
  requireMonthNotFuture(month);
  PersonnelAccess.of(ctx).requireWrite(villageCode, MANAGER_ROLES);
  await checkRegions(ctx.dataSource, [{ field: 'villageCode', code: villageCode, on: monthPeriod(month) }]);
  const { policy, source } = ctx.policies.resolve(payPolicyPoint, villageCode);
  const { policy: rankPolicy } = ctx.policies.resolve(rankPolicyPoint, villageCode);
  const itemSources = ctx.policies.resolveAll(payItemSourcePoint, villageCode);
  const village: PayVillage = { code: villageCode, kind: villageKindOf(villageCode) ?? 'VILLAGE' };
  const countyCode = countyOf(villageCode) as string;
  return mutate(
    ctx,
    { action: 'computePayroll', targetType: 'Village', regionCode: villageCode, targetId: () => villageCode, payload: { month, policy: source } },
    async (manager) => {
      const facts = await loadPayrollFacts(manager, villageCode, month);
      const holdingsOf = groupByKey(facts.cadres.map((c) => c.id), facts.holdings, (h) => h.assignment.cadreId);
      const paid: PayrollCadre[] = facts.cadres.map((c, i) => ({ id: c.id, name: c.name, fullTime: c.fullTime, serviceStart: c.serviceStart, ...tenureInMonth(month, holdingsOf[i]) }));
      const appraisalsOf = new Map<string, Appraisal[]>();
      for (const a of facts.appraisals) appraisalsOf.set(a.cadreId, [...(appraisalsOf.get(a.cadreId) ?? []), a]);
      const sanctionsOf = new Map<string, Sanction[]>();
      for (const s of facts.sanctions) sanctionsOf.set(s.cadreId, [...(sanctionsOf.get(s.cadreId) ?? []), s]);
      const levels = rankPolicy.levels();
      const items = await collectItems(itemSources, { manager, villageCode, month, cadreIds: paid.map((c) => c.id) });
      const prepared: unknown = policy.prepare && paid.length > 0 ? await policy.prepare({ manager, village, month, cadres: paid }) : undefined;

      const violations: PayViolation[] = [];
      const computed: { cadre: Cadre; components: StoredPayComponent[]; total: number; tenure: PayTenure }[] = [];
      for (const [i, cadre] of facts.cadres.entries()) {
        const own = appraisalsOf.get(cadre.id) ?? [];
        const find = (type: AppraisalPeriodType) => own.find((a) => a.periodType === type) ?? null;
        const [monthly, quarterly] = [find(AppraisalPeriodType.MONTH), find(AppraisalPeriodType.QUARTER)];
        const rank = cadre.rankLevel === null ? undefined : levels.find((l) => l.level === cadre.rankLevel);
        const { posts, tenure } = paid[i];
        const input: PayInput = {
          month,
          village,
          cadre: { id: cadre.id, fullTime: cadre.fullTime, serviceStart: cadre.serviceStart },
          posts,
          tenure,
          appraisalTotal: (monthly ?? quarterly)?.total ?? null,
          appraisalPeriod: monthly ? 'MONTH' : quarterly ? 'QUARTER' : null,
          quarterAppraisalTotal: quarterly?.total ?? null,
          lastAnnualRating: find(AppraisalPeriodType.YEAR)?.finalRating ?? null,
          rank: rank ? { level: rank.level, title: rank.title, monthlyPay: rank.monthlyPay } : null,
          deductions: (sanctionsOf.get(cadre.id) ?? []).map(
            (s): PayDeduction => ({ share: s.deductionShare, period: s.deductionPeriod ?? DeductionPeriod.MONTH, reason: deductionReason(s) }),
          ),
          items: items.get(cadre.id) ?? [],
        };
        const components = await policy.components(input, prepared);
        // the policy judges the month as it would pay a whole one; a partial month is pro-rated after
        for (const v of policy.validate(input, components, prepared)) {
          violations.push({ ...v, zh: `${cadre.name}：${v.zh}`, en: `${cadre.name}: ${v.en}`, source: v.source ?? source, cadreId: cadre.id });
        }
        const stored: StoredPayComponent[] = proRate(components, tenure).map((c) => ({
          kind: c.kind,
          amount: roundYuan(c.amount),
          rule: c.rule,
          zh: c.zh,
          en: c.en,
          policy: c.source ?? source,
          ...(c.data && Object.keys(c.data).length > 0 ? { data: { ...c.data } } : {}),
        }));
        computed.push({ cadre, components: stored, total: roundYuan(stored.reduce((sum, c) => sum + c.amount, 0)), tenure });
      }
      if (violations.length > 0) throw policyViolation(violations);

      const records: PayRecord[] = [];
      if (computed.length > 0) {
        const rows: { id: string; cadre_id: string; version: number; computed_at: Date }[] = await manager.query(
          `INSERT INTO pay_record (county_code, village_code, cadre_id, month, components, total, policy, days_held, days_in_month)
           SELECT $1, $2, v.cadre_id, $3, v.components::jsonb, v.total::numeric, $4, v.days_held, $8
             FROM unnest($5::uuid[], $6::text[], $7::text[], $9::int[]) AS v(cadre_id, components, total, days_held)
           ON CONFLICT (cadre_id, month) DO UPDATE
              SET county_code = EXCLUDED.county_code, village_code = EXCLUDED.village_code, components = EXCLUDED.components,
                  total = EXCLUDED.total, policy = EXCLUDED.policy, days_held = EXCLUDED.days_held, days_in_month = EXCLUDED.days_in_month,
                  version = pay_record.version + 1, computed_at = now()
           RETURNING id, cadre_id, version, computed_at`,
          [
            countyCode,
            villageCode,
            month,
            source,
            computed.map((c) => c.cadre.id),
            computed.map((c) => JSON.stringify(c.components)),
            computed.map((c) => c.total.toFixed(2)),
            monthRange(month).days,
            computed.map((c) => c.tenure.daysHeld),
          ],
        );
        const byCadre = new Map(rows.map((r) => [r.cadre_id, r]));
        for (const c of computed) {
          const row = byCadre.get(c.cadre.id);
          if (!row) throw new Error(`pay record of ${c.cadre.id} was not stored`);
          records.push(
            manager.create(PayRecord, {
              id: row.id,
              countyCode,
              villageCode,
              cadreId: c.cadre.id,
              month,
              components: c.components,
              total: c.total,
              policy: source,
              daysHeld: c.tenure.daysHeld,
              daysInMonth: c.tenure.daysInMonth,
              version: Number(row.version),
              computedAt: new Date(row.computed_at),
            }),
          );
        }
      }
      await recordEvent(manager, 'personnel.payroll.computed', { villageCode, month, payRecordIds: records.map((r) => r.id) });
      return Object.assign(new PayrollResult(), { villageCode, month, policy: source, total: roundYuan(records.reduce((sum, r) => sum + r.total, 0)), records });
    },
  );
}

/** 报酬记录 pay records under a region (inside the caller's scope), by month, village and id. */
export async function listPayRecords(ctx: RequestContext, args: PayRecordsArgs): Promise<ConnectionShape<PayRecord>> {
  assertRegionCode(args.regionCode, 'regionCode');
  const prefix = PersonnelAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return emptyConnection();
  const qb = ctx.dataSource.getRepository(PayRecord).createQueryBuilder('p').where('p.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.month) qb.andWhere('p.month = :month', { month: args.month });
  return paginate(qb, args, [
    { column: 'p.month', value: (p) => p.month },
    { column: 'p.village_code', value: (p) => p.villageCode },
    { column: 'p.id', value: (p) => p.id },
  ]);
}

/** Per-request loader of cadres' pay records (optionally of one month), oldest month first. */
export function payRecordsByCadreLoader(ctx: RequestContext, month: string | null): DataLoader<string, PayRecord[]> {
  return ctx.loaders.get<string, PayRecord[]>(`pay:byCadre:${month ?? '*'}`, async (ids) => {
    const qb = ctx.dataSource.getRepository(PayRecord).createQueryBuilder('p').where('p.cadre_id = ANY(:ids)', { ids: [...ids] });
    if (month) qb.andWhere('p.month = :month', { month });
    const rows = await qb.orderBy('p.month', 'ASC').getMany();
    return groupByKey(ids, rows, (p) => p.cadreId);
  });
}
