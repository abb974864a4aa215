import { GraphQLISODateTime, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PayComponentKind } from '../shared/enums';
import { numericColumn } from '../shared/columns';
import { PolicyDecision } from '../shared/decision';
import type { PayData } from '@xiangzhi/personnel-api';

/** A stored pay component: the policy's component, its data, and which policy or item source produced it. */
export interface StoredPayComponent {
  kind: PayComponentKind;
  amount: number;
  rule: string;
  zh: string;
  en: string;
  /** The component's true source: the plugin (or `baseline`) whose policy or item source made it. */
  policy: string;
  /** The figures behind the amount (absent when the policy gave none). */
  data?: PayData;
}

/** 数据项 one figure behind a pay component. */
@ObjectType('PayComponentDatum', { description: '报酬构成项的数据（计算所依据的数值）/ A figure a pay component was computed from' })
export class PayComponentDatum {
  @Field(() => String, { description: '名称 / Key' })
  key!: string;

  @Field(() => String, { description: '值（文本）/ Value as text' })
  value!: string;

  @Field(() => Float, { nullable: true, description: '数值（值为数字时）/ Numeric value (when the value is a number)' })
  number!: number | null;

  static list(data: PayData | undefined): PayComponentDatum[] {
    return Object.entries(data ?? {}).map(([key, v]) => Object.assign(new PayComponentDatum(), { key, value: String(v), number: typeof v === 'number' ? v : null }));
  }
}

/** 报酬构成 one component of a month's pay, with the rule and policy behind it. */
@ObjectType('PayComponent', { description: '报酬构成项（含依据）/ Pay component with the rule behind it' })
export class PayComponentView {
  @Field(() => PayComponentKind, { description: '类别 / Kind' })
  kind!: PayComponentKind;

  @Field(() => Float, { description: '金额（元，扣减为负）/ Amount in yuan (negative for deductions)' })
  amount!: number;

  @Field(() => PolicyDecision, { description: '依据：产生该项的政策或报酬事项来源（插件名或 baseline）及规则 / Which policy or pay item source (plugin or baseline) and rule produced it' })
  decision!: PolicyDecision;

  @Field(() => [PayComponentDatum], { description: '计算所依据的数据（随报酬记录保存）/ The figures it was computed from (stored with the pay record)' })
  data!: PayComponentDatum[];

  static of(c: StoredPayComponent): PayComponentView {
    return Object.assign(new PayComponentView(), { kind: c.kind, amount: c.amount, decision: PolicyDecision.of(c), data: PayComponentDatum.list(c.data) });
  }
}

/** 报酬记录 a cadre's computed pay for a month (`computePayroll`), every component with its rule. */
@Entity({ name: 'pay_record' })
@ObjectType('PayRecord', { description: '月度报酬记录 / Monthly pay record' })
export class PayRecord {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  /** `YYYY-MM` */
  @Column({ name: 'month', type: 'text' })
  @Field(() => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' })
  month!: string;

  @Column({ name: 'components', type: 'jsonb' })
  components!: StoredPayComponent[];

  @Column({ name: 'total', type: 'numeric', precision: 12, scale: 2, transformer: numericColumn })
  @Field(() => Float, { description: '合计（元）/ Total in yuan' })
  total!: number;

  @Column({ name: 'policy', type: 'text' })
  @Field(() => String, { description: '报酬政策来源 / Pay policy source' })
  policy!: string;

  /** Days of the month the cadre held a post of the village (null for records computed before it was kept). */
  @Column({ name: 'days_held', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '本月在岗天数（按任职记录）/ Days of the month a post was held (from the post assignments)' })
  daysHeld!: number | null;

  @Column({ name: 'days_in_month', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '本月天数 / Days in the month' })
  daysInMonth!: number | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（重新核算时递增）/ Version (increases when recomputed)' })
  version!: number;

  @UpdateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '核算时间 / Computed at' })
  computedAt!: Date;
}
