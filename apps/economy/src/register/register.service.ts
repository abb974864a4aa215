import { randomUUID } from 'node:crypto';
import { badInput, byKey, isUuid, mutate, mutateOnce, notFound, paginate, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { formatFen } from '@xiangzhi/economy-api';
import { organizationLoader } from '../organization/organization.loaders';
import type { CollectiveOrganization } from '../organization/organization.entity';
import { BOOKKEEPER_ROLES, EconomyAccess } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { requireNotNegative } from '../shared/money';
import { staleVersion } from '../shared/stale';
import { CollectiveAsset, CollectiveResource } from './register.entity';
import type { RegisterAssetInput, RegisterListArgs, RegisterResourceInput, ResourcesArgs, UpdateResourceInput } from './register.inputs';

const ASSET = { zh: '固定资产', en: 'fixed asset' };
const RESOURCE = { zh: '集体资源', en: 'resource' };

/**
 * The organisation an input names, for a write: BAD_USER_INPUT (rule `ORGANIZATION_UNKNOWN`) when
 * it does not exist or lies outside the caller's scope, then the write check on its village.
 */
export async function organizationForWrite(ctx: RequestContext, id: string, field = 'input.organizationId'): Promise<CollectiveOrganization> {
  const org = await organizationLoader(ctx).load(id);
  if (!org) throw badInput(`集体经济组织不存在：${field} = ${id}`, `No such collective organisation: ${field} = ${id}`, { field, rule: 'ORGANIZATION_UNKNOWN', value: id });
  EconomyAccess.of(ctx).requireWrite(org.villageCode, BOOKKEEPER_ROLES);
  return org;
}

/** BAD_USER_INPUT (rule `AREA_NOT_POSITIVE`) unless the area (a decimal string) is more than zero. */
function requirePositiveArea(area: string, field: string): void {
  if (!/[1-9]/.test(area)) throw badInput(`面积须大于零：${field} = ${area}`, `The area must be more than zero: ${field} = ${area}`, { field, rule: 'AREA_NOT_POSITIVE', value: area });
}

export function assetLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, CollectiveAsset | null>('economy.asset', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(CollectiveAsset).createQueryBuilder('a').where('a.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

export function resourceLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, CollectiveResource | null>('economy.resource', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(CollectiveResource).createQueryBuilder('r').where('r.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

export async function readableAsset(ctx: RequestContext, id: string): Promise<CollectiveAsset> {
  const row = await assetLoader(ctx).load(id);
  if (!row || !EconomyAccess.of(ctx).canSee(row.villageCode)) throw notFound(ASSET.zh, ASSET.en, id);
  return row;
}

export async function readableResource(ctx: RequestContext, id: string): Promise<CollectiveResource> {
  const row = await resourceLoader(ctx).load(id);
  if (!row || !EconomyAccess.of(ctx).canSee(row.villageCode)) throw notFound(RESOURCE.zh, RESOURCE.en, id);
  return row;
}

export async function listAssets(ctx: RequestContext, args: RegisterListArgs): Promise<ConnectionShape<CollectiveAsset>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  const qb = ctx.dataSource.getRepository(CollectiveAsset).createQueryBuilder('a');
  if (prefix === null) qb.where('false');
  else qb.where('a.village_code LIKE :prefix', { prefix: `${prefix}%` });
  return paginate(qb, args, [
    { column: 'a.village_code', value: (a) => a.villageCode },
    { column: 'a.name', value: (a) => a.name },
    { column: 'a.id', value: (a) => a.id },
  ]);
}

export async function listResources(ctx: RequestContext, args: ResourcesArgs): Promise<ConnectionShape<CollectiveResource>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  const qb = ctx.dataSource.getRepository(CollectiveResource).createQueryBuilder('r');
  if (prefix === null) qb.where('false');
  else qb.where('r.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.kind) qb.andWhere('r.kind = :kind', { kind: args.kind });
  if (args.contracted !== null && args.contracted !== undefined) qb.andWhere('r.contracted = :contracted', { contracted: args.contracted });
  return paginate(qb, args, [
    { column: 'r.village_code', value: (r) => r.villageCode },
    { column: 'r.name', value: (r) => r.name },
    { column: 'r.id', value: (r) => r.id },
  ]);
}

export async function registerAsset(ctx: RequestContext, input: RegisterAssetInput): Promise<CollectiveAsset> {
  const org = await organizationForWrite(ctx, input.organizationId);
  requireNotNegative(input.originalValue, 'input.originalValue');
  requireNotFuture(input.acquiredOn, 'input.acquiredOn', { zh: '取得日期', en: 'date acquired' });
  return mutateOnce(
    ctx,
    { operation: 'registerAsset', key: input.idempotencyKey, input, idOf: (a) => a.id, replay: (id) => readableAsset(ctx, id) },
    { action: 'economy.asset.register', targetType: 'CollectiveAsset', targetId: (a) => a.id, regionCode: org.villageCode, payload: { name: input.name, originalValue: formatFen(input.originalValue) } },
    async (manager) => {
      const id = randomUUID();
      await manager.insert(CollectiveAsset, {
        id,
        countyCode: org.countyCode,
        villageCode: org.villageCode,
        organizationId: org.id,
        name: input.name,
        category: input.category,
        acquiredOn: input.acquiredOn,
        originalValue: input.originalValue,
        version: 1,
        createdBy: ctx.actor.id,
      });
      return manager.findOneByOrFail(CollectiveAsset, { id });
    },
  );
}

export async function registerResource(ctx: RequestContext, input: RegisterResourceInput): Promise<CollectiveResource> {
  const org = await organizationForWrite(ctx, input.organizationId);
  requirePositiveArea(input.areaMu, 'input.areaMu');
  return mutateOnce(
    ctx,
    { operation: 'registerResource', key: input.idempotencyKey, input, idOf: (r) => r.id, replay: (id) => readableResource(ctx, id) },
    { action: 'economy.resource.register', targetType: 'CollectiveResource', targetId: (r) => r.id, regionCode: org.villageCode, payload: { name: input.name, areaMu: input.areaMu } },
    async (manager) => {
      const id = randomUUID();
      await manager.insert(CollectiveResource, {
        id,
        countyCode: org.countyCode,
        villageCode: org.villageCode,
        organizationId: org.id,
        name: input.name,
        kind: input.kind,
        areaMu: input.areaMu,
        contracted: false,
        version: 1,
        createdBy: ctx.actor.id,
      });
      return manager.findOneByOrFail(CollectiveResource, { id });
    },
  );
}

/** 修改资源 name or area, with the version read (CONFLICT when someone changed it since). */
export async function updateResource(ctx: RequestContext, input: UpdateResourceInput): Promise<CollectiveResource> {
  const seen = await readableResource(ctx, input.id);
  EconomyAccess.of(ctx).requireWrite(seen.villageCode, BOOKKEEPER_ROLES);
  if (input.areaMu) requirePositiveArea(input.areaMu, 'input.areaMu');
  return mutate(ctx, { action: 'economy.resource.update', targetType: 'CollectiveResource', targetId: (r) => r.id, regionCode: seen.villageCode, payload: { name: input.name ?? null, areaMu: input.areaMu ?? null } }, async (manager) => {
    const current = await manager.getRepository(CollectiveResource).createQueryBuilder('r').setLock('pessimistic_write').where('r.id = :id', { id: input.id }).getOneOrFail();
    if (current.version !== input.expectedVersion) throw staleVersion(RESOURCE, input.expectedVersion, current.version, { field: 'input.expectedVersion' });
    await manager.query(`UPDATE collective_resource SET name = COALESCE($2, name), area_mu = COALESCE($3::numeric, area_mu), version = version + 1 WHERE id = $1`, [input.id, input.name ?? null, input.areaMu ?? null]);
    return manager.findOneByOrFail(CollectiveResource, { id: input.id });
  });
}
