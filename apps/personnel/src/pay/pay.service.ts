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
  payItemSourcePoint,
  payPolicyPoint,
  quarterOf,
  rankPolicyPoint,
  roundYuan,
  type PayDeduction,
  type PayInput,
  type PayItem,
  requireMonth,
} from '@xiangzhi/personnel-api';
import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { Appraisal, AppraisalPeriodType } from '../appraisal/appraisal.entity';
import { Sanction } from '../attendance/attendance.entity';
import { Cadre, CadreStatus } from '../cadre/cadre.entity';
import { Post } from '../post/post.entity';
import { MANAGER_ROLES, PersonnelAccess } from '../shared/access';
import { requireVillageCode } from '../shared/checks';
import { emptyConnection } from '../shared/connection';
import { recordEvent } from '../shared/outbox';
import { PayRecord, type StoredPayComponent } from './pay.entity';
import type { PayRecordsArgs } from './pay.inputs';
import { PayrollResult } from './pay.types';

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

/** Everything the payroll of a village reads, in a fixed number of statements whatever its size. */
interface PayrollFacts {
  posts: Post[];
  cadres: Cadre[];
  appraisals: Appraisal[];
  sanctions: Sanction[];
}

async function loadPayrollFacts(manager: EntityManager, villageCode: string, month: string): Promise<PayrollFacts> {
  const posts = await manager
    .getRepository(Post)
    .createQueryBuilder('p')
    .where('p.village_code = :villageCode AND p.holder_id IS NOT NULL AND p.active', { villageCode })
    .orderBy('p.code', 'ASC')
    .getMany();
  const ids = [...new Set(posts.map((p) => p.holderId as string))];
  if (ids.length === 0) return { posts, cadres: [], appraisals: [], sanctions: [] };
  const cadres = await manager
    .getRepository(Cadre)
    .createQueryBuilder('c')
    .where('c.id = ANY(:ids) AND c.status <> :left', { ids, left: CadreStatus.LEFT })
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
  return { posts, cadres, appraisals, sanctions };
}

/**
 * 报酬核算 computes the month's pay of every cadre holding a post in a village under the county's
 * pay policy, and stores one pay record per cadre and month (recomputing overwrites it and raises
 * its version), every component stamped with the policy that produced it.
 *
 * What the policy gets per cadre: the posts held; the month's appraisal total (else the quarter's);
 * last year's final rating; the rank (level, title and rank pay from the county's rank policy); the
 * sanction deductions that fall in the month (MONTH deductions of the month, QUARTER ones of any
 * month of its quarter); the pay items the county's `PayItemSource` (a plugin's tables) holds for
 * the month, read once for all cadres.
 *
 * If the policy refuses any cadre's pay (`validate`), nothing is written and every violation, for
 * every cadre, is returned as POLICY_VIOLATION. The statements do not grow with the number of
 * cadres: four reads, one multi-row upsert, the event and the audit record.
 */
export async function computePayroll(ctx: RequestContext, villageCode: string, month: string): Promise<PayrollResult> {
  requireVillageCode(villageCode);
  requireMonth(month);
  PersonnelAccess.of(ctx).requireWrite(villageCode, MANAGER_ROLES);
  const { policy, source } = ctx.policies.resolve(payPolicyPoint, villageCode);
  const { policy: rankPolicy } = ctx.policies.resolve(rankPolicyPoint, villageCode);
  const { policy: itemSource } = ctx.policies.resolve(payItemSourcePoint, villageCode);
  const countyCode = countyOf(villageCode) as string;
  return mutate(
    ctx,
    { action: 'computePayroll', targetType: 'Village', regionCode: villageCode, targetId: () => villageCode, payload: { month, policy: source } },
    async (manager) => {
      const facts = await loadPayrollFacts(manager, villageCode, month);
      const postsOf = groupByKey(facts.cadres.map((c) => c.id), facts.posts, (p) => p.holderId as string);
      const appraisalsOf = new Map<string, Appraisal[]>();
      for (const a of facts.appraisals) appraisalsOf.set(a.cadreId, [...(appraisalsOf.get(a.cadreId) ?? []), a]);
      const sanctionsOf = new Map<string, Sanction[]>();
      for (const s of facts.sanctions) sanctionsOf.set(s.cadreId, [...(sanctionsOf.get(s.cadreId) ?? []), s]);
      const levels = rankPolicy.levels();
      const items = facts.cadres.length > 0 ? await itemSource.itemsFor({ manager, villageCode, month, cadreIds: facts.cadres.map((c) => c.id) }) : new Map<string, PayItem[]>();

      const violations: PayViolation[] = [];
      const computed = facts.cadres.map((cadre, i) => {
        const own = appraisalsOf.get(cadre.id) ?? [];
        const find = (type: AppraisalPeriodType) => own.find((a) => a.periodType === type) ?? null;
        const [monthly, quarterly] = [find(AppraisalPeriodType.MONTH), find(AppraisalPeriodType.QUARTER)];
        const rank = cadre.rankLevel === null ? undefined : levels.find((l) => l.level === cadre.rankLevel);
        const input: PayInput = {
          month,
          cadre: { id: cadre.id, fullTime: cadre.fullTime, serviceStart: cadre.serviceStart },
          posts: postsOf[i].map((p) => ({ code: p.code, title: p.title, category: p.category, fullTime: p.fullTime })),
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
        const components = policy.components(input);
        for (const v of policy.validate(input, components)) {
          violations.push({ ...v, zh: `${cadre.name}：${v.zh}`, en: `${cadre.name}: ${v.en}`, source: v.source ?? source, cadreId: cadre.id });
        }
        const stored: StoredPayComponent[] = components.map((c) => ({ kind: c.kind, amount: roundYuan(c.amount), rule: c.rule, zh: c.zh, en: c.en, policy: source }));
        return { cadre, components: stored, total: roundYuan(stored.reduce((sum, c) => sum + c.amount, 0)) };
      });
      if (violations.length > 0) throw policyViolation(violations);

      const records: PayRecord[] = [];
      if (computed.length > 0) {
        const rows: { id: string; cadre_id: string; version: number; computed_at: Date }[] = await manager.query(
          `INSERT INTO pay_record (county_code, village_code, cadre_id, month, components, total, policy)
           SELECT $1, $2, v.cadre_id, $3, v.components::jsonb, v.total::numeric, $4
             FROM unnest($5::uuid[], $6::text[], $7::text[]) AS v(cadre_id, components, total)
           ON CONFLICT (cadre_id, month) DO UPDATE
              SET county_code = EXCLUDED.county_code, village_code = EXCLUDED.village_code, components = EXCLUDED.components,
                  total = EXCLUDED.total, policy = EXCLUDED.policy, version = pay_record.version + 1, computed_at = now()
           RETURNING id, cadre_id, version, computed_at`,
          [
            countyCode,
            villageCode,
            month,
            source,
            computed.map((c) => c.cadre.id),
            computed.map((c) => JSON.stringify(c.components)),
            computed.map((c) => c.total.toFixed(2)),
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
