import { referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { RegionRef } from '../shared/grids-stubs';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EconomyAccess } from '../shared/access';
import { CollectiveAsset, CollectiveAssetConnection, CollectiveResource, CollectiveResourceConnection } from './register.entity';
import { RegisterAssetInput, RegisterListArgs, RegisterResourceInput, ResourcesArgs, UpdateResourceInput } from './register.inputs';
import { assetLoader, listAssets, listResources, readableAsset, readableResource, registerAsset, registerResource, resourceLoader, updateResource } from './register.service';

@Resolver(() => CollectiveAsset)
export class AssetResolver {
  @Query(() => CollectiveAssetConnection, { description: '集体固定资产台账（限调用者辖区）/ Fixed assets under a region (within your scope)' })
  collectiveAssets(@Args(() => RegisterListArgs) args: RegisterListArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CollectiveAsset>> {
    return listAssets(ctx, args);
  }

  @Query(() => CollectiveAsset, { description: '按标识查询固定资产 / A fixed asset by id' })
  collectiveAsset(@Arg('id', () => ID, { description: '标识 / Id' }) id: string, @Ctx() ctx: RequestContext): Promise<CollectiveAsset> {
    return readableAsset(ctx, id);
  }

  @Mutation(() => CollectiveAsset, { description: '登记集体固定资产（村干部及乡镇、县管理人员）/ Register a fixed asset (village cadres, township and county staff)' })
  registerAsset(@Arg('input', () => RegisterAssetInput, { description: '输入 / Input' }) input: RegisterAssetInput, @Ctx() ctx: RequestContext): Promise<CollectiveAsset> {
    return registerAsset(ctx, input);
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Village' })
  village(@Root() a: CollectiveAsset): RegionRef {
    return RegionRef.of(a.villageCode);
  }
}

@Resolver(() => CollectiveResource)
export class ResourceResolver {
  @Query(() => CollectiveResourceConnection, { description: '集体资源台账（限调用者辖区）/ Resources under a region (within your scope)' })
  collectiveResources(@Args(() => ResourcesArgs) args: ResourcesArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CollectiveResource>> {
    return listResources(ctx, args);
  }

  @Query(() => CollectiveResource, { description: '按标识查询集体资源 / A resource by id' })
  collectiveResource(@Arg('id', () => ID, { description: '标识 / Id' }) id: string, @Ctx() ctx: RequestContext): Promise<CollectiveResource> {
    return readableResource(ctx, id);
  }

  @Mutation(() => CollectiveResource, { description: '登记集体资源（面积以亩计，两位小数）/ Register a resource (area in mu, two decimals)' })
  registerResource(@Arg('input', () => RegisterResourceInput, { description: '输入 / Input' }) input: RegisterResourceInput, @Ctx() ctx: RequestContext): Promise<CollectiveResource> {
    return registerResource(ctx, input);
  }

  @Mutation(() => CollectiveResource, { description: '修改集体资源名称或面积（须提交版本号）/ Change a resource’s name or area (send the version read)' })
  updateResource(@Arg('input', () => UpdateResourceInput, { description: '输入 / Input' }) input: UpdateResourceInput, @Ctx() ctx: RequestContext): Promise<CollectiveResource> {
    return updateResource(ctx, input);
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Village' })
  village(@Root() r: CollectiveResource): RegionRef {
    return RegionRef.of(r.villageCode);
  }
}

function scoped<T extends { villageCode: string }>(ctx: RequestContext, rows: (T | Error | null)[]): (T | null)[] {
  const access = EconomyAccess.of(ctx);
  return rows.map((r) => (r && !(r instanceof Error) && access.canSee(r.villageCode) ? r : null));
}

/** `__resolveReference` for assets and resources: batched; outside the caller's scope resolves to null. */
export const registerReferences: Record<string, ReferenceResolver> = {
  CollectiveAsset: referenceResolver<string, CollectiveAsset>({ key: (ref) => String(ref.id), load: async (ids, ctx) => scoped(ctx, await assetLoader(ctx).loadMany(ids)) }),
  CollectiveResource: referenceResolver<string, CollectiveResource>({ key: (ref) => String(ref.id), load: async (ids, ctx) => scoped(ctx, await resourceLoader(ctx).loadMany(ids)) }),
};
