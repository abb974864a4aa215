import {
  assertRegionCode,
  badInput,
  conflict,
  countyOf,
  IdempotentInput,
  mutateOnce,
  notFound,
  BidirectionalPageArgs,
  paginate,
  regionPrefix,
  type ConnectionShape,
  type RequestContext,
} from '@xiangzhi/kernel';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Grid } from '../grid/grid.entity';
import { GridWorker } from '../grid/grid-worker.entity';
import { Region } from '../region/region.entity';
import { Resident } from '../resident/resident.entity';
import { isUuid, outOfScope, TerritoryAccess } from '../shared/access';
import { gridLoader, householdLoader, regionLoader, residentLoader, residentsByHouseholdLoader, workerLoader } from '../shared/loaders';
import { HouseholdConnection } from './household.connection';
import { Household } from './household.entity';

@InputType('CreateHouseholdInput', { description: '登记住户 / Register a household' })
export class CreateHouseholdInput extends IdempotentInput {
  @Field(() => ID, { description: '所属村（社区）区划代码 / Village division code' })
  @IsString()
  villageCode!: string;

  @Field(() => String, { description: '户号（村内唯一）/ Household number (unique within the village)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  number!: string;

  @Field(() => String, { defaultValue: '', description: '住址 / Address' })
  @IsString()
  @MaxLength(200)
  address!: string;

  @Field(() => ID, { nullable: true, description: '所属网格（同村）/ Grid (of the same village)' })
  @IsOptional()
  @IsString()
  gridId?: string | null;
}

/** Loads one household the caller may see: NOT_FOUND when absent, FORBIDDEN outside the scope (or not their own, for residents). */
export async function readableHousehold(ctx: RequestContext, id: string): Promise<Household> {
  const household = isUuid(id) ? await householdLoader(ctx).load(id) : null;
  if (!household) throw notFound('住户', 'Household', id);
  if (!(await TerritoryAccess.of(ctx).canSeeHousehold(household))) throw outOfScope('住户', 'Household', id);
  return household;
}

@Resolver(() => Household)
export class HouseholdResolver {
  @Query(() => Household, { description: '按标识查询住户 / A household by id' })
  household(@Arg('id', () => ID, { description: '标识 / Identifier' }) id: string, @Ctx() ctx: RequestContext): Promise<Household> {
    return readableHousehold(ctx, id);
  }

  @Query(() => Household, { nullable: true, description: '当前居民本人所在的住户 / The calling resident’s own household' })
  async myHousehold(@Ctx() ctx: RequestContext): Promise<Household | null> {
    const residentId = ctx.actor.residentId;
    if (!residentId || !isUuid(residentId)) return null;
    const resident = await residentLoader(ctx).load(residentId);
    if (!resident || !(await TerritoryAccess.of(ctx).canSeeResident(resident))) return null;
    return householdLoader(ctx).load(resident.householdId);
  }

  @Query(() => HouseholdConnection, { description: '住户列表（按区划或网格，限辖区，按户号排序）/ Households by region or grid, within the caller’s scope, ordered by number' })
  async households(
    @Args(() => BidirectionalPageArgs) page: BidirectionalPageArgs,
    @Arg('regionCode', () => ID, { nullable: true, description: '区划代码（村、乡镇…）/ Region code (village, township…)' }) regionCode: string | null,
    @Arg('gridId', () => ID, { nullable: true, description: '网格 / Grid' }) gridId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionShape<Household>> {
    const access = TerritoryAccess.of(ctx);
    const filter = await access.householdFilter('h');
    const qb = ctx.dataSource.getRepository(Household).createQueryBuilder('h').where(filter.sql, filter.params);
    if (regionCode) {
      assertRegionCode(regionCode, 'regionCode');
      qb.andWhere('h.village_code LIKE :regionPrefix', { regionPrefix: `${regionPrefix(regionCode)}%` });
    }
    if (gridId) {
      if (!isUuid(gridId)) throw badInput(`无效的网格标识：${gridId}`, `Invalid grid id: ${gridId}`, { field: 'gridId' });
      qb.andWhere('h.grid_id = :gridId', { gridId });
    }
    return paginate(qb, page, [
      { column: 'h.villageCode', value: (h) => h.villageCode },
      { column: 'h.number', value: (h) => h.number },
      { column: 'h.id', value: (h) => h.id },
    ]);
  }

  @FieldResolver(() => Region, { description: '所属村（社区）/ Village' })
  async village(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Region> {
    return (await regionLoader(ctx).load(household.villageCode)) as Region;
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所属网格 / Grid' })
  async grid(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Grid | null> {
    if (!household.gridId) return null;
    const grid = await gridLoader(ctx).load(household.gridId);
    return grid && (await TerritoryAccess.of(ctx).canSeeGrid(grid)) ? grid : null;
  }

  @FieldResolver(() => GridWorker, { nullable: true, description: '联系本户的网格员 / Grid member linked to the household' })
  async gridMember(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<GridWorker | null> {
    return household.memberId ? workerLoader(ctx).load(household.memberId) : null;
  }

  @FieldResolver(() => [Resident], { description: '家庭成员 / Members of the household' })
  members(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Resident[]> {
    return residentsByHouseholdLoader(ctx).load(household.id);
  }

  @FieldResolver(() => Resident, { nullable: true, description: '户主 / Head of household' })
  async head(@Root() household: Household, @Ctx() ctx: RequestContext): Promise<Resident | null> {
    return household.headResidentId ? residentLoader(ctx).load(household.headResidentId) : null;
  }

  @Mutation(() => Household, { description: '登记住户 / Register a household' })
  async createHousehold(@Arg('input', () => CreateHouseholdInput) input: CreateHouseholdInput, @Ctx() ctx: RequestContext): Promise<Household> {
    const access = TerritoryAccess.of(ctx);
    access.assertCanWrite(input.villageCode);
    const village = await regionLoader(ctx).load(input.villageCode);
    if (!village || village.level !== 'VILLAGE') {
      throw badInput(`村（社区）不存在：${input.villageCode}`, `No such village: ${input.villageCode}`, { field: 'villageCode' });
    }
    if (input.gridId) {
      const grid = isUuid(input.gridId) ? await gridLoader(ctx).load(input.gridId) : null;
      if (!grid || grid.villageCode !== village.code) {
        throw badInput('网格不存在或不属于该村', 'The grid does not exist or belongs to another village', { field: 'gridId' });
      }
    }
    const number = input.number.trim();
    const once = { operation: 'createHousehold', key: input.idempotencyKey, input, idOf: (h: Household) => h.id, replay: (id: string) => readableHousehold(ctx, id) };
    return mutateOnce(ctx, once, { action: 'createHousehold', targetType: 'Household', regionCode: village.code, targetId: (h) => h.id, payload: { number } }, async (m) => {
      const taken = await m.getRepository(Household).exists({ where: { villageCode: village.code, number } });
      if (taken) throw conflictNumber(number);
      return m.getRepository(Household).save(
        m.getRepository(Household).create({
          villageCode: village.code,
          countyCode: countyOf(village.code) as string,
          number,
          address: input.address.trim(),
          gridId: input.gridId ?? null,
          headResidentId: null,
          memberId: null,
        }),
      );
    });
  }
}

function conflictNumber(number: string): Error {
  return conflict(`户号已存在：${number}`, `Household number already exists: ${number}`, { field: 'number' });
}
