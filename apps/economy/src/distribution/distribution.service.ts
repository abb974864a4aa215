import { badInput, conflict, isUniqueViolation, mutateOnce, notFound, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { distributionPolicyPoint, DistributionPart, formatFen, type DistributionQuery } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';
import { recordEvents } from '../events/outbox';
import { VoucherKind } from '../ledger/ledger.entity';
import { lockOrganization } from '../ledger/ledger.service';
import { lastClosedMonth, writeVouchers, type NewLine, type Sql } from '../ledger/postings';
import { requireAdoptedMatter } from '../major-matter/authorisation';
import { holdingsOn } from '../member/member.loaders';
import { readableOrganization } from '../organization/organization.service';
import { BOOKKEEPER_ROLES, EconomyAccess, isUuid } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { fen, jsonSafe } from '../shared/money';
import { retryOnDuplicate } from '../shared/once';
import { Distribution } from './distribution.entity';
import type { RunDistributionInput } from './distribution.inputs';
import { ROUNDING, splitSurplus, type MemberShares } from './split';

const DISTRIBUTION = { zh: '收益分配', en: 'Distribution' };

/** The accounts a distribution is booked to: 322 收益分配 debited; wages to 211 应付工资, dividends and land rent to 202 应付款. */
export const DISTRIBUTION_ACCOUNTS = { surplus: '322', wages: '211', payable: '202' } as const;

/** The year's net surplus of an organisation from its ledger: income less expense posted in the year (one statement). */
export async function netSurplus(db: Sql, organizationId: string, year: number): Promise<bigint> {
  const rows = (await db.query(
    `SELECT coalesce(sum(p.credit_fen - p.debit_fen), 0)::text AS net
     FROM ledger_posting p JOIN ledger_account a ON a.organization_id = p.organization_id AND a.code = p.account_code
     WHERE p.organization_id = $1 AND p.posted_on BETWEEN $2::date AND $3::date AND a.category IN ('INCOME', 'EXPENSE')`,
    [organizationId, `${year}-01-01`, `${year}-12-31`],
  )) as { net: string }[];
  return fen(rows[0]?.net);
}

/** The members of an organisation at the end of a year with their shares by class (two statements). */
export async function membersAtYearEnd(db: Sql, organizationId: string, year: number): Promise<MemberShares[]> {
  const end = `${year}-12-31`;
  const ids = (
    (await db.query(
      `SELECT m.id FROM economy_member m WHERE m.organization_id = $1 AND m.admitted_on <= $2::date
       AND NOT EXISTS (SELECT 1 FROM economy_member_exit x WHERE x.member_id = m.id AND x.exited_on <= $2::date) ORDER BY m.admitted_on, m.id`,
      [organizationId, end],
    )) as { id: string }[]
  ).map((r) => r.id);
  const holdings = ids.length ? await holdingsOn(db, ids, end) : new Map();
  return ids.map((id) => ({ memberId: id, shares: Object.fromEntries((holdings.get(id) ?? []).map((h: { shareClass: string; count: number }) => [h.shareClass, h.count])) }));
}

/** A distribution the caller may see (NOT_FOUND otherwise). */
export async function readableDistribution(ctx: RequestContext, id: string): Promise<Distribution> {
  const d = isUuid(id) ? await ctx.dataSource.getRepository(Distribution).findOneBy({ id }) : null;
  if (!d || !EconomyAccess.of(ctx).canSee(d.villageCode)) throw notFound(DISTRIBUTION.zh, DISTRIBUTION.en, id);
  return d;
}

function alreadyDistributed(year: number, organizationId: string): Error {
  return conflict(`该组织${year}年度已进行收益分配，不能重复分配：input.year = ${year}`, `The organisation's ${year} surplus was already distributed: input.year = ${year}`, {
    field: 'input.year',
    rule: 'DISTRIBUTION_EXISTS',
    value: year,
    organizationId,
  });
}

/**
 * 收益分配 runs the distribution of an organisation's year: the year must have ended and not been
 * distributed (CONFLICT `DISTRIBUTION_EXISTS`); the surplus (given, or the year's net surplus less
 * the policy's reserve) must be positive and not above what is distributable; the members at the
 * year's end must hold shares. The `economy.distribution` policy's parts are cut by largest
 * remainder, every part among members the same way; the voucher (322 / 211, 202), the run, every
 * member's lines and `economy.distribution.completed` are written in one transaction, after the
 * major-matter check (`requireAdoptedMatter`) when the surplus is above the county's threshold.
 */
export async function runDistribution(ctx: RequestContext, input: RunDistributionInput): Promise<Distribution> {
  const org = await readableOrganization(ctx, input.organizationId);
  EconomyAccess.of(ctx).requireWrite(org.villageCode, BOOKKEEPER_ROLES);
  const today = todayInChina();
  if (input.year >= Number(today.slice(0, 4))) {
    throw badInput(`年度尚未结束，不能分配：input.year = ${input.year}`, `The year has not ended and cannot be distributed: input.year = ${input.year}`, { field: 'input.year', rule: 'YEAR_NOT_ENDED', value: input.year });
  }
  const date = input.date ?? today;
  requireNotFuture(date, 'input.date', { zh: '分配日期', en: 'distribution date' });
  if (date <= `${input.year}-12-31`) {
    throw badInput(`分配日期须在分配年度之后：input.date = ${date}`, `The distribution must be dated after the year it distributes: input.date = ${date}`, { field: 'input.date', rule: 'DATE_WITHIN_YEAR', value: date });
  }
  const closed = await lastClosedMonth(ctx.dataSource, org.id);
  if (closed !== null && date.slice(0, 7) <= closed) {
    throw badInput(`会计期间已结账（已结至${closed}），不能记入分配凭证：input.date = ${date}`, `The period is closed (books closed through ${closed}); the distribution cannot be booked on input.date = ${date}`, {
      field: 'input.date',
      rule: 'PERIOD_CLOSED',
      value: date,
    });
  }
  const existing = (await ctx.dataSource.query(`SELECT id FROM economy_distribution WHERE organization_id = $1 AND year = $2`, [org.id, input.year])) as unknown[];
  if (existing.length > 0) throw alreadyDistributed(input.year, org.id);
  const net = await netSurplus(ctx.dataSource, org.id, input.year);
  const members = await membersAtYearEnd(ctx.dataSource, org.id, input.year);
  const shareTotals: Record<string, number> = {};
  for (const m of members) for (const [cls, n] of Object.entries(m.shares)) shareTotals[cls] = (shareTotals[cls] ?? 0) + n;
  const query: DistributionQuery = { villageCode: org.villageCode, year: input.year, netSurplusFen: net, shareTotals };
  const { policy, source } = ctx.policies.resolve(distributionPolicyPoint, org.villageCode);
  const bp = BigInt(Math.min(10_000, Math.max(0, Math.trunc(policy.reserveBasisPoints(query)))));
  const reserve = net > 0n ? (net * bp) / 10_000n : 0n;
  const distributable = net - reserve;
  const surplus = input.surplus ?? distributable;
  if (surplus <= 0n) {
    throw badInput(
      `没有可分配收益（本年收益 ${formatFen(net)} 元，提留 ${formatFen(reserve)} 元，分配金额 ${formatFen(surplus)} 元）：input.surplus`,
      `There is no surplus to distribute (net surplus ${formatFen(net)} CNY, reserve ${formatFen(reserve)} CNY, amount ${formatFen(surplus)} CNY): input.surplus`,
      { field: 'input.surplus', rule: 'NO_SURPLUS', value: formatFen(surplus) },
    );
  }
  if (surplus > distributable) {
    throw badInput(
      `分配金额超过可分配收益 ${formatFen(distributable)} 元（本年收益 ${formatFen(net)} 元减提留 ${formatFen(reserve)} 元）：input.surplus = ${formatFen(surplus)}`,
      `The amount is above the distributable ${formatFen(distributable)} CNY (net surplus ${formatFen(net)} CNY less reserve ${formatFen(reserve)} CNY): input.surplus = ${formatFen(surplus)}`,
      { field: 'input.surplus', rule: 'SURPLUS_EXCEEDS_DISTRIBUTABLE', value: formatFen(surplus) },
    );
  }
  if (members.length === 0 || members.every((m) => Object.values(m.shares).every((n) => n === 0))) {
    throw badInput(`${input.year}年末没有持股成员，无法分配：input.organizationId = ${org.id}`, `No member held shares at the end of ${input.year}; nothing can be distributed: input.organizationId = ${org.id}`, {
      field: 'input.organizationId',
      rule: 'NO_SHAREHOLDERS',
      value: org.id,
    });
  }
  const rules = policy.parts(query);
  if (!rules.some((r) => r.weight > 0)) {
    throw badInput(`分配方案没有权重大于零的项目（${source}）`, `The distribution policy (${source}) has no part with a positive weight`, { field: 'input.organizationId', rule: 'POLICY_NO_PARTS', value: source });
  }
  const split = splitSurplus(surplus, rules, members);
  const payMembers = split.lines.filter((l) => l.amountFen > 0n || l.shares > 0);
  const memberCount = new Set(payMembers.map((l) => l.memberId)).size;
  const amountOf = (part: DistributionPart): bigint => split.parts.filter((p) => p.part === part).reduce((s, p) => s + p.amountFen, 0n);
  const wages = amountOf(DistributionPart.WAGES);
  const payable = surplus - wages;
  const lines: NewLine[] = [
    { accountCode: DISTRIBUTION_ACCOUNTS.surplus, debitFen: surplus, creditFen: 0n, memo: `${input.year}年度收益分配` },
    ...(payable > 0n ? [{ accountCode: DISTRIBUTION_ACCOUNTS.payable, debitFen: 0n, creditFen: payable, memo: '应付分红及土地租金' }] : []),
    ...(wages > 0n ? [{ accountCode: DISTRIBUTION_ACCOUNTS.wages, debitFen: 0n, creditFen: wages, memo: '应付务工收入' }] : []),
  ];
  return retryOnDuplicate(input.idempotencyKey, ['DISTRIBUTION_EXISTS'], () => mutateOnce(
    ctx,
    { operation: 'runDistribution', key: input.idempotencyKey, input: jsonSafe(input), idOf: (d) => d.id, replay: (id) => readableDistribution(ctx, id) },
    { action: 'runDistribution', targetType: 'Distribution', regionCode: org.villageCode, targetId: (d) => d.id, payload: { organizationId: org.id, year: input.year, surplus: surplus.toString() } },
    async (manager: EntityManager) => {
      await lockOrganization(manager, org.id);
      const again = (await manager.query(`SELECT id FROM economy_distribution WHERE organization_id = $1 AND year = $2`, [org.id, input.year])) as unknown[];
      if (again.length > 0) throw alreadyDistributed(input.year, org.id);
      await requireAdoptedMatter(ctx, manager, { villageCode: org.villageCode, subject: 'DISTRIBUTION', amountFen: surplus, matterId: input.majorMatterId ?? null, field: 'input.majorMatterId' });
      const [voucher] = await writeVouchers(manager, org, [{ date, summary: `${input.year}年度收益分配`, kind: VoucherKind.DISTRIBUTION, lines }], { createdBy: ctx.actor.id });
      let id: string;
      try {
        const rows = (await manager.query(
          `INSERT INTO economy_distribution (organization_id, village_code, year, net_surplus_fen, reserve_fen, surplus_fen, parts, rounding, policy_source, member_count, voucher_id, major_matter_id, run_on, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
          [
            org.id,
            org.villageCode,
            input.year,
            net.toString(),
            reserve.toString(),
            surplus.toString(),
            JSON.stringify(split.parts.map((p) => ({ ...p, amountFen: p.amountFen.toString() }))),
            ROUNDING,
            source,
            memberCount,
            voucher.id,
            input.majorMatterId ?? null,
            date,
            ctx.actor.id,
          ],
        )) as { id: string }[];
        id = rows[0].id;
      } catch (error) {
        if (isUniqueViolation(error)) throw alreadyDistributed(input.year, org.id);
        throw error;
      }
      await manager.query(
        `INSERT INTO economy_distribution_line (distribution_id, member_id, part, shares, amount_fen)
         SELECT $1::uuid, m, p, s, a FROM unnest($2::uuid[], $3::text[], $4::int[], $5::bigint[]) AS l(m, p, s, a)`,
        [id, payMembers.map((l) => l.memberId), payMembers.map((l) => l.part), payMembers.map((l) => l.shares), payMembers.map((l) => l.amountFen.toString())],
      );
      await recordEvents(manager, 'economy.distribution.completed', [
        { distributionId: id, organizationId: org.id, villageCode: org.villageCode, year: input.year, surplusFen: surplus.toString(), memberCount, voucherId: voucher.id },
      ]);
      return manager.findOneByOrFail(Distribution, { id });
    },
  ));
}
