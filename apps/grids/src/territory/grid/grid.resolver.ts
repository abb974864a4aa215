import { gridCodeOf, isValidPhone } from '@xiangzhi/grids-api';
import { badInput, conflict, countyOf, IdempotentInput, MAX_LIST_ITEMS, mutate, mutateOnce, notFound, onceById, PageArgs, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In, type EntityManager } from 'typeorm';
import { HouseholdConnection, gridHouseholdsLoader } from '../household/household.connection';
import { Household } from '../household/household.entity';
import { Region } from '../region/region.entity';
import { Resident } from '../resident/resident.entity';
import { isUuid, outOfScope, TerritoryAccess } from '../shared/access';
import {
  gridLoader,
  gridsByVillageLoader,
  gridsByZoneLoader,
  householdsByMemberLoader,
  regionLoader,
  residentLoader,
  workerLoader,
  workersByGridLoader,
  zoneLoader,
} from '../shared/loaders';
import { personalField } from '../shared/personal-data';
import { GridWorker, GridWorkerRole } from './grid-worker.entity';
import { Grid } from './grid.entity';
import { Zone } from './zone.entity';

@InputType('CreateZoneInput', { description: '设立片区 / Create a zone' })
export class CreateZoneInput extends IdempotentInput {
  @Field(() => ID, { description: '所属村（社区）区划代码 / Village division code' })
  @IsString()
  villageCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;
}

@InputType('CreateGridInput', { description: '划定网格 / Create a grid' })
export class CreateGridInput extends IdempotentInput {
  @Field(() => ID, { description: '所属村（社区）区划代码 / Village division code' })
  @IsString()
  villageCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @Field(() => ID, { nullable: true, description: '所属片区 / Zone' })
  @IsOptional()
  @IsString()
  zoneId?: string | null;

  @Field(() => Int, { nullable: true, description: '网格顺序码1–999（省略时取下一个）/ Grid sequence 1–999 (next free one when omitted)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(999)
  sequence?: number | null;
}

@InputType('UpdateGridInput', { description: '修改网格 / Update a grid' })
export class UpdateGridInput {
  @Field(() => ID, { description: '网格 / Grid' })
  @IsString()
  id!: string;

  @Field(() => Int, { description: '读取时的版本号（过期则冲突）/ Version read (a stale one is a conflict)' })
  @IsInt()
  version!: number;

  @Field(() => String, { nullable: true, description: '新名称 / New name' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name?: string | null;

  @Field(() => ID, { nullable: true, description: '新片区 / New zone' })
  @IsOptional()
  @IsString()
  zoneId?: string | null;
}

@InputType('CreateGridWorkerInput', { description: '设网格长或网格员（关联居民，或仅姓名电话）/ Appoint a grid leader or member (a resident, or just a name and phone)' })
export class CreateGridWorkerInput extends IdempotentInput {
  @Field(() => ID, { description: '网格 / Grid' })
  @IsString()
  gridId!: string;

  @Field(() => GridWorkerRole, { description: '角色（每格一名网格长）/ Role (one leader per grid)' })
  role!: GridWorkerRole;

  @Field(() => ID, { nullable: true, description: '本村居民（省略时须填姓名）/ A resident of the village (give a name otherwise)' })
  @IsOptional()
  @IsString()
  residentId?: string | null;

  @Field(() => String, { nullable: true, description: '姓名 / Name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话 / Phone number' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string | null;
}

@InputType('AssignHouseholdsToGridInput', { description: '将住户划入网格（同村）/ Assign households to a grid (same village)' })
export class AssignHouseholdsToGridInput {
  @Field(() => ID, { description: '网格 / Grid' })
  @IsString()
  gridId!: string;

  @Field(() => [ID], { description: '住户（最多500户）/ Households (at most 500)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  householdIds!: string[];
}

@InputType('AssignHouseholdsToMemberInput', { description: '指定网格员联系的住户（同网格）/ Link households to a grid member (same grid)' })
export class AssignHouseholdsToMemberInput {
  @Field(() => ID, { description: '网格员 / Grid member' })
  @IsString()
  workerId!: string;

  @Field(() => [ID], { description: '住户（最多200户）/ Households (at most 200)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  householdIds!: string[];
}

/** Loads one grid the caller may see: NOT_FOUND when absent, FORBIDDEN outside the scope. */
export async function readableGrid(ctx: RequestContext, id: string): Promise<Grid> {
  const grid = isUuid(id) ? await gridLoader(ctx).load(id) : null;
  if (!grid) throw notFound('网格', 'Grid', id);
  if (!(await TerritoryAccess.of(ctx).canSeeGrid(grid))) throw outOfScope('网格', 'Grid', id);
  return grid;
}

async function writableVillage(ctx: RequestContext, villageCode: string): Promise<Region> {
  TerritoryAccess.of(ctx).assertCanWrite(villageCode);
  const village = await regionLoader(ctx).load(villageCode);
  if (!village || village.level !== 'VILLAGE') {
    throw badInput(`村（社区）不存在：${villageCode}`, `No such village: ${villageCode}`, { field: 'villageCode' });
  }
  return village;
}

async function zoneOfVillage(ctx: RequestContext, zoneId: string, villageCode: string): Promise<Zone> {
  const zone = isUuid(zoneId) ? await zoneLoader(ctx).load(zoneId) : null;
  if (!zone || zone.villageCode !== villageCode) {
    throw badInput('片区不存在或不属于该村', 'The zone does not exist or belongs to another village', { field: 'zoneId' });
  }
  return zone;
}

/** Households by id for a bulk assignment: all must exist and satisfy `fits`, or nothing is written. */
async function householdsFor(m: EntityManager, ids: string[], fits: (h: Household) => boolean, zh: string, en: string): Promise<Household[]> {
  const unique = [...new Set(ids)];
  const bad = unique.filter((id) => !isUuid(id));
  const rows = bad.length ? [] : await m.getRepository(Household).findBy({ id: In(unique) });
  const found = new Map(rows.map((h) => [h.id, h]));
  const refused = bad.length ? bad : unique.filter((id) => !found.has(id) || !fits(found.get(id) as Household));
  if (refused.length) throw badInput(`${zh}：${refused.join('、')}`, `${en}: ${refused.join(', ')}`, { field: 'householdIds', householdIds: refused });
  return rows;
}

@Resolver(() => Zone)
export class ZoneResolver {
  @FieldResolver(() => Region, { description: '所属村（社区）/ Village' })
  async village(@Root() zone: Zone, @Ctx() ctx: RequestContext): Promise<Region> {
    return (await regionLoader(ctx).load(zone.villageCode)) as Region;
  }

  @FieldResolver(() => [Grid], { description: '片区内的网格（同村网格至多1000个：网格代码为村代码加3位顺序码）/ Grids in the zone (at most 1000: a grid code is the village code plus 3 digits)' })
  async grids(@Root() zone: Zone, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    const access = TerritoryAccess.of(ctx);
    return access.filter(await gridsByZoneLoader(ctx).load(zone.id), (g) => access.canSeeGrid(g));
  }

  @Mutation(() => Zone, { description: '设立片区 / Create a zone' })
  async createZone(@Arg('input', () => CreateZoneInput) input: CreateZoneInput, @Ctx() ctx: RequestContext): Promise<Zone> {
    const village = await writableVillage(ctx, input.villageCode);
    const name = input.name.trim();
    const once = onceById('createZone', input, async (id) => (await zoneLoader(ctx).load(id)) as Zone);
    return mutateOnce(ctx, once, { action: 'createZone', targetType: 'Zone', regionCode: village.code, targetId: (z) => z.id, payload: { name } }, async (m) => {
      if (await m.getRepository(Zone).exists({ where: { villageCode: village.code, name } })) {
        throw conflict(`片区名称已存在：${name}`, `A zone with this name already exists: ${name}`, { field: 'name' });
      }
      return m.getRepository(Zone).save(m.getRepository(Zone).create({ villageCode: village.code, countyCode: countyOf(village.code) as string, name }));
    });
  }
}

@Resolver(() => Grid)
export class GridResolver {
  @Query(() => Grid, { description: '按标识查询网格 / A grid by id' })
  grid(@Arg('id', () => ID, { description: '标识 / Identifier' }) id: string, @Ctx() ctx: RequestContext): Promise<Grid> {
    return readableGrid(ctx, id);
  }

  @Query(() => [Grid], { description: '某村（社区）的网格（至多1000个：网格代码为村代码加3位顺序码）/ Grids of a village (at most 1000: a grid code is the village code plus 3 digits)' })
  async grids(@Arg('villageCode', () => ID, { description: '村（社区）区划代码 / Village division code' }) villageCode: string, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    const access = TerritoryAccess.of(ctx);
    if (!access.inScope(villageCode)) throw outOfScope('区划', 'Region', villageCode);
    return access.filter(await gridsByVillageLoader(ctx).load(villageCode), (g) => access.canSeeGrid(g));
  }

  @FieldResolver(() => Region, { description: '所属村（社区）/ Village' })
  async village(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<Region> {
    return (await regionLoader(ctx).load(grid.villageCode)) as Region;
  }

  @FieldResolver(() => Zone, { nullable: true, description: '所属片区 / Zone' })
  zone(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<Zone | null> | null {
    return grid.zoneId ? zoneLoader(ctx).load(grid.zoneId) : null;
  }

  @FieldResolver(() => GridWorker, { nullable: true, description: '网格长 / Grid leader' })
  async leader(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<GridWorker | null> {
    return (await workersByGridLoader(ctx).load(grid.id)).find((w) => w.role === GridWorkerRole.GRID_LEADER) ?? null;
  }

  @FieldResolver(() => [GridWorker], { description: '网格员 / Grid members' })
  async members(@Root() grid: Grid, @Ctx() ctx: RequestContext): Promise<GridWorker[]> {
    return (await workersByGridLoader(ctx).load(grid.id)).filter((w) => w.role === GridWorkerRole.GRID_MEMBER);
  }

  @FieldResolver(() => HouseholdConnection, { description: '网格内的住户（按户号排序）/ Households of the grid, ordered by number' })
  households(@Root() grid: Grid, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Household>> {
    return gridHouseholdsLoader(ctx).load({ gridId: grid.id, first: page.first, after: page.after ?? null });
  }

  @Mutation(() => Grid, { description: '划定网格：代码为村代码加3位顺序码 / Create a grid; its code is the village code plus a 3-digit sequence' })
  async createGrid(@Arg('input', () => CreateGridInput) input: CreateGridInput, @Ctx() ctx: RequestContext): Promise<Grid> {
    const village = await writableVillage(ctx, input.villageCode);
    if (input.zoneId) await zoneOfVillage(ctx, input.zoneId, village.code);
    const name = input.name.trim();
    // without a sequence a retry would otherwise make a second grid
    const once = { operation: 'createGrid', key: input.idempotencyKey, input, idOf: (g: Grid) => g.id, replay: (id: string) => readableGrid(ctx, id) };
    return mutateOnce(ctx, once, { action: 'createGrid', targetType: 'Grid', regionCode: village.code, targetId: (g) => g.id, payload: { name } }, async (m) => {
      let sequence = input.sequence ?? null;
      if (sequence === null) {
        const [{ max }] = (await m.query(`SELECT COALESCE(max(right(code, 3)::int), 0) AS max FROM grid WHERE village_code = $1`, [village.code])) as { max: number }[];
        sequence = Number(max) + 1;
        if (sequence > 999) throw badInput('该村网格顺序码已用尽', 'No grid sequence numbers left in this village', { field: 'sequence' });
      }
      const code = gridCodeOf(village.code, sequence);
      if (await m.getRepository(Grid).exists({ where: { code } })) {
        throw conflict(`网格代码已存在：${code}`, `Grid code already exists: ${code}`, { field: 'sequence' });
      }
      return m.getRepository(Grid).save(
        m.getRepository(Grid).create({ code, villageCode: village.code, countyCode: countyOf(village.code) as string, name, zoneId: input.zoneId ?? null }),
      );
    });
  }

  @Mutation(() => Grid, { description: '修改网格名称或片区（须提交版本号）/ Rename a grid or move it to another zone (send the version read)' })
  async updateGrid(@Arg('input', () => UpdateGridInput) input: UpdateGridInput, @Ctx() ctx: RequestContext): Promise<Grid> {
    const grid = await readableGrid(ctx, input.id);
    TerritoryAccess.of(ctx).assertCanWrite(grid.villageCode);
    if (input.zoneId) await zoneOfVillage(ctx, input.zoneId, grid.villageCode);
    const changes: Partial<Grid> = {};
    if (input.name) changes.name = input.name.trim();
    if (input.zoneId) changes.zoneId = input.zoneId;
    await mutate(ctx, { action: 'updateGrid', targetType: 'Grid', regionCode: grid.villageCode, targetId: () => grid.id, payload: { ...changes } }, async (m) => {
      const result = await m
        .createQueryBuilder()
        .update(Grid)
        .set(changes)
        .where('id = :id AND version = :version', { id: grid.id, version: input.version })
        .execute();
      if (!result.affected) {
        throw conflict('网格已被他人修改，请刷新后重试', 'The grid was changed by someone else; reload and try again', { field: 'version' });
      }
    });
    return (await gridLoader(ctx).load(grid.id)) as Grid;
  }

  @Mutation(() => Grid, { description: '将住户划入网格；换网格的住户解除原网格员联系 / Assign households to a grid; households changing grid lose their old grid member link' })
  async assignHouseholdsToGrid(@Arg('input', () => AssignHouseholdsToGridInput) input: AssignHouseholdsToGridInput, @Ctx() ctx: RequestContext): Promise<Grid> {
    const grid = await readableGrid(ctx, input.gridId);
    TerritoryAccess.of(ctx).assertCanWrite(grid.villageCode);
    await mutate(
      ctx,
      { action: 'assignHouseholdsToGrid', targetType: 'Grid', regionCode: grid.villageCode, targetId: () => grid.id, payload: { householdIds: input.householdIds } },
      async (m) => {
        const rows = await householdsFor(m, input.householdIds, (h) => h.villageCode === grid.villageCode, '住户不存在或不属于该网格所在村', 'Households missing or of another village');
        const moving = rows.filter((h) => h.gridId !== grid.id).map((h) => h.id);
        if (moving.length) {
          await m.createQueryBuilder().update(Household).set({ gridId: grid.id, memberId: null }).where('id IN (:...ids)', { ids: moving }).execute();
        }
      },
    );
    return grid;
  }
}

@Resolver(() => GridWorker)
export class GridWorkerResolver {
  @FieldResolver(() => Grid, { description: '所属网格 / Grid' })
  async grid(@Root() worker: GridWorker, @Ctx() ctx: RequestContext): Promise<Grid> {
    return (await gridLoader(ctx).load(worker.gridId)) as Grid;
  }

  @FieldResolver(() => Resident, { nullable: true, description: '对应的本村居民（若有）/ The resident this worker is (if linked)' })
  async resident(@Root() worker: GridWorker, @Ctx() ctx: RequestContext): Promise<Resident | null> {
    if (!worker.residentId) return null;
    const resident = await residentLoader(ctx).load(worker.residentId);
    return resident && (await TerritoryAccess.of(ctx).canSeeResident(resident)) ? resident : null;
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话（干部在辖区内可见全文并记入审计，其他角色脱敏）/ Phone (in full and audited for cadres within scope, masked otherwise)' })
  phone(@Root() worker: GridWorker, @Ctx() ctx: RequestContext): Promise<string | null> {
    return personalField(ctx, { type: 'GridWorker', id: worker.id, regionCode: worker.villageCode }, 'phone', worker.phone);
  }

  @FieldResolver(() => [Household], { description:
      `联系的住户；最多 ${MAX_LIST_ITEMS} 户，超出时报 BAD_USER_INPUT，请改用分页的 households(gridId, first, after) / ` +
      `Households linked to this grid member; at most ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT asks for the paginated households(gridId, first, after)`,
  })
  async households(@Root() worker: GridWorker, @Ctx() ctx: RequestContext): Promise<Household[]> {
    const access = TerritoryAccess.of(ctx);
    return access.filter(await householdsByMemberLoader(ctx).load(worker.id), (h) => access.canSeeHousehold(h));
  }

  @Mutation(() => GridWorker, { description: '设网格长或网格员 / Appoint a grid leader or grid member' })
  async createGridWorker(@Arg('input', () => CreateGridWorkerInput) input: CreateGridWorkerInput, @Ctx() ctx: RequestContext): Promise<GridWorker> {
    const grid = await readableGrid(ctx, input.gridId);
    TerritoryAccess.of(ctx).assertCanWrite(grid.villageCode);
    let resident: Resident | null = null;
    if (input.residentId) {
      resident = isUuid(input.residentId) ? await residentLoader(ctx).load(input.residentId) : null;
      if (!resident || resident.villageCode !== grid.villageCode) {
        throw badInput('居民不存在或不是本村居民', 'The resident does not exist or lives in another village', { field: 'residentId' });
      }
    }
    const name = input.name?.trim() || resident?.name;
    if (!name) throw badInput('请填写姓名或选择居民', 'Give a name or a resident', { field: 'name' });
    const phone = input.phone?.trim() || resident?.phone || null;
    if (phone && !isValidPhone(phone)) throw badInput(`电话号码无效：${phone}`, `Invalid phone number: ${phone}`, { field: 'phone' });
    // a grid has many members: without a key a retry would appoint the same person twice
    const once = onceById('createGridWorker', input, async (id) => (await workerLoader(ctx).load(id)) as GridWorker);
    return mutateOnce(ctx, once, { action: 'createGridWorker', targetType: 'GridWorker', regionCode: grid.villageCode, targetId: (w) => w.id, payload: { role: input.role } }, async (m) => {
      if (input.role === GridWorkerRole.GRID_LEADER && (await m.getRepository(GridWorker).exists({ where: { gridId: grid.id, role: GridWorkerRole.GRID_LEADER } }))) {
        throw conflict('该网格已有网格长', 'The grid already has a grid leader', { field: 'role' });
      }
      return m.getRepository(GridWorker).save(
        m.getRepository(GridWorker).create({
          gridId: grid.id,
          villageCode: grid.villageCode,
          countyCode: grid.countyCode,
          role: input.role,
          residentId: resident?.id ?? null,
          name,
          phone,
        }),
      );
    });
  }

  @Mutation(() => GridWorker, { description: '指定网格员联系的住户（须在其网格内，约10户）/ Link households (of the member’s grid; about 10) to a grid member' })
  async assignHouseholdsToMember(@Arg('input', () => AssignHouseholdsToMemberInput) input: AssignHouseholdsToMemberInput, @Ctx() ctx: RequestContext): Promise<GridWorker> {
    const worker = isUuid(input.workerId) ? await workerLoader(ctx).load(input.workerId) : null;
    if (!worker) throw notFound('网格员', 'Grid worker', input.workerId);
    const access = TerritoryAccess.of(ctx);
    if (!(await access.canSeeGrid({ id: worker.gridId, villageCode: worker.villageCode }))) throw outOfScope('网格员', 'Grid worker', worker.id);
    access.assertCanWrite(worker.villageCode);
    if (worker.role !== GridWorkerRole.GRID_MEMBER) {
      throw badInput('只能为网格员指定联系户', 'Households can only be linked to grid members', { field: 'workerId' });
    }
    await mutate(
      ctx,
      { action: 'assignHouseholdsToMember', targetType: 'GridWorker', regionCode: worker.villageCode, targetId: () => worker.id, payload: { householdIds: input.householdIds } },
      async (m) => {
        const rows = await householdsFor(m, input.householdIds, (h) => h.gridId === worker.gridId, '住户不存在或不在该网格员的网格内', "Households missing or outside the member's grid");
        // re-check the grid in the UPDATE: a concurrent move to another grid must not keep this link
        const result = await m
          .createQueryBuilder()
          .update(Household)
          .set({ memberId: worker.id })
          .where('id IN (:...ids) AND grid_id = :gridId', { ids: rows.map((h) => h.id), gridId: worker.gridId })
          .execute();
        if (result.affected !== rows.length) {
          throw conflict('住户的网格已被他人修改，请刷新后重试', 'A household was moved to another grid meanwhile; reload and retry');
        }
      },
    );
    return worker;
  }
}
