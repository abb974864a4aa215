import { GraphQLISODateTime, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { PayComponentKind } from '../shared/enums';
import { numericColumn } from '../shared/columns';
import { PolicyDecision } from '../shared/decision';

/** A stored pay component: the policy's component plus which policy produced it. */
export interface StoredPayComponent {
  kind: PayComponentKind;
  amount: number;
  rule: string;
  zh: string;
  en: string;
  policy: string;
}

/** 报酬构成 one component of a month's pay, with the rule and policy behind it. */
@ObjectType('PayComponent', { description: '报酬构成项（含依据）/ Pay component with the rule behind it' })
export class PayComponentView {
  @Field(() => PayComponentKind, { description: '类别 / Kind' })
  kind!: PayComponentKind;

  @Field(() => Float, { description: '金额（元，扣减为负）/ Amount in yuan (negative for deductions)' })
  amount!: number;

  @Field(() => PolicyDecision, { description: '依据 / Which policy and rule produced it' })
  decision!: PolicyDecision;

  static of(c: StoredPayComponent): PayComponentView {
    return Object.assign(new PayComponentView(), { kind: c.kind, amount: c.amount, decision: PolicyDecision.of(c) });
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

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（重新核算时递增）/ Version (increases when recomputed)' })
  version!: number;

  @UpdateDateColumn({ name: 'computed_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '核算时间 / Computed at' })
  computedAt!: Date;
}
