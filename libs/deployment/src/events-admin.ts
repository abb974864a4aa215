import fs from 'node:fs';
import {
  applyMigrations,
  assembleSubgraph,
  createDataSource,
  listDeadLetters,
  PolicyRegistry,
  replayDeadLetters,
  resetConsumer,
  type CalendarOverrides,
  type CountyPluginParams,
  type DeadLetter,
  type EventConsumer,
  type Logger,
  type PluginDefinition,
  type ReplayResult,
  type ReplaySelection,
  type SubgraphModule,
} from '@xiangzhi/kernel';
import type { DatabaseTarget } from './database';

/** One subgraph's database and what runs in it, for `xz events`. */
export interface EventsAdminTarget extends DatabaseTarget {
  module: SubgraphModule;
  plugins?: PluginDefinition[];
  countyParams?: Record<string, CountyPluginParams>;
  calendar?: CalendarOverrides;
  logger: Logger;
}

export interface OpenSubgraph {
  consumers: EventConsumer[];
  run: <T>(work: (deps: { dataSource: import('typeorm').DataSource; policies: PolicyRegistry }) => Promise<T>) => Promise<T>;
}

/** Opens a subgraph's database (applying pending migrations, like `xz migrate`) for one piece of work, then closes it. */
export function openSubgraph(target: EventsAdminTarget): OpenSubgraph {
  const assembled = assembleSubgraph(target.module, target.plugins ?? []);
  return {
    consumers: assembled.consumers,
    run: async (work) => {
      if (target.dataDir && !target.databaseUrl) fs.mkdirSync(target.dataDir, { recursive: true });
      const db = createDataSource({
        name: target.module.name,
        entities: assembled.entities,
        migrations: assembled.migrations,
        databaseUrl: target.databaseUrl,
        dataDir: target.dataDir,
        schema: target.schema,
        logger: target.logger,
      });
      try {
        await applyMigrations(db, target.logger);
        const policies = new PolicyRegistry(target.module.name, assembled.defaults, assembled.plugins, target.countyParams ?? {}, target.calendar ?? {});
        return await work({ dataSource: db.dataSource, policies });
      } finally {
        if (db.dataSource.isInitialized) await db.dataSource.destroy();
      }
    },
  };
}

/** The consumer names of a subgraph (its module's and its plugins'). */
export function consumerNamesOf(target: Pick<EventsAdminTarget, 'module' | 'plugins'>): string[] {
  return assembleSubgraph(target.module, target.plugins ?? []).consumers.map((c) => c.name);
}

/** The dead letters in a subgraph's database (`xz events dead`). */
export async function deadLettersOf(target: EventsAdminTarget, filter: { consumer?: string } = {}): Promise<DeadLetter[]> {
  return openSubgraph(target).run(({ dataSource }) => listDeadLetters(dataSource, filter));
}

/** Re-applies dead letters with the subgraph's consumer definitions (`xz events replay`). */
export async function replayDeadLettersOf(target: EventsAdminTarget, selection: ReplaySelection): Promise<ReplayResult> {
  const sg = openSubgraph(target);
  return sg.run(({ dataSource, policies }) => replayDeadLetters(sg.consumers, selection, { dataSource, policies, logger: target.logger }));
}

/**
 * Empties a consumer's projection and forgets its position, processed ids and dead letters
 * (`xz events rebuild`); the subgraph consumes everything again from the beginning when it next starts.
 */
export async function resetConsumerOf(target: EventsAdminTarget, consumer: string): Promise<void> {
  const sg = openSubgraph(target);
  const found = sg.consumers.find((c) => c.name === consumer);
  if (!found) throw new Error(`no consumer ${consumer} in subgraph ${target.module.name}`);
  await sg.run(({ dataSource }) => resetConsumer(found, dataSource));
}
