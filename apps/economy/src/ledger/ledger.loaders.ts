import { byKey, groupByKey, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { isUuid } from '../shared/access';
import { LedgerAccount, Voucher, VoucherLine } from './ledger.entity';

/** The lines of each voucher, by line number; one statement per batch. */
export function voucherLinesLoader(ctx: RequestContext): DataLoader<string, VoucherLine[]> {
  return ctx.loaders.get<string, VoucherLine[]>('economy:voucherLines', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await ctx.dataSource.getRepository(VoucherLine).find({ where: { voucherId: In(valid) }, order: { voucherId: 'ASC', line: 'ASC' } }) : [];
    return groupByKey(ids, rows, (l) => l.voucherId);
  });
}

/** Vouchers by id; one statement per batch (callers check visibility through the organisation). */
export function voucherLoader(ctx: RequestContext): DataLoader<string, Voucher | null> {
  return ctx.loaders.get<string, Voucher | null>('economy:voucher', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    return byKey(ids, valid.length ? await ctx.dataSource.getRepository(Voucher).findBy({ id: In(valid) }) : [], (v) => v.id);
  });
}

/** The reversal of each voucher (null when not reversed); one statement per batch. */
export function reversalLoader(ctx: RequestContext): DataLoader<string, Voucher | null> {
  return ctx.loaders.get<string, Voucher | null>('economy:reversal', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    return byKey(ids, valid.length ? await ctx.dataSource.getRepository(Voucher).findBy({ reversesId: In(valid) }) : [], (v) => v.reversesId as string);
  });
}

/** The chart of accounts of each organisation, by code; one statement per batch. */
export function accountsLoader(ctx: RequestContext): DataLoader<string, LedgerAccount[]> {
  return ctx.loaders.get<string, LedgerAccount[]>('economy:accounts', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await ctx.dataSource.getRepository(LedgerAccount).find({ where: { organizationId: In(valid) }, order: { organizationId: 'ASC', code: 'ASC' } }) : [];
    return groupByKey(ids, rows, (a) => a.organizationId);
  });
}

/** The last closed month of each organisation (null when none); one statement per batch. */
export function closedThroughLoader(ctx: RequestContext): DataLoader<string, string | null> {
  return ctx.loaders.get<string, string | null>('economy:closedThrough', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length
      ? ((await ctx.dataSource.query(`SELECT organization_id AS id, max(month) AS m FROM ledger_period_close WHERE organization_id = ANY($1::uuid[]) GROUP BY organization_id`, [valid])) as { id: string; m: string }[])
      : [];
    const map = new Map(rows.map((r) => [r.id, r.m]));
    return ids.map((id) => map.get(id) ?? null);
  });
}
