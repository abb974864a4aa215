import { referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { RegionRef } from '../shared/grids-stubs';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EconomyAccess } from '../shared/access';
import { MajorMatter, MajorMatterConnection, MajorMatterStepRecord } from './major-matter.entity';
import { AdvanceMajorMatterInput, MajorMattersArgs, ProposeMajorMatterInput } from './major-matter.inputs';
import { advanceMajorMatter, listMajorMatters, matterLoader, proposeMajorMatter, readableMatter, timelineLoader } from './major-matter.service';

@Resolver(() => MajorMatter)
export class MajorMatterResolver {
  @Query(() => MajorMatterConnection, { description: '四议两公开事项（按提议日期排序，限调用者辖区）/ Major matters under a region, by date proposed (within your scope)' })
  majorMatters(@Args(() => MajorMattersArgs) args: MajorMattersArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<MajorMatter>> {
    return listMajorMatters(ctx, args);
  }

  @Query(() => MajorMatter, { description: '按标识查询四议两公开事项 / A major matter by id' })
  majorMatter(@Arg('id', () => ID, { description: '事项标识 / Matter id' }) id: string, @Ctx() ctx: RequestContext): Promise<MajorMatter> {
    return readableMatter(ctx, id);
  }

  @Mutation(() => MajorMatter, { description: '村党组织提议四议两公开事项（村干部及乡镇、县管理人员）/ The Party branch proposes a major matter (village cadres, township and county staff)' })
  proposeMajorMatter(@Arg('input', () => ProposeMajorMatterInput, { description: '输入 / Input' }) input: ProposeMajorMatterInput, @Ctx() ctx: RequestContext): Promise<MajorMatter> {
    return proposeMajorMatter(ctx, input);
  }

  @Mutation(() => MajorMatter, {
    description:
      '记录四议两公开的下一步：两委商议→党员大会审议→村民（代表）会议决议（人数、票数，法定人数与多数由本县规则判定）→决议公开→实施结果公开；不可跳步或重复（须提交版本号）/ ' +
      "Record the next step: deliberation → Party members' review → villagers' (representatives') meeting resolution (attendance and votes; quorum and majority by the county's procedure) → decision published → result published; no step skipped or repeated (send the version read)",
  })
  advanceMajorMatter(@Arg('input', () => AdvanceMajorMatterInput, { description: '输入 / Input' }) input: AdvanceMajorMatterInput, @Ctx() ctx: RequestContext): Promise<MajorMatter> {
    return advanceMajorMatter(ctx, input);
  }

  @FieldResolver(() => [MajorMatterStepRecord], { description: '时间线：已完成的每一步（谁、何时、人数票数）/ Timeline: every step taken (who, when, figures)' })
  timeline(@Root() matter: MajorMatter, @Ctx() ctx: RequestContext): Promise<MajorMatterStepRecord[]> {
    return timelineLoader(ctx).load(matter.id);
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Village' })
  village(@Root() matter: MajorMatter): RegionRef {
    return RegionRef.of(matter.villageCode);
  }
}

/** `__resolveReference` for MajorMatter: batched; a matter outside the caller's scope resolves to null. */
export const majorMatterReferences: Record<string, ReferenceResolver> = {
  MajorMatter: referenceResolver<string, MajorMatter>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const access = EconomyAccess.of(ctx);
      return (await matterLoader(ctx).loadMany(ids)).map((m) => (m && !(m instanceof Error) && access.canSee(m.villageCode) ? m : null));
    },
  }),
};
