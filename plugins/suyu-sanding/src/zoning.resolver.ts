import { scopedPrefix, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { gridsType, TERRITORY_TABLES, type RegionShape } from '@xiangzhi/grids-api';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PLUGIN_NAME, type SuyuSandingConfig } from './config';
import { zoningFigures, type ZoningVillage } from './report';
import { SuyuZoningReport } from './report.types';

/**
 * Current villages under each requested region (narrowed to the caller's scope) with the grids and
 * zones drawn in them: one statement for every region of a batch.
 */
function zoningLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, ZoningVillage[]>('suyu:zoning', async (codes) => {
    const prefixes = codes.map((code) => scopedPrefix(ctx.actor, code));
    const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
    const { region, grid, zone } = TERRITORY_TABLES;
    const rows = (
      patterns.length
        ? await ctx.dataSource.query(
            `SELECT r.code,
                    (SELECT count(*) FROM ${grid.table} g WHERE g.village_code = r.code)::int AS grids,
                    (SELECT count(*) FROM ${zone.table} z WHERE z.village_code = r.code)::int AS zones
               FROM ${region.table} r
              WHERE r.level = 'VILLAGE' AND (r.valid_to IS NULL OR r.valid_to > $2::date) AND r.code LIKE ANY($1::text[])`,
            [patterns, todayInChina()],
          )
        : []
    ) as { code: string; grids: number; zones: number }[];
    return prefixes.map((prefix) =>
      prefix === null ? [] : rows.filter((r) => r.code.startsWith(prefix)).map((r) => ({ grids: Number(r.grids), zones: Number(r.zones) })),
    );
  });
}

/** 治理片区化 the field Suyu adds to Region in the grids subgraph. */
@Resolver(() => gridsType('Region'))
export class SuyuZoningResolver {
  @FieldResolver(() => SuyuZoningReport, {
    nullable: true,
    description:
      '宿豫治理片区化：已划分网格的村（社区）数、网格数、片区数、平均每村网格数，附目标值（现行区划，限调用者辖区；未启用的区县 PLUGIN_NOT_ENABLED）/ ' +
      'Suyu zoning: villages divided into grids, grids, zones and grids per village, beside the targets (current regions within your scope; PLUGIN_NOT_ENABLED elsewhere)',
  })
  async suyuZoningReport(@Root() region: RegionShape, @Ctx() ctx: RequestContext): Promise<SuyuZoningReport> {
    const config = ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, region.code);
    const figures = zoningFigures(await zoningLoader(ctx).load(region.code), config);
    return Object.assign(new SuyuZoningReport(), { regionCode: region.code, ...figures });
  }
}
