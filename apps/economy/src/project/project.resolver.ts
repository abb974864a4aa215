import { referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { RegionRef } from '../shared/grids-stubs';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MajorMatter } from '../major-matter/major-matter.entity';
import { EconomyAccess } from '../shared/access';
import { VillageAlliance, VillageAllianceMember, WeakVillageProject, WeakVillageProjectConnection } from './project.entity';
import { AdvanceProjectInput, FormAllianceInput, ProjectsArgs, RegisterProjectInput } from './project.inputs';
import { advanceProject, allianceLoader, projectsByMatterLoader, allianceMembersLoader, formAlliance, listAlliances, listProjects, projectLoader, readableAlliance, readableProject, registerProject } from './project.service';

@Resolver(() => WeakVillageProject)
export class ProjectResolver {
  @Query(() => WeakVillageProjectConnection, { description: '薄弱村项目库（限调用者辖区）/ Weak-village projects under a region (within your scope)' })
  weakVillageProjects(@Args(() => ProjectsArgs) args: ProjectsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<WeakVillageProject>> {
    return listProjects(ctx, args);
  }

  @Query(() => WeakVillageProject, { description: '按标识查询薄弱村项目 / A project by id' })
  weakVillageProject(@Arg('id', () => ID, { description: '标识 / Id' }) id: string, @Ctx() ctx: RequestContext): Promise<WeakVillageProject> {
    return readableProject(ctx, id);
  }

  @Mutation(() => WeakVillageProject, { description: '申报薄弱村项目（超过本县门槛须有本村已通过的四议两公开事项）/ Register a weak-village project (above the county’s threshold an adopted major matter of the village must authorise it)' })
  registerProject(@Arg('input', () => RegisterProjectInput, { description: '输入 / Input' }) input: RegisterProjectInput, @Ctx() ctx: RequestContext): Promise<WeakVillageProject> {
    return registerProject(ctx, input);
  }

  @Mutation(() => WeakVillageProject, { description: '推进项目状态：申报→批准→实施→完工→评估（须提交版本号）/ Move a project on: proposed → approved → in progress → completed → evaluated (send the version read)' })
  advanceProject(@Arg('input', () => AdvanceProjectInput, { description: '输入 / Input' }) input: AdvanceProjectInput, @Ctx() ctx: RequestContext): Promise<WeakVillageProject> {
    return advanceProject(ctx, input);
  }

  @FieldResolver(() => VillageAlliance, { nullable: true, description: '所属联建 / Its alliance' })
  alliance(@Root() p: WeakVillageProject, @Ctx() ctx: RequestContext): Promise<VillageAlliance | null> | null {
    return p.allianceId ? allianceLoader(ctx).load(p.allianceId) : null;
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Village' })
  village(@Root() p: WeakVillageProject): RegionRef {
    return RegionRef.of(p.villageCode);
  }
}

@Resolver(() => VillageAlliance)
export class AllianceResolver {
  @Query(() => [VillageAlliance], { description: '辖区内村参与的“1+N+1”联建 / 1+N+1 alliances with a village under the region' })
  villageAlliances(@Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string, @Ctx() ctx: RequestContext): Promise<VillageAlliance[]> {
    return listAlliances(ctx, regionCode);
  }

  @Query(() => VillageAlliance, { description: '按标识查询联建 / An alliance by id' })
  villageAlliance(@Arg('id', () => ID, { description: '标识 / Id' }) id: string, @Ctx() ctx: RequestContext): Promise<VillageAlliance> {
    return readableAlliance(ctx, id);
  }

  @Mutation(() => VillageAlliance, { description: '组建“1+N+1”联建（县、乡镇管理人员）/ Form a 1+N+1 alliance (county and township staff)' })
  formAlliance(@Arg('input', () => FormAllianceInput, { description: '输入 / Input' }) input: FormAllianceInput, @Ctx() ctx: RequestContext): Promise<VillageAlliance> {
    return formAlliance(ctx, input);
  }

  @FieldResolver(() => [VillageAllianceMember], { description: '成员村（牵头强村在前）/ Villages (the lead first)' })
  members(@Root() a: VillageAlliance, @Ctx() ctx: RequestContext): Promise<VillageAllianceMember[]> {
    return allianceMembersLoader(ctx).load(a.id);
  }
}

@Resolver(() => MajorMatter)
export class MatterProjectsResolver {
  @FieldResolver(() => [WeakVillageProject], { description: '本事项授权的项目 / Projects this matter authorised' })
  projects(@Root() m: MajorMatter, @Ctx() ctx: RequestContext): Promise<WeakVillageProject[]> {
    return projectsByMatterLoader(ctx).load(m.id);
  }
}

/** `__resolveReference` for WeakVillageProject: batched; outside the caller's scope resolves to null. */
export const projectReferences: Record<string, ReferenceResolver> = {
  WeakVillageProject: referenceResolver<string, WeakVillageProject>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const access = EconomyAccess.of(ctx);
      return (await projectLoader(ctx).loadMany(ids)).map((p) => (p && !(p instanceof Error) && access.canSee(p.villageCode) ? p : null));
    },
  }),
};
