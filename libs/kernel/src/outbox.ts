import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import { isEmbeddedDatabase } from './data-source';
import type { SubgraphJob } from './subgraph';

export interface OutboxRelayOptions {
  /**
   * The outbox table (in the subgraph's schema) with columns `id` (bigint, increasing), `name`
   * (the event subject), `payload` (jsonb object) and `published_at` (timestamptz, null until published).
   */
  table: string;
  /** How often the relay runs while the subgraph serves. */
  intervalMs: number;
  /** Rows per batch (default 100). */
  batchSize?: number;
}

/**
 * 事件发件箱 the columns of a transactional outbox row: an event written in the same transaction as
 * the change that caused it; the relay publishes it (subject = `name`) and stamps `published_at`.
 * A subgraph's outbox entity extends it: `@Entity({ name: 'grids_event' }) class GridsEvent extends OutboxEvent {}`.
 */
export abstract class OutboxEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: number;

  @Column({ name: 'name', type: 'text' })
  name!: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload!: Record<string, unknown>;

  @CreateDateColumn({ name: 'at', type: 'timestamptz' })
  at!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}

/** Outbox rows written by one INSERT statement. */
const OUTBOX_ROWS_PER_STATEMENT = 500;

/**
 * Records events of one subject in an outbox table with the caller's transaction manager, in the
 * order given: one multi-row INSERT per 500 events (a bulk write never writes one outbox row per
 * round trip).
 */
export async function recordOutboxEvents(manager: EntityManager, table: string, name: string, payloads: readonly object[]): Promise<void> {
  assertTableName(table);
  for (let start = 0; start < payloads.length; start += OUTBOX_ROWS_PER_STATEMENT) {
    const chunk = payloads.slice(start, start + OUTBOX_ROWS_PER_STATEMENT);
    const params: unknown[] = [name];
    const values = chunk.map((p) => (params.push(JSON.stringify(p)), `($1, $${params.length}::jsonb)`));
    await manager.query(`INSERT INTO "${table}" (name, payload) VALUES ${values.join(', ')}`, params);
  }
}

function assertTableName(table: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`invalid outbox table name: ${table}`);
}

/** The name of the relay job of an outbox table (for `runJob`). */
export function outboxRelayJobName(table: string): string {
  return `outbox-relay:${table}`;
}

interface OutboxRow {
  id: string | number;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * 发件箱转发 a job that delivers the rows of a transactional outbox to the event bus, oldest first,
 * in batches: each row is published with the id `<table>:<row id>` (so a row published again after a
 * crash is deduplicated by the bus) and then stamped `published_at = now()`. A row whose publish
 * fails stays unpublished, and so do the rows after it, until the next run. On PostgreSQL each batch
 * is claimed with `FOR UPDATE SKIP LOCKED` in a transaction, so replicas never publish the same row
 * twice; on the embedded PGlite (one process, one connection) rows are read without holding a
 * transaction, so in-process subscribers may use the database while they handle an event. Runs of
 * the job never overlap (the kernel serialises them). Resolves to the number of rows published.
 */
export function outboxRelayJob(options: OutboxRelayOptions): SubgraphJob {
  const { table } = options;
  assertTableName(table);
  const batchSize = options.batchSize ?? 100;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid outbox batch size: ${batchSize}`);
  const select = `SELECT id, name, payload FROM "${table}" WHERE published_at IS NULL ORDER BY id LIMIT ${batchSize}`;
  const markPublished = `UPDATE "${table}" SET published_at = now() WHERE id = ANY($1::bigint[])`;
  return {
    name: outboxRelayJobName(table),
    outbox: table,
    intervalMs: options.intervalMs,
    run: async ({ dataSource, events, logger }) => {
      /** Publishes a batch in order, stopping at the first failure; returns the ids published and whether all were. */
      const publish = async (rows: OutboxRow[]): Promise<{ ids: string[]; complete: boolean }> => {
        const ids: string[] = [];
        for (const row of rows) {
          const id = String(row.id);
          try {
            await events.publish(row.name, row.payload, { id: `${table}:${id}` });
          } catch (error) {
            logger.warn({ err: error, table, id, event: row.name }, 'outbox event not published; retrying on the next run');
            return { ids, complete: false };
          }
          ids.push(id);
        }
        return { ids, complete: true };
      };
      const batch = async (manager: EntityManager, lock: boolean): Promise<{ published: number; more: boolean }> => {
        const rows = (await manager.query(lock ? `${select} FOR UPDATE SKIP LOCKED` : select)) as OutboxRow[];
        const { ids, complete } = await publish(rows);
        if (ids.length > 0) await manager.query(markPublished, [ids]);
        return { published: ids.length, more: complete && rows.length === batchSize };
      };
      const embedded = isEmbeddedDatabase(dataSource);
      let total = 0;
      for (;;) {
        const { published, more } = embedded
          ? await batch(dataSource.manager, false)
          : await dataSource.transaction((manager) => batch(manager, true));
        total += published;
        if (!more) break;
      }
      if (total > 0) logger.debug({ table, published: total }, 'outbox events published');
      return total;
    },
  };
}

/** What `outboxFeature` needs to know of a subgraph's outbox. */
export interface OutboxFeatureOptions {
  /** The outbox table (`economy_event`). */
  table: string;
  /** The 13-digit timestamp of the migration that creates the table (orders it among the subgraph's migrations). */
  migrationTimestamp: number;
  /** How often the relay publishes while the subgraph serves (default 2 s). */
  intervalMs?: number;
}

/**
 * 事件发件箱 a subgraph's outbox in one piece: its entity (the `OutboxEvent` columns), the migration
 * that creates the table (`<Table>Outbox<timestamp>`, with the partial index the relay reads) and the
 * relay job (`outboxRelayJobName(table)`). Add the result to the subgraph's features; record events
 * with `recordOutboxEvents(manager, table, name, payloads)` in the write's transaction.
 */
export function outboxFeature(options: OutboxFeatureOptions): {
  entities: (abstract new () => OutboxEvent)[];
  migrations: (new () => MigrationInterface)[];
  jobs: SubgraphJob[];
  outboxes: string[];
} {
  const { table, migrationTimestamp } = options;
  assertTableName(table);
  if (!/^\d{13}$/.test(String(migrationTimestamp))) throw new Error(`outbox migration timestamp must have 13 digits: ${migrationTimestamp}`);
  const pascal = table.replace(/(^|_)([a-z0-9])/g, (_m, _s, c: string) => c.toUpperCase());
  const entity = class extends OutboxEvent {};
  Object.defineProperty(entity, 'name', { value: `${pascal}Outbox` });
  Entity({ name: table })(entity);
  const migrationName = `${pascal}Outbox${migrationTimestamp}`;
  const migration = class implements MigrationInterface {
    name = migrationName;
    async up(q: QueryRunner): Promise<void> {
      await q.query(`CREATE TABLE "${table}" (
        id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name text NOT NULL,
        payload jsonb NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
      await q.query(`CREATE INDEX "${table}_unpublished_idx" ON "${table}" (id) WHERE published_at IS NULL`);
    }
    async down(q: QueryRunner): Promise<void> {
      await q.query(`DROP TABLE "${table}"`);
    }
  };
  Object.defineProperty(migration, 'name', { value: migrationName });
  return { entities: [entity], migrations: [migration], jobs: [outboxRelayJob({ table, intervalMs: options.intervalMs ?? 2000 })], outboxes: [table] };
}
