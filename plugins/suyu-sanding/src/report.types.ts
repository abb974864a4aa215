import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';

/** Figures of one group of serving cadres beside the county's targets. */
@ObjectType('SuyuCadreGroupProfile', { description: '宿豫干部队伍情况（一类干部）/ Suyu cadre profile of one group' })
export class SuyuCadreGroupProfile {
  @Field(() => Int, { description: '在任人数 / Number serving' })
  count!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '平均年龄（周岁，保留一位小数；无人时或调用者无权查看个人信息时为空）/ Average age in whole years, one decimal (null when none, or for roles that may not see personal data)',
  })
  averageAge!: number | null;

  @Field(() => Float, { description: '大专及以上学历占比（0–1）/ Share with college education or higher (0–1)' })
  collegeShare!: number;

  @Field(() => Float, { nullable: true, description: '目标平均年龄（区县参数，默认为种子数据）/ Target average age (county parameter; the seed’s figure by default)' })
  targetAverageAge!: number | null;

  @Field(() => Float, { nullable: true, description: '目标大专及以上学历占比（0–1）/ Target college share (0–1)' })
  targetCollegeShare!: number | null;
}

/** 干部队伍情况 the seed's cadre figures for a region. */
@ObjectType('SuyuCadreProfile', {
  description: '宿豫干部队伍情况：党组织书记和村"两委"成员的平均年龄、大专以上学历占比（在任干部，限调用者辖区）/ Suyu cadre profile: average age and college share of secretaries and committee members (serving cadres, within your scope)',
})
export class SuyuCadreProfile {
  @Field(() => String, { description: '区划代码 / Division code' })
  regionCode!: string;

  @Field(() => GraphQLLocalDate, { description: '年龄计算日期（今天）/ Date the ages are taken on (today)' })
  asOf!: string;

  @Field(() => SuyuCadreGroupProfile, { description: '党组织书记 / Party secretaries' })
  secretaries!: SuyuCadreGroupProfile;

  @Field(() => SuyuCadreGroupProfile, { description: '村（社区）"两委"成员 / Members of the two village committees' })
  committeeMembers!: SuyuCadreGroupProfile;
}

/** 治理片区化 the seed's zoning figures for a region. */
@ObjectType('SuyuZoningReport', {
  description: '宿豫治理片区化：村（社区）—网格—片区（现行区划，限调用者辖区）/ Suyu zoning: villages, grids and zones (current regions, within your scope)',
})
export class SuyuZoningReport {
  @Field(() => String, { description: '区划代码 / Division code' })
  regionCode!: string;

  @Field(() => Int, { description: '已划分网格的村（社区）数 / Villages and communities divided into grids' })
  villages!: number;

  @Field(() => Int, { description: '现行村（社区）总数 / All current villages and communities' })
  villagesTotal!: number;

  @Field(() => Int, { description: '网格数 / Grids' })
  grids!: number;

  @Field(() => Int, { description: '片区数 / Zones' })
  zones!: number;

  @Field(() => Float, { nullable: true, description: '平均每村网格数（两位小数；无网格时为空）/ Grids per village divided into grids, two decimals (null when none)' })
  gridsPerVillage!: number | null;

  @Field(() => Int, { nullable: true, description: '目标村（社区）数（默认为种子数据72）/ Target villages (the seed’s 72 by default)' })
  targetVillages!: number | null;

  @Field(() => Int, { nullable: true, description: '目标网格数（默认为种子数据370）/ Target grids (the seed’s 370 by default)' })
  targetGrids!: number | null;

  @Field(() => Float, { nullable: true, description: '目标平均每村网格数 / Target grids per village' })
  targetGridsPerVillage!: number | null;
}
