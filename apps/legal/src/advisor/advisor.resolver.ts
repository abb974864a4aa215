import { LegalRegion } from '../shared/stubs';
import { badInput, referenceResolver, todayInChina, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AdvisorAssignment, LegalAdvisor, ServiceRecord } from './advisor.entity';
import { AssignLegalAdvisorInput, RecordLegalServiceInput, RegisterLegalAdvisorInput } from './advisor.inputs';
import { advisorLoader, assignLegalAdvisor, coverage, currentAssignmentsLoader, monthlyServices, readableAdvisor, recordLegalService, registerLegalAdvisor } from './advisor.service';

@ObjectType('CoverageVillage', { description: '无现任法律顾问的村 / A village without a current advisor' })
export class CoverageVillage {
  @Field(() => String, { description: '区划代码 / Division code' })
  code!: string;

  @Field(() => String, { description: '名称 / Name' })
  name!: string;
}

@ObjectType('AdvisorLoad', { description: '超负荷的法律顾问 / An advisor over their village load' })
export class AdvisorLoad {
  advisorId!: string;

  @Field(() => Int, { description: '现服务村数 / Villages served now' })
  villages!: number;

  @Field(() => Int, { description: '最多服务村数 / Most villages allowed' })
  maxVillages!: number;
}

@ObjectType('LegalAdvisorCoverage', { description: '一村一法律顾问覆盖情况 / Coverage of villages by legal advisors' })
export class LegalAdvisorCoverage {
  @Field(() => String, { description: '区划代码 / Division code' })
  regionCode!: string;

  @Field(() => GraphQLLocalDate, { description: '统计日 / Day of the report' })
  on!: string;

  @Field(() => Int, { description: '村（社区）数 / Villages' })
  villages!: number;

  @Field(() => Int, { description: '有现任法律顾问的村数 / Villages with a current advisor' })
  covered!: number;

  @Field(() => [CoverageVillage], { description: '无现任法律顾问的村 / Villages without a current advisor' })
  villagesWithoutAdvisor!: CoverageVillage[];

  @Field(() => [AdvisorLoad], { description: '超出服务村数上限的法律顾问 / Advisors over their village load' })
  overloadedAdvisors!: AdvisorLoad[];
}

@ObjectType('LegalAdvisorVillageService', { description: '法律顾问某月在某村的服务 / An advisor’s services in one village in a month' })
export class VillageService {
  @Field(() => String, { description: '村区划代码 / Village code' })
  villageCode!: string;

  @Field(() => Int, { description: '服务次数 / Services' })
  records!: number;

  @Field(() => Int, { description: '驻村次数 / Visits' })
  visits!: number;

  @Field(() => Int, { description: '咨询人次 / Consultations' })
  consultations!: number;

  @Field(() => Int, { description: '时长（分钟）/ Minutes' })
  minutes!: number;
}

@ObjectType('LegalAdvisorMonthlyReport', { description: '法律顾问月度服务报告 / An advisor’s monthly service report' })
export class MonthlyReport {
  @Field(() => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' })
  month!: string;

  @Field(() => LegalAdvisor, { description: '法律顾问 / Advisor' })
  advisor!: LegalAdvisor;

  @Field(() => Int, { description: '服务次数 / Services' })
  records!: number;

  @Field(() => Int, { description: '驻村次数 / Visits' })
  visits!: number;

  @Field(() => Int, { description: '咨询人次 / Consultations' })
  consultations!: number;

  @Field(() => String, { description: '服务时长（小时，一位小数）/ Hours served (one decimal)' })
  hours!: string;

  @Field(() => [VillageService], { description: '按村 / Per village (within your scope)' })
  villages!: VillageService[];
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@Resolver(() => LegalAdvisor)
export class LegalAdvisorResolver {
  @Mutation(() => LegalAdvisor, { description: '登记法律顾问（执业证号校验）/ Register a legal advisor (certificate number checked)' })
  registerLegalAdvisor(@Arg('input', () => RegisterLegalAdvisorInput, { description: '输入 / Input' }) input: RegisterLegalAdvisorInput, @Ctx() ctx: RequestContext): Promise<LegalAdvisor> {
    return registerLegalAdvisor(ctx, input);
  }

  @Mutation(() => AdvisorAssignment, { description: '聘任法律顾问到村（一村一法律顾问）/ Assign a legal advisor to a village' })
  assignLegalAdvisor(@Arg('input', () => AssignLegalAdvisorInput, { description: '输入 / Input' }) input: AssignLegalAdvisorInput, @Ctx() ctx: RequestContext): Promise<AdvisorAssignment> {
    return assignLegalAdvisor(ctx, input);
  }

  @Mutation(() => ServiceRecord, { description: '记录法律顾问服务（驻村、咨询、讲座…）/ Record an advisor’s service' })
  recordLegalService(@Arg('input', () => RecordLegalServiceInput, { description: '输入 / Input' }) input: RecordLegalServiceInput, @Ctx() ctx: RequestContext): Promise<ServiceRecord> {
    return recordLegalService(ctx, input);
  }

  @Query(() => LegalAdvisor, { description: '法律顾问 / A legal advisor' })
  legalAdvisor(@Arg('id', () => ID, { description: '标识 / Identifier' }) id: string, @Ctx() ctx: RequestContext): Promise<LegalAdvisor> {
    return readableAdvisor(ctx, id);
  }

  @Query(() => LegalAdvisorCoverage, { description: '一村一法律顾问覆盖情况：无顾问的村、超负荷的顾问 / Advisor coverage: villages without one, advisors over their load' })
  async legalAdvisorCoverage(
    @Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string,
    @Arg('on', () => GraphQLLocalDate, { nullable: true, description: '统计日（默认今天）/ Day (default today)' }) on: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LegalAdvisorCoverage> {
    const day = on ?? todayInChina();
    const facts = await coverage(ctx, regionCode, day);
    return Object.assign(new LegalAdvisorCoverage(), {
      regionCode,
      on: day,
      villages: facts.villages.length,
      covered: facts.villages.filter((v) => v.covered).length,
      villagesWithoutAdvisor: facts.villages.filter((v) => !v.covered).map((v) => Object.assign(new CoverageVillage(), { code: v.code, name: v.name })),
      overloadedAdvisors: facts.overloaded.map((o) => Object.assign(new AdvisorLoad(), o)),
    });
  }

  @Query(() => MonthlyReport, { description: '法律顾问月度服务报告 / An advisor’s monthly service report' })
  async legalAdvisorMonthlyReport(
    @Arg('advisorId', () => ID, { description: '法律顾问 / Advisor' }) advisorId: string,
    @Arg('month', () => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<MonthlyReport> {
    if (!MONTH.test(month)) throw badInput(`月份格式应为 YYYY-MM：month = ${month}`, `A month must be YYYY-MM: month = ${month}`, { field: 'month', rule: 'MONTH_FORMAT', value: month });
    const { advisor, rows } = await monthlyServices(ctx, advisorId, month);
    const minutes = rows.reduce((s, r) => s + r.minutes, 0);
    return Object.assign(new MonthlyReport(), {
      month,
      advisor,
      records: rows.reduce((s, r) => s + r.records, 0),
      visits: rows.reduce((s, r) => s + r.visits, 0),
      consultations: rows.reduce((s, r) => s + r.consultations, 0),
      hours: (Math.round(minutes / 6) / 10).toFixed(1),
      villages: rows.map((r) => Object.assign(new VillageService(), r)),
    });
  }
}

@Resolver(() => AdvisorAssignment)
export class AdvisorAssignmentResolver {
  @FieldResolver(() => LegalAdvisor, { description: '法律顾问 / Advisor' })
  advisor(@Root() a: AdvisorAssignment, @Ctx() ctx: RequestContext): Promise<LegalAdvisor> {
    return readableAdvisor(ctx, a.advisorId);
  }
}

@Resolver(() => AdvisorLoad)
export class AdvisorLoadResolver {
  @FieldResolver(() => LegalAdvisor, { description: '法律顾问 / Advisor' })
  advisor(@Root() a: AdvisorLoad, @Ctx() ctx: RequestContext): Promise<LegalAdvisor> {
    return readableAdvisor(ctx, a.advisorId);
  }
}

@Resolver(() => LegalRegion)
export class AdvisorRegionResolver {
  @FieldResolver(() => [AdvisorAssignment], { description: '区划内各村的现任法律顾问（限辖区）/ Current advisor assignments of the villages under the region (within your scope)' })
  legalAdvisors(@Root() region: LegalRegion, @Ctx() ctx: RequestContext): Promise<AdvisorAssignment[]> {
    return currentAssignmentsLoader(ctx).load(region.code);
  }
}

/** `__resolveReference` for LegalAdvisor (batched). */
export const advisorReferences: Record<string, ReferenceResolver> = {
  LegalAdvisor: referenceResolver<string, LegalAdvisor>({ key: (ref) => String(ref.id), load: async (ids, ctx) => (await advisorLoader(ctx).loadMany(ids)).map((a) => (a && !(a instanceof Error) ? a : null)) }),
};
