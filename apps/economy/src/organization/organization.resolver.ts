import { referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { RegionRef } from '../shared/grids-stubs';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EconomyAccess } from '../shared/access';
import { CollectiveOrganization, CollectiveOrganizationConnection } from './organization.entity';
import { CollectiveOrganizationsArgs, RegisterCollectiveOrganizationInput, UpdateCollectiveOrganizationInput } from './organization.inputs';
import { childrenLoader, organizationLoader, organizationsByRegionLoader } from './organization.loaders';
import { listCollectiveOrganizations, readableOrganization, registerCollectiveOrganization, updateCollectiveOrganization } from './organization.service';

@Resolver(() => CollectiveOrganization)
export class CollectiveOrganizationResolver {
  @Query(() => CollectiveOrganization, { description: '按标识查询村集体经济组织 / A collective economic organisation by id' })
  collectiveOrganization(@Arg('id', () => ID, { description: '组织标识 / Organisation id' }) id: string, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization> {
    return readableOrganization(ctx, id);
  }

  @Query(() => CollectiveOrganizationConnection, {
    description: '区划内的村集体经济组织（按村代码、名称排序，限调用者辖区）/ Collective economic organisations under a region, by village code and name (within your scope)',
  })
  collectiveOrganizations(@Args(() => CollectiveOrganizationsArgs) args: CollectiveOrganizationsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CollectiveOrganization>> {
    return listCollectiveOrganizations(ctx, args);
  }

  @Mutation(() => CollectiveOrganization, {
    description:
      '登记村集体经济组织：信用代码校验位须正确且未登记，同时建立标准会计科目表（县、乡镇管理人员；可带幂等键）/ ' +
      'Register a collective economic organisation: a correct, unregistered credit code; the standard chart of accounts is set up with it (county and township managers; idempotency key accepted)',
  })
  registerCollectiveOrganization(
    @Arg('input', () => RegisterCollectiveOrganizationInput, { description: '输入 / Input' }) input: RegisterCollectiveOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CollectiveOrganization> {
    return registerCollectiveOrganization(ctx, input);
  }

  @Mutation(() => CollectiveOrganization, {
    description: '修改村集体经济组织（须提交版本号）（县、乡镇管理人员）/ Change a collective economic organisation, sending the version read (county and township managers)',
  })
  updateCollectiveOrganization(
    @Arg('input', () => UpdateCollectiveOrganizationInput, { description: '输入 / Input' }) input: UpdateCollectiveOrganizationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CollectiveOrganization> {
    return updateCollectiveOrganization(ctx, input);
  }

  @FieldResolver(() => CollectiveOrganization, { nullable: true, description: '上级组织（村合并后；可见时）/ Parent organisation after a merger, when visible to you' })
  async parent(@Root() org: CollectiveOrganization, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization | null> {
    return org.parentId ? organizationLoader(ctx).load(org.parentId) : null;
  }

  @FieldResolver(() => [CollectiveOrganization], { description: '下属组织（合并前的原集体，四不变）/ Sub-organisations (the original collectives before a merger)' })
  async children(@Root() org: CollectiveOrganization, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization[]> {
    const access = EconomyAccess.of(ctx);
    return (await childrenLoader(ctx).load(org.id)).filter((c) => access.canSee(c.villageCode));
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Its village' })
  village(@Root() org: CollectiveOrganization): RegionRef {
    return RegionRef.of(org.villageCode);
  }
}

/** `Region.collectiveOrganizations`: the organisations under a region. */
@Resolver(() => RegionRef)
export class OrganizationRegionResolver {
  @FieldResolver(() => [CollectiveOrganization], {
    description: '区划内的村集体经济组织（按村代码、名称排序，限调用者辖区）/ Collective economic organisations under the region, by village code and name (within your scope)',
  })
  collectiveOrganizations(@Root() region: RegionRef, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization[]> {
    return organizationsByRegionLoader(ctx).load(region.code);
  }
}

/** `__resolveReference` for `CollectiveOrganization`: batched; an organisation the caller may not see resolves to null. */
export const organizationReferences: Record<string, ReferenceResolver> = {
  CollectiveOrganization: referenceResolver<string, CollectiveOrganization>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => (await organizationLoader(ctx).loadMany(ids)).map((o) => (o && !(o instanceof Error) ? o : null)),
  }),
};
