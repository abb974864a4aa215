import { MoneyScalar } from '@xiangzhi/economy-api';
import { Field, Int, ObjectType } from 'type-graphql';

/** 下级区域汇总 the roll-up of one area one level below the region asked for. */
@ObjectType('CollectiveEconomyArea', { description: '下级区域集体经济汇总 / Collective economy of one area below the region' })
export class CollectiveEconomyArea {
  @Field(() => String, { description: '区划代码 / Division code' })
  regionCode!: string;

  @Field(() => String, { nullable: true, description: '名称 / Name' })
  name!: string | null;

  @Field(() => MoneyScalar, { description: '经营性收入合计 / Total operating income' })
  operatingIncome!: bigint;

  @Field(() => Int, { description: '村（社区）数 / Villages' })
  villages!: number;

  @Field(() => Int, { description: '薄弱村数（经营性收入低于本县薄弱村线）/ Weak villages (below the county’s weak-village line)' })
  weakVillages!: number;

  @Field(() => Int, { description: '强村数（不低于强村线）/ Strong villages (at or above the strong-village line)' })
  strongVillages!: number;

  @Field(() => Int, { description: '集体经济组织数 / Collective organisations' })
  organizations!: number;
}

/**
 * 集体经济汇总 a region's collective economy for a year: the operating income of its villages'
 * organisations summed from village to township to county, and the villages below the county's
 * weak-village line (`economy.incomeTarget`; baseline 30,000 CNY). Villages are those of the region
 * valid in the year (grids' projection), within the caller's scope.
 */
@ObjectType('CollectiveEconomy', { description: '区域集体经济年度汇总（村→乡镇→县）/ A region’s collective economy for a year, rolled up village → township → county' })
export class CollectiveEconomy extends CollectiveEconomyArea {
  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => MoneyScalar, { description: '薄弱村线（本县政策；跨县区域取最高者）/ Weak-village line (the county’s policy; the highest where the region spans counties)' })
  weakThreshold!: bigint;

  @Field(() => MoneyScalar, { description: '强村线 / Strong-village line' })
  strongThreshold!: bigint;

  @Field(() => [String], { description: '薄弱村代码 / Codes of the weak villages' })
  weakVillageCodes!: string[];

  @Field(() => [CollectiveEconomyArea], { description: '下一级区域（县下为乡镇，乡镇下为村）/ The areas one level down (townships of a county, villages of a township)' })
  areas!: CollectiveEconomyArea[];
}
