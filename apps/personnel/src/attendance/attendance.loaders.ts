import { byKey, groupByKey, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { isUuid, visibleOnly } from '../shared/access';
import { InspectionFinding, LeaveRequest, Sanction } from './attendance.entity';

/** Per-request loader of leave requests by id (one outside the caller's scope is not found). */
export function leaveRequestLoader(ctx: RequestContext): DataLoader<string, LeaveRequest | null> {
  return ctx.loaders.get<string, LeaveRequest | null>('attendance:leaveById', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(LeaveRequest).findBy({ id: In(valid) }) : [];
    return visibleOnly(ctx, byKey(ids, rows, (r) => r.id), (r) => r.villageCode);
  });
}

/** Per-request loader of a cadre's leave requests, earliest first. */
export function leaveRequestsByCadreLoader(ctx: RequestContext): DataLoader<string, LeaveRequest[]> {
  return ctx.loaders.get<string, LeaveRequest[]>('attendance:leaveByCadre', async (cadreIds) => {
    const rows = await ctx.dataSource.getRepository(LeaveRequest).find({ where: { cadreId: In([...cadreIds]) }, order: { fromDate: 'ASC', createdAt: 'ASC' } });
    return groupByKey(cadreIds, rows, (r) => r.cadreId);
  });
}

/** Per-request loader of sanctions by id. */
export function sanctionLoader(ctx: RequestContext): DataLoader<string, Sanction | null> {
  return ctx.loaders.get<string, Sanction | null>('attendance:sanctionById', async (ids) => {
    const rows = await ctx.dataSource.getRepository(Sanction).findBy({ id: In([...ids]) });
    return byKey(ids, rows, (r) => r.id);
  });
}

/** Per-request loader of a cadre's sanctions, earliest first. */
export function sanctionsByCadreLoader(ctx: RequestContext): DataLoader<string, Sanction[]> {
  return ctx.loaders.get<string, Sanction[]>('attendance:sanctionsByCadre', async (cadreIds) => {
    const rows = await ctx.dataSource.getRepository(Sanction).find({ where: { cadreId: In([...cadreIds]) }, order: { decidedOn: 'ASC', createdAt: 'ASC' } });
    return groupByKey(cadreIds, rows, (r) => r.cadreId);
  });
}

/** Per-request loader of a cadre's inspection findings, earliest first. */
export function findingsByCadreLoader(ctx: RequestContext): DataLoader<string, InspectionFinding[]> {
  return ctx.loaders.get<string, InspectionFinding[]>('attendance:findingsByCadre', async (cadreIds) => {
    const rows = await ctx.dataSource.getRepository(InspectionFinding).find({ where: { cadreId: In([...cadreIds]) }, order: { foundOn: 'ASC', createdAt: 'ASC' } });
    return groupByKey(cadreIds, rows, (r) => r.cadreId);
  });
}
