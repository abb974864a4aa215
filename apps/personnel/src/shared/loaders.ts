import { byKey, notFound, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Cadre } from '../cadre/cadre.entity';
import { Post } from '../post/post.entity';
import { isUuid, visibleOnly } from './access';

/**
 * Per-request loader of cadres by id. A key that is not a UUID is simply not found: it must not
 * fail the statement (and with it every other key of the batch) with an invalid-input error. A cadre
 * outside the caller's scope is not found either (`visibleOnly`).
 */
export function cadreLoader(ctx: RequestContext): DataLoader<string, Cadre | null> {
  return ctx.loaders.get<string, Cadre | null>('cadre', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(Cadre).findBy({ id: In(valid) }) : [], (c) => c.id);
    return visibleOnly(ctx, rows, (c) => c.villageCode);
  });
}

/** Per-request loader of posts by id (a key that is not a UUID, or a post outside the caller's scope, is not found). */
export function postLoader(ctx: RequestContext): DataLoader<string, Post | null> {
  return ctx.loaders.get<string, Post | null>('post', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(Post).findBy({ id: In(valid) }) : [], (p) => p.id);
    return visibleOnly(ctx, rows, (p) => p.villageCode);
  });
}

/** The cadre a record belongs to (batched); NOT_FOUND when there is none. */
export async function cadreOf(ctx: RequestContext, cadreId: string): Promise<Cadre> {
  const cadre = await cadreLoader(ctx).load(cadreId);
  if (!cadre) throw notFound('干部', 'Cadre', cadreId);
  return cadre;
}
