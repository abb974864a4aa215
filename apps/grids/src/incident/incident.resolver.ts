import { escalationPolicyPoint } from '@xiangzhi/grids-api';
import { groupByKey, paginate, regionPrefix, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Grid, RegionStats, Resident, TerritoryAccess, gridLoader, residentLoader } from '../territory';
import { Incident, IncidentAssignee, IncidentConnection, IncidentHistoryEntry } from './incident.entity';
import {
  AcceptIncidentInput,
  CloseIncidentInput,
  DispatchIncidentInput,
  EscalateIncidentInput,
  IncidentsArgs,
  RejectIncidentInput,
  ReportIncidentInput,
  ResolveIncidentInput,
  StartIncidentInput,
} from './incident.inputs';
import { IncidentAction, OPEN_STATUSES, allowedActions } from './incident-state';
import { actOnIncident, incidentListFilter, readableIncident, reportIncident } from './incident.service';

const historyLoader = (ctx: RequestContext) =>
  ctx.loaders.get<string, IncidentHistoryEntry[]>('incident:history', async (ids) => {
    const rows = await ctx.dataSource.getRepository(IncidentHistoryEntry).find({ where: { incidentId: In([...ids]) }, order: { seq: 'ASC' } });
    return groupByKey(ids, rows, (r) => r.incidentId);
  });

/** Open incidents under many regions in ONE statement, narrowed to the caller's scope. */
const openIncidentsLoader = (ctx: RequestContext) =>
  ctx.loaders.get<string, number>('incident:openByRegion', async (codes) => {
    const access = TerritoryAccess.of(ctx);
    const prefixes = codes.map((code) => {
      const own = regionPrefix(code);
      if (own.startsWith(access.prefix)) return own;
      if (access.prefix.startsWith(own)) return access.prefix;
      return null;
    });
    const params: unknown[] = [prefixes.map((p) => (p === null ? null : `${p}%`)), OPEN_STATUSES];
    let own = '';
    if (access.householdOnly) {
      params.push(ctx.actor.residentId ?? null);
      own = ' AND i.reporter_resident_id::text = $3';
    }
    const rows: { idx: number; n: number }[] = await ctx.dataSource.query(
      `SELECT r.idx, count(i.id)::int AS n
         FROM unnest($1::text[]) WITH ORDINALITY AS r(pattern, idx)
         LEFT JOIN incident i ON r.pattern IS NOT NULL AND i.village_code LIKE r.pattern AND i.status = ANY($2)${own}
        GROUP BY r.idx`,
      params,
    );
    const byIdx = new Map(rows.map((r) => [Number(r.idx), Number(r.n)]));
    return codes.map((_, i) => byIdx.get(i + 1) ?? 0);
  });

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { description: '按标识查询事件 / An incident by id' })
  incident(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Incident> {
    return readableIncident(ctx, id);
  }

  @Query(() => IncidentConnection, { description: '事件列表（按上报时间）/ Incidents in a region, oldest first' })
  async incidents(@Args(() => IncidentsArgs) args: IncidentsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Incident>> {
    const filter = await incidentListFilter(ctx, args.regionCode);
    const qb = ctx.dataSource.getRepository(Incident).createQueryBuilder('i').where(filter.sql, filter.params);
    if (args.status) qb.andWhere('i.status = :status', { status: args.status });
    if (args.source) qb.andWhere('i.source = :source', { source: args.source });
    if (args.tier) qb.andWhere('i.tier = :tier', { tier: args.tier });
    return paginate(qb, args, [
      { column: 'i.created_at', value: (i) => i.createdAt.toISOString() },
      { column: 'i.id', value: (i) => i.id },
    ]);
  }

  @Mutation(() => Incident, { description: '上报事件（群众点单、网格巡查、热线）/ Report an incident' })
  reportIncident(@Arg('input', () => ReportIncidentInput) input: ReportIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return reportIncident(ctx, input);
  }

  @Mutation(() => Incident, { description: '受理事件 / Accept an incident' })
  acceptIncident(@Arg('input', () => AcceptIncidentInput) input: AcceptIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.ACCEPT, { note: input.note });
  }

  @Mutation(() => Incident, { description: '派单 / Dispatch an incident to an assignee' })
  dispatchIncident(@Arg('input', () => DispatchIncidentInput) input: DispatchIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.DISPATCH, {
      note: input.note,
      assignee: { id: input.assigneeId ?? null, name: input.assigneeName },
    });
  }

  @Mutation(() => Incident, { description: '开始处理 / Start handling an incident' })
  startIncident(@Arg('input', () => StartIncidentInput) input: StartIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.START, { note: input.note });
  }

  @Mutation(() => Incident, { description: '办结事件 / Resolve an incident' })
  resolveIncident(@Arg('input', () => ResolveIncidentInput) input: ResolveIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.RESOLVE, { note: input.note });
  }

  @Mutation(() => Incident, { description: '关闭并评价（上报居民或代为评价的干部）/ Close with the resident rating and comment' })
  closeIncident(@Arg('input', () => CloseIncidentInput) input: CloseIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.CLOSE, {
      note: input.note,
      rating: input.rating,
      comment: input.comment,
    });
  }

  @Mutation(() => Incident, { description: '不予受理 / Reject an incident with a reason' })
  rejectIncident(@Arg('input', () => RejectIncidentInput) input: RejectIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.REJECT, { note: input.reason });
  }

  @Mutation(() => Incident, { description: '升级到上一层级（村→乡镇→县）/ Escalate to the next tier (village → township → county)' })
  escalateIncident(@Arg('input', () => EscalateIncidentInput) input: EscalateIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.ESCALATE, { note: input.reason });
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所在网格 / Grid' })
  async grid(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    if (!incident.gridId) return null;
    const grid = await gridLoader(ctx).load(incident.gridId);
    return grid && (await TerritoryAccess.of(ctx).canSeeGrid(grid)) ? grid : null;
  }

  @FieldResolver(() => Resident, { nullable: true, description: '上报居民（可见时）/ Reporting resident, when visible' })
  async reporter(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<Resident | null> {
    if (!incident.reporterResidentId) return null;
    const resident = await residentLoader(ctx).load(incident.reporterResidentId);
    return resident && (await TerritoryAccess.of(ctx).canSeeResident(resident)) ? resident : null;
  }

  @FieldResolver(() => IncidentAssignee, { nullable: true, description: '处置人 / Assignee' })
  assignee(@Root() incident: Incident): IncidentAssignee | null {
    return incident.assigneeName ? Object.assign(new IncidentAssignee(), { id: incident.assigneeId, name: incident.assigneeName }) : null;
  }

  @FieldResolver(() => [IncidentHistoryEntry], { description: '流转记录 / Full history' })
  history(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<IncidentHistoryEntry[]> {
    return historyLoader(ctx).load(incident.id);
  }

  @FieldResolver(() => [IncidentAction], { description: '当前可执行的操作 / Actions allowed in the current state' })
  allowedActions(@Root() incident: Incident): IncidentAction[] {
    return allowedActions(incident.status);
  }

  @FieldResolver(() => Boolean, { description: '是否已超期 / Whether the incident is past its deadline' })
  overdue(@Root() incident: Incident, @Ctx() ctx: RequestContext): boolean {
    if (!OPEN_STATUSES.includes(incident.status)) return false;
    return ctx.policies.get(escalationPolicyPoint, incident.villageCode).isOverdue(incident.deadline, new Date());
  }
}

@Resolver(() => RegionStats)
export class RegionIncidentStatsResolver {
  @FieldResolver(() => Int, { description: '未办结事件数 / Number of open incidents' })
  openIncidents(@Root() stats: RegionStats, @Ctx() ctx: RequestContext): Promise<number> {
    return openIncidentsLoader(ctx).load(stats.regionCode);
  }
}
