import { groupByKey, pageInfoOf, paginate, referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Grid, Region, RegionStats, Resident, TerritoryAccess, gridLoader, regionLoader, residentLoader } from '../territory';
import { Incident, IncidentAssignee, IncidentAssigneeKind, IncidentConnection, IncidentHistoryEntry } from './incident.entity';
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
import { readOpenIncidentCounters } from './incident-counter';
import { IncidentAction, OPEN_STATUSES, allowedActions, isOpen } from './incident-state';
import { actOnIncident, canSeeIncident, escalationPolicyFor, incidentListFilter, incidentLoader, readableIncident, reportIncident } from './incident.service';

const historyLoader = (ctx: RequestContext) =>
  ctx.loaders.get<string, IncidentHistoryEntry[]>('incident:history', async (ids) => {
    const rows = await ctx.dataSource.getRepository(IncidentHistoryEntry).find({ where: { incidentId: In([...ids]) }, order: { incidentId: 'ASC', seq: 'ASC' } });
    return groupByKey(ids, rows, (r) => r.incidentId);
  });

/**
 * Open incidents for many regions in ONE statement. Callers who see every incident of their scope
 * read the open-incident counters (`incident-counter.ts`: a few rows by primary key, whatever the
 * size of the county); a resident (who sees only what they reported) gets the live count of their
 * own reports, grouped by village.
 */
export const openIncidentsLoader = (ctx: RequestContext) =>
  ctx.loaders.get<string, number>('incident:openByRegion', async (codes) => {
    const access = TerritoryAccess.of(ctx);
    const prefixes = codes.map((code) => access.countPrefix(code));
    const distinct = [...new Set(prefixes.filter((p): p is string => p !== null))];
    const residentId = ctx.actor.residentId;
    if (distinct.length === 0 || (access.householdOnly && !residentId)) return codes.map(() => 0);
    if (!access.householdOnly) {
      const counters = await readOpenIncidentCounters(ctx.dataSource, distinct);
      return prefixes.map((prefix) => (prefix === null ? 0 : (counters.get(prefix) ?? 0)));
    }
    const rows: { village_code: string; n: number }[] = await ctx.dataSource.query(
      `SELECT village_code, count(*)::int AS n FROM incident
        WHERE status = ANY($1) AND village_code LIKE ANY($2::text[]) AND reporter_resident_id::text = $3
        GROUP BY village_code`,
      [OPEN_STATUSES, distinct.map((p) => `${p}%`), residentId],
    );
    return prefixes.map((prefix) =>
      prefix === null ? 0 : rows.reduce((sum, row) => (row.village_code.startsWith(prefix) ? sum + Number(row.n) : sum), 0),
    );
  });

function assigneeOf(row: { assigneeId: string | null; assigneeName: string | null; assigneeKind: IncidentAssigneeKind | null }): IncidentAssignee | null {
  if (!row.assigneeName || !row.assigneeKind) return null;
  return Object.assign(new IncidentAssignee(), { id: row.assigneeId, name: row.assigneeName, kind: row.assigneeKind });
}

const EMPTY: ConnectionShape<Incident> = { edges: [], nodes: [], totalCount: 0, pageInfo: pageInfoOf([], false) };

@Resolver(() => Incident)
export class IncidentResolver {
  @Query(() => Incident, { description: '按标识查询事件（辖区以外或非本人上报：FORBIDDEN）/ An incident by id (FORBIDDEN outside your scope, or for residents when not theirs)' })
  incident(@Arg('id', () => ID, { description: '事件标识 / Incident id' }) id: string, @Ctx() ctx: RequestContext): Promise<Incident> {
    return readableIncident(ctx, id);
  }

  @Query(() => IncidentConnection, {
    description:
      '事件列表，先报先列（只列出辖区内的；居民只看到本人上报的）/ Incidents, oldest first (only those inside your scope; residents see only their own)',
  })
  async incidents(@Args(() => IncidentsArgs) args: IncidentsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Incident>> {
    const filter = incidentListFilter(ctx, args.regionCode);
    if (!filter) return EMPTY;
    const qb = ctx.dataSource.getRepository(Incident).createQueryBuilder('i').where(filter.sql, filter.params);
    if (args.status) qb.andWhere('i.status = :status', { status: args.status });
    if (args.source) qb.andWhere('i.source = :source', { source: args.source });
    if (args.tier) qb.andWhere('i.tier = :tier', { tier: args.tier });
    if (args.category) qb.andWhere('i.category = :category', { category: args.category });
    return paginate(qb, args, [
      { column: 'i.created_at', value: (i) => i.createdAt.toISOString() },
      { column: 'i.id', value: (i) => i.id },
    ]);
  }

  @Mutation(() => Incident, {
    description:
      '上报事件：居民群众点单，网格员巡查上报，干部登记热线或代为点单；在村级（初诊）开始，期限按区县升级规则 / ' +
      'Report an incident: residents file requests, grid workers patrol reports, staff hotline cases or requests on a resident’s behalf; starts at the village tier with the county’s deadline',
  })
  reportIncident(@Arg('input', () => ReportIncidentInput) input: ReportIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return reportIncident(ctx, input);
  }

  @Mutation(() => Incident, { description: '受理（已上报或已升级的事件，由当前层级办理）/ Accept a reported or escalated incident (handlers of its tier)' })
  acceptIncident(@Arg('input', () => AcceptIncidentInput) input: AcceptIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.ACCEPT, { note: input.note, idempotencyKey: input.idempotencyKey });
  }

  @Mutation(() => Incident, { description: '派单给网格员或干部（当前层级办理人）/ Dispatch to a grid worker or a cadre (handlers of its tier)' })
  dispatchIncident(@Arg('input', () => DispatchIncidentInput) input: DispatchIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.DISPATCH, {
      note: input.note,
      assignee: { kind: input.assigneeKind, id: input.assigneeId, name: input.assigneeName },
      idempotencyKey: input.idempotencyKey,
    });
  }

  @Mutation(() => Incident, { description: '开始处理（处置人、村级时的网格员或当前层级办理人）/ Start handling (the assignee, grid workers at the village tier, or handlers of its tier)' })
  startIncident(@Arg('input', () => StartIncidentInput) input: StartIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.START, { note: input.note, idempotencyKey: input.idempotencyKey });
  }

  @Mutation(() => Incident, { description: '办结，写明办理结果 / Resolve, saying how (same people as startIncident)' })
  resolveIncident(@Arg('input', () => ResolveIncidentInput) input: ResolveIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.RESOLVE, { note: input.resolution, idempotencyKey: input.idempotencyKey });
  }

  @Mutation(() => Incident, {
    description: '关闭并评价 1–5（点单居民本人，或干部代为评价）/ Close with a 1–5 rating and comment (the reporting resident, or a cadre on their behalf)',
  })
  closeIncident(@Arg('input', () => CloseIncidentInput) input: CloseIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.CLOSE, { rating: input.rating, comment: input.comment, idempotencyKey: input.idempotencyKey });
  }

  @Mutation(() => Incident, { description: '不予受理，须写明理由（当前层级办理人）/ Reject with a reason (handlers of its tier)' })
  rejectIncident(@Arg('input', () => RejectIncidentInput) input: RejectIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.REJECT, { note: input.reason, idempotencyKey: input.idempotencyKey });
  }

  @Mutation(() => Incident, {
    description:
      '手动升级到上一层级（村→乡镇→县），期限按新层级重新计算，原处置人释放 / Escalate manually to the next tier (village → township → county); a new deadline for that tier, the assignee released',
  })
  escalateIncident(@Arg('input', () => EscalateIncidentInput) input: EscalateIncidentInput, @Ctx() ctx: RequestContext): Promise<Incident> {
    return actOnIncident(ctx, input.id, input.expectedVersion, IncidentAction.ESCALATE, { note: input.reason, idempotencyKey: input.idempotencyKey });
  }

  @FieldResolver(() => Region, { description: '所在村（社区）/ Village' })
  async village(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<Region> {
    return (await regionLoader(ctx).load(incident.villageCode)) as Region;
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所在网格 / Grid' })
  async grid(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    if (!incident.gridId) return null;
    const grid = await gridLoader(ctx).load(incident.gridId);
    return grid && (await TerritoryAccess.of(ctx).canSeeGrid(grid)) ? grid : null;
  }

  @FieldResolver(() => Resident, { nullable: true, description: '点单居民（可见时）/ The resident who made the request, when visible to you' })
  async reporter(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<Resident | null> {
    if (!incident.reporterResidentId) return null;
    const resident = await residentLoader(ctx).load(incident.reporterResidentId);
    return resident && (await TerritoryAccess.of(ctx).canSeeResident(resident)) ? resident : null;
  }

  @FieldResolver(() => IncidentAssignee, { nullable: true, description: '处置人（派单后）/ Assignee, once dispatched' })
  assignee(@Root() incident: Incident): IncidentAssignee | null {
    return assigneeOf(incident);
  }

  @FieldResolver(() => [IncidentHistoryEntry], { description: '流转记录，每一步一条 / History: one entry per step' })
  history(@Root() incident: Incident, @Ctx() ctx: RequestContext): Promise<IncidentHistoryEntry[]> {
    return historyLoader(ctx).load(incident.id);
  }

  @FieldResolver(() => [IncidentAction], { description: '当前状态下可执行的操作（不含权限判断）/ Actions the current status allows (regardless of your role)' })
  allowedActions(@Root() incident: Incident): IncidentAction[] {
    return allowedActions(incident.status);
  }

  @FieldResolver(() => Boolean, { description: '是否已超过当前层级的办理期限（按区县升级规则）/ Whether it is past its deadline at the current tier (county escalation policy)' })
  overdue(@Root() incident: Incident, @Ctx() ctx: RequestContext): boolean {
    if (!isOpen(incident.status)) return false;
    const { policy } = escalationPolicyFor(ctx.policies, incident.villageCode);
    return policy.isOverdue({ tier: incident.tier, category: incident.category, deadline: incident.deadline }, new Date());
  }
}

@Resolver(() => IncidentHistoryEntry)
export class IncidentHistoryResolver {
  @FieldResolver(() => IncidentAssignee, { nullable: true, description: '该步指派的处置人（派单时）/ Assignee this step set (on dispatch)' })
  assignee(@Root() entry: IncidentHistoryEntry): IncidentAssignee | null {
    return assigneeOf(entry);
  }
}

@Resolver(() => RegionStats)
export class RegionIncidentStatsResolver {
  @FieldResolver(() => Int, { description: '未办结事件数（已上报至已升级，不含已办结、已关闭、不予受理）/ Open incidents (reported through escalated; not resolved, closed or rejected)' })
  openIncidents(@Root() stats: RegionStats, @Ctx() ctx: RequestContext): Promise<number> {
    return openIncidentsLoader(ctx).load(stats.regionCode);
  }
}

/** `__resolveReference` for Incident: batched; an incident the caller may not see resolves to null. */
export const incidentReferences: Record<string, ReferenceResolver> = {
  Incident: referenceResolver<string, Incident>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const rows = await incidentLoader(ctx).loadMany(ids);
      return rows.map((row) => (row && !(row instanceof Error) && canSeeIncident(ctx, row) ? row : null));
    },
  }),
};
