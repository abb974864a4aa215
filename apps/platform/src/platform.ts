import fs from 'node:fs';
import path from 'node:path';
import {
  consoleBuilt,
  configPathFrom,
  dataDirFor,
  dataRootFrom,
  databaseUrlFor,
  loadDeploymentConfig,
  resolveDeployment,
  resolveSecrets,
  serveConsole,
  startStack,
  defaultConsoleDir,
  type RunningConsole,
  type RunningStack,
  type Secrets,
  type SkippedSubgraph,
} from '@xiangzhi/deployment';
import { createLogger, Role, signUserToken, type Actor, type Logger } from '@xiangzhi/kernel';

export interface PlatformOptions {
  /** Deployment file; default `$XZ_DEPLOYMENT`, else `deploy/xiangzhi.yaml`. */
  configPath?: string;
  /** Folder holding one PGlite data folder per subgraph; default `$XZ_DATA_DIR`, else `.data`. */
  dataRoot?: string;
  /** Use this PostgreSQL database for every subgraph (a schema each) instead of `DATABASE_URL[_<SUBGRAPH>]`. */
  databaseUrl?: string;
  /** Gateway port; default `$PORT`, else the config's `gateway.port` (4000). 0 picks a free port. */
  port?: number;
  /** Gateway interface; default `$HOST`, else 127.0.0.1. */
  host?: string;
  /**
   * Port of the county console (`apps/console`, served when built): default the gateway's port + 80
   * (4080), or a free port when the gateway's is 0. The console forwards /graphql to the gateway.
   */
  consolePort?: number;
  /** The console's built files (default `apps/console/dist`); serve none when they are missing. */
  consoleDir?: string;
  /** Load the idempotent demo data (default true). */
  seed?: boolean;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** Where a subgraph keeps its data. */
export interface SubgraphStorage {
  subgraph: string;
  kind: 'pglite' | 'postgres';
  /** The PGlite folder, or the PostgreSQL schema. */
  location: string;
}

export interface DevelopmentToken {
  label: string;
  actor: Actor;
  token: string;
}

export interface RunningPlatform extends RunningStack {
  configPath: string;
  secrets: Secrets;
  storage: SubgraphStorage[];
  skipped: SkippedSubgraph[];
  /** Ready-to-use development tokens (only when the development secrets are in use, or always outside production). */
  tokens: DevelopmentToken[];
  /** The county console, when it is built. */
  console: RunningConsole | null;
}

/**
 * The development actors `npm start` prints tokens for: a county administrator of 龙山县, a village
 * cadre of its first demo village, and a read-only auditor for all of 湖南省.
 */
export const DEVELOPMENT_ACTORS: readonly { label: string; actor: Actor }[] = [
  {
    label: '县级管理员 county admin, 龙山县 433130000000',
    actor: { id: 'dev-county-admin-433130', name: '龙山县管理员', roles: [Role.COUNTY_ADMIN], scope: '433130000000' },
  },
  {
    label: '村干部 village cadre, 龙山县 433130101200',
    actor: { id: 'dev-village-cadre-433130101200', name: '村干部', roles: [Role.VILLAGE_CADRE], scope: '433130101200' },
  },
  {
    label: '审计（只读）auditor, read-only, 湖南省 430000000000',
    actor: { id: 'dev-auditor-430000', name: '审计员', roles: [Role.AUDITOR], scope: '430000000000' },
  },
];

function portFrom(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, got ${value}`);
  return port;
}

/**
 * Boots the whole platform in this process (what `npm start` runs): reads the deployment, loads its
 * packages, boots every subgraph on its own embedded PGlite data folder (`<dataRoot>/<subgraph>`,
 * kept between runs) or on PostgreSQL when `DATABASE_URL` is set, applies migrations, loads the demo
 * data one subgraph after the other in the deployment's order (relaying and consuming the events of
 * each before the next), composes the supergraph and starts the gateway.
 */
export async function bootPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const env = options.env ?? process.env;
  const logger = options.logger ?? createLogger('platform');
  const { path: configPath, config } = loadDeploymentConfig(configPathFrom(options.configPath, env));
  const deployment = resolveDeployment(config, { baseDir: path.dirname(configPath), logger });
  const secrets = resolveSecrets({ embedded: true, env });
  if (secrets.source === 'development') logger.warn('XZ_JWT_SECRET / XZ_INTERNAL_SECRET not set: using the development secrets');
  const dataRoot = options.dataRoot ? path.resolve(options.dataRoot) : dataRootFrom(env);
  const storage: SubgraphStorage[] = [];
  const subgraphs = deployment.subgraphs.map((sg) => {
    const databaseUrl = options.databaseUrl ?? databaseUrlFor(sg.name, env);
    if (databaseUrl) {
      storage.push({ subgraph: sg.name, kind: 'postgres', location: `schema "${sg.name}"` });
      return { module: sg.module, port: sg.port, databaseUrl };
    }
    const dataDir = dataDirFor(dataRoot, sg.name);
    fs.mkdirSync(dataDir, { recursive: true });
    storage.push({ subgraph: sg.name, kind: 'pglite', location: dataDir });
    return { module: sg.module, port: sg.port, dataDir };
  });
  const port = options.port ?? portFrom(env.PORT, 'PORT') ?? config.gateway.port;
  const tokens =
    env.NODE_ENV === 'production'
      ? []
      : DEVELOPMENT_ACTORS.map(({ label, actor }) => ({ label, actor, token: signUserToken(actor, { secret: secrets.jwtSecret }) }));
  const stack = await startStack({
    subgraphs,
    plugins: deployment.plugins,
    countyParams: deployment.countyParams,
    calendar: deployment.calendar,
    jwtSecret: secrets.jwtSecret,
    internalSecret: secrets.internalSecret,
    seed: options.seed ?? true,
    // NATS_URL: the subgraphs' events go to NATS JetStream; without it, to an in-process bus
    natsUrl: env.NATS_URL || undefined,
    eventStream: { stream: config.events.stream, prefix: config.events.prefix, maxAgeMs: config.events.maxAge, maxMessages: config.events.maxMessages },
    gateway: {
      port,
      host: options.host ?? env.HOST,
      limits: {
        maxDepth: config.gateway.maxDepth,
        maxBodyBytes: config.gateway.maxBodyBytes,
        maxAliases: config.gateway.maxAliases,
        maxTokens: config.gateway.maxTokens,
        cost: config.gateway.cost,
      },
      production: config.gateway.production ?? env.NODE_ENV === 'production',
      trustedDocuments: config.gateway.trustedDocuments && path.resolve(path.dirname(configPath), config.gateway.trustedDocuments),
      // the explorer's header editor starts with the first development token (the county administrator)
      explorerToken: tokens[0]?.token,
    },
    logger,
  });
  const consoleDir = options.consoleDir ?? defaultConsoleDir();
  let served: RunningConsole | null = null;
  if (consoleBuilt(consoleDir)) {
    try {
      served = await serveConsole({ dir: consoleDir, gatewayUrl: stack.url, port: options.consolePort ?? (port === 0 ? 0 : port + 80), host: options.host ?? env.HOST, logger });
    } catch (error) {
      await stack.stop();
      throw error;
    }
  } else {
    logger.warn({ consoleDir }, 'the county console is not built (npm run build): not served');
  }
  const stop = async () => {
    await served?.close();
    await stack.stop();
  };
  return { ...stack, stop, configPath, secrets, storage, skipped: deployment.skipped, tokens, console: served };
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function shown(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

const SAMPLE_QUERY = '{ region(code: \\"433130000000\\") { name level children { code name level stats { households residents grids } } } }';
/** Grids and personnel in one query (a featured demo village: its cadres and posts, its grids and their Party branches). */
const JOIN_QUERY = '{ region(code: \\"433130101200\\") { name cadres { name posts { title } } grids { name partyBranch { name } } } }';

/** What `npm start` prints once everything listens. */
export function banner(platform: RunningPlatform): string {
  const publicUrl = platform.url.replace('//127.0.0.1:', '//localhost:');
  const base = publicUrl.replace(/\/graphql$/, '');
  const lines = [
    '',
    '乡治 xiangzhi is running',
    `  GraphQL   ${publicUrl}`,
    `  health    ${base}/healthz   readiness ${base}/readyz`,
    ...(platform.console ? [`  console   ${platform.console.url.replace('//127.0.0.1:', '//localhost:')}   (县级控制台 county console: log in with a token below)`] : []),
    `  config    ${shown(platform.configPath)}`,
    '  subgraphs',
    ...Object.values(platform.subgraphs).map((sg) => {
      const s = platform.storage.find((x) => x.subgraph === sg.name);
      return `    ${sg.name.padEnd(10)} ${sg.url}  (${s?.kind === 'pglite' ? `PGlite ${shown(s.location)}` : `PostgreSQL ${s?.location ?? ''}`})`;
    }),
    ...platform.skipped.map((s) => `    ${s.name.padEnd(10)} skipped (optional): ${s.reason}`),
  ];
  if (platform.tokens.length > 0) {
    lines.push('', `Development tokens (valid 12 h${platform.secrets.source === 'development' ? '; development secrets, never use them in production' : ''}):`);
    for (const t of platform.tokens) lines.push(`  ${t.label}`, `    ${t.token}`);
    lines.push(
      '',
      'Try it:',
      `  TOKEN=${platform.tokens[0].token}`,
      `  curl -s ${publicUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`,
      `    -d '{"query":"${SAMPLE_QUERY}"}'`,
      ...(platform.subgraphs.personnel
        ? ['', 'Grids and personnel in one query:', `  curl -s ${publicUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`, `    -d '{"query":"${JOIN_QUERY}"}'`]
        : []),
      '',
      'More tokens: npm run xz -- token --role VILLAGE_CADRE --scope 433130101200',
    );
  }
  lines.push('Stop with Ctrl+C (data is kept).', '');
  return lines.join('\n');
}
