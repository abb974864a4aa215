import fs from 'node:fs';
import path from 'node:path';

/** What `xz plugin new` is asked for. */
export interface NewPluginOptions {
  /** kebab-case plugin name, e.g. `acme-duty` (also the folder under `plugins/`). */
  name: string;
  /** The subgraph whose extension point the example policy implements. */
  subgraph: 'personnel' | 'grids';
  /** Monorepo root (the folder with `plugins/`). */
  root: string;
  /** npm package name; default `@xiangzhi/<name>`. */
  packageName?: string;
  /** 中文 title; default the name. */
  titleZh?: string;
  /** English title; default the name. */
  titleEn?: string;
  /** The 13-digit timestamp of the plugin's first migration; default now (the county wall's is the next). */
  timestamp?: number;
}

/** The generated plugin: its folder and the files written (relative to the root). */
export interface GeneratedPlugin {
  dir: string;
  files: string[];
  packageName: string;
}

const NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** An npm package name, as the deployment config accepts it (`@scope/name` or `name`). */
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** Line breaks and other control characters: a title is one line of text. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;

/**
 * A TypeScript string literal of any text: quotes, backslashes, `${}` and backticks stay text
 * (a double-quoted literal never interpolates), line and paragraph separators are escaped.
 */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text inside a `/** … *\/` doc comment: a `*\/` in it would end the comment. */
export function docText(text: string): string {
  return text.replace(/\*\//g, '*\\/');
}

/** Text in Markdown prose: CommonMark's punctuation escapes, so a title never turns into markup or HTML. */
export function markdownText(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`);
}

/** A YAML scalar of any text: a double-quoted string (JSON's escapes are YAML's), valid in flow and block context. */
export function yamlString(text: string): string {
  return tsString(text);
}

/** Why a user string cannot be written into the plugin, or null when it can. */
function titleProblem(field: string, value: string): string | null {
  if (value.trim() === '') return `${field} 不能为空 (${field} must not be empty)`;
  if (CONTROL.test(value)) return `${field} 须为单行文字，不含换行或控制字符 (${field} must be one line, without line breaks or control characters): ${JSON.stringify(value)}`;
  if (value.length > 200) return `${field} 不超过200个字符 (${field} must be at most 200 characters): ${value.length}`;
  return null;
}

/** `acme-duty` → `AcmeDuty` */
function pascal(name: string): string {
  return name.split('-').map((p) => p[0].toUpperCase() + p.slice(1)).join('');
}

/** `acme-duty` → `acmeDuty` */
function camel(name: string): string {
  const p = pascal(name);
  return p[0].toLowerCase() + p.slice(1);
}

/** The nested shape every generated file shares, by subgraph. */
interface SubgraphTemplate {
  api: string;
  policyFile: string;
  policySource: (n: Names) => string;
  policySpec: (n: Names) => string;
  /** A GraphQL query exercising the example policy through the gateway, and how to read its answer. */
  e2e: (n: Names) => string;
}

interface Names {
  name: string;
  pascal: string;
  camel: string;
  pkg: string;
  /** The titles as the user gave them; every file writes them through `tsString`, `docText`, `markdownText` or JSON. */
  titleZh: string;
  titleEn: string;
  subgraph: string;
  /** `acme_duty`: the prefix of the plugin's tables. */
  snake: string;
  /** The 13-digit timestamp of the plugin's first migration (generation time); the wall's is the next. */
  timestamp: number;
}

const personnelTemplate: SubgraphTemplate = {
  api: '@xiangzhi/personnel-api',
  policyFile: 'attendance.policy.ts',
  policySource: (n) => `import {
  DefaultAttendancePolicy,
  type AttendancePolicy,
  type DutyDay,
  type FindingFacts,
  type SanctionDecision,
  type LeaveApprover,
  type PostCategory,
} from '@xiangzhi/personnel-api';
import type { ${n.pascal}Config } from './config';

/**
 * 坐班考勤 the county's duty rules: \`workdayHours\` a working day in a village, \`communityWorkdayHours\`
 * in a community, \`restDayCoverage\` people on duty each weekend day. Leave approval and sanctions
 * stay the national baseline's.
 */
export class ${n.pascal}AttendancePolicy implements AttendancePolicy {
  private readonly baseline = new DefaultAttendancePolicy();

  constructor(private readonly config: ${n.pascal}Config) {}

  requiredHours(day: DutyDay): number {
    if (!day.workday) return 0;
    return day.villageKind === 'COMMUNITY' ? this.config.communityWorkdayHours : this.config.workdayHours;
  }

  restDayCoverage(day: DutyDay): number {
    return day.workday ? 0 : this.config.restDayCoverage;
  }

  leaveApprover(category: PostCategory): LeaveApprover {
    return this.baseline.leaveApprover(category);
  }

  sanctionFor(finding: FindingFacts): SanctionDecision {
    return this.baseline.sanctionFor(finding);
  }
}
`,
  policySpec: (n) => `import { ${n.camel}Config } from './config';
import { ${n.pascal}AttendancePolicy } from './attendance.policy';

describe('${n.pascal}AttendancePolicy', () => {
  const policy = new ${n.pascal}AttendancePolicy(${n.camel}Config.parse({}));

  it('requires 6 hours a working day in a village and 7 in a community (the defaults)', () => {
    expect(policy.requiredHours({ date: '2026-11-23', workday: true, villageKind: 'VILLAGE' })).toBe(6);
    expect(policy.requiredHours({ date: '2026-11-23', workday: true, villageKind: 'COMMUNITY' })).toBe(7);
  });

  it('requires one person on duty on a rest day and no hours from each cadre', () => {
    const sunday = { date: '2026-11-22', workday: false, villageKind: 'VILLAGE' as const };
    expect(policy.restDayCoverage(sunday)).toBe(1);
    expect(policy.requiredHours(sunday)).toBe(0);
  });

  it('takes a county’s own numbers', () => {
    const tuned = new ${n.pascal}AttendancePolicy(${n.camel}Config.parse({ workdayHours: 5 }));
    expect(tuned.requiredHours({ date: '2026-11-23', workday: true, villageKind: 'VILLAGE' })).toBe(5);
  });
});
`,
  e2e: () => `query ($village: String!) {
  dutyCoverage(villageCode: $village, from: "2026-11-21", to: "2026-11-23") { policy uncoveredRestDays { date required onDuty } }
}`,
};

const gridsTemplate: SubgraphTemplate = {
  api: '@xiangzhi/grids-api',
  policyFile: 'grid-sizing.policy.ts',
  policySource: (n) => `import { DefaultGridSizingPolicy } from '@xiangzhi/grids-api';
import type { ${n.pascal}Config } from './config';

/**
 * 网格划分 the county's grid size: \`householdsPerGrid\` per grid, \`householdsPerMember\` per grid
 * member; the rules are the baseline's, with the county's numbers.
 */
export class ${n.pascal}GridSizingPolicy extends DefaultGridSizingPolicy {
  constructor(config: ${n.pascal}Config) {
    super({ householdsPerGrid: config.householdsPerGrid, householdsPerMember: config.householdsPerMember });
  }
}
`,
  policySpec: (n) => `import { ${n.camel}Config } from './config';
import { ${n.pascal}GridSizingPolicy } from './grid-sizing.policy';

describe('${n.pascal}GridSizingPolicy', () => {
  it('sizes grids at about 50 households, a member for about 10 (the defaults)', () => {
    const policy = new ${n.pascal}GridSizingPolicy(${n.camel}Config.parse({}));
    expect(policy.targets.householdsPerGrid).toBe(50);
    expect(policy.targets.householdsPerMember).toBe(10);
  });

  it('takes a county’s own numbers', () => {
    expect(new ${n.pascal}GridSizingPolicy(${n.camel}Config.parse({ householdsPerGrid: 80 })).targets.householdsPerGrid).toBe(80);
  });
});
`,
  e2e: () => `query ($village: String!) { region(code: $village) { code } }`,
};

function files(n: Names, t: SubgraphTemplate): Record<string, string> {
  const isPersonnel = n.subgraph === 'personnel';
  const configFields = isPersonnel
    ? `  /** 村坐班小时数 duty hours a working day in a village */
  workdayHours: z.number().min(0).max(12).default(6),
  /** 社区坐班小时数 duty hours a working day in a community */
  communityWorkdayHours: z.number().min(0).max(12).default(7),
  /** 双休日、节假日每天至少坐班人数 people on duty each rest day */
  restDayCoverage: z.number().int().min(0).max(10).default(1),`
    : `  /** 每个网格户数 households per grid */
  householdsPerGrid: z.number().int().min(1).max(1000).default(50),
  /** 每名网格员联系户数 households per grid member */
  householdsPerMember: z.number().int().min(1).max(200).default(10),`;
  const point = isPersonnel ? 'attendancePolicyPoint' : 'gridSizingPolicyPoint';
  const policyClass = isPersonnel ? `${n.pascal}AttendancePolicy` : `${n.pascal}GridSizingPolicy`;
  const policyModule = `./${t.policyFile.replace(/\.ts$/, '')}`;
  return {
    'package.json': `${JSON.stringify(
      {
        name: n.pkg,
        version: '0.1.0',
        private: true,
        description: `${n.titleZh} / ${n.titleEn} — a xiangzhi county plugin`,
        main: 'dist/index.js',
        types: 'dist/index.d.ts',
        peerDependencies: { '@xiangzhi/kernel': '*', [t.api]: '*', 'type-graphql': '*', graphql: '*', typeorm: '*', zod: '*' },
        nx: {
          tags: ['scope:plugins', 'type:plugin'],
          targets: {
            build: { executor: 'nx:run-commands', options: { command: `tsc -p plugins/${n.name}/tsconfig.lib.json` } },
            lint: { executor: 'nx:run-commands', options: { command: `eslint plugins/${n.name}` } },
          },
        },
      },
      null,
      2,
    )}\n`,
    'tsconfig.lib.json': `${JSON.stringify(
      {
        extends: '../../tsconfig.base.json',
        compilerOptions: { rootDir: 'src', outDir: 'dist', tsBuildInfoFile: 'dist/.tsbuildinfo' },
        include: ['src/**/*.ts'],
        exclude: ['src/**/*.spec.ts'],
      },
      null,
      2,
    )}\n`,
    'README.md': `# ${n.name} — ${markdownText(n.titleZh)} / ${markdownText(n.titleEn)}

A xiangzhi county plugin (see \`docs/plugins.md\`). It extends the **${n.subgraph}** subgraph:

- a \`${policyClass}\` for \`${point}\`, applied only in the counties that enable the plugin;
- the query \`${n.camel}Settings(regionCode)\`, which answers a county's parameters, or
  \`PLUGIN_NOT_ENABLED\` in a county that has not enabled the plugin;
- a table of its own, \`${n.snake}_record\` (entity \`src/record.entity.ts\`, migration
  \`src/migrations/${n.timestamp}-create-${n.name}.ts\`), behind the county wall: the next migration,
  \`src/migrations/${n.timestamp + 1}-${n.name}-county-wall.ts\`, is one call to
  \`countyWallMigration(name, countyWallSqlV1([...]))\`. Wall every table you add that holds county or
  personal data the same way, in a new migration (docs/plugins.md, "Migrations").

Enable it in a deployment (\`deploy/xiangzhi.yaml\`):

\`\`\`yaml
plugins:
  ${n.name}: { package: ${yamlString(n.pkg)} }
counties:
  "433130":
    name: 龙山县
    plugins:
      ${n.name}: {}            # parameters; omitted keys take the defaults in src/config.ts
\`\`\`

Build, lint and test: \`npx nx run ${n.pkg}:build\`, \`npx nx run ${n.pkg}:lint\`, \`npm test -- plugins/${n.name}\`.
`,
    'src/config.ts': `import { z } from 'zod';

/** The plugin's name: the key under \`plugins:\` and \`counties.<code>.plugins:\` in a deployment. */
export const PLUGIN_NAME = '${n.name}';

/** Per-county parameters; each default is the number of the county's source document. */
export const ${n.camel}Config = z.strictObject({
${configFields}
});

export type ${n.pascal}Config = z.output<typeof ${n.camel}Config>;
`,
    [`src/${t.policyFile}`]: t.policySource(n),
    [`src/${t.policyFile.replace(/\.ts$/, '.spec.ts')}`]: t.policySpec(n),
    'src/record.entity.ts': `import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 记录 one record of the plugin in a village; replace its columns with your own. */
@Entity({ name: '${n.snake}_record' })
export class ${n.pascal}Record {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  villageCode!: string;

  @Column({ name: 'note', type: 'text' })
  note!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
`,
    [`src/migrations/${n.timestamp}-create-${n.name}.ts`]: `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The plugin's table (see \`${n.pascal}Record\`); never edit a released migration, add a new one. */
export class Create${n.pascal}Records${n.timestamp} implements MigrationInterface {
  name = 'Create${n.pascal}Records${n.timestamp}';

  async up(q: QueryRunner): Promise<void> {
    await q.query(\`CREATE TABLE ${n.snake}_record (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      county_code text NOT NULL CHECK (county_code ~ '^\\\\d{12}$'),
      village_code text NOT NULL CHECK (village_code ~ '^\\\\d{12}$'),
      note text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )\`);
    await q.query(\`CREATE INDEX ${n.snake}_record_village_idx ON ${n.snake}_record (village_code text_pattern_ops)\`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE ${n.snake}_record');
  }
}
`,
    [`src/migrations/${n.timestamp + 1}-${n.name}-county-wall.ts`]: `import { countyWallMigration, countyWallSqlV1 } from '@xiangzhi/kernel';

/**
 * 县域隔离墙 row-level security on the plugin's tables: a request sees and writes only the rows of
 * its own county. The SQL is frozen (\`countyWallSqlV1\`); a table added later gets its wall in a
 * new migration.
 */
export const ${n.pascal}CountyWall${n.timestamp + 1} = countyWallMigration(
  '${n.pascal}CountyWall${n.timestamp + 1}',
  countyWallSqlV1([{ table: '${n.snake}_record', column: 'county_code' }]),
);
`,
    'src/settings.resolver.ts': `import { assertRegionCode, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { PLUGIN_NAME, type ${n.pascal}Config } from './config';

@ObjectType('${n.pascal}Settings', { description: ${tsString(`${n.titleZh}：区县参数 / ${n.titleEn}: the county parameters`)} })
export class ${n.pascal}Settings {
  @Field(() => String, { description: '区县代码 / County code' })
  countyCode!: string;

  @Field(() => [${n.pascal}Parameter], { description: '参数 / Parameters' })
  parameters!: ${n.pascal}Parameter[];
}

@ObjectType('${n.pascal}Parameter', { description: '一个参数 / One parameter' })
export class ${n.pascal}Parameter {
  @Field(() => String, { description: '键 / Key' })
  key!: string;

  @Field(() => Float, { description: '值 / Value' })
  value!: number;
}

@Resolver()
export class ${n.pascal}SettingsResolver {
  @Query(() => ${n.pascal}Settings, {
    nullable: true,
    description: ${tsString(`${n.titleZh}：某区县启用的参数；未启用的区县返回 PLUGIN_NOT_ENABLED / ${n.titleEn}: a county’s parameters; PLUGIN_NOT_ENABLED where it is not enabled`)},
  })
  ${n.camel}Settings(
    @Arg('regionCode', () => String, { description: '区县或其下任一区划代码 / The county or any region in it' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): ${n.pascal}Settings {
    assertRegionCode(regionCode, 'regionCode');
    requireInScope(ctx.actor, regionCode);
    const config = ctx.policies.configOf<${n.pascal}Config>(PLUGIN_NAME, regionCode);
    return Object.assign(new ${n.pascal}Settings(), {
      countyCode: \`\${regionCode.slice(0, 6)}000000\`,
      parameters: Object.entries(config).map(([key, value]) => ({ key, value: Number(value) })),
    });
  }
}
`,
    'src/index.ts': `import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import { ${point} } from '${t.api}';
import { ${n.camel}Config, PLUGIN_NAME, type ${n.pascal}Config } from './config';
import { ${policyClass} } from '${policyModule}';
import { Create${n.pascal}Records${n.timestamp} } from './migrations/${n.timestamp}-create-${n.name}';
import { ${n.pascal}CountyWall${n.timestamp + 1} } from './migrations/${n.timestamp + 1}-${n.name}-county-wall';
import { ${n.pascal}Record } from './record.entity';
import { ${n.pascal}SettingsResolver } from './settings.resolver';

export { ${n.camel}Config, PLUGIN_NAME, type ${n.pascal}Config } from './config';
export { ${policyClass} } from '${policyModule}';

/** ${docText(n.titleZh)} / ${docText(n.titleEn)} */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  /** The plugin API versions this plugin was built for (the platform checks it at start-up). */
  compatibility: '^1.0.0',
  title: { zh: ${tsString(n.titleZh)}, en: ${tsString(n.titleEn)} },
  config: ${n.camel}Config,
  subgraphs: {
    ${n.subgraph}: {
      entities: [${n.pascal}Record],
      migrations: [Create${n.pascal}Records${n.timestamp}, ${n.pascal}CountyWall${n.timestamp + 1}],
      resolvers: [${n.pascal}SettingsResolver],
      policies: [bindPolicy(${point}, (config: ${n.pascal}Config) => new ${policyClass}(config))],
    },
  },
});
`,
    [`src/${n.name}.spec.ts`]: `import { subgraph } from '@xiangzhi/${n.subgraph}';
import { actors, nonNullPluginFields, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from './index';

/** Through the real gateway on PGlite: the plugin answers in the county enabling it, and only there. */
describe('${n.name} plugin (gateway, PGlite)', () => {
  let p: PluginTestPlatform;
  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [subgraph] });
  });
  afterAll(() => p?.stop());

  const settings = 'query ($region: String!) { ${n.camel}Settings(regionCode: $region) { countyCode parameters { key value } } }';

  it('answers the county’s parameters where it is enabled', async () => {
    const data = await p.client.ok<{ ${n.camel}Settings: { countyCode: string; parameters: { key: string; value: number }[] } }>(
      actors.countyAdmin(p.county.code),
      settings,
      { region: p.county.village() },
    );
    expect(data.${n.camel}Settings.countyCode).toBe(p.county.code);
    expect(data.${n.camel}Settings.parameters.length).toBeGreaterThan(0);
  });

  it('answers PLUGIN_NOT_ENABLED in a county that has not enabled it', async () => {
    const res = await p.client.gql(actors.countyAdmin(p.control.code), settings, { region: p.control.village() });
    expect(p.client.codeOf(res)).toBe('PLUGIN_NOT_ENABLED');
  });

  it('declares every field it adds nullable (PLUGIN_NOT_ENABLED stays on the field)', async () => {
    expect(await nonNullPluginFields(plugin, [subgraph])).toEqual([]);
  });

  it('keeps its table behind the county wall (row-level security forced, the owner policy and the county wall)', async () => {
    const walls = await p.subgraphs.${n.subgraph}.db.dataSource.query(
      \`SELECT c.relforcerowsecurity AS forced, array(SELECT k.polname::text FROM pg_policy k WHERE k.polrelid = c.oid ORDER BY 1) AS policies
         FROM pg_class c WHERE c.oid = to_regclass('${n.snake}_record')\`,
    );
    expect(walls).toEqual([{ forced: true, policies: ['xz_county_wall', 'xz_owner_all'] }]);
  });
${
  isPersonnel
    ? `
  it('applies its policy in the enabling county and the baseline elsewhere', async () => {
    // a weekend with nobody on duty: uncovered under the plugin (1 a day), fine under the baseline (0)
    const coverage = \`${t.e2e(n)}\`;
    type Report = { dutyCoverage: { policy: string; uncoveredRestDays: { date: string; required: number; onDuty: number }[] } };
    const here = await p.client.ok<Report>(actors.countyAdmin(p.county.code), coverage, { village: p.county.village() });
    const there = await p.client.ok<Report>(actors.countyAdmin(p.control.code), coverage, { village: p.control.village() });
    expect(here.dutyCoverage.policy).toBe('${n.name}');
    expect(here.dutyCoverage.uncoveredRestDays).toEqual([
      { date: '2026-11-21', required: 1, onDuty: 0 },
      { date: '2026-11-22', required: 1, onDuty: 0 },
    ]);
    expect(there.dutyCoverage).toEqual({ policy: 'baseline', uncoveredRestDays: [] });
  });
`
    : ''
}
  it('refuses bad county parameters at start-up, naming the county, the plugin and the key', async () => {
    await expect(
      startPluginTestPlatform({ plugin, subgraphs: [subgraph], params: { ${isPersonnel ? 'workdayHours' : 'householdsPerGrid'}: -1 } }),
    ).rejects.toThrow(/counties\\.\\d{12}\\.plugins\\.${n.name}\\.${isPersonnel ? 'workdayHours' : 'householdsPerGrid'}/);
  });
});
`,
  };
}

/**
 * 插件脚手架 writes a new plugin under `plugins/<name>`: package (Nx project tagged `type:plugin`),
 * zod config with defaults, an example policy with its unit test, a field that answers
 * PLUGIN_NOT_ENABLED outside enabling counties, a table of its own with its migration and its
 * county wall migration, and an end-to-end test through the gateway. It
 * builds, lints and passes its tests as generated. Refuses to overwrite an existing folder.
 */
export function generatePlugin(options: NewPluginOptions): GeneratedPlugin {
  if (!NAME.test(options.name)) {
    throw new Error(`插件名须为 kebab-case，如 acme-duty (the plugin name must be kebab-case, e.g. acme-duty): ${options.name}`);
  }
  const packageName = options.packageName ?? `@xiangzhi/${options.name}`;
  if (!PACKAGE_NAME.test(packageName)) {
    throw new Error(`包名须为 npm 包名，如 @xiangzhi/acme-duty (the package name must be an npm package name, e.g. @xiangzhi/acme-duty): ${JSON.stringify(packageName)}`);
  }
  const titleZh = options.titleZh ?? options.name;
  const titleEn = options.titleEn ?? options.name;
  const problems = [titleProblem('titleZh', titleZh), titleProblem('titleEn', titleEn)].filter((p): p is string => p !== null);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const dir = path.join(options.root, 'plugins', options.name);
  if (fs.existsSync(dir)) throw new Error(`目录已存在 (the folder already exists): ${path.relative(options.root, dir)}`);
  if (options.name.length > 40) {
    throw new Error(`插件名不超过40个字符：它是表名前缀 (the plugin name must be at most 40 characters: it prefixes the plugin's table names): ${options.name}`);
  }
  const template = options.subgraph === 'grids' ? gridsTemplate : personnelTemplate;
  const names: Names = {
    name: options.name,
    pascal: pascal(options.name),
    camel: camel(options.name),
    pkg: packageName,
    titleZh,
    titleEn,
    subgraph: options.subgraph,
    snake: options.name.replace(/-/g, '_'),
    timestamp: options.timestamp ?? Date.now(),
  };
  const written: string[] = [];
  for (const [rel, text] of Object.entries(files(names, template))) {
    const file = path.join(dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(path.relative(options.root, file));
  }
  return { dir, files: written, packageName: names.pkg };
}
