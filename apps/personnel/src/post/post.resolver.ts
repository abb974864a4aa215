import { MAX_LIST_ITEMS, notFound, referenceResolver, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { PersonnelAccess, isUuid } from '../shared/access';
import { PolicyDecision } from '../shared/decision';
import { RegionRef } from '../shared/grids-stubs';
import { cadreLoader, cadreOf, postLoader } from '../shared/loaders';
import { Post, PostAssignment } from './post.entity';
import { UpdatePostInput } from './post.inputs';
import { assignmentsByPostLoader, postsByRegionLoader } from './post.loaders';
import { applyPostTemplate, updatePost } from './post.service';
import { ApplyPostTemplateResult } from './post.types';

@Resolver(() => Post)
export class PostResolver {
  @Query(() => Post, { description: '按标识查询岗位 / A post by id' })
  async post(@Arg('id', () => ID, { description: '岗位标识 / Post id' }) id: string, @Ctx() ctx: RequestContext): Promise<Post> {
    const post = await postLoader(ctx).load(id);
    if (!post) throw notFound('岗位', 'Post', id);
    PersonnelAccess.of(ctx).requireVisible(post.villageCode);
    return post;
  }

  @Mutation(() => ApplyPostTemplateResult, {
    description:
      '按区县定岗模板为村（社区）设岗：补设缺少的岗位，已有的保持不变，可重复执行（县、乡镇管理人员）/ ' +
      'Apply the county’s post template to a village: creates the missing posts, keeps existing ones; safe to repeat (county and township managers)',
  })
  applyPostTemplate(
    @Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village division code' }) villageCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ApplyPostTemplateResult> {
    return applyPostTemplate(ctx, villageCode);
  }

  @Mutation(() => Post, { description: '修改岗位名称、职责清单、年度目标（乡镇下达）（县、乡镇管理人员）/ Update a post’s title, responsibilities and annual targets (county and township managers)' })
  updatePost(@Arg('input', () => UpdatePostInput, { description: '输入 / Input' }) input: UpdatePostInput, @Ctx() ctx: RequestContext): Promise<Post> {
    return updatePost(ctx, input);
  }

  @FieldResolver(() => Cadre, { nullable: true, description: '现任（空缺时为空）/ Current holder (null while vacant)' })
  holder(@Root() post: Post, @Ctx() ctx: RequestContext): Promise<Cadre | null> | null {
    return post.holderId ? cadreLoader(ctx).load(post.holderId) : null;
  }

  @FieldResolver(() => [PostAssignment], { description: '历任（任职记录，最早的在前）/ History of holders (oldest first)' })
  history(@Root() post: Post, @Ctx() ctx: RequestContext): Promise<PostAssignment[]> {
    return assignmentsByPostLoader(ctx).load(post.id);
  }

  @FieldResolver(() => PolicyDecision, { description: '设岗依据（模板与政策）/ The template and policy that created the post' })
  templateDecision(@Root() post: Post): PolicyDecision {
    return PolicyDecision.of(post.template);
  }
}

@Resolver(() => PostAssignment)
export class PostAssignmentResolver {
  @FieldResolver(() => Cadre, { description: '任职的干部 / The cadre' })
  cadre(@Root() assignment: PostAssignment, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, assignment.cadreId);
  }

  @FieldResolver(() => Post, { description: '岗位 / The post' })
  async post(@Root() assignment: PostAssignment, @Ctx() ctx: RequestContext): Promise<Post> {
    const post = await postLoader(ctx).load(assignment.postId);
    if (!post) throw notFound('岗位', 'Post', assignment.postId);
    return post;
  }
}

/** 岗位 the field personnel adds to the grids subgraph's Region (one statement for all regions of a batch). */
@Resolver(() => RegionRef)
export class PostRegionResolver {
  @FieldResolver(() => [Post], { description:
      `区划内的有效岗位（限调用者辖区）；最多 ${MAX_LIST_ITEMS} 个，超出时报 BAD_USER_INPUT，请按村分别查询 / ` +
      `Active posts of villages under the region (within your scope); at most ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT asks for the villages one by one`,
  })
  posts(@Root() region: RegionRef, @Ctx() ctx: RequestContext): Promise<Post[]> {
    return postsByRegionLoader(ctx).load(region.code);
  }
}

/** `__resolveReference` for Post: batched; a post outside the caller's scope resolves to null. */
export const postReferences: Record<string, ReferenceResolver> = {
  Post: referenceResolver<string, Post>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const rows = await postLoader(ctx).loadMany(ids.filter(isUuid));
      const found = new Map<string, Post>();
      for (const row of rows) if (row && !(row instanceof Error) && PersonnelAccess.of(ctx).canSee(row.villageCode)) found.set(row.id, row);
      return ids.map((id) => found.get(id) ?? null);
    },
  }),
};
