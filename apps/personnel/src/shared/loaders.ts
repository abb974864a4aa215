import { byKey, type RequestContext } from '@xiangzhi/kernel';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { Cadre } from '../cadre/cadre.entity';
import { Post } from '../post/post.entity';

/** Per-request loader of cadres by id. */
export function cadreLoader(ctx: RequestContext): DataLoader<string, Cadre | null> {
  return ctx.loaders.get<string, Cadre | null>('cadre', async (ids) => byKey(ids, await ctx.dataSource.getRepository(Cadre).findBy({ id: In([...ids]) }), (c) => c.id));
}

/** Per-request loader of posts by id. */
export function postLoader(ctx: RequestContext): DataLoader<string, Post | null> {
  return ctx.loaders.get<string, Post | null>('post', async (ids) => byKey(ids, await ctx.dataSource.getRepository(Post).findBy({ id: In([...ids]) }), (p) => p.id));
}
