import { RegionRef } from '../shared/grids-stubs';
import type { RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { decideRoleModelObjection, nominateRoleModel, objectToRoleModel, roleModels, selectRoleModel } from './role-model.service';
import { DecideRoleModelObjectionInput, NominateRoleModelInput, ObjectToRoleModelInput, RoleModelNomination, RoleModelObjection, SelectRoleModelInput } from './role-model.types';

/** 典型选树 nomination → public notice (7 days, objections) → selection. */
@Resolver(() => RoleModelNomination)
export class RoleModelResolver {
  @Mutation(() => RoleModelNomination, { description: '推选道德模范、身边好人、好媳妇好公婆并公示7天（村、乡镇、县干部）/ Nominate a role model and start its 7-day public notice (cadres)' })
  nominateRoleModel(@Arg('input', () => NominateRoleModelInput, { description: '输入 / Input' }) input: NominateRoleModelInput, @Ctx() ctx: RequestContext): Promise<RoleModelNomination> {
    return nominateRoleModel(ctx, input);
  }

  @Mutation(() => RoleModelObjection, { description: '登记公示期内的异议 / Record an objection filed during the public notice' })
  objectToRoleModel(@Arg('input', () => ObjectToRoleModelInput, { description: '输入 / Input' }) input: ObjectToRoleModelInput, @Ctx() ctx: RequestContext): Promise<RoleModelObjection> {
    return objectToRoleModel(ctx, input);
  }

  @Mutation(() => RoleModelNomination, { description: '处理异议（乡镇、县管理人员）；异议成立即不予评选 / Decide an objection (township and county managers); an upheld objection ends the nomination' })
  decideRoleModelObjection(@Arg('input', () => DecideRoleModelObjectionInput, { description: '输入 / Input' }) input: DecideRoleModelObjectionInput, @Ctx() ctx: RequestContext): Promise<RoleModelNomination> {
    return decideRoleModelObjection(ctx, input);
  }

  @Mutation(() => RoleModelNomination, { description: '评选典型（公示期满后，无成立或待处理的异议；乡镇、县管理人员）/ Select a role model (after the notice ends, with no objection upheld or open; township and county managers)' })
  selectRoleModel(@Arg('input', () => SelectRoleModelInput, { description: '输入 / Input' }) input: SelectRoleModelInput, @Ctx() ctx: RequestContext): Promise<RoleModelNomination> {
    return selectRoleModel(ctx, input);
  }
}

@Resolver(() => RegionRef)
export class RegionRoleModelResolver {
  @FieldResolver(() => [RoleModelNomination], { description: '辖区内的典型推选（年度）/ Role-model nominations of a year in the region' })
  roleModels(@Root() region: RegionRef, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<RoleModelNomination[]> {
    return roleModels(ctx, region.code, year);
  }
}
