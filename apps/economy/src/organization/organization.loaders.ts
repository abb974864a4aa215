import { byKey, groupByKey, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByPrefix, isUuid, regionPatterns, visibleOnly } from '../shared/access';
import { CollectiveOrganization } from './organization.entity';

/** Organisations by id (one statement per batch); a key that is not a UUID, or an organisation outside the caller's scope, is not found. */
export function organizationLoader(ctx: RequestContext): DataLoader<string, CollectiveOrganization | null> {
  return ctx.loaders.get<string, CollectiveOrganization | null>('economy:organization', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(CollectiveOrganization).findBy({ id: In(valid) }) : [], (o) => o.id);
    return visibleOnly(ctx, rows, (o) => o.villageCode);
  });
}

/** The organisations under each region (village code prefix, narrowed to the caller's scope), by village and name; one statement per batch. */
export function organizationsByRegionLoader(ctx: RequestContext): DataLoader<string, CollectiveOrganization[]> {
  return ctx.loaders.get<string, CollectiveOrganization[]>('economy:organizationsByRegion', async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    if (patterns.length === 0) return codes.map(() => []);
    const rows = await ctx.dataSource
      .getRepository(CollectiveOrganization)
      .createQueryBuilder('o')
      .where('o.village_code LIKE ANY(CAST(:patterns AS text[]))', { patterns })
      .orderBy('o.village_code', 'ASC')
      .addOrderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .getMany();
    return groupByPrefix(prefixes, rows, (o) => o.villageCode);
  });
}

/** The sub-organisations of each organisation (after a merger), one statement per batch. */
export function childrenLoader(ctx: RequestContext): DataLoader<string, CollectiveOrganization[]> {
  return ctx.loaders.get<string, CollectiveOrganization[]>('economy:organizationChildren', async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length ? await ctx.dataSource.getRepository(CollectiveOrganization).find({ where: { parentId: In(valid) }, order: { name: 'ASC', id: 'ASC' } }) : [];
    return groupByKey(ids, rows, (o) => o.parentId as string);
  });
}
