import { LegalResident } from '../shared/stubs';
import { checkReferences } from '@xiangzhi/grids-api';
import {
  BidirectionalPageArgs,
  boundedBatchLimit,
  boundedGroups,
  ConnectionType,
  forbidden,
  hasRole,
  IdempotentInput,
  isUuid,
  MAX_LIST_ITEMS,
  mutate,
  mutateOnce,
  pageDirection,
  pageInfoOf,
  paginate,
  Role,
  todayInChina,
  type ConnectionShape,
  type ListBound,
  type RequestContext,
  type SubgraphFeature,
} from '@xiangzhi/kernel';
import { IsEnum, IsInt, IsString, IsUUID, Length, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn, type SelectQueryBuilder } from 'typeorm';
import { legalAidPolicyFor } from '../aid/aid.service';
import { LEGAL_WRITER_ROLES, LegalAccess, missing, staleVersion } from '../shared/access';

/** 咨询类别 categories of a one-tap legal-service request. */
export enum ServiceRequestCategory {
  CONSULTATION = 'CONSULTATION',
  DOCUMENT = 'DOCUMENT',
  MEDIATION = 'MEDIATION',
  LEGAL_AID = 'LEGAL_AID',
  NOTARISATION = 'NOTARISATION',
  OTHER = 'OTHER',
}
registerEnumType(ServiceRequestCategory, {
  name: 'LegalServiceRequestCategory',
  description: '法律服务请求类别 / Legal-service request category',
  valuesConfig: {
    CONSULTATION: { description: '法律咨询 / Consultation' },
    DOCUMENT: { description: '代写文书 / Drafting' },
    MEDIATION: { description: '申请调解 / Mediation' },
    LEGAL_AID: { description: '法律援助 / Legal aid' },
    NOTARISATION: { description: '公证 / Notarisation' },
    OTHER: { description: '其他 / Other' },
  },
});

export enum ServiceRequestStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
}
registerEnumType(ServiceRequestStatus, {
  name: 'LegalServiceRequestStatus',
  description: '法律服务请求状态 / Request status',
  valuesConfig: { OPEN: { description: '待答复 / Open' }, ANSWERED: { description: '已答复 / Answered' } },
});

/** 掌上法律服务请求 a resident's one-tap request, answered within the county's deadline. */
@Entity({ name: 'legal_service_request' })
@ObjectType('LegalServiceRequest', { description: '掌上法律服务请求 / One-tap legal-service request' })
export class LegalServiceRequest {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所在村 / Village' })
  villageCode!: string;

  @Column({ name: 'resident_id', type: 'uuid' })
  residentId!: string;

  @Column({ name: 'category', type: 'text' })
  @Field(() => ServiceRequestCategory, { description: '类别 / Category' })
  category!: ServiceRequestCategory;

  @Column({ name: 'text', type: 'text' })
  @Field(() => String, { description: '内容 / Text' })
  text!: string;

  @Column({ name: 'status', type: 'text' })
  @Field(() => ServiceRequestStatus, { description: '状态 / Status' })
  status!: ServiceRequestStatus;

  @Column({ name: 'requested_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '提出日期 / Date requested' })
  requestedOn!: string;

  @Column({ name: 'deadline', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '答复期限（含当日，按区县工作日）/ Answer deadline (inclusive, county working days)' })
  deadline!: string;

  @Column({ name: 'answer', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '答复 / Answer' })
  answer!: string | null;

  @Column({ name: 'answered_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '答复日期 / Date answered' })
  answeredOn!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@InputType('RequestLegalServiceInput', { description: '提出掌上法律服务请求 / Make a one-tap legal-service request' })
export class RequestLegalServiceInput extends IdempotentInput {
  @Field(() => ID, { description: '请求人（在册居民；居民只能为本人）/ Requester (a living resident; a resident for themselves only)' })
  @IsUUID()
  residentId!: string;

  @Field(() => ServiceRequestCategory, { description: '类别 / Category' })
  @IsEnum(ServiceRequestCategory)
  category!: ServiceRequestCategory;

  @Field(() => String, { description: '内容（1–1000字）/ Text (1–1000 characters)' })
  @IsString()
  @Length(1, 1000)
  text!: string;
}

@InputType('AnswerLegalServiceRequestInput', { description: '答复法律服务请求 / Answer a legal-service request' })
export class AnswerLegalServiceRequestInput {
  @Field(() => ID, { description: '请求 / Request' })
  @IsUUID()
  requestId!: string;

  @Field(() => Int, { description: '读取时的版本号 / Version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { description: '答复（1–2000字）/ Answer (1–2000 characters)' })
  @IsString()
  @Length(1, 2000)
  answer!: string;
}

const REQUEST = { zh: '法律服务请求', en: 'Legal-service request' };

/** `legalServiceRequests` is bounded (MAX_LIST_ITEMS); beyond it, the paginated `legalServiceRequestPage`. */
export const REGION_REQUESTS: ListBound = { field: 'legalServiceRequests', instead: 'legalServiceRequestPage(regionCode, overdueOnly, first, after / last, before)' };

/** `LegalServiceRequestConnection` / `LegalServiceRequestEdge`. */
export const LegalServiceRequestConnection = ConnectionType(LegalServiceRequest, 'LegalServiceRequest', '法律服务请求 / Legal-service requests');

/** The requests under a region the caller may list (a resident: their own), or null outside the scope. */
function requestsUnder(ctx: RequestContext, regionCode: string, overdueOnly: boolean): SelectQueryBuilder<LegalServiceRequest> | null {
  const access = LegalAccess.of(ctx);
  const prefix = access.listPrefix(regionCode);
  if (prefix === null) return null;
  const qb = ctx.dataSource.getRepository(LegalServiceRequest).createQueryBuilder('r').where('r.village_code LIKE :p', { p: `${prefix}%` });
  if (access.residentOnly) qb.andWhere('r.resident_id = CAST(:own AS uuid)', { own: access.ownResidentId && isUuid(access.ownResidentId) ? access.ownResidentId : '00000000-0000-0000-0000-000000000000' });
  if (overdueOnly) qb.andWhere(`((r.status = 'OPEN' AND r.deadline < :today) OR r.answered_on > r.deadline)`, { today: todayInChina() });
  return qb;
}

@Resolver(() => LegalServiceRequest)
export class LegalServiceRequestResolver {
  @Mutation(() => LegalServiceRequest, { description: '提出掌上法律服务请求（答复期限按区县规则）/ Make a one-tap legal-service request (deadline by the county’s rule)' })
  async requestLegalService(@Arg('input', () => RequestLegalServiceInput, { description: '输入 / Input' }) input: RequestLegalServiceInput, @Ctx() ctx: RequestContext): Promise<LegalServiceRequest> {
    const found = (await ctx.dataSource.query(`SELECT village_code FROM resident_ref WHERE id = $1::uuid`, [input.residentId])) as { village_code: string }[];
    const villageCode = found[0]?.village_code ?? ctx.actor.scope;
    if (hasRole(ctx.actor, Role.RESIDENT) && !hasRole(ctx.actor, ...LEGAL_WRITER_ROLES)) {
      if (ctx.actor.residentId !== input.residentId) throw forbidden('居民只能为本人提出请求', 'A resident may make requests for themselves only');
    } else {
      LegalAccess.of(ctx).requireWrite(villageCode, [...LEGAL_WRITER_ROLES, Role.GRID_WORKER]);
    }
    await checkReferences(ctx.dataSource, { residents: [{ field: 'input.residentId', id: input.residentId, villageCode, living: true }] });
    const today = todayInChina();
    const { policy } = legalAidPolicyFor(ctx, villageCode);
    const deadline = ctx.policies.calendar.addWorkdays(today, policy.requestAnswerWorkingDays, villageCode);
    const repo = () => ctx.dataSource.getRepository(LegalServiceRequest);
    return mutateOnce(
      ctx,
      { operation: 'requestLegalService', key: input.idempotencyKey, input, idOf: (r: LegalServiceRequest) => r.id, replay: async (id) => repo().findOneByOrFail({ id }) },
      { action: 'requestLegalService', targetType: 'LegalServiceRequest', targetId: (r) => r.id, regionCode: villageCode, payload: { category: input.category } },
      async (m) =>
        m.getRepository(LegalServiceRequest).save(
          m.getRepository(LegalServiceRequest).create({
            villageCode,
            residentId: input.residentId,
            category: input.category,
            text: input.text,
            status: ServiceRequestStatus.OPEN,
            requestedOn: today,
            deadline,
            answer: null,
            answeredOn: null,
          }),
        ),
    );
  }

  @Mutation(() => LegalServiceRequest, { description: '答复法律服务请求 / Answer a legal-service request' })
  answerLegalServiceRequest(@Arg('input', () => AnswerLegalServiceRequestInput, { description: '输入 / Input' }) input: AnswerLegalServiceRequestInput, @Ctx() ctx: RequestContext): Promise<LegalServiceRequest> {
    return mutate(ctx, { action: 'answerLegalServiceRequest', targetType: 'LegalServiceRequest', targetId: (r) => r.id }, async (m) => {
      const r = isUuid(input.requestId) ? await m.getRepository(LegalServiceRequest).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id: input.requestId }).getOne() : null;
      if (!r || !LegalAccess.of(ctx).canSee(r.villageCode)) throw missing(REQUEST, input.requestId);
      LegalAccess.of(ctx).requireWrite(r.villageCode, LEGAL_WRITER_ROLES);
      if (r.version !== input.expectedVersion) throw staleVersion(REQUEST, input.expectedVersion, r.version);
      const answeredOn = todayInChina();
      await m.query(`UPDATE legal_service_request SET status = 'ANSWERED', answer = $2, answered_on = $3, version = version + 1 WHERE id = $1`, [r.id, input.answer, answeredOn]);
      return m.create(LegalServiceRequest, { ...r, status: ServiceRequestStatus.ANSWERED, answer: input.answer, answeredOn, version: r.version + 1 });
    });
  }

  @Query(() => [LegalServiceRequest], { description:
      `区划内的法律服务请求（最新在前，限辖区；可只看逾期）；最多 ${MAX_LIST_ITEMS} 条，超出时报 BAD_USER_INPUT，请改用分页的 legalServiceRequestPage / ` +
      `Legal-service requests under a region, newest first (within your scope; overdue only on request); at most ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT asks for the paginated legalServiceRequestPage`,
  })
  async legalServiceRequests(
    @Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string,
    @Arg('overdueOnly', () => Boolean, { defaultValue: false, description: '只看逾期 / Overdue only' }) overdueOnly: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<LegalServiceRequest[]> {
    const qb = requestsUnder(ctx, regionCode, overdueOnly);
    if (!qb) return [];
    const limit = boundedBatchLimit(1, REGION_REQUESTS);
    const rows = await qb.orderBy('r.requested_on', 'DESC').addOrderBy('r.id', 'ASC').take(limit).getMany();
    const [answer] = boundedGroups([rows], false, REGION_REQUESTS);
    if (answer instanceof Error) throw answer;
    return answer;
  }

  @Query(() => LegalServiceRequestConnection, {
    description:
      '区划内的法律服务请求分页（按提出日期、标识从早到晚；last 取最新的；限辖区；可只看逾期）/ ' +
      'Legal-service requests under a region, paged oldest first by request date and id (last gives the newest; within your scope; overdue only on request)',
  })
  async legalServiceRequestPage(
    @Args(() => BidirectionalPageArgs) page: BidirectionalPageArgs,
    @Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string,
    @Arg('overdueOnly', () => Boolean, { defaultValue: false, description: '只看逾期 / Overdue only' }) overdueOnly: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<LegalServiceRequest>> {
    pageDirection(page);
    const qb = requestsUnder(ctx, regionCode, overdueOnly);
    if (!qb) return { edges: [], nodes: [], pageInfo: pageInfoOf([], false), totalCount: 0 };
    return paginate(qb, page, [
      { column: 'r.requestedOn', value: (r) => r.requestedOn },
      { column: 'r.id', value: (r) => r.id },
    ]);
  }

  @FieldResolver(() => Boolean, { description: '是否逾期（未在期限内答复）/ Overdue: not answered within the deadline' })
  overdue(@Root() r: LegalServiceRequest): boolean {
    return r.answeredOn !== null ? r.answeredOn > r.deadline : todayInChina() > r.deadline;
  }

  @FieldResolver(() => LegalResident, { description: '请求人 / Requester' })
  requester(@Root() r: LegalServiceRequest): LegalResident {
    return LegalResident.of(r.residentId);
  }
}

/** 掌上法律服务 one-tap requests from residents, answered within the county's working-day deadline. */
export const requestFeature: SubgraphFeature = {
  entities: [LegalServiceRequest],
  resolvers: [LegalServiceRequestResolver],
};

