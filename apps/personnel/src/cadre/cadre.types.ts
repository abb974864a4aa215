import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PolicyDecision, type StoredDecision } from '../shared/decision';
import { Post, PostAssignment } from '../post/post.entity';
import { Cadre } from './cadre.entity';

/** 干部队伍统计 counts over the serving cadres (status ≠ LEFT) of a region. */
@ObjectType('CadreStats', { description: '干部队伍统计（在任干部，不含已离任）/ Statistics of the serving cadres (status other than LEFT)' })
export class CadreStats {
  @Field(() => Int, { description: '在任干部人数 / Number of serving cadres' })
  count!: number;

  @Field(() => Float, { nullable: true, description: '平均年龄（周岁，无干部时为空）/ Average age in whole years (null when there are none)' })
  averageAge!: number | null;

  @Field(() => Float, { description: '大专及以上学历占比（0–1）/ Share with college education or higher (0–1)' })
  collegeShare!: number;

  @Field(() => Int, { description: '全职干部人数 / Number of full-time cadres' })
  fullTimeCount!: number;
}

/** 离任荣誉 what the honour policy decided when a cadre left. */
@ObjectType('DepartureHonor', { description: '离任荣誉（荣誉、一次性褒扬金及决定依据）/ Departure honour (honour, one-off payment and the decision behind them)' })
export class DepartureHonor {
  @Field(() => String, { nullable: true, description: '授予的荣誉（无则为空）/ Honour granted (null when none)' })
  honor!: string | null;

  @Field(() => Float, { description: '一次性褒扬金（元）/ One-off payment (yuan)' })
  payment!: number;

  @Field(() => PolicyDecision, { description: '决定依据 / The decision behind it' })
  decision!: PolicyDecision;

  static of(stored: StoredDecision & { honor: string | null; payment: number }): DepartureHonor {
    return Object.assign(new DepartureHonor(), { honor: stored.honor, payment: Number(stored.payment), decision: PolicyDecision.of(stored) });
  }
}

/** One failed rule of an eligibility check. */
@ObjectType('RuleViolationView', { description: '不符合的规则 / A failed rule' })
export class RuleViolationView {
  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '说明（中文）/ Explanation in Chinese' })
  zh!: string;

  @Field(() => String, { description: '说明（英文）/ Explanation in English' })
  en!: string;

  @Field(() => String, { description: '政策来源（插件名，或 baseline）/ Policy source (plugin name, or baseline)' })
  policy!: string;
}

/** 任职资格审查结果 what an eligibility check found. */
@ObjectType('EligibilityResult', { description: '任职资格审查结果（列出全部不符合的规则）/ Result of an eligibility check (every failed rule)' })
export class EligibilityResult {
  @Field(() => Boolean, { description: '是否符合任职资格 / Whether the candidate is eligible' })
  eligible!: boolean;

  @Field(() => String, { description: '适用的政策（插件名，或 baseline）/ The policy applied (plugin name, or baseline)' })
  policy!: string;

  @Field(() => Boolean, { description: '是否连任（曾任同类岗位）/ Re-appointment (held a post of the same category before)' })
  reappointment!: boolean;

  @Field(() => [RuleViolationView], { description: '不符合的规则（符合时为空）/ Failed rules (empty when eligible)' })
  violations!: RuleViolationView[];
}

/** 任职结果 what an appointment wrote. */
@ObjectType('AppointmentResult', { description: '任职结果 / Result of an appointment' })
export class AppointmentResult {
  @Field(() => Cadre, { description: '任职的干部 / The cadre appointed' })
  cadre!: Cadre;

  @Field(() => Post, { description: '岗位 / The post' })
  post!: Post;

  @Field(() => PostAssignment, { description: '任职记录 / The assignment' })
  assignment!: PostAssignment;
}

/** 离任结果 what a discharge wrote. */
@ObjectType('DischargeResult', { description: '离任结果 / Result of a discharge' })
export class DischargeResult {
  @Field(() => Cadre, { description: '离任的干部 / The cadre who left' })
  cadre!: Cadre;

  @Field(() => DepartureHonor, { description: '离任荣誉决定 / The honour decided' })
  honor!: DepartureHonor;
}
