import { LegalResident } from '../shared/stubs';
import { referenceResolver, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { fenToYuan, LegalAccess, missing } from '../shared/access';
import { LegalAidApplication, LegalAidReasonType } from './aid.entity';
import { ApplyForLegalAidInput, DecideLegalAidInput } from './aid.inputs';
import { applicationLoader, applicationsByResidentLoader, applyForLegalAid, decideLegalAid, legalAidPolicyFor } from './aid.service';

@ObjectType('LegalAidCatalogueEntry', { description: '免费目录事项 / Fee-waiver catalogue entry' })
export class CatalogueEntryType {
  @Field(() => String, { description: '代码 / Code' })
  code!: string;

  @Field(() => String, { description: '中文名称 / Chinese name' })
  zh!: string;

  @Field(() => String, { description: '英文名称 / English name' })
  en!: string;
}

@ObjectType('LegalAidCatalogue', { description: '法律援助免费目录与经济困难标准（所在区县）/ The county’s fee-waiver catalogues and means-test threshold' })
export class LegalAidCatalogue {
  @Field(() => [CatalogueEntryType], { description: '免费公证事项（基线21项）/ Fee-waived notarial matters (baseline 21)' })
  notarialMatters!: CatalogueEntryType[];

  @Field(() => [CatalogueEntryType], { description: '免费司法鉴定（基线5类）/ Fee-waived forensic appraisals (baseline 5)' })
  forensicKinds!: CatalogueEntryType[];

  @Field(() => String, { description: '经济困难标准：家庭人均月收入（元）/ Means-test threshold: income per head and month (yuan)' })
  monthlyThreshold!: string;

  @Field(() => String, { description: '依据（插件名或 baseline）/ Policy source (plugin or baseline)' })
  source!: string;
}

@Resolver(() => LegalAidApplication)
export class LegalAidResolver {
  @Mutation(() => LegalAidApplication, { description: '申请法律援助（按所在区县的援助条件即时审查）/ Apply for legal aid (assessed at once by the county’s policy)' })
  applyForLegalAid(@Arg('input', () => ApplyForLegalAidInput, { description: '输入 / Input' }) input: ApplyForLegalAidInput, @Ctx() ctx: RequestContext): Promise<LegalAidApplication> {
    return applyForLegalAid(ctx, input);
  }

  @Mutation(() => LegalAidApplication, { description: '审批法律援助（须附理由；审查不符合的不能给予）/ Decide legal aid (reasons required; an ineligible application cannot be granted)' })
  decideLegalAid(@Arg('input', () => DecideLegalAidInput, { description: '输入 / Input' }) input: DecideLegalAidInput, @Ctx() ctx: RequestContext): Promise<LegalAidApplication> {
    return decideLegalAid(ctx, input);
  }

  @Query(() => LegalAidApplication, { description: '法律援助申请（限辖区）/ A legal-aid application (within your scope)' })
  async legalAidApplication(@Arg('id', () => ID, { description: '标识 / Identifier' }) id: string, @Ctx() ctx: RequestContext): Promise<LegalAidApplication> {
    const a = await applicationLoader(ctx).load(id);
    if (!a) throw missing({ zh: '法律援助申请', en: 'Legal-aid application' }, id);
    return a;
  }

  @Query(() => LegalAidCatalogue, { description: '区县的免费公证、司法鉴定目录与经济困难标准 / The county’s fee-waiver catalogues and threshold' })
  legalAidCatalogue(@Arg('regionCode', () => String, { description: '区划代码 / Division code' }) regionCode: string, @Ctx() ctx: RequestContext): LegalAidCatalogue {
    LegalAccess.of(ctx).requireRead(regionCode);
    const { policy, source } = legalAidPolicyFor(ctx, regionCode);
    return { notarialMatters: [...policy.notarialMatters], forensicKinds: [...policy.forensicKinds], monthlyThreshold: fenToYuan(policy.monthlyThresholdFen), source };
  }

  @FieldResolver(() => String, { nullable: true, description: '家庭人均月收入（元）/ Income per head and month (yuan)' })
  monthlyIncomePerHead(@Root() a: LegalAidApplication): string | null {
    return a.monthlyIncomePerHeadFen === null ? null : fenToYuan(a.monthlyIncomePerHeadFen);
  }

  @FieldResolver(() => Boolean, { description: '审查结论：符合援助条件 / Assessed eligible' })
  eligible(@Root() a: LegalAidApplication): boolean {
    return a.assessment.eligible;
  }

  @FieldResolver(() => Boolean, { description: '免于经济困难审查 / Means test waived' })
  meansTestWaived(@Root() a: LegalAidApplication): boolean {
    return a.assessment.meansTestWaived;
  }

  @FieldResolver(() => [LegalAidReasonType], { description: '审查理由 / Assessment reasons' })
  assessmentReasons(@Root() a: LegalAidApplication): LegalAidReasonType[] {
    return a.assessment.reasons;
  }

  @FieldResolver(() => [LegalAidReasonType], { nullable: true, description: '审批理由 / Decision reasons' })
  decisionReasons(@Root() a: LegalAidApplication): LegalAidReasonType[] | null {
    return a.decisionReasons;
  }

  @FieldResolver(() => LegalResident, { description: '申请人 / Applicant' })
  applicant(@Root() a: LegalAidApplication): LegalResident {
    return LegalResident.of(a.applicantResidentId);
  }
}

@Resolver(() => LegalResident)
export class LegalAidResidentResolver {
  @FieldResolver(() => [LegalAidApplication], { description: '法律援助申请（限辖区，居民只见本人）/ Legal-aid applications (within your scope; a resident sees their own)' })
  legalAidApplications(@Root() resident: LegalResident, @Ctx() ctx: RequestContext): Promise<LegalAidApplication[]> {
    return applicationsByResidentLoader(ctx).load(resident.id);
  }
}

export const aidReferences: Record<string, ReferenceResolver> = {
  LegalAidApplication: referenceResolver<string, LegalAidApplication>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => (await applicationLoader(ctx).loadMany(ids)).map((a) => (a && !(a instanceof Error) ? a : null)),
  }),
};
