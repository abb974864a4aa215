import { todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { PersonnelAccess } from '../shared/access';
import { cadreOf } from '../shared/loaders';
import { DisciplinarySanction } from './discipline.entity';
import { RecordDisciplinarySanctionInput } from './discipline.inputs';
import { disciplinarySanctionsByCadreLoader, disciplinaryTitle, recordDisciplinarySanction, sanctionInEffect } from './discipline.service';

/** 党纪政务处分 recording and reading disciplinary sanctions. */
@Resolver(() => DisciplinarySanction)
export class DisciplineResolver {
  @Mutation(() => DisciplinarySanction, {
    description:
      '登记党纪政务处分（县、乡镇管理人员，辖区内；留痕审计）：影响期按《中国共产党纪律处分条例》《公职人员政务处分法》的法定期限（决定另有写明的从其规定），留党察看须写明察看期；决定日期不晚于今天。处分在任职期间的不授予离任荣誉，影响期内的属于不宜任职情形（PARTY_DISCIPLINE）/ ' +
      'Record a Party or government disciplinary sanction (county and township managers, inside their scope; audited): the period of effect is the statutory one unless the decision states another; probation needs its period; the date decided is not in the future. A sanction during service withholds the departure honour; one still in effect is a disqualifying situation (PARTY_DISCIPLINE)',
  })
  recordDisciplinarySanction(
    @Arg('input', () => RecordDisciplinarySanctionInput, { description: '输入 / Input' }) input: RecordDisciplinarySanctionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DisciplinarySanction> {
    return recordDisciplinarySanction(ctx, input);
  }

  @FieldResolver(() => String, { description: '处分名称（中文）/ Title of the sanction in Chinese, e.g. 党纪处分：严重警告' })
  titleZh(@Root() s: DisciplinarySanction): string {
    return disciplinaryTitle(s.kind).zh;
  }

  @FieldResolver(() => String, { description: '处分名称（英文）/ Title of the sanction in English' })
  titleEn(@Root() s: DisciplinarySanction): string {
    return disciplinaryTitle(s.kind).en;
  }

  @FieldResolver(() => Boolean, { description: '在指定日期（默认今天）是否在影响期内 / Whether it is in effect on the date (default today)' })
  inEffect(@Root() s: DisciplinarySanction, @Arg('on', () => GraphQLLocalDate, { nullable: true, description: '日期（默认今天）/ Date (default today)' }) on?: string | null): boolean {
    return sanctionInEffect(s, on ?? todayInChina());
  }

  @FieldResolver(() => String, { nullable: true, description: '说明（个人信息：仅县、乡镇、村干部可见）/ Note (personal data: county, township and village cadres only)' })
  note(@Root() s: DisciplinarySanction, @Ctx() ctx: RequestContext): string | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? s.note : null;
  }

  @FieldResolver(() => Cadre, { description: '受处分干部 / Cadre sanctioned' })
  cadre(@Root() s: DisciplinarySanction, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, s.cadreId);
  }
}

/** A cadre's disciplinary sanctions. */
@Resolver(() => Cadre)
export class CadreDisciplineResolver {
  @FieldResolver(() => [DisciplinarySanction], { description: '党纪政务处分（按决定日期）/ Party and government disciplinary sanctions, by date decided' })
  disciplinarySanctions(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): Promise<DisciplinarySanction[]> {
    return disciplinarySanctionsByCadreLoader(ctx).load(cadre.id);
  }
}
