import { HouseholdRef, RegionRef } from '../shared/grids-stubs';
import { todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { approvePoints, balanceLoader, balanceOnLoader, entriesLoader, householdAccessLoader, recordPoints, starsLoader } from './ledger.service';
import { pointsLeaderboardLoader, publishRedBlackList, rateStarHouseholds, redBlackListLoader } from './lists.service';
import { createMarketItem, marketItems, redeemPoints } from './market.service';
import {
  ApprovePointsInput,
  CreateMarketItemInput,
  HouseholdCivility,
  MarketItem,
  PointsEntry,
  PointsEntryStatus,
  PointsLeaderboardEntry,
  PublishRedBlackListInput,
  RecordPointsInput,
  RedBlackList,
  RedeemPointsInput,
  Redemption,
  StarRatingRun,
} from './points.types';

/** 农户文明积分 the points ledger, the market, the red and black lists and the star households. */
@Resolver(() => PointsEntry)
export class PointsResolver {
  @Mutation(() => PointsEntry, {
    description:
      '登记积分（待审核；网格员、村、乡镇、县干部，户须在辖区内）：细则须在发生日有效，须附佐证的须附佐证，不得超过每户每月上限 / ' +
      'Record a points entry to be approved (grid workers, village, township and county cadres; the household in scope): the rule in force that day, evidence when required, within the monthly cap per household',
  })
  recordPoints(@Arg('input', () => RecordPointsInput, { description: '输入 / Input' }) input: RecordPointsInput, @Ctx() ctx: RequestContext): Promise<PointsEntry> {
    return recordPoints(ctx, input);
  }

  @Mutation(() => PointsEntry, { description: '审核积分（村、乡镇、县干部；登记人不能审核自己登记的记录）；通过后计入余额 / Approve or reject a points entry (cadres; never the recorder’s own); an approval counts in the balance' })
  approvePoints(@Arg('input', () => ApprovePointsInput, { description: '输入 / Input' }) input: ApprovePointsInput, @Ctx() ctx: RequestContext): Promise<PointsEntry> {
    return approvePoints(ctx, input);
  }

  @Mutation(() => MarketItem, { description: '积分超市上架商品（村、乡镇、县干部）/ Add an item to a village’s civilisation market (cadres)' })
  createMarketItem(@Arg('input', () => CreateMarketItemInput, { description: '输入 / Input' }) input: CreateMarketItemInput, @Ctx() ctx: RequestContext): Promise<MarketItem> {
    return createMarketItem(ctx, input);
  }

  @Query(() => [MarketItem], { description: '村积分超市的商品 / Items of a village’s civilisation market' })
  marketItems(@Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village code' }) villageCode: string, @Ctx() ctx: RequestContext): Promise<MarketItem[]> {
    return marketItems(ctx, villageCode);
  }

  @Mutation(() => Redemption, {
    description: '积分兑换（村、乡镇、县干部）：余额和库存都不会小于零，并发兑换时也是如此 / Redeem points for an item (cadres): neither the balance nor the stock ever goes below zero, also under concurrent redemptions',
  })
  redeemPoints(@Arg('input', () => RedeemPointsInput, { description: '输入 / Input' }) input: RedeemPointsInput, @Ctx() ctx: RequestContext): Promise<Redemption> {
    return redeemPoints(ctx, input);
  }

  @Mutation(() => RedBlackList, { description: '发布红黑榜（本月或以前；村、乡镇、县干部）：发布后冻结 / Publish a village’s red and black list for this or a past month (cadres): frozen once published' })
  publishRedBlackList(@Arg('input', () => PublishRedBlackListInput, { description: '输入 / Input' }) input: PublishRedBlackListInput, @Ctx() ctx: RequestContext): Promise<RedBlackList> {
    return publishRedBlackList(ctx, input);
  }

  @Mutation(() => StarRatingRun, { description: '评定星级文明户（已结束的年度；乡镇、县管理人员）：重新评定覆盖该区域该年度的结果 / Rate star households for a finished year (township and county managers); a new run replaces the region’s ratings of that year' })
  rateStarHouseholds(
    @Arg('regionCode', () => String, { description: '区划代码（村、乡镇或县）/ Region code (village, township or county)' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度（已结束）/ Year (finished)' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<StarRatingRun> {
    return rateStarHouseholds(ctx, regionCode, year);
  }
}

/** `Household.civility`: balance, stars and entries of a household in the caller's scope (a resident: their own household only). */
@Resolver(() => HouseholdRef)
export class HouseholdCivilityResolver {
  @FieldResolver(() => HouseholdCivility, { nullable: true, description: '文明积分（辖区外或无权查看时为空）/ Civility points (null outside the caller’s scope)' })
  async civility(@Root() household: HouseholdRef, @Ctx() ctx: RequestContext): Promise<HouseholdCivility | null> {
    const village = await householdAccessLoader(ctx).load(household.id);
    return village === null ? null : Object.assign(new HouseholdCivility(), { householdId: household.id, villageCode: village });
  }
}

@Resolver(() => HouseholdCivility)
export class HouseholdCivilityFieldsResolver {
  @FieldResolver(() => Int, { description: '积分余额（已审核积分减已兑换积分；给出日期时为当日终了的余额）/ Balance: approved points minus redemptions (at the end of a day when given)' })
  balance(@Root() c: HouseholdCivility, @Arg('on', () => GraphQLLocalDate, { nullable: true, description: '日期（默认当前）/ Date (default now)' }) on: string | null, @Ctx() ctx: RequestContext): Promise<number> {
    return on ? balanceOnLoader(ctx).load({ id: c.householdId, on }) : balanceLoader(ctx).load(c.householdId);
  }

  @FieldResolver(() => Int, { nullable: true, description: '星级（0–5；未评定为空；默认上一年度）/ Stars (0–5; null when not rated; default last year)' })
  stars(@Root() c: HouseholdCivility, @Arg('year', () => Int, { nullable: true, description: '年度 / Year' }) year: number | null, @Ctx() ctx: RequestContext): Promise<number | null> {
    return starsLoader(ctx).load({ id: c.householdId, year: year ?? Number(todayInChina().slice(0, 4)) - 1 });
  }

  @FieldResolver(() => [PointsEntry], { description: '积分记录（最近的在前）/ Points entries, latest first' })
  entries(
    @Root() c: HouseholdCivility,
    @Arg('first', () => Int, { defaultValue: 20, description: '条数（1–100）/ How many (1–100)' }) first: number,
    @Arg('status', () => PointsEntryStatus, { nullable: true, description: '状态 / Status' }) status: PointsEntryStatus | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PointsEntry[]> {
    return entriesLoader(ctx).load({ id: c.householdId, first: Math.min(Math.max(first, 1), 100), status: status ?? null });
  }
}

/** Region statistics of the points ledger. */
@Resolver(() => RegionRef)
export class RegionPointsResolver {
  @FieldResolver(() => [PointsLeaderboardEntry], { description: '积分排行（当月已审核积分，辖区内）/ Households by a month’s approved points (in scope)' })
  pointsLeaderboard(
    @Root() region: RegionRef,
    @Arg('month', () => String, { description: '月份 YYYY-MM / Month' }) month: string,
    @Arg('first', () => Int, { defaultValue: 10, description: '条数（1–100）/ How many (1–100)' }) first: number,
    @Ctx() ctx: RequestContext,
  ): Promise<PointsLeaderboardEntry[]> {
    return unwrap(pointsLeaderboardLoader(ctx).load({ code: region.code, month, first }));
  }

  @FieldResolver(() => RedBlackList, { description: '红黑榜（村级；已发布的为冻结的榜单）/ Red and black list of a village for a month (the frozen one once published)' })
  redBlackList(@Root() region: RegionRef, @Arg('month', () => String, { description: '月份 YYYY-MM / Month' }) month: string, @Ctx() ctx: RequestContext): Promise<RedBlackList> {
    return unwrap(redBlackListLoader(ctx).load({ code: region.code, month }));
  }
}

/** A loader's per-key refusal (an `Error` value) thrown for that field only. */
async function unwrap<T>(value: Promise<T | Error>): Promise<T> {
  const v = await value;
  if (v instanceof Error) throw v;
  return v;
}
