import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import { JiangxiGridWorkerTier } from './grid-worker-tiers';

registerEnumType(JiangxiGridWorkerTier, {
  name: 'JiangxiGridWorkerTier',
  description: '江西135试点：网格员年度考核等次 / Jiangxi 135 pilot: tier of a grid worker’s yearly appraisal',
  valuesConfig: {
    EXCELLENT: { description: '优秀（补贴并奖励）/ Excellent (allowance and an award)' },
    COMPETENT: { description: '称职 / Competent' },
    BASIC: { description: '基本称职 / Basically competent' },
    INCOMPETENT: { description: '不称职（无补贴，予以调整）/ Incompetent (no allowance, to be adjusted)' },
  },
});

/** numeric columns come back from PostgreSQL as strings. */
const numeric: ValueTransformer = { to: (v: number) => v, from: (v: string | number | null) => (v === null ? null : Number(v)) };

/** 决定依据 the rule behind a tier. */
@ObjectType('JiangxiGridWorkerDecision', { description: '江西135试点：考核等次的依据 / Jiangxi 135 pilot: the rule behind an appraisal tier' })
export class JiangxiGridWorkerDecision {
  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '理由（中文）/ Reason in Chinese' })
  zh!: string;

  @Field(() => String, { description: '理由（英文）/ Reason in English' })
  en!: string;
}

/**
 * 网格员年度考核 one grid worker's appraisal for one year (平时考核与年终评优相结合): score, tier, yearly
 * allowance and award, and whether the worker is to be adjusted. The worker is a grids record
 * (`grid_worker`), referenced by id; name and role are kept as they were when appraised.
 */
@Entity({ name: 'jiangxi_grid_worker_appraisal' })
@ObjectType('JiangxiGridWorkerAppraisal', {
  description: '江西135试点：网格长、网格员年度考核（等次、工作补贴、奖励、是否调整）/ Jiangxi 135 pilot: a grid leader’s or member’s yearly appraisal (tier, allowance, award, adjustment)',
})
export class JiangxiGridWorkerAppraisal {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  @Field(() => ID, { description: '所在网格标识 / Grid id' })
  gridId!: string;

  @Column({ name: 'grid_worker_id', type: 'uuid' })
  @Field(() => ID, { description: '网格员标识（GridWorker.id）/ Grid worker id (GridWorker.id)' })
  gridWorkerId!: string;

  @Column({ name: 'worker_name', type: 'text' })
  @Field(() => String, { description: '考核时的姓名 / Name when appraised' })
  workerName!: string;

  @Column({ name: 'worker_role', type: 'text' })
  @Field(() => String, { description: '考核时的角色（GRID_LEADER 网格长，GRID_MEMBER 网格员）/ Role when appraised (GRID_LEADER or GRID_MEMBER)' })
  workerRole!: string;

  @Column({ name: 'year', type: 'int' })
  @Field(() => Int, { description: '考核年度 / Year appraised' })
  year!: number;

  @Column({ name: 'score', type: 'numeric', transformer: numeric })
  @Field(() => Float, { description: '得分（0–100）/ Score (0–100)' })
  score!: number;

  @Column({ name: 'tier', type: 'text' })
  @Field(() => JiangxiGridWorkerTier, { description: '等次 / Tier' })
  tier!: JiangxiGridWorkerTier;

  @Column({ name: 'allowance', type: 'numeric', transformer: numeric })
  @Field(() => Float, { description: '全年工作补贴（元）/ Yearly work allowance (yuan)' })
  allowance!: number;

  @Column({ name: 'award', type: 'numeric', transformer: numeric })
  @Field(() => Float, { description: '奖励（元，优秀时）/ Award (yuan, when excellent)' })
  award!: number;

  @Column({ name: 'needs_adjustment', type: 'boolean' })
  @Field(() => Boolean, { description: '不胜任，须及时调整 / Not up to the work: to be adjusted promptly' })
  needsAdjustment!: boolean;

  @Column({ name: 'decision', type: 'jsonb' })
  @Field(() => JiangxiGridWorkerDecision, { description: '等次依据 / Why this tier' })
  decision!: JiangxiGridWorkerDecision;

  @Column({ name: 'appraised_by', type: 'text' })
  @Field(() => String, { description: '考核人（调用者标识）/ Appraised by (caller id)' })
  appraisedBy!: string;

  @Column({ name: 'appraised_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '考核时间 / Appraised at' })
  appraisedAt!: Date;

  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（重新考核时作为 expectedVersion 提交）/ Version (send it as expectedVersion to re-appraise)' })
  version!: number;
}
