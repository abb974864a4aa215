import { boundedBatchLimit, boundedGroups, groupByKey, type ListBound, type RequestContext } from '@xiangzhi/kernel';
import { PostCategory } from '@xiangzhi/personnel-api';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByPrefix, regionPatterns } from '../shared/access';
import { Post, PostAssignment } from './post.entity';

const CATEGORY_ORDER = Object.values(PostCategory);

/** Posts in the order a village lists them: by village, then category (secretary first), then code. */
export function comparePosts(a: Post, b: Post): number {
  return (
    a.villageCode.localeCompare(b.villageCode) ||
    CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) ||
    a.code.localeCompare(b.code)
  );
}

/** Active posts under each region (and in the caller's scope): ONE statement for every region of a batch. */
/** `Region.posts` is bounded (MAX_LIST_ITEMS); beyond it, ask village by village. */
export const REGION_POSTS: ListBound = { field: 'Region.posts', instead: 'Region.posts of each village' };

export function postsByRegionLoader(ctx: RequestContext): DataLoader<string, Post[]> {
  return ctx.loaders.get<string, Post[]>('post:byRegion', async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    if (patterns.length === 0) return codes.map(() => []);
    const limit = boundedBatchLimit(codes.length, REGION_POSTS);
    const rows = await ctx.dataSource
      .getRepository(Post)
      .createQueryBuilder('p')
      .where('p.village_code LIKE ANY(CAST(:patterns AS text[]))', { patterns })
      .andWhere('p.active')
      .orderBy('p.village_code', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .take(limit)
      .getMany();
    return boundedGroups(groupByPrefix(prefixes, rows.sort(comparePosts), (p) => p.villageCode), rows.length === limit, REGION_POSTS);
  });
}

/** The posts each cadre currently holds (`post.holder_id`). */
export function postsByHolderLoader(ctx: RequestContext): DataLoader<string, Post[]> {
  return ctx.loaders.get<string, Post[]>('post:byHolder', async (ids) => {
    const rows = await ctx.dataSource.getRepository(Post).findBy({ holderId: In([...ids]) });
    return groupByKey(ids, rows.sort(comparePosts), (p) => p.holderId as string);
  });
}

/** Each post's assignments (who held it, oldest first). */
export function assignmentsByPostLoader(ctx: RequestContext): DataLoader<string, PostAssignment[]> {
  return ctx.loaders.get<string, PostAssignment[]>('post:assignments', async (ids) => {
    const rows = await ctx.dataSource.getRepository(PostAssignment).find({ where: { postId: In([...ids]) }, order: { startDate: 'ASC', createdAt: 'ASC' } });
    return groupByKey(ids, rows, (a) => a.postId);
  });
}
