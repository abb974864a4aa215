import { LegalRegion, LegalResident } from '../shared/stubs';
import { checkPageSize, referenceResolver, todayInChina, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Directive, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { fenToYuan, missing } from '../shared/access';
import { Dispute, DisputeEscalation, DisputeParty, DisputeStatus, Mediation } from './dispute.entity';
import { CloseDisputeInput, EscalateDisputeInput, OpenDisputeInput, RecordMediationInput } from './dispute.inputs';
import { disputeByIncidentLoader, disputeLoader, disputesByRegionLoader, disputesByResidentLoader, escalationsLoader, mediationsLoader, partiesLoader } from './dispute.loaders';
import { closeDispute, escalateDispute, openDispute, recordMediation } from './dispute.service';

/** The grids incident (only its key here): legal adds `Incident.dispute`. */
@ObjectType('Incident', { description: '事件（网格子图）/ Incident (grids subgraph)' })
@Directive('@key(fields: "id")')
export class IncidentRef {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  static of(id: string): IncidentRef {
    return Object.assign(new IncidentRef(), { id });
  }
}

@Resolver(() => Dispute)
export class DisputeResolver {
  @Query(() => Dispute, { description: '纠纷（限辖区）/ A dispute (within your scope)' })
  async dispute(@Arg('id', () => ID, { description: '标识 / Identifier' }) id: string, @Ctx() ctx: RequestContext): Promise<Dispute> {
    const d = await disputeLoader(ctx).load(id);
    if (!d) throw missing({ zh: '纠纷', en: 'Dispute' }, id);
    return d;
  }

  @Mutation(() => Dispute, { description: '受理矛盾纠纷（村级初诊；可转自网格纠纷事件）/ Open a dispute at the village tier (may take over a grids incident)' })
  openDispute(@Arg('input', () => OpenDisputeInput, { description: '输入 / Input' }) input: OpenDisputeInput, @Ctx() ctx: RequestContext): Promise<Dispute> {
    return openDispute(ctx, input);
  }

  @Mutation(() => Mediation, { description: '记录调解（调解员、日期、结果、协议）/ Record a mediation session (mediator, date, result, agreement)' })
  recordMediation(@Arg('input', () => RecordMediationInput, { description: '输入 / Input' }) input: RecordMediationInput, @Ctx() ctx: RequestContext): Promise<Mediation> {
    return recordMediation(ctx, input);
  }

  @Mutation(() => Dispute, { description: '升级纠纷（初诊→会诊→联诊，县级不能再升）/ Escalate a dispute (village → township → county; not past the county)' })
  escalateDispute(@Arg('input', () => EscalateDisputeInput, { description: '输入 / Input' }) input: EscalateDisputeInput, @Ctx() ctx: RequestContext): Promise<Dispute> {
    return escalateDispute(ctx, input);
  }

  @Mutation(() => Dispute, { description: '办结纠纷（调解成功须有调解协议）/ Close a dispute (MEDIATED needs a mediation agreement)' })
  closeDispute(@Arg('input', () => CloseDisputeInput, { description: '输入 / Input' }) input: CloseDisputeInput, @Ctx() ctx: RequestContext): Promise<Dispute> {
    return closeDispute(ctx, input);
  }

  @FieldResolver(() => String, { nullable: true, description: '涉及金额（元，两位小数）/ Amount involved (yuan, two decimals)' })
  amount(@Root() d: Dispute): string | null {
    return d.amountFen === null ? null : fenToYuan(d.amountFen);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期（未办结且已过本层级期限）/ Overdue: open and past the tier’s deadline' })
  overdue(@Root() d: Dispute): boolean {
    return d.status === DisputeStatus.OPEN && todayInChina() > d.deadline;
  }

  @FieldResolver(() => LegalRegion, { description: '所在村 / The village' })
  village(@Root() d: Dispute): LegalRegion {
    return LegalRegion.of(d.villageCode);
  }

  @FieldResolver(() => IncidentRef, { nullable: true, description: '转自的网格事件 / The grids incident it was taken over from' })
  incident(@Root() d: Dispute): IncidentRef | null {
    return d.incidentId ? IncidentRef.of(d.incidentId) : null;
  }

  @FieldResolver(() => [DisputeParty], { description: '当事人 / Parties' })
  parties(@Root() d: Dispute, @Ctx() ctx: RequestContext): Promise<DisputeParty[]> {
    return partiesLoader(ctx).load(d.id);
  }

  @FieldResolver(() => [Mediation], { description: '调解记录 / Mediation sessions' })
  mediations(@Root() d: Dispute, @Ctx() ctx: RequestContext): Promise<Mediation[]> {
    return mediationsLoader(ctx).load(d.id);
  }

  @FieldResolver(() => [DisputeEscalation], { description: '升级记录 / Escalation steps' })
  escalations(@Root() d: Dispute, @Ctx() ctx: RequestContext): Promise<DisputeEscalation[]> {
    return escalationsLoader(ctx).load(d.id);
  }
}

@Resolver(() => DisputeParty)
export class DisputePartyResolver {
  @FieldResolver(() => LegalResident, { nullable: true, description: '居民（网格子图）/ The resident (grids subgraph)' })
  resident(@Root() p: DisputeParty): LegalResident | null {
    return p.residentId ? LegalResident.of(p.residentId) : null;
  }
}

@Resolver(() => LegalRegion)
export class DisputeRegionResolver {
  @FieldResolver(() => [Dispute], { description: '区划内的矛盾纠纷（最新在前，限辖区）/ Disputes under the region, newest first (within your scope)' })
  disputes(
    @Root() region: LegalRegion,
    @Ctx() ctx: RequestContext,
    @Arg('status', () => DisputeStatus, { nullable: true, description: '状态 / Status' }) status: DisputeStatus | null,
    @Arg('crimeRisk', () => Boolean, { nullable: true, description: '仅民转刑风险（乡镇预警）/ Only those at risk of turning criminal (township alert)' }) crimeRisk: boolean | null,
    @Arg('first', () => Int, { defaultValue: 50, description: '条数（1–100）/ How many (1–100)' }) first: number,
  ): Promise<Dispute[]> {
    checkPageSize(first);
    return disputesByRegionLoader(ctx, { status: status ?? null, crimeRisk: crimeRisk ?? null, limit: first }).load(region.code);
  }
}

@Resolver(() => LegalResident)
export class DisputeResidentResolver {
  @FieldResolver(() => [Dispute], { description: '该居民作为当事人的纠纷（限辖区）/ Disputes the resident is a party to (within your scope)' })
  disputes(@Root() resident: LegalResident, @Ctx() ctx: RequestContext): Promise<Dispute[]> {
    return disputesByResidentLoader(ctx).load(resident.id);
  }
}

@Resolver(() => IncidentRef)
export class DisputeIncidentResolver {
  @FieldResolver(() => Dispute, { nullable: true, description: '转为的矛盾纠纷（法治子图）/ The dispute it was taken over as (legal subgraph)' })
  dispute(@Root() incident: IncidentRef, @Ctx() ctx: RequestContext): Promise<Dispute | null> {
    return disputeByIncidentLoader(ctx).load(incident.id);
  }
}

/** `__resolveReference` for Dispute (batched, scope-filtered) and the Incident stub. */
export const disputeReferences: Record<string, ReferenceResolver> = {
  Dispute: referenceResolver<string, Dispute>({ key: (ref) => String(ref.id), load: async (ids, ctx) => (await disputeLoader(ctx).loadMany(ids)).map((d) => (d && !(d instanceof Error) ? d : null)) }),
  Incident: referenceResolver<string, IncidentRef>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => IncidentRef.of(id)) }),
};
