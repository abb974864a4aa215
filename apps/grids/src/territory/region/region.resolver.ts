import {
  badInput,
  forbidden,
  isRegionCode,
  MAX_LIST_ITEMS,
  mutate,
  notFound,
  parentCodeOf,
  regionPrefix,
  requireRole,
  Role,
  todayInChina,
  type RequestContext,
} from '@xiangzhi/kernel';
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Grid } from '../grid/grid.entity';
import { Zone } from '../grid/zone.entity';
import { outOfScope, TerritoryAccess } from '../shared/access';
import { childRegionsLoader, gridsByVillageLoader, QUERY_REGIONS, regionLoader, zonesByVillageLoader } from '../shared/loaders';
import { REGION_DEPTH_SQL } from '../../events/outbox';
import { checkRegionImport } from './region-import';
import { Region, RegionStats } from './region.entity';
import { upsertRegions } from './region.service';

@InputType('RegionImportItem', { description: '导入的一条区划 / One region to import' })
export class RegionImportItem {
  @Field(() => String, { description: '12位区划代码 / 12-digit division code' })
  @IsString()
  @MaxLength(32)
  code!: string;

  @Field(() => String, { description: '名称 / Name' })
  @IsString()
  @MaxLength(100)
  name!: string;

  @Field(() => String, { nullable: true, description: '上级区划代码（省略时由代码推出）/ Parent division code (derived from the code when omitted)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  parentCode?: string | null;
}

@InputType('ImportRegionsInput', { description: '批量导入区划（全部成功或全部不写入）/ Bulk region import (all rows or none)' })
export class ImportRegionsInput {
  @Field(() => [RegionImportItem], { description: '区划列表（最多5000条）/ Regions (at most 5000)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  regions!: RegionImportItem[];

  @Field(() => GraphQLLocalDate, { nullable: true, description: '新代码启用日期（默认今天）/ Date new codes come into use (default today)' })
  @IsOptional()
  validFrom?: string | null;
}

@ObjectType('ImportRegionsResult', { description: '区划导入结果 / Result of a region import' })
export class ImportRegionsResult {
  @Field(() => Int, { description: '收到的条数 / Rows received' })
  received!: number;

  @Field(() => Int, { description: '新增 / Regions added' })
  inserted!: number;

  @Field(() => Int, { description: '更名 / Regions renamed' })
  updated!: number;

  @Field(() => Int, { description: '未变化 / Regions already stored as given' })
  unchanged!: number;
}

@InputType('RetireRegionInput', { description: '停用区划代码（连同其下级）/ Retire a division code (and the codes below it)' })
export class RetireRegionInput {
  @Field(() => ID, { description: '区划代码 / Division code' })
  @IsString()
  code!: string;

  @Field(() => GraphQLLocalDate, { description: '停用日期 / Date the code is retired' })
  validTo!: string;
}

/** Loads one region the caller may read: FORBIDDEN outside the scope (checked on the code alone), NOT_FOUND when absent. */
export async function readableRegion(ctx: RequestContext, code: string): Promise<Region> {
  if (!isRegionCode(code)) throw badInput(`区划代码必须是12位数字：${code}`, `A division code must be 12 digits: ${code}`, { field: 'code' });
  if (!TerritoryAccess.of(ctx).canSeeRegion(code)) throw outOfScope('区划', 'Region', code);
  const region = await regionLoader(ctx).load(code);
  if (!region) throw notFound('区划', 'Region', code);
  return region;
}

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { description: '按代码查询区划（辖区内或其上级）/ A region by code (inside the caller’s scope or above it)' })
  region(@Arg('code', () => ID, { description: '12位区划代码 / 12-digit division code' }) code: string, @Ctx() ctx: RequestContext): Promise<Region> {
    return readableRegion(ctx, code);
  }

  @Query(() => [Region], { description:
      `某区划的下级区划（仅调用者可见的）；区划代码决定其长度（至多999个），最多 ${MAX_LIST_ITEMS} 个，超出时报 BAD_USER_INPUT / ` +
      `The regions directly below a region (those the caller may see); its length is fixed by the division code (at most 999), bounded at ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT`,
  })
  async regions(
    @Arg('parentCode', () => ID, { description: '上级区划代码 / Parent division code' }) parentCode: string,
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: '包含已停用的代码 / Include retired codes' }) includeRetired: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Region[]> {
    const access = TerritoryAccess.of(ctx);
    if (!isRegionCode(parentCode)) return [];
    const children = await childRegionsLoader(ctx, includeRetired, QUERY_REGIONS).load(parentCode);
    return children.filter((r) => access.canSeeRegion(r.code));
  }

  @FieldResolver(() => Region, { nullable: true, description: '上级区划 / Parent region' })
  async parent(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Region | null> {
    if (!region.parentCode || !TerritoryAccess.of(ctx).canSeeRegion(region.parentCode)) return null;
    return regionLoader(ctx).load(region.parentCode);
  }

  @FieldResolver(() => [Region], { description:
      `下级区划；区划代码决定其长度（至多999个），最多 ${MAX_LIST_ITEMS} 个，超出时报 BAD_USER_INPUT / ` +
      `Regions directly below; the division code fixes their number (at most 999), bounded at ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT`,
  })
  async children(
    @Root() region: Region,
    @Arg('includeRetired', () => Boolean, { defaultValue: false, description: '包含已停用的代码 / Include retired codes' }) includeRetired: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Region[]> {
    const access = TerritoryAccess.of(ctx);
    const children = await childRegionsLoader(ctx, includeRetired).load(region.code);
    return children.filter((r) => access.canSeeRegion(r.code));
  }

  @FieldResolver(() => Boolean, { description: '代码是否现行 / Whether the code is current' })
  current(@Root() region: Region): boolean {
    return region.validTo === null || region.validTo > todayInChina();
  }

  @FieldResolver(() => RegionStats, { description: '统计（限调用者辖区）/ Statistics (within the caller’s scope)' })
  stats(@Root() region: Region): RegionStats {
    return new RegionStats(region.code);
  }

  @FieldResolver(() => [Zone], { description: '片区（村级）/ Zones (villages only)' })
  async zones(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Zone[]> {
    const access = TerritoryAccess.of(ctx);
    const zones = await zonesByVillageLoader(ctx).load(region.code);
    return access.filter(zones, (z) => access.canSeeZone(z));
  }

  @FieldResolver(() => [Grid], { description: '网格（村级；网格代码为村代码加3位顺序码，至多1000个）/ Grids (villages only; a grid code is the village code plus 3 digits, so at most 1000)' })
  async grids(@Root() region: Region, @Ctx() ctx: RequestContext): Promise<Grid[]> {
    const access = TerritoryAccess.of(ctx);
    const grids = await gridsByVillageLoader(ctx).load(region.code);
    return access.filter(grids, (g) => access.canSeeGrid(g));
  }

  @Mutation(() => ImportRegionsResult, {
    description:
      '批量导入区划：代码须为12位且延续上级代码、层级与上级相符；任一行有误则全部不写入并列出所有错误行（县级管理员）/ ' +
      'Bulk region import: 12-digit codes extending their parent’s, levels matching; any bad row rejects the whole import, listing every bad row (county administrators)',
  })
  async importRegions(@Arg('input', () => ImportRegionsInput) input: ImportRegionsInput, @Ctx() ctx: RequestContext): Promise<ImportRegionsResult> {
    requireRole(ctx.actor, Role.COUNTY_ADMIN);
    const access = TerritoryAccess.of(ctx);
    const outside = input.regions.map((r) => r.code.trim()).filter((c) => isRegionCode(c) && !access.inScope(c));
    if (outside.length > 0) {
      throw forbidden(`无权导入辖区以外的区划：${outside.join('、')}`, `Regions outside your scope: ${outside.join(', ')}`, { codes: outside });
    }
    return mutate(
      ctx,
      { action: 'importRegions', targetType: 'Region', regionCode: ctx.actor.scope, payload: { received: input.regions.length } },
      async (manager) => {
        const codes = input.regions.map((r) => r.code.trim()).filter(isRegionCode);
        const lookup = [
          ...new Set([
            ...codes,
            ...codes.map(parentCodeOf).filter((c): c is string => c !== null),
            ...input.regions.map((r) => r.parentCode?.trim() ?? '').filter(isRegionCode),
          ]),
        ];
        const existing = new Set(
          lookup.length ? (await manager.getRepository(Region).find({ select: { code: true }, where: { code: In(lookup) } })).map((r) => r.code) : [],
        );
        const { records, problems } = checkRegionImport(input.regions, (code) => existing.has(code));
        if (problems.length > 0) {
          throw badInput(
            `区划导入被拒绝，${problems.length}行有误：${problems.map((p) => `第${p.index + 1}行 ${p.zh}`).join('；')}`,
            `Region import rejected, ${problems.length} bad rows: ${problems.map((p) => `row ${p.index + 1}: ${p.en}`).join('; ')}`,
            { field: 'regions', rows: problems },
          );
        }
        const { inserted, updated } = await upsertRegions(manager, records, { validFrom: input.validFrom ?? null, onConflict: 'update' });
        return { received: input.regions.length, inserted, updated, unchanged: records.length - inserted - updated };
      },
    );
  }

  @Mutation(() => Region, { description: '停用区划代码及其下级（保留记录，不删除；发布停用事件）（县级管理员）/ Retire a division code and the codes below it, keeping the records and publishing their retirement (county administrators)' })
  async retireRegion(@Arg('input', () => RetireRegionInput) input: RetireRegionInput, @Ctx() ctx: RequestContext): Promise<Region> {
    requireRole(ctx.actor, Role.COUNTY_ADMIN);
    const region = await readableRegion(ctx, input.code);
    TerritoryAccess.of(ctx).assertCanWrite(region.code);
    if (input.validTo < region.validFrom) {
      throw badInput(`停用日期不能早于启用日期${region.validFrom}`, `The retirement date cannot precede ${region.validFrom}`, { field: 'validTo' });
    }
    await mutate(ctx, { action: 'retireRegion', targetType: 'Region', regionCode: region.code, targetId: () => region.code, payload: { validTo: input.validTo } }, (manager) =>
      manager.query(
        `WITH retired AS (
           UPDATE region SET valid_to = $2::date, updated_at = now() WHERE code LIKE $1 AND valid_to IS NULL AND valid_from <= $2::date
           RETURNING code, level, valid_to
         )
         INSERT INTO grids_event (name, payload)
         SELECT 'grids.region.retired', jsonb_build_object('code', r.code, 'validTo', to_char(r.valid_to, 'YYYY-MM-DD')) FROM retired r ORDER BY ${REGION_DEPTH_SQL}, r.code`,
        [`${regionPrefix(region.code)}%`, input.validTo],
      ),
    );
    return (await regionLoader(ctx).load(region.code)) as Region;
  }
}
