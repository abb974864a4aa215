import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

/** Where `xz` and `npm start` look for the deployment when neither `--config` nor `XZ_DEPLOYMENT` says. */
export const DEFAULT_CONFIG_PATH = 'deploy/xiangzhi.yaml';

const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;
/** A package name, or a path relative to the config file (`./plugins/x`) for a vendor's local build. */
const packageRef = z
  .string()
  .min(1)
  .refine((p) => PACKAGE_NAME.test(p) || p.startsWith('./') || p.startsWith('../') || path.isAbsolute(p), {
    message: 'expected a package name such as @xiangzhi/grids, or a path starting with ./',
  });

const port = z.number().int().min(1).max(65535);

/** One subgraph of the deployment. */
export const subgraphEntrySchema = z.strictObject({
  /** Package exporting `subgraph: SubgraphModule`. */
  package: packageRef,
  /** Where the gateway reaches it in production (baked into the composed supergraph). */
  url: z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as http://grids:4001/graphql' }).optional(),
  /** Port the embedded platform (and `xz compose`, when `url` is absent) uses for it. */
  port: port.optional(),
  /** Skip (with a warning) instead of failing when the package cannot be loaded. */
  optional: z.boolean().default(false),
});

/** One installed plugin: its schema contributions and migrations become part of the graph. */
export const pluginEntrySchema = z.strictObject({
  /** Package default-exporting a `PluginDefinition`. */
  package: packageRef,
});

const pluginParams = z.record(z.string(), z.unknown());

const isoDate = z.iso.date({ error: 'expected a date YYYY-MM-DD' });

/**
 * A county's own days on top of the national holiday calendar (e.g. an ethnic holiday, or a weekend
 * day worked under a county arrangement): attendance, duty coverage and deadlines of the county use them.
 */
export const countyCalendarSchema = z.strictObject({
  /** Extra days off, each named in 中文 and English. */
  holidays: z.array(z.strictObject({ date: isoDate, zh: z.string().min(1).max(60), en: z.string().min(1).max(120) })).default([]),
  /** Extra working days. */
  workdays: z.array(z.strictObject({ date: isoDate, zh: z.string().min(1).max(60).optional(), en: z.string().min(1).max(120).optional() })).default([]),
});

/** One county: the plugins it enables and each plugin's parameters. */
export const countyEntrySchema = z.strictObject({
  name: z.string().min(1),
  /** The county's own holidays and working days (optional). */
  calendar: countyCalendarSchema.optional(),
  /** Plugin name → parameters (validated against the plugin's own zod schema by `xz check`). */
  plugins: z
    .record(z.string(), pluginParams.nullable())
    .default({})
    .transform((plugins) => Object.fromEntries(Object.entries(plugins).map(([k, v]) => [k, v ?? {}])) as Record<string, Record<string, unknown>>),
});

/** 6-digit (GB/T 2260) or 12-digit county code such as `433130` or `433130000000`. */
const countyCode = z.string().regex(/^(\d{6}|\d{6}000000)$/, {
  message: 'expected a county code: 6 digits (433130) or 12 digits ending in 000000 (433130000000)',
});

const subgraphName = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: 'expected a lowercase subgraph name (letters, digits, _)' });
const pluginName = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: 'expected a kebab-case plugin name' });

export const gatewaySchema = z.strictObject({
  port: port.default(4000),
  /** Deepest selection nesting a query may have. */
  maxDepth: z.number().int().min(1).max(100).default(12),
  /** Largest accepted request body in bytes. */
  maxBodyBytes: z.number().int().min(1024).default(1024 * 1024),
  /** Most aliased fields an operation document may have. */
  maxAliases: z.number().int().min(1).default(30),
  /** Most lexical tokens an operation document may have. */
  maxTokens: z.number().int().min(100).default(5000),
  /**
   * The cost limit: each field costs its weight (`Type.field` in `weights`, default 1), a field with
   * a `first`/`limit` argument multiplies its selection's cost by it, a list without one by
   * `defaultListSize`; an operation above `maxCost` is refused (QUERY_TOO_COMPLEX) before planning.
   */
  cost: z
    .strictObject({
      maxCost: z.number().int().min(1).default(50_000),
      defaultListSize: z.number().int().min(1).default(20),
      weights: z.record(z.string().regex(/^[A-Za-z_]\w*\.[A-Za-z_]\w*$/, { message: 'expected Type.field' }), z.number().int().min(0)).default({}),
    })
    .default({ maxCost: 50_000, defaultListSize: 20, weights: {} }),
  /** Production hardening (no introspection, no "Did you mean"); default: NODE_ENV=production. */
  production: z.boolean().optional(),
  /**
   * Trusted documents (production): the manifest file (relative to this config file) of the only
   * operations the gateway runs; others get PERSISTED_QUERY_NOT_FOUND.
   */
  trustedDocuments: z.string().min(1).optional(),
});

/** `30d`, `12h`, `90m`, `45s` (or a number of milliseconds) → milliseconds; `0` keeps events forever. */
const duration = z.union([
  z
    .string()
    .regex(/^\d+(d|h|m|s)$/, { message: 'expected a duration such as 30d, 12h, 90m or 45s' })
    .transform((v) => Number(v.slice(0, -1)) * { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 }[v.slice(-1) as 'd' | 'h' | 'm' | 's']),
  z.number().int().min(0),
]);

/**
 * The event stream on NATS JetStream (`NATS_URL`): its name, subject prefix and retention, applied
 * to the stream the deployment creates. Defaults: stream `XIANGZHI`, prefix `xz`, events kept 30
 * days, no limit on their number. A consumer can be rebuilt from the stream only as far back as it
 * retains.
 */
export const eventsSchema = z.strictObject({
  stream: z.string().regex(/^[A-Za-z0-9_-]+$/, { message: 'expected a stream name (letters, digits, _ and -)' }).default('XIANGZHI'),
  prefix: z.string().regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, { message: 'expected a subject prefix such as xz' }).default('xz'),
  maxAge: duration.default(30 * 86_400_000),
  maxMessages: z.number().int().min(1).optional(),
});

export type EventsConfig = z.output<typeof eventsSchema>;

export const deploymentConfigSchema = z.strictObject({
  subgraphs: z.record(subgraphName, subgraphEntrySchema).refine((s) => Object.keys(s).length > 0, { message: 'at least one subgraph is required' }),
  plugins: z.record(pluginName, pluginEntrySchema).nullable().default({}).transform((p) => p ?? {}),
  counties: z.record(countyCode, countyEntrySchema).nullable().default({}).transform((c) => c ?? {}),
  gateway: gatewaySchema.default({ port: 4000, maxDepth: 12, maxBodyBytes: 1024 * 1024, maxAliases: 30, maxTokens: 5000, cost: { maxCost: 50_000, defaultListSize: 20, weights: {} } }),
  events: eventsSchema.default({ stream: 'XIANGZHI', prefix: 'xz', maxAge: 30 * 86_400_000 }),
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Rules across keys, checked on whatever parts of the raw config are well-formed (so they are
 * reported together with the schema's problems): every plugin a county enables is installed, no
 * county is listed twice (6- and 12-digit forms), no two ports clash.
 */
function crossCheck(raw: unknown): string[] {
  if (!isObject(raw)) return [];
  const problems: string[] = [];
  const installed = isObject(raw.plugins) ? raw.plugins : {};
  const counties = isObject(raw.counties) ? raw.counties : {};
  const seen = new Map<string, string>();
  for (const [code, county] of Object.entries(counties)) {
    if (!/^\d{6}(000000)?$/.test(code)) continue;
    const other = seen.get(code.slice(0, 6));
    if (other !== undefined) problems.push(`counties.${code}: the same county as counties.${other}`);
    seen.set(code.slice(0, 6), code);
    const plugins = isObject(county) && isObject(county.plugins) ? county.plugins : {};
    for (const name of Object.keys(plugins)) {
      if (!(name in installed)) problems.push(`counties.${code}.plugins.${name}: plugin "${name}" is not installed (add it under plugins:) / 插件未安装`);
    }
  }
  const gateway = isObject(raw.gateway) ? raw.gateway : {};
  const gatewayPort = typeof gateway.port === 'number' ? gateway.port : 4000;
  const ports = new Map<number, string>();
  for (const [name, sg] of Object.entries(isObject(raw.subgraphs) ? raw.subgraphs : {})) {
    if (!isObject(sg) || typeof sg.port !== 'number') continue;
    const clash = sg.port === gatewayPort ? 'gateway' : ports.get(sg.port);
    if (clash) problems.push(`subgraphs.${name}.port: port ${sg.port} is already used by ${clash}`);
    ports.set(sg.port, `subgraphs.${name}`);
  }
  return problems;
}

export type DeploymentConfig = z.output<typeof deploymentConfigSchema>;
export type SubgraphEntry = z.output<typeof subgraphEntrySchema>;
export type CountyEntry = z.output<typeof countyEntrySchema>;
export type GatewayConfig = z.output<typeof gatewaySchema>;

/** The deployment config is invalid; `problems` name each bad key path (`counties.433130.name: …`). */
export class DeploymentConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`部署配置无效 (invalid deployment config) ${source}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'DeploymentConfigError';
  }
}

function keyPath(parts: readonly PropertyKey[]): string {
  return parts.length === 0 ? '(root)' : parts.map(String).join('.');
}

/** One line per problem: `key.path: what was expected`. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): string[] {
  return issues.flatMap((issue): string[] => {
    const at = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => `${keyPath([...at, k])}: unknown key / 未知的键`);
    }
    if (issue.code === 'invalid_key') {
      return issue.issues.map((inner) => `${keyPath(at)}: invalid key, ${inner.message.replace(/^Invalid input: /, '')}`);
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      return formatIssues(issue.errors[0], at);
    }
    const message = issue.message.replace(/^Invalid input: /, '').replace(/received undefined$/, 'missing');
    return [`${keyPath(at)}: ${message}`];
  });
}

/** Validates parsed YAML/JSON; throws DeploymentConfigError listing every problem. */
export function parseDeploymentConfig(raw: unknown, source = 'deployment config'): DeploymentConfig {
  const parsed = deploymentConfigSchema.safeParse(raw ?? {});
  const problems = [...(parsed.success ? [] : formatIssues(parsed.error.issues)), ...crossCheck(raw ?? {})];
  if (problems.length > 0 || !parsed.success) throw new DeploymentConfigError(source, problems);
  return parsed.data;
}

/** The config path to use: an explicit one, else `XZ_DEPLOYMENT`, else `deploy/xiangzhi.yaml` (relative to cwd). */
export function configPathFrom(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.XZ_DEPLOYMENT ?? DEFAULT_CONFIG_PATH);
}

export interface LoadedConfig {
  path: string;
  config: DeploymentConfig;
}

/** Reads a YAML (`.yaml`/`.yml`) or JSON deployment file and validates it. */
export function loadDeploymentConfig(file?: string): LoadedConfig {
  const configPath = configPathFrom(file);
  let text: string;
  try {
    text = fs.readFileSync(configPath, 'utf8');
  } catch (error) {
    throw new DeploymentConfigError(configPath, [`cannot read the file / 无法读取文件: ${(error as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = configPath.endsWith('.json') ? JSON.parse(text) : YAML.parse(text);
  } catch (error) {
    throw new DeploymentConfigError(configPath, [`not valid ${configPath.endsWith('.json') ? 'JSON' : 'YAML'} / 格式错误: ${(error as Error).message}`]);
  }
  return { path: configPath, config: parseDeploymentConfig(raw, configPath) };
}
