import { notFound, referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { yearsBetween } from '@xiangzhi/personnel-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Post, PostAssignment } from '../post/post.entity';
import { postsByHolderLoader } from '../post/post.loaders';
import { PersonnelAccess, isUuid } from '../shared/access';
import { ResidentRef } from '../shared/grids-stubs';
import { cadreLoader } from '../shared/loaders';
import { checkEligibility, appointCadre, dischargeCadre } from './appointment.service';
import { Cadre, CadreConnection, DeclaredRelative, Talent, TalentConnection, TrainingRecord } from './cadre.entity';
import {
  AddTalentInput,
  AppointCadreInput,
  CadresArgs,
  CheckEligibilityInput,
  DischargeCadreInput,
  RecordTrainingInput,
  RemoveTalentInput,
  TalentsArgs,
  UpdateCadreInput,
} from './cadre.inputs';
import { assignmentsByCadreLoader, talentLoader, trainingsLoader } from './cadre.loaders';
import { addTalent, listCadres, listTalents, recordTraining, removeTalent, updateCadre } from './cadre.service';
import { AppointmentResult, DepartureHonor, DischargeResult, EligibilityResult } from './cadre.types';
import { todayInChina } from './today';

export { todayInChina } from './today';

@Resolver(() => Cadre)
export class CadreResolver {
  @Query(() => Cadre, { description: '按标识查询干部 / A cadre by id' })
  async cadre(@Arg('id', () => ID, { description: '干部标识 / Cadre id' }) id: string, @Ctx() ctx: RequestContext): Promise<Cadre> {
    const cadre = await cadreLoader(ctx).load(id);
    if (!cadre) throw notFound('干部', 'Cadre', id);
    PersonnelAccess.of(ctx).requireVisible(cadre.villageCode);
    return cadre;
  }

  @Query(() => CadreConnection, { description: '干部名册，按村、姓名排列（辖区以外的不列出）/ Cadres by village and name (nothing outside your scope)' })
  cadres(@Args(() => CadresArgs) args: CadresArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Cadre>> {
    return listCadres(ctx, args);
  }

  @Query(() => TalentConnection, { description: '人才库（后备干部、返乡人才等），按村、姓名排列；县、乡镇、村干部和审计可查 / Talent pool (reserve cadres, returned talents…) by village and name; for county, township and village cadres and auditors' })
  talents(@Args(() => TalentsArgs) args: TalentsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Talent>> {
    return listTalents(ctx, args);
  }

  @Query(() => EligibilityResult, {
    description:
      '任职资格审查：按区县任职资格政策列出全部不符合的规则（含连任、亲属任职回避），不写入任何数据（县、乡镇管理人员）/ ' +
      'Eligibility check: every rule of the county’s eligibility policy the candidate fails (re-appointment and relative recusal included); writes nothing (county and township managers)',
  })
  checkEligibility(@Arg('input', () => CheckEligibilityInput, { description: '输入 / Input' }) input: CheckEligibilityInput, @Ctx() ctx: RequestContext): Promise<EligibilityResult> {
    return checkEligibility(ctx, input);
  }

  @Mutation(() => AppointmentResult, {
    description:
      '任职：先做与 checkEligibility 相同的资格审查（不符合则 POLICY_VIOLATION，列出全部规则，不写入），岗位须有效且空缺（否则 CONFLICT）（县、乡镇管理人员）/ ' +
      'Appoint to a post: the same check as checkEligibility first (POLICY_VIOLATION listing every failed rule, nothing written); the post must be active and vacant (else CONFLICT) (county and township managers)',
  })
  appointCadre(@Arg('input', () => AppointCadreInput, { description: '输入 / Input' }) input: AppointCadreInput, @Ctx() ctx: RequestContext): Promise<AppointmentResult> {
    return appointCadre(ctx, input);
  }

  @Mutation(() => DischargeResult, {
    description:
      '离任：免去全部岗位，按区县离任荣誉政策决定荣誉（县、乡镇管理人员）/ Discharge: ends every post held; the county’s honour policy decides the honour (county and township managers)',
  })
  dischargeCadre(@Arg('input', () => DischargeCadreInput, { description: '输入 / Input' }) input: DischargeCadreInput, @Ctx() ctx: RequestContext): Promise<DischargeResult> {
    return dischargeCadre(ctx, input);
  }

  @Mutation(() => Cadre, { description: '修改干部档案（县、乡镇管理人员）/ Update a cadre record (county and township managers)' })
  updateCadre(@Arg('input', () => UpdateCadreInput, { description: '输入 / Input' }) input: UpdateCadreInput, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return updateCadre(ctx, input);
  }

  @Mutation(() => TrainingRecord, { description: '登记培训（村干部及以上）/ Record a training (village cadres and above)' })
  recordTraining(@Arg('input', () => RecordTrainingInput, { description: '输入 / Input' }) input: RecordTrainingInput, @Ctx() ctx: RequestContext): Promise<TrainingRecord> {
    return recordTraining(ctx, input);
  }

  @Mutation(() => Talent, { description: '人才入库（村干部及以上）/ Add to the talent pool (village cadres and above)' })
  addTalent(@Arg('input', () => AddTalentInput, { description: '输入 / Input' }) input: AddTalentInput, @Ctx() ctx: RequestContext): Promise<Talent> {
    return addTalent(ctx, input);
  }

  @Mutation(() => Talent, { description: '人才出库（村干部及以上）/ Remove from the talent pool (village cadres and above)' })
  removeTalent(@Arg('input', () => RemoveTalentInput, { description: '输入 / Input' }) input: RemoveTalentInput, @Ctx() ctx: RequestContext): Promise<Talent> {
    return removeTalent(ctx, input);
  }

  /** Derived from the birth date, so masked like it: watching it change would give the birthday away. */
  @FieldResolver(() => Int, { nullable: true, description: '年龄（周岁；由出生日期推算，仅有权角色可见）/ Age in whole years (from the birth date; null for roles that may not see it)' })
  age(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): number | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? yearsBetween(cadre.birthDate, todayInChina()) : null;
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true, description: '出生日期（个人信息，仅有权角色可见）/ Birth date (personal data; null for roles that may not see it)' })
  birthDate(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): string | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? cadre.birthDate : null;
  }

  @FieldResolver(() => [DeclaredRelative], {
    nullable: true,
    description: '申报的亲属（用于任职回避；他人的个人信息，仅有权角色可见）/ Declared close relatives (for recusal; other people’s personal data, null for roles that may not see it)',
  })
  closeRelatives(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): DeclaredRelative[] | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? (cadre.closeRelatives ?? []) : null;
  }

  @FieldResolver(() => [Post], { description: '现任岗位 / Posts currently held' })
  posts(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<Post[]> {
    return postsByHolderLoader(ctx).load(cadre.id);
  }

  @FieldResolver(() => [PostAssignment], { description: '任职经历（含已免职的）/ Assignments, past ones included' })
  assignments(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<PostAssignment[]> {
    return assignmentsByCadreLoader(ctx).load(cadre.id);
  }

  @FieldResolver(() => ResidentRef, { nullable: true, description: '居民档案（网格子图）/ The resident record (grids subgraph)' })
  resident(@Root() cadre: Cadre): ResidentRef | null {
    return cadre.residentId ? ResidentRef.of(cadre.residentId) : null;
  }

  @FieldResolver(() => [TrainingRecord], { description: '培训记录（可按年份）/ Training records (optionally of one year)' })
  trainings(
    @Root() cadre: Cadre,
    @Arg('year', () => Int, { nullable: true, description: '年份 / Year' }) year: number | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<TrainingRecord[]> {
    return trainingsLoader(ctx, year ?? null).load(cadre.id);
  }

  @FieldResolver(() => Float, { description: '某年培训天数合计（按开始日期计年）/ Training days in a year (by start date)' })
  async trainingDays(@Root() cadre: Cadre, @Arg('year', () => Int, { description: '年份 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<number> {
    const records = await trainingsLoader(ctx, year).load(cadre.id);
    return Math.round(records.reduce((sum, r) => sum + Number(r.days), 0) * 10) / 10;
  }

  @FieldResolver(() => DepartureHonor, { nullable: true, description: '离任荣誉（离任后）/ Departure honour (once the cadre left)' })
  honor(@Root() cadre: Cadre): DepartureHonor | null {
    return cadre.honor ? DepartureHonor.of(cadre.honor) : null;
  }

  @FieldResolver(() => Talent, { nullable: true, description: '来自人才库（从人才库任用时）/ Talent-pool entry the cadre came from' })
  async talent(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<Talent | null> {
    if (!cadre.talentId || !PersonnelAccess.of(ctx).readsTalentPool) return null;
    const talent = await talentLoader(ctx).load(cadre.talentId);
    return talent && PersonnelAccess.of(ctx).canSee(talent.villageCode) ? talent : null;
  }
}

@Resolver(() => Talent)
export class TalentResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: '任用后的干部档案 / The cadre record once appointed' })
  async cadre(@Root() talent: Talent, @Ctx() ctx: RequestContext): Promise<Cadre | null> {
    if (!talent.cadreId) return null;
    const cadre = await cadreLoader(ctx).load(talent.cadreId);
    return cadre && PersonnelAccess.of(ctx).canSee(cadre.villageCode) ? cadre : null;
  }
}

/** `__resolveReference` for Cadre: batched; a cadre outside the caller's scope resolves to null. */
export const cadreReferences: Record<string, ReferenceResolver> = {
  Cadre: referenceResolver<string, Cadre>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const rows = await cadreLoader(ctx).loadMany(ids.filter(isUuid));
      const found = new Map<string, Cadre>();
      for (const row of rows) if (row && !(row instanceof Error) && PersonnelAccess.of(ctx).canSee(row.villageCode)) found.set(row.id, row);
      return ids.map((id) => found.get(id) ?? null);
    },
  }),
};
