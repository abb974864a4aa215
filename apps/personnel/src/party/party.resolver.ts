import { MAX_LIST_ITEMS, PageArgs, referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { PersonnelAccess } from '../shared/access';
import { GridRef, RegionRef, ResidentRef } from '../shared/grids-stubs';
import { cadreLoader } from '../shared/loaders';
import { PartyMember, PartyMemberConnection, PartyOrganization, PartyPointEntry } from './party.entity';
import {
  CreatePartyOrganizationInput,
  PartyMembersArgs,
  RecordMemberPointsInput,
  RegisterMobileMemberInput,
  RegisterPartyMemberInput,
  ReturnMobileMemberInput,
  UpdatePartyOrganizationInput,
} from './party.inputs';
import {
  childrenLoader,
  memberByResidentLoader,
  memberCountLoader,
  memberLoader,
  memberPageLoader,
  organizationByGridLoader,
  organizationLoader,
  organizationsByRegionLoader,
  pointsLedgerLoader,
} from './party.loaders';
import {
  createPartyOrganization,
  listPartyMembers,
  readableOrganization,
  recordMemberPoints,
  registerMobileMember,
  registerPartyMember,
  returnMobileMember,
  updatePartyOrganization,
} from './party.service';

/** Whether the caller may see a record of `regionCode` (lists and relations leave out the others). */
function visible<T extends { regionCode: string }>(ctx: RequestContext, row: T | null): T | null {
  return row && PersonnelAccess.of(ctx).canSee(row.regionCode) ? row : null;
}

@Resolver(() => PartyOrganization)
export class PartyOrganizationResolver {
  @Query(() => PartyOrganization, { description: '按标识查询党组织 / A Party organisation by id' })
  partyOrganization(@Arg('id', () => ID, { description: '党组织标识 / Organisation id' }) id: string, @Ctx() ctx: RequestContext): Promise<PartyOrganization> {
    return readableOrganization(ctx, id);
  }

  @Mutation(() => PartyOrganization, {
    description:
      '设立党组织：上级须在同村或其所在乡镇且层级更高，仅党支部、党小组可建在网格上（每网格一个）（县、乡镇管理人员）/ ' +
      'Set up a Party organisation: the parent in the same village or the township above it and of a higher kind; only branches and groups on a grid, one per grid (county and township managers)',
  })
  createPartyOrganization(@Arg('input', () => CreatePartyOrganizationInput, { description: '输入 / Input' }) input: CreatePartyOrganizationInput, @Ctx() ctx: RequestContext): Promise<PartyOrganization> {
    return createPartyOrganization(ctx, input);
  }

  @Mutation(() => PartyOrganization, {
    description: '修改党组织名称、网格或书记（须提交版本号）（县、乡镇管理人员）/ Change an organisation’s name, grid or secretary, sending the version read (county and township managers)',
  })
  updatePartyOrganization(@Arg('input', () => UpdatePartyOrganizationInput, { description: '输入 / Input' }) input: UpdatePartyOrganizationInput, @Ctx() ctx: RequestContext): Promise<PartyOrganization> {
    return updatePartyOrganization(ctx, input);
  }

  @FieldResolver(() => PartyOrganization, { nullable: true, description: '上级党组织（可见时）/ Parent organisation, when visible to you' })
  async parent(@Root() org: PartyOrganization, @Ctx() ctx: RequestContext): Promise<PartyOrganization | null> {
    return org.parentId ? visible(ctx, await organizationLoader(ctx).load(org.parentId)) : null;
  }

  @FieldResolver(() => [PartyOrganization], { description: '下级党组织 / Organisations directly below' })
  async children(@Root() org: PartyOrganization, @Ctx() ctx: RequestContext): Promise<PartyOrganization[]> {
    const access = PersonnelAccess.of(ctx);
    return (await childrenLoader(ctx).load(org.id)).filter((c) => access.canSee(c.regionCode));
  }

  @FieldResolver(() => PartyMemberConnection, { description: '本组织直接登记的党员（按入党日期排序）/ Members registered directly with it, by date joined' })
  members(@Root() org: PartyOrganization, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<PartyMember>> {
    return memberPageLoader(ctx).load({ organizationId: org.id, first: page.first, after: page.after ?? null });
  }

  @FieldResolver(() => Int, { description: '本组织直接登记的党员人数（含流动党员）/ Number of members registered directly with it (mobile members included)' })
  memberCount(@Root() org: PartyOrganization, @Ctx() ctx: RequestContext): Promise<number> {
    return memberCountLoader(ctx).load(org.id);
  }

  @FieldResolver(() => GridRef, { nullable: true, description: '所在网格（支部建在网格上）/ The grid it is built on' })
  grid(@Root() org: PartyOrganization): GridRef | null {
    return org.gridId ? GridRef.of(org.gridId) : null;
  }

  @FieldResolver(() => Cadre, { nullable: true, description: '书记（可见时）/ Secretary, when visible to you' })
  async secretary(@Root() org: PartyOrganization, @Ctx() ctx: RequestContext): Promise<Cadre | null> {
    if (!org.secretaryCadreId) return null;
    const cadre = await cadreLoader(ctx).load(org.secretaryCadreId);
    return cadre && PersonnelAccess.of(ctx).canSee(cadre.villageCode) ? cadre : null;
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）或乡镇 / Its village or township' })
  region(@Root() org: PartyOrganization): RegionRef {
    return RegionRef.of(org.regionCode);
  }
}

@Resolver(() => PartyMember)
export class PartyMemberResolver {
  @Query(() => PartyMemberConnection, {
    description: '党员名册（按入党日期排序，限调用者辖区）/ Party members under a region, by date joined (within your scope)',
  })
  partyMembers(@Args(() => PartyMembersArgs) args: PartyMembersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<PartyMember>> {
    return listPartyMembers(ctx, args);
  }

  @Mutation(() => PartyMember, { description: '登记党员（每位居民只登记一次）（村级及以上记录人员）/ Register a Party member, a resident only once (village record keepers and above)' })
  registerPartyMember(@Arg('input', () => RegisterPartyMemberInput, { description: '输入 / Input' }) input: RegisterPartyMemberInput, @Ctx() ctx: RequestContext): Promise<PartyMember> {
    return registerPartyMember(ctx, input);
  }

  @Mutation(() => PartyMember, {
    description:
      '登记流动党员：外出务工经商，组织关系仍在原党组织（须提交版本号）/ Register a member as mobile (working away); the membership stays with the origin organisation (send the version read)',
  })
  registerMobileMember(@Arg('input', () => RegisterMobileMemberInput, { description: '输入 / Input' }) input: RegisterMobileMemberInput, @Ctx() ctx: RequestContext): Promise<PartyMember> {
    return registerMobileMember(ctx, input);
  }

  @Mutation(() => PartyMember, { description: '流动党员返乡，取消流动登记（须提交版本号）/ A mobile member has returned: clear the mobile registration (send the version read)' })
  returnMobileMember(@Arg('input', () => ReturnMobileMemberInput, { description: '输入 / Input' }) input: ReturnMobileMemberInput, @Ctx() ctx: RequestContext): Promise<PartyMember> {
    return returnMobileMember(ctx, input);
  }

  @Mutation(() => PartyPointEntry, {
    description: '记党员积分：写入积分记录并同步增减余额（村级及以上记录人员）/ Record member points: a ledger entry and the balance moved by it, together (village record keepers and above)',
  })
  recordMemberPoints(@Arg('input', () => RecordMemberPointsInput, { description: '输入 / Input' }) input: RecordMemberPointsInput, @Ctx() ctx: RequestContext): Promise<PartyPointEntry> {
    return recordMemberPoints(ctx, input);
  }

  @FieldResolver(() => PartyOrganization, { description: '所在党组织（流动党员为原党组织）/ Organisation (for mobile members, the origin organisation)' })
  async organization(@Root() member: PartyMember, @Ctx() ctx: RequestContext): Promise<PartyOrganization> {
    return (await organizationLoader(ctx).load(member.organizationId)) as PartyOrganization;
  }

  @FieldResolver(() => [PartyPointEntry], { description: '积分记录（最新在前）/ Points ledger, newest first' })
  pointsLedger(@Root() member: PartyMember, @Ctx() ctx: RequestContext): Promise<PartyPointEntry[]> {
    return pointsLedgerLoader(ctx).load(member.id);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '流动党员现居地（个人信息，仅有权角色可见）/ Where a mobile member now lives (personal data; null for roles that may not see it)',
  })
  currentLocation(@Root() member: PartyMember, @Ctx() ctx: RequestContext): string | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? member.currentLocation : null;
  }

  @FieldResolver(() => ResidentRef, { nullable: true, description: '对应的居民（若已关联）/ The resident this member is, when linked' })
  resident(@Root() member: PartyMember): ResidentRef | null {
    return member.residentId ? ResidentRef.of(member.residentId) : null;
  }
}

@Resolver(() => PartyPointEntry)
export class PartyPointEntryResolver {
  @FieldResolver(() => PartyMember, { description: '党员 / Member' })
  async member(@Root() entry: PartyPointEntry, @Ctx() ctx: RequestContext): Promise<PartyMember> {
    return (await memberLoader(ctx).load(entry.memberId)) as PartyMember;
  }
}

/** `Grid.partyBranch`: the organisation built on a grid (支部建在网格上). */
@Resolver(() => GridRef)
export class PartyGridResolver {
  @FieldResolver(() => PartyOrganization, { nullable: true, description: '建在本网格上的党支部或党小组（无或不可见时为空）/ The Party branch or group built on this grid (null when none or not visible to you)' })
  async partyBranch(@Root() grid: GridRef, @Ctx() ctx: RequestContext): Promise<PartyOrganization | null> {
    return visible(ctx, await organizationByGridLoader(ctx).load(grid.id));
  }
}

/** `Resident.partyMember`: the member record of a resident. */
@Resolver(() => ResidentRef)
export class PartyResidentResolver {
  @FieldResolver(() => PartyMember, { nullable: true, description: '党员登记（非党员或不可见时为空）/ Party membership record (null when none or not visible to you)' })
  async partyMember(@Root() resident: ResidentRef, @Ctx() ctx: RequestContext): Promise<PartyMember | null> {
    return visible(ctx, await memberByResidentLoader(ctx).load(resident.id));
  }
}

/** `Region.partyOrganizations`: the organisations under a region. */
@Resolver(() => RegionRef)
export class PartyRegionResolver {
  @FieldResolver(() => [PartyOrganization], {
    description:
      `区划内的党组织（按区划、层级、名称排序，限调用者辖区）；最多 ${MAX_LIST_ITEMS} 个，超出时报 BAD_USER_INPUT，请按乡镇或村分别查询 / ` +
      `Party organisations under the region, by region, kind and name (within your scope); at most ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT asks for each township or village`,
  })
  partyOrganizations(@Root() region: RegionRef, @Ctx() ctx: RequestContext): Promise<PartyOrganization[]> {
    return organizationsByRegionLoader(ctx).load(region.code);
  }
}

/** `__resolveReference` for the Party entities: batched; a record the caller may not see resolves to null. */
export const partyReferences: Record<string, ReferenceResolver> = {
  PartyOrganization: referenceResolver<string, PartyOrganization>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => (await organizationLoader(ctx).loadMany(ids)).map((o) => (o && !(o instanceof Error) ? visible(ctx, o) : null)),
  }),
  PartyMember: referenceResolver<string, PartyMember>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => (await memberLoader(ctx).loadMany(ids)).map((m) => (m && !(m instanceof Error) ? visible(ctx, m) : null)),
  }),
};
