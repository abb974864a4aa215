#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  actorSchema,
  createEventBus,
  DatabaseOpenError,
  DataFolderLockedError,
  CsvSyntaxError,
  formatImportProblem,
  formatImportProgress,
  ImportRefusedError,
  parseColumnMap,
  Role,
  scopeFitsRoles,
  signUserToken,
  startSubgraph,
  startTracing,
  stopOnSignals,
  XlsxInputError,
  type Logger,
  type RunningSubgraph,
} from '@xiangzhi/kernel';
import { checkDeployment, formatCheckReport } from './check';
import { composeDeployment, CompositionError } from './compose';
import { configPathFrom, DeploymentConfigError, loadDeploymentConfig, type EventsConfig } from './config';
import { backupDatabase, BackupError, restoreDatabase } from './backup';
import { dataDirFor, dataRootFrom, databaseUrlFor, migrateSubgraph, verifySubgraphAudit } from './database';
import { DeploymentLoadError, resolveDeployment } from './load';
import { importerFor, importIntoSubgraph, importKinds } from './import';
import { generatePlugin } from './plugin-generator';
import { createReadableLogger } from './readable-log';
import { resolveSecrets, SecretsError } from './secrets';
import { seedInOrder } from './stack';
import { consumerNamesOf, deadLettersOf, replayDeadLettersOf, resetConsumerOf } from './events-admin';
import { counterSetsOf, rebuildCountersOf } from './stats-admin';

/** Where the CLI writes; tests pass their own. */
export interface CliIO {
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/** A failure the CLI reports as a readable message and exit code 1 (no stack trace). */
class CliFailure extends Error {}

const READABLE_ERRORS = [DataFolderLockedError, DeploymentConfigError, DeploymentLoadError, CompositionError, SecretsError, BackupError, DatabaseOpenError, CliFailure];

function cliLogger(env: NodeJS.ProcessEnv, stderr: (text: string) => void): Logger {
  // logs go to stderr so that `xz compose` and `xz token` can be piped
  return createReadableLogger('xz', { write: stderr, env });
}

function loadResolved(configFile: string | undefined, env: NodeJS.ProcessEnv, logger: Logger) {
  const loaded = loadDeploymentConfig(configPathFrom(configFile, env));
  const deployment = resolveDeployment(loaded.config, { baseDir: path.dirname(loaded.path), logger });
  return { ...loaded, deployment };
}

/** Builds the `xz` program; `runCli` runs it. */
function buildProgram(io: Required<Pick<CliIO, 'stdout' | 'stderr'>> & { env: NodeJS.ProcessEnv; logger: Logger }): { program: Command; failed: () => boolean } {
  const { stdout, stderr, env, logger } = io;
  let failed = false;
  const program = new Command('xz')
    .description('乡治 deployment CLI: compose, check, migrate, seed, import, serve, backup, restore, audit verify, events, token, plugin new')
    .exitOverride()
    .configureOutput({ writeOut: stdout, writeErr: stderr })
    .showHelpAfterError();
  /** The event bus of a command: NATS JetStream at `NATS_URL` with the deployment's stream and retention, else in process. */
  const eventBusOf = (events: EventsConfig) =>
    createEventBus({
      natsUrl: env.NATS_URL || undefined,
      stream: events.stream,
      prefix: events.prefix,
      maxAgeMs: events.maxAge,
      maxMessages: events.maxMessages,
      logger: logger.child({ component: 'events' }),
    });
  const configOption = () =>
    new Option('-c, --config <file>', 'deployment config (YAML or JSON); default $XZ_DEPLOYMENT or deploy/xiangzhi.yaml');

  program
    .command('compose')
    .description('compose the supergraph SDL from every subgraph of the deployment (no database needed)')
    .addOption(configOption())
    .option('-o, --out <file>', 'write the supergraph to this file instead of stdout')
    .action(async (opts: { config?: string; out?: string }) => {
      const { deployment } = loadResolved(opts.config, env, logger);
      const { supergraphSdl, services } = await composeDeployment(deployment);
      if (opts.out) {
        fs.mkdirSync(path.dirname(path.resolve(opts.out)), { recursive: true });
        fs.writeFileSync(opts.out, supergraphSdl);
        stderr(`已写入超图 (supergraph written) ${opts.out}: ${services.map((s) => `${s.name} → ${s.url}`).join(', ')}\n`);
      } else {
        stdout(supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`);
      }
    });

  program
    .command('check')
    .description('validate the config, every plugin’s county parameters, and composition')
    .addOption(configOption())
    .action(async (opts: { config?: string }) => {
      const report = await checkDeployment(configPathFrom(opts.config, env), logger);
      (report.ok ? stdout : stderr)(formatCheckReport(report));
      failed ||= !report.ok;
    });

  const databaseCommand = (name: 'migrate' | 'seed', description: string, seed: boolean) =>
    program
      .command(name)
      .description(description)
      .addOption(configOption())
      .option('-s, --subgraph <names...>', 'only these subgraphs (default: all of the deployment)')
      .option('--data-dir <dir>', 'folder of the PGlite data folders when DATABASE_URL is not set (default $XZ_DATA_DIR or .data)')
      .action(async (opts: { config?: string; subgraph?: string[]; dataDir?: string }) => {
        const loaded = loadResolved(opts.config, env, logger);
        const { deployment } = loaded;
        const wanted = opts.subgraph;
        const unknown = (wanted ?? []).filter((n) => !deployment.subgraphs.some((s) => s.name === n));
        if (unknown.length > 0) throw new CliFailure(`--subgraph: 部署中没有子图 (not in the deployment): ${unknown.join(', ')}`);
        const root = opts.dataDir ? path.resolve(opts.dataDir) : dataRootFrom(env);
        if (seed) {
          await seedDeployment(loaded, root, wanted);
          return;
        }
        for (const sg of deployment.subgraphs.filter((s) => !wanted || wanted.includes(s.name))) {
          const databaseUrl = databaseUrlFor(sg.name, env);
          const where = databaseUrl ? `PostgreSQL schema "${sg.name}"` : `PGlite ${dataDirFor(root, sg.name)}`;
          const applied = await migrateSubgraph(sg.module, {
            databaseUrl,
            dataDir: databaseUrl ? undefined : dataDirFor(root, sg.name),
            plugins: deployment.plugins,
            countyParams: deployment.countyParams,
            seed,
            logger: logger.child({ subgraph: sg.name }),
          });
          stdout(`${sg.name}: ${applied.length} migration(s) applied${seed ? ', demo data loaded' : ''} (${where})\n`);
        }
      });
  /**
   * `xz seed`: boots every subgraph of the deployment (migrating it), then seeds the wanted ones one
   * after the other in the deployment's order, relaying every outbox and draining every consumer after
   * each, so that a subgraph seeded later sees the earlier ones' events (personnel needs grids' regions).
   */
  const seedDeployment = async ({ deployment, config }: ReturnType<typeof loadResolved>, root: string, wanted: string[] | undefined) => {
    const applied = new Map<string, number>();
    for (const sg of deployment.subgraphs) {
      const databaseUrl = databaseUrlFor(sg.name, env);
      const migrations = await migrateSubgraph(sg.module, {
        databaseUrl,
        dataDir: databaseUrl ? undefined : dataDirFor(root, sg.name),
        plugins: deployment.plugins,
        countyParams: deployment.countyParams,
        logger: logger.child({ subgraph: sg.name }),
      });
      applied.set(sg.name, migrations.length);
    }
    const events = await eventBusOf(config.events);
    const running: RunningSubgraph[] = [];
    try {
      for (const sg of deployment.subgraphs) {
        const databaseUrl = databaseUrlFor(sg.name, env);
        running.push(
          await startSubgraph(sg.module, {
            events,
            internalSecret: resolveSecrets({ embedded: true, env }).internalSecret,
            databaseUrl,
            dataDir: databaseUrl ? undefined : dataDirFor(root, sg.name),
            plugins: deployment.plugins,
            countyParams: deployment.countyParams,
            calendar: deployment.calendar,
            host: '127.0.0.1',
            runJobs: false,
            stopOnTerminationSignals: false,
            logger: logger.child({ subgraph: sg.name }),
          }),
        );
      }
      await seedInOrder(running, logger, wanted);
      for (const sg of running) {
        if (wanted && !wanted.includes(sg.name)) continue;
        const databaseUrl = databaseUrlFor(sg.name, env);
        const where = databaseUrl ? `PostgreSQL schema "${sg.name}"` : `PGlite ${dataDirFor(root, sg.name)}`;
        stdout(`${sg.name}: ${applied.get(sg.name) ?? 0} migration(s) applied, demo data loaded (${where})\n`);
      }
    } finally {
      for (const sg of running.reverse()) await sg.stop().catch((err: unknown) => logger.error({ err, subgraph: sg.name }, 'subgraph did not stop cleanly'));
      await events.close();
    }
  };
  databaseCommand('migrate', 'apply pending migrations of each subgraph (DATABASE_URL[_<SUBGRAPH>] or the PGlite data folder)', false);
  databaseCommand('seed', 'migrate, then load the idempotent demo data of each subgraph and enabled plugin', true);

  program
    .command('serve')
    .description('run one subgraph as its own process (production): migrations, jobs, HTTP on --port; stops on SIGINT/SIGTERM')
    .addOption(configOption())
    .requiredOption('-s, --subgraph <name>', 'the subgraph to serve')
    .option('-p, --port <port>', 'port (default $PORT, else the port of its url in the config)')
    .option('--host <host>', 'address to listen on (default $HOST or 0.0.0.0)')
    .option('--data-dir <dir>', 'folder of the PGlite data folders when DATABASE_URL is not set (default $XZ_DATA_DIR or .data)')
    .action(async (opts: { config?: string; subgraph: string; port?: string; host?: string; dataDir?: string }) => {
      const { deployment, config } = loadResolved(opts.config, env, logger);
      const sg = deployment.subgraphs.find((s) => s.name === opts.subgraph);
      if (!sg) throw new CliFailure(`--subgraph: 部署中没有子图 (not in the deployment): ${opts.subgraph}`);
      const urlPort = sg.url ? Number(new URL(sg.url).port) || undefined : undefined;
      const port = Number(opts.port ?? env.PORT ?? sg.port ?? urlPort ?? 0);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliFailure(`--port: 端口无效 (invalid port) ${String(opts.port ?? env.PORT)}`);
      const secrets = resolveSecrets({ embedded: false, env });
      const databaseUrl = databaseUrlFor(sg.name, env);
      const root = opts.dataDir ? path.resolve(opts.dataDir) : dataRootFrom(env);
      if (!databaseUrl) fs.mkdirSync(dataDirFor(root, sg.name), { recursive: true });
      // NATS_URL: publish the subgraph's events on NATS JetStream; without it they stay in this process
      const events = await eventBusOf(config.events);
      // OTEL_TRACES_EXPORTER / OTEL_EXPORTER_OTLP_ENDPOINT: OpenTelemetry traces (off by default)
      const tracing = startTracing({ serviceName: sg.name, env });
      const running = await startSubgraph(sg.module, {
        events,
        internalSecret: secrets.internalSecret,
        previousInternalSecret: secrets.previousInternalSecret,
        databaseUrl,
        dataDir: databaseUrl ? undefined : dataDirFor(root, sg.name),
        plugins: deployment.plugins,
        countyParams: deployment.countyParams,
        calendar: deployment.calendar,
        port,
        host: opts.host ?? env.HOST ?? '0.0.0.0',
        stopOnTerminationSignals: false,
        logger: logger.child({ subgraph: sg.name }),
      }).catch(async (error: unknown) => {
        await events.close();
        throw error;
      });
      stdout(`${sg.name}: ${running.url}\n`);
      const stop = async () => {
        try {
          await running.stop();
        } finally {
          await events.close();
          await tracing?.shutdown();
        }
      };
      stopOnSignals(stop, logger, `subgraph ${sg.name}`);
    });

  program
    .command('import')
    .description('bulk-import a CSV register (households, residents…) into its subgraph: every row checked first, then committed batches; a rerun after an interruption resumes')
    .argument('<kind>', 'what the file holds, e.g. households or residents')
    .argument('<file>', 'CSV file (UTF-8, header row first) or XLSX workbook (first sheet, or --sheet)')
    .requiredOption('--county <code>', '12-digit county code the rows belong to, e.g. 520502000000')
    .option('--map <mapping>', 'the county’s column names mapped to ours: 姓名=name,身份证号=idNumber,… (the usual Chinese headers are known)')
    .option('--sheet <name>', 'XLSX: the sheet to read, by name or position (default the first sheet)')
    .option('--database-url <url>', 'PostgreSQL connection string (default DATABASE_URL[_<SUBGRAPH>], else the PGlite data folder)')
    .option('--batch-size <rows>', 'rows per committed batch (default 10000)')
    .addOption(configOption())
    .option('--data-dir <dir>', 'folder of the PGlite data folders when no database URL is given (default $XZ_DATA_DIR or .data)')
    .action(async (kind: string, file: string, opts: { county: string; map?: string; sheet?: string; databaseUrl?: string; batchSize?: string; config?: string; dataDir?: string }) => {
      const { deployment } = loadResolved(opts.config, env, logger);
      if (!fs.existsSync(file)) throw new CliFailure(`文件不存在 (no such file): ${file}`);
      const found = importerFor(deployment.subgraphs, kind);
      if (!found) throw new CliFailure(`没有可导入的“${kind}” (nothing imports ${kind}); 可导入 (kinds): ${importKinds(deployment.subgraphs).join(', ') || 'none'}`);
      if (!/^\d{6}000000$/.test(opts.county) || opts.county.endsWith('000000000')) throw new CliFailure(`--county: 需要12位县级区划代码 (a 12-digit county code such as 520502000000): ${opts.county}`);
      const batchSize = opts.batchSize === undefined ? undefined : Number(opts.batchSize);
      if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw new CliFailure('--batch-size: 需要正整数 (expected a positive number of rows)');
      let map: Record<string, string>;
      try {
        map = parseColumnMap(opts.map);
      } catch (error) {
        throw new CliFailure(`--map: ${(error as Error).message}`);
      }
      const name = found.subgraph.name;
      const databaseUrl = opts.databaseUrl || databaseUrlFor(name, env);
      const root = opts.dataDir ? path.resolve(opts.dataDir) : dataRootFrom(env);
      try {
        const result = await importIntoSubgraph({
          module: found.subgraph.module,
          importer: found.importer,
          file: path.resolve(file),
          sheet: opts.sheet,
          countyCode: opts.county,
          map,
          databaseUrl,
          dataDir: databaseUrl ? undefined : dataDirFor(root, name),
          plugins: deployment.plugins,
          batchSize,
          onProgress: (p) => stderr(`${formatImportProgress(p)}\n`),
          logger: logger.child({ subgraph: name }),
        });
        const resumed = result.resumedFrom > 0 ? `, resumed after ${result.resumedFrom} rows committed earlier` : '';
        const rate = Math.round(result.written / Math.max(result.checkSeconds + result.writeSeconds, 0.001));
        stdout(
          `${name}: ${kind} ${result.written} of ${result.rows} rows written in ${result.batches} batch(es)${resumed} ` +
            `(check ${result.checkSeconds.toFixed(1)} s, write ${result.writeSeconds.toFixed(1)} s, ${rate} rows/s)\n`,
        );
      } catch (error) {
        if (error instanceof ImportRefusedError) {
          for (const p of error.problems) stderr(`${formatImportProblem(p)}\n`);
          throw new CliFailure(`导入被拒绝，${error.problems.length}行有误，未写入任何数据 (import refused, ${error.problems.length} bad row(s), nothing written): ${file}`);
        }
        if (error instanceof CsvSyntaxError) throw new CliFailure(`CSV第${error.line}行格式错误 (CSV line ${error.line} is malformed): ${error.zh} / ${error.en}`);
        if (error instanceof XlsxInputError) throw new CliFailure(`${error.zh} / ${error.en}`);
        throw error;
      }
    });

  program
    .command('backup')
    .description('back up a PGlite data folder (stopped) or a PostgreSQL database (pg_dump) to one file')
    .argument('<source>', 'a subgraph\'s PGlite data folder (e.g. .data/grids) or a postgres:// URL')
    .requiredOption('-o, --out <file>', 'the backup file to write')
    .option('--schema <names...>', 'PostgreSQL: only these schemas (one per subgraph), default the whole database')
    .action(async (source: string, opts: { out: string; schema?: string[] }) => {
      const result = await backupDatabase(source, opts.out, { schemas: opts.schema, logger });
      stdout(`已备份 (backed up) ${result.kind} → ${result.file} (${result.bytes} bytes); restore: xz restore ${opts.out} --to <new folder|postgres://…>\n`);
    });

  program
    .command('restore')
    .description('restore a backup of xz backup into a new PGlite data folder or into a PostgreSQL database (one transaction)')
    .argument('<file>', 'the backup file')
    .requiredOption('--to <target>', 'an absent or empty folder (PGlite backup) or a postgres:// URL (PostgreSQL backup)')
    .action(async (file: string, opts: { to: string }) => {
      const { kind } = await restoreDatabase(file, opts.to);
      stdout(`已恢复 (restored) ${kind} backup ${file} → ${kind === 'postgres' ? 'the database' : path.resolve(opts.to)}; check it: xz audit verify\n`);
    });

  program
    .command('audit')
    .description('the append-only audit log')
    .command('verify')
    .description('recompute every subgraph\'s audit hash chain and report the first altered, unlinked or missing rows')
    .addOption(configOption())
    .option('-s, --subgraph <names...>', 'only these subgraphs (default: all of the deployment)')
    .option('--data-dir <dir>', 'folder of the PGlite data folders when DATABASE_URL is not set (default $XZ_DATA_DIR or .data)')
    .action(async (opts: { config?: string; subgraph?: string[]; dataDir?: string }) => {
      const { deployment } = loadResolved(opts.config, env, logger);
      const unknown = (opts.subgraph ?? []).filter((n) => !deployment.subgraphs.some((s) => s.name === n));
      if (unknown.length > 0) throw new CliFailure(`--subgraph: 部署中没有子图 (not in the deployment): ${unknown.join(', ')}`);
      const root = opts.dataDir ? path.resolve(opts.dataDir) : dataRootFrom(env);
      for (const sg of deployment.subgraphs.filter((s) => !opts.subgraph || opts.subgraph.includes(s.name))) {
        const databaseUrl = databaseUrlFor(sg.name, env);
        const report = await verifySubgraphAudit(sg.module, {
          databaseUrl,
          dataDir: databaseUrl ? undefined : dataDirFor(root, sg.name),
          plugins: deployment.plugins,
          logger: logger.child({ subgraph: sg.name }),
        });
        if (report.ok) {
          stdout(`${sg.name}: 审计链完整 (audit chain intact): ${report.rows} row(s), head #${report.head.seq} ${report.head.hash}\n`);
          continue;
        }
        failed = true;
        const problems = report.breaks.map((b) => `  row #${b.seq} (id ${b.id}): ${b.reason}`);
        if (report.truncated) problems.push(`  the last rows up to #${report.head.seq} are missing`);
        stderr(`${sg.name}: 审计链被篡改 (audit chain broken):\n${problems.join('\n')}\n`);
      }
    });

  const events = program.command('events').description('event consumers: dead letters, replay, rebuild (DATABASE_URL[_<SUBGRAPH>] or the PGlite data folders)');
  /** The databases of the deployment's subgraphs (or of the one named) for `events` and `stats` commands. */
  const subgraphTargets = (opts: { config?: string; subgraph?: string; dataDir?: string }) => {
    const { deployment } = loadResolved(opts.config, env, logger);
    if (opts.subgraph && !deployment.subgraphs.some((s) => s.name === opts.subgraph)) {
      throw new CliFailure(`--subgraph: 部署中没有子图 (not in the deployment): ${opts.subgraph}`);
    }
    const root = opts.dataDir ? path.resolve(opts.dataDir) : dataRootFrom(env);
    return deployment.subgraphs
      .filter((sg) => !opts.subgraph || sg.name === opts.subgraph)
      .map((sg) => {
        const databaseUrl = databaseUrlFor(sg.name, env);
        return {
          name: sg.name,
          consumers: consumerNamesOf({ module: sg.module, plugins: deployment.plugins }),
          target: {
            module: sg.module,
            plugins: deployment.plugins,
            countyParams: deployment.countyParams,
            calendar: deployment.calendar,
            databaseUrl,
            dataDir: databaseUrl ? undefined : dataDirFor(root, sg.name),
            logger: logger.child({ subgraph: sg.name }),
          },
        };
      });
  };
  /** The subgraphs of the deployment an `events` command works on (those with consumers, or the one named). */
  const eventTargets = (opts: { config?: string; subgraph?: string; consumer?: string; dataDir?: string }) => {
    const targets = subgraphTargets(opts).filter((t) => t.consumers.length > 0 && (!opts.consumer || t.consumers.includes(opts.consumer)));
    if (opts.consumer && targets.length === 0) {
      throw new CliFailure(`--consumer: 没有这个事件消费者 (no such consumer${opts.subgraph ? ` in subgraph ${opts.subgraph}` : ''}): ${opts.consumer}`);
    }
    return targets;
  };
  const eventOptions = (cmd: Command) =>
    cmd
      .addOption(configOption())
      .option('-s, --subgraph <name>', 'only this subgraph')
      .option('--consumer <name>', 'only this consumer')
      .option('--data-dir <dir>', 'folder of the PGlite data folders when DATABASE_URL is not set (default $XZ_DATA_DIR or .data)');

  eventOptions(events.command('dead').description('list the dead letters and the events held behind them, oldest first')).action(
    async (opts: { config?: string; subgraph?: string; consumer?: string; dataDir?: string }) => {
      let count = 0;
      for (const t of eventTargets(opts)) {
        const dead = await deadLettersOf(t.target, { consumer: opts.consumer });
        for (const d of dead) {
          count += 1;
          const what = d.heldBehind ? `held behind ${d.heldBehind}` : `${d.attempts} attempt(s): ${d.lastError}`;
          stdout(`${t.name}\t#${d.id}\t${d.consumer}\t${d.eventId}\t${d.subject}\taggregate ${d.aggregate}\t${what}\t${d.lastFailedAt.toISOString()}\n`);
        }
      }
      stderr(count === 0 ? '没有死信 (no dead letters)\n' : `${count} 条死信 (dead letter(s)); replay: xz events replay --id <#> | --all\n`);
    },
  );

  eventOptions(events.command('replay').description('re-apply dead letters in order; the events held behind one follow it'))
    .option('--id <ids...>', 'dead-letter numbers (#) from `xz events dead`')
    .option('--all', 'every dead letter (of --subgraph / --consumer)')
    .action(async (opts: { config?: string; subgraph?: string; consumer?: string; dataDir?: string; id?: string[]; all?: boolean }) => {
      const ids = (opts.id ?? []).flatMap((i) => i.split(',')).map((i) => i.trim().replace(/^#/, ''));
      if (ids.some((i) => !/^\d+$/.test(i))) throw new CliFailure(`--id: 需要死信编号 (expected dead-letter numbers such as 12): ${ids.join(' ')}`);
      if (!opts.all && ids.length === 0) throw new CliFailure('需要 --id 或 --all (say which dead letters: --id <#…> or --all)');
      if (opts.all && ids.length > 0) throw new CliFailure('--id 与 --all 只能选一个 (give either --id or --all)');
      let failed = 0;
      for (const t of eventTargets(opts)) {
        const result = await replayDeadLettersOf(t.target, { all: opts.all, ids: ids.map(Number), consumer: opts.consumer });
        if (result.applied + result.failed + result.skipped === 0) continue;
        failed += result.failed;
        stdout(`${t.name}: ${result.applied} applied, ${result.failed} failed again, ${result.skipped} skipped (consumer not in this subgraph)\n`);
      }
      if (failed > 0) throw new CliFailure(`${failed} 条事件再次失败，仍在死信中 (event(s) failed again and stay dead): xz events dead`);
    });

  events
    .command('rebuild')
    .description('empty a consumer\'s projection, forget its position and processed ids; it consumes again from the beginning when the subgraph next starts')
    .addOption(configOption())
    .requiredOption('-s, --subgraph <name>', 'the subgraph the consumer runs in')
    .requiredOption('--consumer <name>', 'the consumer')
    .option('--data-dir <dir>', 'folder of the PGlite data folders when DATABASE_URL is not set (default $XZ_DATA_DIR or .data)')
    .action(async (opts: { config?: string; subgraph: string; consumer: string; dataDir?: string }) => {
      const [t] = eventTargets(opts);
      await resetConsumerOf(t.target, opts.consumer);
      stdout(`${t.name}: consumer ${opts.consumer} reset; it consumes every event again from the beginning when ${t.name} next starts\n`);
    });

  program
    .command('stats')
    .description('counters the databases keep with every write (households, residents, grids per region)')
    .command('rebuild')
    .description('recompute every counter from a full count, in one transaction per subgraph (writes to what is counted wait until it commits)')
    .addOption(configOption())
    .option('-s, --subgraph <name>', 'only this subgraph')
    .option('--data-dir <dir>', 'folder of the PGlite data folders when DATABASE_URL is not set (default $XZ_DATA_DIR or .data)')
    .action(async (opts: { config?: string; subgraph?: string; dataDir?: string }) => {
      const targets = subgraphTargets(opts).filter((t) => counterSetsOf(t.target).length > 0);
      if (opts.subgraph && targets.length === 0) throw new CliFailure(`--subgraph: 子图 ${opts.subgraph} 没有计数 (keeps no counters)`);
      for (const t of targets) {
        const started = Date.now();
        const sets = await rebuildCountersOf(t.target, (p) => stderr(`${t.name} ${p.set}: ${p.label} ${p.done}/${p.total} (${p.ms} ms)\n`));
        stdout(`${t.name}: ${sets.join(', ')} rebuilt from a full count in ${Date.now() - started} ms\n`);
      }
    });

  program
    .command('token')
    .description('issue a development JWT (secret: $XZ_JWT_SECRET, or the development default outside production)')
    .requiredOption('-r, --role <roles...>', `role(s): ${Object.values(Role).join(', ')}`)
    .requiredOption('-s, --scope <code>', '12-digit region code the actor may see and act in, e.g. 433130000000')
    .option('--id <id>', 'actor id (default dev-<role>-<scope>)')
    .option('--name <name>', 'display name')
    .option('--resident-id <id>', 'for RESIDENT: the resident record the actor is')
    .option('--expires-in <seconds>', 'lifetime in seconds (default 43200 = 12 h)')
    .action((opts: { role: string[]; scope: string; id?: string; name?: string; residentId?: string; expiresIn?: string }) => {
      const roles = opts.role.flatMap((r) => r.split(',')).map((r) => r.trim().toUpperCase()).filter(Boolean);
      const actor = actorSchema.safeParse({
        id: opts.id ?? `dev-${roles[0]?.toLowerCase() ?? 'user'}-${opts.scope}`,
        name: opts.name,
        roles,
        scope: opts.scope,
        residentId: opts.residentId,
      });
      if (!actor.success) {
        const problems = actor.error.issues.map((i) => `--${i.path[0] === 'roles' ? 'role' : String(i.path[0])}: ${i.message.replace(/^Invalid input: /, '')}`);
        throw new CliFailure(`令牌参数无效 (invalid token options):\n  - ${problems.join('\n  - ')}`);
      }
      // the gateway refuses a token whose roles may not hold its scope (ROLE_SCOPE_NOT_ALLOWED): do not issue one
      if (!scopeFitsRoles(actor.data)) {
        throw new CliFailure(`--scope: 角色 ${roles.join(', ')} 不能持有该层级的辖区 (these roles may not hold a scope this broad): ${opts.scope}`);
      }
      const expiresInSeconds = opts.expiresIn === undefined ? undefined : Number(opts.expiresIn);
      if (expiresInSeconds !== undefined && !(Number.isInteger(expiresInSeconds) && expiresInSeconds > 0)) {
        throw new CliFailure('--expires-in: 需要正整数秒 (expected a positive number of seconds)');
      }
      const secrets = resolveSecrets({ embedded: true, env });
      stdout(`${signUserToken(actor.data, { secret: secrets.jwtSecret, expiresInSeconds })}\n`);
    });

  program
    .command('plugin')
    .description('plugin development')
    .command('new')
    .description('scaffold a county plugin under plugins/<name> that builds, lints and passes its tests as generated')
    .argument('<name>', 'kebab-case plugin name, e.g. acme-duty')
    .addOption(new Option('--subgraph <name>', 'subgraph whose extension point the example policy implements').choices(['personnel', 'grids']).default('personnel'))
    .option('--package <name>', 'npm package name (default @xiangzhi/<name>)')
    .option('--title-zh <text>', '中文名称')
    .option('--title-en <text>', 'English title')
    .option('--root <dir>', 'monorepo root (default: the working directory)')
    .action((name: string, opts: { subgraph: 'personnel' | 'grids'; package?: string; titleZh?: string; titleEn?: string; root?: string }) => {
      const root = path.resolve(opts.root ?? process.cwd());
      if (!fs.existsSync(path.join(root, 'plugins')) && !fs.existsSync(path.join(root, 'nx.json'))) {
        throw new CliFailure(`不是乡治仓库根目录 (not a xiangzhi monorepo root, no nx.json or plugins/): ${root}`);
      }
      let generated;
      try {
        generated = generatePlugin({ name, subgraph: opts.subgraph, root, packageName: opts.package, titleZh: opts.titleZh, titleEn: opts.titleEn });
      } catch (error) {
        throw new CliFailure((error as Error).message);
      }
      stdout(
        [
          `created ${path.relative(root, generated.dir)} (${generated.packageName}):`,
          ...generated.files.map((f) => `  ${f}`),
          '',
          'next / 下一步:',
          `  npm install                                  # link the new workspace package`,
          `  npx nx run ${generated.packageName}:build && npx nx run ${generated.packageName}:lint`,
          `  npm test -- plugins/${name}`,
          `  then install it under plugins: and enable it under counties.<code>.plugins: in deploy/xiangzhi.yaml (docs/plugins.md)`,
          '',
        ].join('\n'),
      );
    });

  return { program, failed: () => failed };
}

/**
 * Runs `xz` with the given arguments (without `node xz`) and resolves to the exit code:
 * 0 on success, 1 with a readable message on a bad deployment or bad arguments.
 */
export async function runCli(argv: string[], io: CliIO = {}): Promise<number> {
  const stdout = io.stdout ?? ((t: string) => void process.stdout.write(t));
  const stderr = io.stderr ?? ((t: string) => void process.stderr.write(t));
  const env = io.env ?? process.env;
  const logger = io.logger ?? cliLogger(env, stderr);
  const { program, failed } = buildProgram({ stdout, stderr, env, logger });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return failed() ? 1 : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (READABLE_ERRORS.some((E) => error instanceof E)) {
      stderr(`${(error as Error).message}\n`);
      return 1;
    }
    stderr(`xz: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
