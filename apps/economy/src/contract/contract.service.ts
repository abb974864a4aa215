import { randomUUID } from 'node:crypto';
import { badInput, boundedBatchLimit, boundedGroups, byKey, groupByKey, isUuid, mutateOnce, notFound, paginate, type ConnectionShape, type ListBound, type RequestContext } from '@xiangzhi/kernel';
import { formatFen, paymentSchedule, termMonths } from '@xiangzhi/economy-api';
import { requireAdoptedMatter } from '../major-matter/authorisation';
import { readableAsset, readableResource } from '../register/register.service';
import { BOOKKEEPER_ROLES, EconomyAccess } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { requirePositive } from '../shared/money';
import { retryOnDuplicate } from '../shared/once';
import { LeaseContract, LeaseInstalment, LeasePayment, type OverduePayment } from './contract.entity';
import type { ContractsArgs, OverduePaymentsArgs, RecordContractPaymentInput, RegisterContractInput } from './contract.inputs';

const CONTRACT = { zh: '发包合同', en: 'lease' };

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function contractLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, LeaseContract | null>('economy.contract', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(LeaseContract).createQueryBuilder('c').where('c.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

export function instalmentsLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, LeaseInstalment[]>('economy.contractInstalments', async (ids) => {
    const rows = await ctx.dataSource.getRepository(LeaseInstalment).createQueryBuilder('i').where('i.contract_id IN (:...ids)', { ids: [...ids] }).orderBy('i.contract_id').addOrderBy('i.seq').getMany();
    return groupByKey(ids, rows, (r) => r.contractId);
  });
}

export function paymentsLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, LeasePayment[]>('economy.contractPayments', async (ids) => {
    const rows = await ctx.dataSource.getRepository(LeasePayment).createQueryBuilder('p').where('p.contract_id IN (:...ids)', { ids: [...ids] }).orderBy('p.paid_on').addOrderBy('p.id').getMany();
    return groupByKey(ids, rows, (r) => r.contractId);
  });
}

/** Leases each major matter authorised, one statement per batch. */
export function contractsByMatterLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, LeaseContract[]>('economy.contractsByMatter', async (ids) => {
    const rows = await ctx.dataSource.getRepository(LeaseContract).createQueryBuilder('c').where('c.major_matter_id IN (:...ids)', { ids: [...ids] }).orderBy('c.term_start').addOrderBy('c.id').getMany();
    return groupByKey(ids, rows, (r) => r.majorMatterId ?? '');
  });
}

export async function readableContract(ctx: RequestContext, id: string): Promise<LeaseContract> {
  const row = await contractLoader(ctx).load(id);
  if (!row || !EconomyAccess.of(ctx).canSee(row.villageCode)) throw notFound(CONTRACT.zh, CONTRACT.en, id);
  return row;
}

export async function listContracts(ctx: RequestContext, args: ContractsArgs): Promise<ConnectionShape<LeaseContract>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  const qb = ctx.dataSource.getRepository(LeaseContract).createQueryBuilder('c');
  if (prefix === null) qb.where('false');
  else qb.where('c.village_code LIKE :prefix', { prefix: `${prefix}%` });
  return paginate(qb, args, [
    { column: 'c.village_code', value: (c) => c.villageCode },
    { column: 'c.term_start', value: (c) => c.termStart },
    { column: 'c.id', value: (c) => c.id },
  ]);
}

/**
 * 登记发包合同: exactly one asset or resource of the caller's scope; a term of whole months; a yearly
 * amount above zero; the schedule generated (instalments summing to the total exactly, multi-row
 * insert); a term overlapping another lease of the same asset or resource refused
 * (`LEASE_TERM_OVERLAP`); above the county's threshold an adopted major matter of the village for
 * contracts must authorise it (`requireAdoptedMatter`). A resource leased is marked contracted.
 */
export async function registerContract(ctx: RequestContext, input: RegisterContractInput): Promise<LeaseContract> {
  const given = [input.assetId, input.resourceId].filter((v) => v !== null && v !== undefined);
  if (given.length !== 1) {
    throw badInput('须且只能指定一项发包的资产或资源：input.assetId / input.resourceId', 'Name exactly one asset or resource to lease: input.assetId / input.resourceId', {
      field: 'input.assetId',
      rule: 'CONTRACT_SUBJECT_REQUIRED',
      value: null,
    });
  }
  const subject = input.assetId ? await readableAsset(ctx, input.assetId) : await readableResource(ctx, input.resourceId ?? '');
  EconomyAccess.of(ctx).requireWrite(subject.villageCode, BOOKKEEPER_ROLES);
  requirePositive(input.yearlyAmount, 'input.yearlyAmount');
  requireNotFuture(input.signedOn, 'input.signedOn', { zh: '签订日期', en: 'date signed' });
  const months = input.termEnd > input.termStart ? termMonths(input.termStart, input.termEnd) : null;
  if (months === null) {
    throw badInput(`合同期限须为整月且终止日晚于起始日（如 2025-03-01 至 2028-02-29）：input.termEnd = ${input.termEnd}`, `The term must be a whole number of months ending after it starts (e.g. 2025-03-01 to 2028-02-29): input.termEnd = ${input.termEnd}`, {
      field: 'input.termEnd',
      rule: 'CONTRACT_TERM_WHOLE_MONTHS',
      value: input.termEnd,
    });
  }
  const schedule = paymentSchedule(input.termStart, months, input.yearlyAmount, input.paymentFrequency);
  // a concurrent duplicate with the same key commits first and this call's overlap check refuses: replay it
  return retryOnDuplicate(input.idempotencyKey, ['LEASE_TERM_OVERLAP'], () => mutateOnce(
    ctx,
    { operation: 'registerContract', key: input.idempotencyKey, input, idOf: (c) => c.id, replay: (id) => readableContract(ctx, id) },
    { action: 'economy.contract.register', targetType: 'LeaseContract', targetId: (c) => c.id, regionCode: subject.villageCode, payload: { counterparty: input.counterparty, total: formatFen(schedule.totalFen), majorMatterId: input.majorMatterId ?? null } },
    async (manager) => {
      await requireAdoptedMatter(ctx, manager, { villageCode: subject.villageCode, subject: 'CONTRACT', amountFen: schedule.totalFen, matterId: input.majorMatterId, field: 'input.majorMatterId' });
      const column = input.assetId ? 'asset_id' : 'resource_id';
      await manager.query(`SELECT id FROM ${input.assetId ? 'collective_asset' : 'collective_resource'} WHERE id = $1 FOR UPDATE`, [subject.id]);
      const overlapping = (await manager.query(`SELECT id, to_char(term_start, 'YYYY-MM-DD') AS s, to_char(term_end, 'YYYY-MM-DD') AS e FROM lease_contract WHERE ${column} = $1 AND term_start <= $3 AND term_end >= $2 LIMIT 1`, [
        subject.id,
        input.termStart,
        input.termEnd,
      ])) as { id: string; s: string; e: string }[];
      if (overlapping.length > 0) {
        const o = overlapping[0];
        throw badInput(`该${input.assetId ? '资产' : '资源'}在${o.s}至${o.e}已发包（合同 ${o.id}），期限重叠：input.termStart = ${input.termStart}`, `The ${input.assetId ? 'asset' : 'resource'} is already leased from ${o.s} to ${o.e} (lease ${o.id}): the terms overlap: input.termStart = ${input.termStart}`, {
          field: 'input.termStart',
          rule: 'LEASE_TERM_OVERLAP',
          value: input.termStart,
        });
      }
      const id = randomUUID();
      await manager.insert(LeaseContract, {
        id,
        countyCode: subject.countyCode,
        villageCode: subject.villageCode,
        organizationId: subject.organizationId,
        assetId: input.assetId ?? null,
        resourceId: input.resourceId ?? null,
        counterparty: input.counterparty,
        termStart: input.termStart,
        termEnd: input.termEnd,
        termMonths: months,
        yearlyAmount: input.yearlyAmount,
        total: schedule.totalFen,
        paymentFrequency: input.paymentFrequency,
        majorMatterId: input.majorMatterId ?? null,
        signedOn: input.signedOn,
        version: 1,
        createdBy: ctx.actor.id,
      });
      await manager.insert(
        LeaseInstalment,
        schedule.instalments.map((i) => ({ id: randomUUID(), contractId: id, villageCode: subject.villageCode, seq: i.seq, dueOn: i.dueOn, months: i.months, amount: i.amountFen, paid: 0n })),
      );
      if (input.resourceId) await manager.query(`UPDATE collective_resource SET contracted = true, version = version + 1 WHERE id = $1 AND NOT contracted`, [input.resourceId]);
      return manager.findOneByOrFail(LeaseContract, { id });
    },
  ));
}

/**
 * 收款: applied to the unpaid instalments in order (one multi-row update); more than the contract's
 * outstanding total is refused (`PAYMENT_EXCEEDS_OUTSTANDING`).
 */
export async function recordContractPayment(ctx: RequestContext, input: RecordContractPaymentInput): Promise<LeaseContract> {
  const contract = await readableContract(ctx, input.contractId);
  EconomyAccess.of(ctx).requireWrite(contract.villageCode, BOOKKEEPER_ROLES);
  requirePositive(input.amount, 'input.amount');
  requireNotFuture(input.paidOn, 'input.paidOn', { zh: '收款日期', en: 'date paid' });
  return mutateOnce(
    ctx,
    { operation: 'recordContractPayment', key: input.idempotencyKey, input, idOf: (c) => c.id, replay: (id) => readableContract(ctx, id) },
    { action: 'economy.contract.payment', targetType: 'LeaseContract', targetId: (c) => c.id, regionCode: contract.villageCode, payload: { paidOn: input.paidOn, amount: formatFen(input.amount) } },
    async (manager) => {
      const open = await manager.getRepository(LeaseInstalment).createQueryBuilder('i').setLock('pessimistic_write').where('i.contract_id = :id AND i.paid_fen < i.amount_fen', { id: contract.id }).orderBy('i.seq').getMany();
      const outstanding = open.reduce((s, i) => s + (i.amount - i.paid), 0n);
      if (input.amount > outstanding) {
        throw badInput(`收款 ${formatFen(input.amount)} 元超过合同未付总额 ${formatFen(outstanding)} 元：input.amount = ${formatFen(input.amount)}`, `The payment of ${formatFen(input.amount)} CNY is more than the ${formatFen(outstanding)} CNY outstanding: input.amount = ${formatFen(input.amount)}`, {
          field: 'input.amount',
          rule: 'PAYMENT_EXCEEDS_OUTSTANDING',
          value: formatFen(input.amount),
        });
      }
      let left = input.amount;
      const updates: { id: string; paid: string }[] = [];
      for (const i of open) {
        if (left === 0n) break;
        const take = left < i.amount - i.paid ? left : i.amount - i.paid;
        left -= take;
        updates.push({ id: i.id, paid: (i.paid + take).toString() });
      }
      await manager.query(`UPDATE lease_instalment AS i SET paid_fen = u.paid::bigint FROM unnest($1::uuid[], $2::text[]) AS u(id, paid) WHERE i.id = u.id`, [updates.map((u) => u.id), updates.map((u) => u.paid)]);
      await manager.insert(LeasePayment, { id: randomUUID(), contractId: contract.id, villageCode: contract.villageCode, paidOn: input.paidOn, amount: input.amount, recordedBy: ctx.actor.id });
      await manager.query(`UPDATE lease_contract SET version = version + 1 WHERE id = $1`, [contract.id]);
      return manager.findOneByOrFail(LeaseContract, { id: contract.id });
    },
  );
}

/** `overduePayments` is bounded (MAX_LIST_ITEMS); beyond it, the report of each township or village. */
export const OVERDUE_PAYMENTS: ListBound = { field: 'overduePayments', instead: 'overduePayments of each township or village, or leaseContracts(regionCode, first, after)' };

/**
 * 逾期未付 the instalments under the region (in scope) due before `asOf` and not fully paid as
 * recorded now, by village and due day: one statement (the partial index on unpaid instalments).
 */
export async function overduePayments(ctx: RequestContext, args: OverduePaymentsArgs): Promise<OverduePayment[]> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return [];
  const limit = boundedBatchLimit(1, OVERDUE_PAYMENTS);
  const read = (await ctx.dataSource.query(
    `SELECT i.contract_id, i.village_code, c.counterparty, i.seq, to_char(i.due_on, 'YYYY-MM-DD') AS due_on, i.amount_fen::text AS amount, i.paid_fen::text AS paid
       FROM lease_instalment i JOIN lease_contract c ON c.id = i.contract_id
      WHERE i.village_code LIKE $1 AND i.due_on < $2::date AND i.paid_fen < i.amount_fen
      ORDER BY i.village_code, i.due_on, i.contract_id, i.seq
      LIMIT $3`,
    [`${prefix}%`, args.asOf, limit],
  )) as { contract_id: string; village_code: string; counterparty: string; seq: number; due_on: string; amount: string; paid: string }[];
  const [rows] = boundedGroups([read], false, OVERDUE_PAYMENTS);
  if (rows instanceof Error) throw rows;
  return rows.map((r) => ({
    contractId: r.contract_id,
    villageCode: r.village_code,
    counterparty: r.counterparty,
    seq: r.seq,
    dueOn: r.due_on,
    amount: BigInt(r.amount),
    paid: BigInt(r.paid),
    outstanding: BigInt(r.amount) - BigInt(r.paid),
    daysOverdue: daysBetween(r.due_on, args.asOf),
  }));
}
