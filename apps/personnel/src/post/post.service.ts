import { badInput, countyOf, mutate, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { postTemplatePolicyPoint, type TemplateVillage } from '@xiangzhi/personnel-api';
import { In } from 'typeorm';
import { managedPost } from '../cadre/appointment.service';
import { checkRegions } from '@xiangzhi/grids-api';
import { requireVillageCode } from '../shared/checks';
import { MANAGER_ROLES, PersonnelAccess } from '../shared/access';
import { PolicyDecision, type StoredDecision } from '../shared/decision';
import { staleVersion } from '../shared/stale';
import { villageKindOf } from '../shared/village-kind';
import { Post } from './post.entity';
import type { UpdatePostInput } from './post.inputs';
import { comparePosts } from './post.loaders';
import { ApplyPostTemplateResult } from './post.types';

/** The kind of village a template applies to (`villageKindOf`); BAD_USER_INPUT when the code names neither. */
function templateVillageKind(villageCode: string): TemplateVillage['kind'] {
  const kind = villageKindOf(villageCode);
  if (kind) return kind;
  throw badInput(
    `村级代码后三位须为001–199（社区）或200–399（行政村）：${villageCode}`,
    `The village part of the code must be 001–199 (community) or 200–399 (village): ${villageCode}`,
    { field: 'villageCode' },
  );
}

/**
 * 定岗 applies the county's post template to a village: creates the template's posts whose code
 * the village lacks and keeps those it has (idempotent). Each post records the template and policy.
 */
export async function applyPostTemplate(ctx: RequestContext, villageCode: string): Promise<ApplyPostTemplateResult> {
  requireVillageCode(villageCode);
  const kind = templateVillageKind(villageCode);
  PersonnelAccess.of(ctx).requireWrite(villageCode, MANAGER_ROLES);
  await checkRegions(ctx.dataSource, [{ field: 'villageCode', code: villageCode, on: todayInChina() }]);
  const { policy, source } = ctx.policies.resolve(postTemplatePolicyPoint, villageCode);
  const templateName = policy.templateName;
  const entries = policy.postsFor({ code: villageCode, kind });
  const template: StoredDecision = {
    policy: source,
    rule: 'POST_TEMPLATE',
    zh: `按定岗模板「${templateName}」设岗（${kind === 'COMMUNITY' ? '社区' : '行政村'}）`,
    en: `post created by the template “${templateName}” (${kind === 'COMMUNITY' ? 'community' : 'village'})`,
  };
  return mutate(
    ctx,
    {
      action: 'applyPostTemplate',
      targetType: 'Post',
      regionCode: villageCode,
      targetId: () => villageCode,
      payload: { templateName, policy: source },
    },
    async (manager) => {
      const codes = entries.map((e) => e.code);
      const existing = codes.length ? await manager.findBy(Post, { villageCode, code: In(codes) }) : [];
      const have = new Set(existing.map((p) => p.code));
      const created: Post[] = [];
      for (const entry of entries) {
        if (have.has(entry.code)) continue;
        created.push(
          await manager.save(
            manager.create(Post, {
              countyCode: countyOf(villageCode) as string,
              villageCode,
              code: entry.code,
              title: entry.title,
              category: entry.category,
              responsibilities: [...entry.responsibilities],
              targets: entry.targets.map((t) => ({ title: t.title, measure: t.measure, target: t.target })),
              fullTime: entry.fullTime,
              leaveApprover: entry.leaveApprover,
              template,
              holderId: null,
              active: true,
            }),
          ),
        );
      }
      return Object.assign(new ApplyPostTemplateResult(), {
        templateName,
        decision: PolicyDecision.of(template),
        created: created.sort(comparePosts),
        existing: existing.sort(comparePosts),
      });
    },
  );
}

/** 定责 updates a post's title, responsibilities list and the township's annual targets. */
export async function updatePost(ctx: RequestContext, input: UpdatePostInput): Promise<Post> {
  const post = await managedPost(ctx, input.postId);
  const stale = (current?: number) => staleVersion({ zh: '岗位', en: 'post' }, input.expectedVersion, current);
  if (post.version !== input.expectedVersion) throw stale(post.version);
  const set: Partial<Post> = {};
  if (input.title !== undefined && input.title !== null) {
    const title = input.title.trim();
    if (!title) throw badInput('岗位名称不能为空', 'The title cannot be blank', { field: 'title' });
    set.title = title;
  }
  if (input.responsibilities) {
    const list = input.responsibilities.map((r) => r.trim());
    if (list.some((r) => !r)) throw badInput('职责不能为空', 'A responsibility cannot be blank', { field: 'responsibilities' });
    set.responsibilities = list;
  }
  if (input.targets) {
    const targets = input.targets.map((t) => ({ title: t.title.trim(), measure: t.measure.trim(), target: t.target ?? null }));
    if (targets.some((t) => !t.title || !t.measure)) throw badInput('年度目标的名称和计量不能为空', 'A target needs a title and a measure', { field: 'targets' });
    set.targets = targets;
  }
  return mutate(
    ctx,
    { action: 'updatePost', targetType: 'Post', regionCode: post.villageCode, targetId: () => post.id, payload: { fields: Object.keys(set), version: input.expectedVersion + 1 } },
    async (manager) => {
      const done = await manager
        .createQueryBuilder()
        .update(Post)
        .set({ ...set, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: post.id, version: input.expectedVersion })
        .execute();
      if (!done.affected) throw stale();
      return (await manager.findOneBy(Post, { id: post.id })) as Post;
    },
  );
}
