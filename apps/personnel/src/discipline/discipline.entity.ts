import { DisciplinaryCategory, DisciplinaryKind, DISCIPLINARY_CATEGORY_TITLES, DISCIPLINARY_KINDS } from '@xiangzhi/personnel-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

registerEnumType(DisciplinaryCategory, {
  name: 'DisciplinaryCategory',
  description: '处分类别 / Category of disciplinary sanction',
  valuesConfig: {
    PARTY: { description: `${DISCIPLINARY_CATEGORY_TITLES.PARTY.zh} / ${DISCIPLINARY_CATEGORY_TITLES.PARTY.en}` },
    GOVERNMENT: { description: `${DISCIPLINARY_CATEGORY_TITLES.GOVERNMENT.zh} / ${DISCIPLINARY_CATEGORY_TITLES.GOVERNMENT.en}` },
  },
});

registerEnumType(DisciplinaryKind, {
  name: 'DisciplinaryKind',
  description: '处分种类（党纪处分、政务处分）/ Kind of disciplinary sanction (Party or government)',
  valuesConfig: Object.fromEntries(
    Object.entries(DISCIPLINARY_KINDS).map(([kind, info]) => [
      kind,
      {
        description: `${DISCIPLINARY_CATEGORY_TITLES[info.category].zh}：${info.zh}（影响期${info.months === null ? '无期限' : kind === DisciplinaryKind.PARTY_PROBATION ? `察看期加${info.months}个月` : `${info.months}个月`}）/ ${DISCIPLINARY_CATEGORY_TITLES[info.category].en}: ${info.en} (in effect ${info.months === null ? 'without end' : kind === DisciplinaryKind.PARTY_PROBATION ? `for the probation period plus ${info.months} months` : `for ${info.months} months`})`,
      },
    ]),
  ),
});

/** 党纪政务处分 a disciplinary sanction decided by a Party or supervisory organ and recorded on a cadre. */
@Entity({ name: 'disciplinary_sanction' })
@ObjectType('DisciplinarySanction', { description: '党纪政务处分 / Party or government disciplinary sanction' })
export class DisciplinarySanction {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Column({ name: 'category', type: 'text' })
  @Field(() => DisciplinaryCategory, { description: '类别（党纪处分、政务处分）/ Category (Party or government)' })
  category!: DisciplinaryCategory;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => DisciplinaryKind, { description: '处分种类 / Kind' })
  kind!: DisciplinaryKind;

  @Column({ name: 'organ', type: 'text' })
  @Field(() => String, { description: '作出决定的机关（如县纪委监委）/ The organ that decided (e.g. the county discipline commission)' })
  organ!: string;

  @Column({ name: 'decided_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '决定日期 / Date decided' })
  decidedOn!: string;

  @Column({ name: 'probation_years', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '留党察看的察看期（年）；其他种类为空 / Probation period in years (留党察看 only)' })
  probationYears!: number | null;

  @Column({ name: 'effect_months', type: 'int', nullable: true })
  @Field(() => Int, { nullable: true, description: '影响期（月）；开除类无期限为空 / Period of effect in months; null for expulsions (no end)' })
  effectMonths!: number | null;

  @Column({ name: 'effect_ends_on', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '影响期届满之日（当日起不再在影响期内）；无期限为空 / First day no longer in effect; null when without end' })
  effectEndsOn!: string | null;

  @Column({ name: 'effect_basis', type: 'text' })
  @Field(() => String, { description: '影响期依据 / Basis of the period of effect' })
  effectBasis!: string;

  /** Personal data: shown through a resolver to roles that may see it. */
  @Column({ name: 'note', type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  @Field(() => String, { description: '登记人 / Recorded by (actor id)' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}
