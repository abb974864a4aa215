/**
 * `npm run bench -- --import-profile [--rows N]`: where a resident bulk import spends its time on
 * PostgreSQL (`TEST_DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/test). A synthetic
 * county of N residents (default 100,000): households imported through `importFile`, then the
 * residents' file read (CSV), checked (validation and the lookups), and written several ways, each
 * in one transaction that is rolled back so every variant starts from the same table:
 *
 * - the two write paths: `unnest` arrays (before) and `COPY` into a staging table (now), and `COPY`
 *   straight into `resident` without heads or events (the floor);
 * - the `unnest` path with one component taken away inside the transaction (the GIN index, the
 *   `name_tokens` column, the counter trigger, the foreign keys, the keyed hash's unique index,
 *   the events and heads) — the difference is that component's share;
 *
 * (Two writers are measured by `--county-scale --only import --writers 1|2`: in one uncommitted
 * transaction each, two writers would wait on each other's counter rows.)
 * The machine is shared, so the figures are printed as shares of the "before" time, and "before" runs
 * first and last to show the drift.
 */
import { Readable } from 'node:stream';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { demoRegions, syntheticHouseholdsCsv, syntheticResidentsCsv, type SyntheticCountyOptions } from '@xiangzhi/demo';
import { subgraph as grids } from '@xiangzhi/grids';
import { copyInto, importFile, importRows, unnestInsert, type BulkImporter, type InsertColumn } from '@xiangzhi/kernel';
import { startTestPlatform } from '@xiangzhi/testing';
import type { DataSource, EntityManager } from 'typeorm';

// the writer with a choice of path (not part of the subgraph's public API)
const { writeResidents } = require('@xiangzhi/grids/dist/territory/import/register-import') as {
  writeResidents: (m: EntityManager, records: readonly unknown[], options?: { staged?: boolean }) => Promise<void>;
};

const { nameTokens } = require('@xiangzhi/grids/dist/territory/resident/name-tokens') as { nameTokens: (name: string) => string[] };

/** The resident columns the importer writes, for the variants that write them without its statement. */
const RESIDENT_COPY_COLUMNS: InsertColumn<unknown>[] = (
  [
    ['id', 'uuid', 'id'],
    ['household_id', 'uuid', 'householdId'],
    ['village_code', 'text', 'villageCode'],
    ['county_code', 'text', 'countyCode'],
    ['name', 'text', 'name'],
    ['gender', 'text', 'gender'],
    ['birth_date', 'date', 'birthDate'],
    ['id_number', 'text', 'idNumber'],
    ['id_number_hash', 'text', 'idNumberHash'],
    ['phone', 'text', 'phone'],
    ['relation_to_head', 'text', 'relationToHead'],
  ] as const
).map(([column, type, key]) => [column, type, (r: unknown) => (r as Record<string, unknown>)[key]] as const);

const COUNTY = '520502000000';
const BATCH = 10_000;

function log(message: string): void {
  process.stderr.write(`[profile ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function rowsArg(): number {
  const at = process.argv.indexOf('--rows');
  return at < 0 ? 100_000 : Number(String(process.argv[at + 1]).replace(/_/g, ''));
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Writes every batch in one transaction after `prepare` (DDL taking a component away), then rolls back. */
async function variant(ds: DataSource, prepare: string[], write: (m: EntityManager, batch: readonly unknown[]) => Promise<void>, batches: unknown[][]): Promise<number> {
  const qr = ds.createQueryRunner();
  try {
    await qr.startTransaction();
    for (const sql of prepare) await qr.query(sql);
    return await timed(async () => {
      for (const batch of batches) await write(qr.manager, batch);
    });
  } finally {
    await qr.rollbackTransaction();
    await qr.release();
  }
}

export async function importProfile(pgUrl: string): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const n = rowsArg();
  const villageCodes = demoRegions()
    .filter((r) => r.level === 'VILLAGE' && r.code.startsWith(COUNTY.slice(0, 6)))
    .map((r) => r.code);
  const options: SyntheticCountyOptions = { villageCodes, residents: n, addressCode: '520599', composeIdNumber, numberPrefix: 'P' };
  const householdsCsv = [...syntheticHouseholdsCsv(options)].join('');
  const residentsCsv = [...syntheticResidentsCsv(options)].join('');
  log(`booting grids on PostgreSQL, ${n} residents…`);
  const platform = await startTestPlatform({ subgraphs: [grids], seed: true, databaseUrl: pgUrl });
  try {
    const ds = platform.subgraphs.grids.db.dataSource;
    const importer = (kind: string) => (grids.importers ?? []).find((i) => i.kind === kind) as BulkImporter;
    await importFile({ dataSource: ds, importer: importer('households'), open: () => Readable.from([householdsCsv]), fileName: 'households.csv', countyCode: COUNTY, actor: { id: 'profile', roles: ['CLI'] } });
    await ds.query('ANALYZE');
    const residents = importer('residents');
    const figures: [string, number][] = [];
    let parsed = 0;
    figures.push(['read CSV (JS)', await timed(async () => {
      for await (const chunk of importRows(residents, Readable.from([residentsCsv]), {}, BATCH)) parsed += chunk.rows.length;
    })]);
    const batches: unknown[][] = [];
    figures.push(['read + check every row (JS validation, 2 lookups a batch)', await timed(async () => {
      const session = await residents.open(ds.manager, { countyCode: COUNTY });
      for await (const chunk of importRows(residents, Readable.from([residentsCsv]), {}, BATCH)) {
        const check = await session.check(chunk.rows, { written: false });
        if (check.problems.length) throw new Error(JSON.stringify(check.problems.slice(0, 3)));
        batches.push(check.records);
      }
    })]);
    log(`${parsed} rows read and checked; writing…`);
    const unnest = (m: EntityManager, b: readonly unknown[]) => writeResidents(m, b, { staged: false });
    const staged = (m: EntityManager, b: readonly unknown[]) => writeResidents(m, b);
    const without = (label: string, prepare: string[]) => [label, prepare] as const;
    const { ResidentNameTokensPlpgsql1774100000000: Plpgsql } = require('@xiangzhi/grids/dist/territory/migrations/1774100000000-resident-name-tokens-plpgsql') as {
      ResidentNameTokensPlpgsql1774100000000: new () => { up(q: { query(sql: string): Promise<unknown> }): Promise<void>; down(q: { query(sql: string): Promise<unknown> }): Promise<void> };
    };
    // "before" variants run with the name tokens' SQL function of migration 1772000000001, "now" with the PL/pgSQL one
    await new Plpgsql().down(ds);
    const plpgsql: string[] = [];
    await new Plpgsql().up({ query: async (sql: string) => plpgsql.push(sql) });
    const runs: [string, string[], typeof unnest][] = [
      ['write: COPY to staging + one CTE, PL/pgSQL name tokens (now)', plpgsql, staged],
      ['write: unnest arrays + one CTE, PL/pgSQL name tokens', plpgsql, unnest],
      ['write: unnest arrays, one CTE (before)', [], unnest],
      ['write: COPY to staging + one CTE (now)', [], staged],
      [
        '  now plus the two indexes migration 1775000000000 dropped (plain ID number unique, name btree)',
        [...plpgsql, 'ALTER TABLE resident ADD CONSTRAINT resident_id_number_key UNIQUE (id_number)', 'CREATE INDEX resident_name_idx ON resident USING btree (name text_pattern_ops)'],
        staged,
      ],
      ...[
        without('  before without the GIN index on name_tokens', ['DROP INDEX resident_name_tokens_idx']),
        without('  before without name_tokens (function + GIN)', ['ALTER TABLE resident DROP COLUMN name_tokens']),
        without('  before without the counter trigger', ['ALTER TABLE resident DISABLE TRIGGER resident_counter_insert']),
        without('  before without the 2 foreign keys', ['ALTER TABLE resident DROP CONSTRAINT resident_household_id_fkey', 'ALTER TABLE resident DROP CONSTRAINT resident_village_code_fkey']),
        without('  before without the keyed hash unique index', ['DROP INDEX resident_id_number_hash_key']),
        without('  before without the village/household btrees', ['DROP INDEX resident_village_idx', 'DROP INDEX resident_household_idx']),
      ].map(([label, prepare]): [string, string[], typeof unnest] => [label, prepare, unnest]),
      ['  before without events and heads (INSERT only)', [], async (m, b) => {
        const { sql, params } = unnestInsert('resident', RESIDENT_COPY_COLUMNS, b);
        await m.query(sql, params);
      }],
      ['write: COPY straight into resident (INSERT only, the floor)', [], (m, b) => copyInto(m, 'resident', RESIDENT_COPY_COLUMNS, b)],
      [
        'write: COPY, name tokens from JS into a plain column + GIN',
        ['ALTER TABLE resident DROP COLUMN name_tokens', 'ALTER TABLE resident ADD COLUMN name_tokens text[]', 'CREATE INDEX ON resident USING gin (name_tokens)'],
        (m, b) => copyInto(m, 'resident', [...RESIDENT_COPY_COLUMNS, ['name_tokens', 'text[]', (r: unknown) => nameTokens((r as { name: string }).name)] as const], b),
      ],
      ['write: unnest arrays, one CTE (before, again)', [], unnest],
    ];
    const writes: [string, number][] = [];
    for (const [label, prepare, write] of runs) {
      const seconds = await variant(ds, prepare, write, batches);
      writes.push([label, seconds]);
      log(`${label}: ${seconds.toFixed(1)} s, ${Math.round(parsed / seconds)} rows/s`);
    }
    const before = (writes[0][1] + writes[writes.length - 1][1]) / 2;
    const lines = [`resident import profile on PostgreSQL, ${parsed} rows, batches of ${BATCH}; shares of the "before" write time (mean of its two runs, ${before.toFixed(1)} s)`];
    for (const [label, seconds] of [...figures, ...writes]) {
      const share = label.startsWith('  before without') ? `component ≈ ${(100 * (1 - seconds / before)).toFixed(0)} % of before` : `${(seconds / before).toFixed(2)} × before`;
      lines.push(`${label.padEnd(58)} ${seconds.toFixed(1).padStart(6)} s ${String(Math.round(parsed / seconds)).padStart(7)} rows/s   ${share}`);
    }
    process.stdout.write(`\n${lines.join('\n')}\n`);
  } finally {
    await platform.stop();
  }
}
