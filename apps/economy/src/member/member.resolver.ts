import { todayInChina, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { ResidentRef } from '../shared/grids-stubs';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CollectiveOrganization } from '../organization/organization.entity';
import { organizationLoader } from '../organization/organization.loaders';
import { EconomyAccess } from '../shared/access';
import { CollectiveMember, CollectiveMemberConnection, ShareClass, ShareHolding } from './member.entity';
import { AdmitMemberInput, ExitMemberInput, MembersArgs, SetMemberSharesInput } from './member.inputs';
import { exitLoader, membershipsLoader, sharesLoader } from './member.loaders';
import { admitMember, exitMember, listMembers, setMemberShares } from './member.service';

@Resolver(() => CollectiveMember)
export class CollectiveMemberResolver {
  @Query(() => CollectiveMemberConnection, { description: '某日的成员名单（按确认日期排序；可复现任一日期）/ Members on a date, by admission (reproducible for any date)' })
  members(@Args(() => MembersArgs) args: MembersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CollectiveMember>> {
    return listMembers(ctx, args);
  }

  @Query(() => [ShareClass], { description: '股权类别目录 / Catalogue of share classes' })
  shareClasses(@Ctx() ctx: RequestContext): Promise<ShareClass[]> {
    return ctx.dataSource.getRepository(ShareClass).find({ order: { sort: 'ASC' } });
  }

  @Mutation(() => CollectiveMember, {
    description: '确认成员：须为本村在世居民、尚非成员，股数不能为负（村级及以上；可带幂等键）/ Admit a member: a living resident of the village, not yet a member, no negative shares (village level and above; idempotency key accepted)',
  })
  admitMember(@Arg('input', () => AdmitMemberInput, { description: '输入 / Input' }) input: AdmitMemberInput, @Ctx() ctx: RequestContext): Promise<CollectiveMember> {
    return admitMember(ctx, input);
  }

  @Mutation(() => CollectiveMember, { description: '成员退出（须提交版本号）/ A member exits (send the version read)' })
  exitMember(@Arg('input', () => ExitMemberInput, { description: '输入 / Input' }) input: ExitMemberInput, @Ctx() ctx: RequestContext): Promise<CollectiveMember> {
    return exitMember(ctx, input);
  }

  @Mutation(() => CollectiveMember, { description: '调整成员股权（自某日起；须提交版本号）/ Change a member’s shares from a date (send the version read)' })
  setMemberShares(@Arg('input', () => SetMemberSharesInput, { description: '输入 / Input' }) input: SetMemberSharesInput, @Ctx() ctx: RequestContext): Promise<CollectiveMember> {
    return setMemberShares(ctx, input);
  }

  @FieldResolver(() => [ShareHolding], { description: '某日持股（省略为今天）/ Shares held on a date (today when omitted)' })
  shares(
    @Root() member: CollectiveMember,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: '日期 / Date' }) asOf: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ShareHolding[]> {
    return sharesLoader(ctx, asOf ?? todayInChina()).load(member.id);
  }

  @FieldResolver(() => Int, { description: '某日持股总数（省略为今天）/ Total shares on a date (today when omitted)' })
  async totalShares(
    @Root() member: CollectiveMember,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: '日期 / Date' }) asOf: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<number> {
    return (await sharesLoader(ctx, asOf ?? todayInChina()).load(member.id)).reduce((s, h) => s + h.count, 0);
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true, description: '退出日期（仍为成员时为空）/ Date of exit (null while a member)' })
  async exitedOn(@Root() member: CollectiveMember, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await exitLoader(ctx).load(member.id))?.exitedOn ?? null;
  }

  @FieldResolver(() => String, { nullable: true, description: '退出原因 / Reason for the exit' })
  async exitReason(@Root() member: CollectiveMember, @Ctx() ctx: RequestContext): Promise<string | null> {
    return (await exitLoader(ctx).load(member.id))?.reason ?? null;
  }

  @FieldResolver(() => ResidentRef, { description: '居民（网格子图）/ The resident (grids)' })
  resident(@Root() member: CollectiveMember): ResidentRef {
    return ResidentRef.of(member.residentId);
  }

  @FieldResolver(() => CollectiveOrganization, { description: '集体经济组织 / Organisation' })
  async organization(@Root() member: CollectiveMember, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization> {
    return (await organizationLoader(ctx).load(member.organizationId)) as CollectiveOrganization;
  }
}

/** `Resident.memberships`: a resident's memberships (current and past) the caller may see — in scope, and personal data roles or the resident themself. */
@Resolver(() => ResidentRef)
export class MemberResidentResolver {
  @FieldResolver(() => [CollectiveMember], {
    description: '集体经济组织成员身份（含已退出；限辖区内有权角色或本人）/ Memberships of collective organisations, past ones included (in scope, to personal-data roles or the resident themself)',
  })
  async memberships(@Root() resident: ResidentRef, @Ctx() ctx: RequestContext): Promise<CollectiveMember[]> {
    const access = EconomyAccess.of(ctx);
    if (!access.seesPersonalData && access.residentId !== resident.id) return [];
    return (await membershipsLoader(ctx).load(resident.id)).filter((m) => access.canSee(m.villageCode));
  }
}
