import { assembleSubgraph, buildTypeGraphQLSchema, Role, type Actor, type PluginDefinition, type SubgraphModule } from '@xiangzhi/kernel';
import { isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import type { z } from 'zod';
import { graphqlClient, rowCounter, type GraphQLClient, type RowCounter } from './client';
import { testFixtures, type TestFixtures } from './fixtures';
import { startTestPlatform, type TestPlatform, type TestPlatformOptions } from './test-platform';

/** 测试区县 the county a plugin test enables the plugin for (a code no demo county uses). */
export const TEST_COUNTY = '990101000000';
/** 对照区县 a second county that does not enable the plugin (baseline and PLUGIN_NOT_ENABLED checks). */
export const CONTROL_COUNTY = '990102000000';

/** Codes inside a county: its `n`-th township (1-based, towns 101…) and that township's `m`-th village (200…). */
export interface CountyCodes {
  /** 12-digit county code */
  code: string;
  township: (n?: number) => string;
  village: (n?: number, township?: number) => string;
  /** 社区 a residents' committee (village part 001…) of a township */
  community: (n?: number, township?: number) => string;
}

/** Township and village codes of a county, built the way division codes nest. */
export function countyCodes(countyCode: string): CountyCodes {
  const county = countyCode.slice(0, 6);
  const township = (n = 1) => `${county}${String(100 + n).padStart(3, '0')}000`;
  return {
    code: `${county}000000`,
    township,
    village: (n = 1, t = 1) => `${township(t).slice(0, 9)}${String(199 + n).padStart(3, '0')}`,
    community: (n = 1, t = 1) => `${township(t).slice(0, 9)}${String(n).padStart(3, '0')}`,
  };
}

/** Actors of every role, scoped to a region of the test counties. */
export const actors = {
  countyAdmin: (county = TEST_COUNTY): Actor => ({ id: `admin-${county}`, roles: [Role.COUNTY_ADMIN], scope: county }),
  townshipOfficer: (township: string): Actor => ({ id: `officer-${township}`, roles: [Role.TOWNSHIP_OFFICER], scope: township }),
  villageCadre: (village: string): Actor => ({ id: `cadre-${village}`, roles: [Role.VILLAGE_CADRE], scope: village }),
  gridWorker: (village: string): Actor => ({ id: `grid-${village}`, roles: [Role.GRID_WORKER], scope: village }),
  resident: (village: string): Actor => ({ id: `resident-${village}`, roles: [Role.RESIDENT], scope: village }),
  auditor: (county = TEST_COUNTY): Actor => ({ id: `auditor-${county}`, roles: [Role.AUDITOR], scope: county }),
};

export interface PluginTestOptions<S extends z.ZodType> extends Omit<TestPlatformOptions, 'plugins' | 'countyParams'> {
  /** The plugin under test (the default export of its package). */
  plugin: PluginDefinition<S>;
  /** Its parameters for the test county; omitted keys take the plugin's defaults. */
  params?: z.input<S>;
  /** The county that enables it (default `TEST_COUNTY`). */
  county?: string;
  /** Other installed plugins and the counties enabling them, when a test needs several. */
  otherPlugins?: PluginDefinition[];
  otherCountyParams?: TestPlatformOptions['countyParams'];
}

/** A running platform with the plugin installed everywhere and enabled for one county. */
export interface PluginTestPlatform extends TestPlatform {
  /** The county enabling the plugin, with its township and village codes. */
  county: CountyCodes;
  /** A county with the plugin installed but not enabled: the baseline applies there. */
  control: CountyCodes;
  /** A GraphQL client over the gateway: `ok(actor, query, vars)`, `gql(…)`, `codeOf(res)`. */
  client: GraphQLClient;
  /** Row counts in a subgraph's database, for "wrote nothing" checks: `rows('personnel')('pay_record')`. */
  rows: (subgraph: string) => RowCounter;
  /**
   * Test data through GraphQL: `fixtures.village({ cadres: 2 })` imports the territory of the test
   * county's first village into grids, applies the post template and appoints two cadres (see `testFixtures`).
   */
  fixtures: TestFixtures;
}

/**
 * 插件测试套件 boots the subgraphs a plugin touches with the plugin installed, enabled for one test
 * county (and not for a control county), behind the real gateway, on PGlite (or PostgreSQL with
 * `TEST_DATABASE_URL`), all over real HTTP:
 *
 * ```ts
 * import { subgraph as personnel } from '@xiangzhi/personnel';
 * import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
 * import plugin from './index';
 *
 * let p: PluginTestPlatform;
 * beforeAll(async () => { p = await startPluginTestPlatform({ plugin, subgraphs: [personnel], params: { dutyHours: 6 } }); });
 * afterAll(() => p.stop());
 *
 * it('applies in the enabling county only', async () => {
 *   const here = await p.client.ok(actors.countyAdmin(p.county.code), query, { village: p.county.village() });
 *   const there = await p.client.gql(actors.countyAdmin(p.control.code), query, { village: p.control.village() });
 *   expect(p.client.codeOf(there)).toBe('PLUGIN_NOT_ENABLED');
 * });
 * ```
 *
 * The plugin's parameters are validated as at deployment start-up: a bad value fails the start with
 * an error naming the county, the plugin and the key.
 */
/**
 * Every subgraph but grids refuses region codes its projection of the grids regions (`region_ref`,
 * fed by grids events) does not know. For plugin tests the kit's counties (the enabling one, the
 * control one and those of `otherCountyParams`) are known in each of them from the start —
 * the county, townships 1–9 and, in each, villages and communities 1–60, valid from 2000-01-01 — as
 * if grids had published them; grids events (`fixtures.village`, `settle()`) update the same rows.
 */
async function arrangeKitRegions(platform: TestPlatform, counties: CountyCodes[]): Promise<void> {
  const projecting = Object.values(platform.subgraphs).filter((sg) => sg.name !== 'grids');
  if (projecting.length === 0) return;
  const rows: [string, string, string | null][] = [];
  for (const c of counties) {
    rows.push([c.code, 'COUNTY', null]);
    for (let t = 1; t <= 9; t += 1) {
      rows.push([c.township(t), 'TOWNSHIP', c.code]);
      for (let n = 1; n <= 60; n += 1) rows.push([c.village(n, t), 'VILLAGE', c.township(t)], [c.community(n, t), 'VILLAGE', c.township(t)]);
    }
  }
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const params = chunk.flat();
    const values = chunk.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3}, DATE '2000-01-01')`).join(', ');
    for (const sg of projecting) {
      await sg.db.dataSource.query(`INSERT INTO region_ref (code, name, level, parent_code, valid_from) VALUES ${values} ON CONFLICT (code) DO NOTHING`, params);
    }
  }
}

export async function startPluginTestPlatform<S extends z.ZodType>(options: PluginTestOptions<S>): Promise<PluginTestPlatform> {
  const { plugin, params, county = TEST_COUNTY, otherPlugins = [], otherCountyParams = {}, ...rest } = options;
  const subgraphs: SubgraphModule[] = rest.subgraphs;
  const platform = await startTestPlatform({
    ...rest,
    subgraphs,
    plugins: [plugin as PluginDefinition, ...otherPlugins],
    countyParams: { ...otherCountyParams, [county]: { ...(otherCountyParams[county] ?? {}), [plugin.name]: (params ?? {}) as Record<string, unknown> } },
  });
  const kitCounties = new Set([county, county === CONTROL_COUNTY ? TEST_COUNTY : CONTROL_COUNTY, ...Object.keys(otherCountyParams)].map((c) => c.slice(0, 6)));
  await arrangeKitRegions(platform, [...kitCounties].map((c) => countyCodes(c)));
  const client = graphqlClient(platform);
  return {
    ...platform,
    county: countyCodes(county),
    control: countyCodes(county === CONTROL_COUNTY ? TEST_COUNTY : CONTROL_COUNTY),
    client,
    fixtures: testFixtures(platform, countyCodes(county).village()),
    rows: (subgraph: string) => {
      const running = platform.subgraphs[subgraph];
      if (!running) throw new Error(`subgraph ${subgraph} is not running in this test platform`);
      return rowCounter(running.db.dataSource);
    },
  };
}

/** Names of the object types whose fields a plugin's resolvers may add to: the root types and every type of the subgraph itself. */
function rootTypeNames(schema: GraphQLSchema): string[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((t) => (t ? [t.name] : []));
}

/**
 * 插件字段可空检查 lists every field a plugin adds — root queries and mutations, and fields on the
 * subgraphs' own types (`Cadre`, `Region`…) — that is declared non-null, as
 * `<plugin>: <subgraph> <Type>.<field>: <type>`. A plugin's field answers `PLUGIN_NOT_ENABLED` in a county
 * that has not enabled it; declared non-null, that error would null its parent, often the whole answer.
 * The schema is built twice, without and with the plugin, from the same resolvers the subgraph boots with.
 *
 * ```ts
 * it('declares every field it adds nullable', async () => {
 *   expect(await nonNullPluginFields(plugin, [personnel])).toEqual([]);
 * });
 * ```
 */
export async function nonNullPluginFields(plugin: PluginDefinition, subgraphs: SubgraphModule[]): Promise<string[]> {
  const problems: string[] = [];
  for (const module of subgraphs) {
    const contribution = plugin.subgraphs[module.name];
    if (!contribution?.resolvers?.length) continue;
    const base = await buildTypeGraphQLSchema(assembleSubgraph(module, []));
    const schema = await buildTypeGraphQLSchema(assembleSubgraph(module, [plugin]));
    const roots = new Set(rootTypeNames(schema));
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const before = base.getType(type.name);
      if (!roots.has(type.name) && !isObjectType(before)) continue; // the plugin's own types
      const existing = isObjectType(before) ? before.getFields() : {};
      for (const field of Object.values(type.getFields())) {
        if (field.name in existing || !isNonNullType(field.type)) continue;
        // An @external stand-in (for @requires) declares another subgraph's field; it is not answered here.
        if (field.astNode?.directives?.some((d) => d.name.value === 'external')) continue;
        problems.push(`${plugin.name}: ${module.name} ${type.name}.${field.name}: ${String(field.type)}`);
      }
    }
  }
  return problems;
}
