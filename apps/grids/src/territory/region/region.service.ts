import { REGION_DEPTH_SQL, REGION_UPSERTED_PAYLOAD_SQL } from '../../events/outbox';
import type { RegionRecord } from './region-import';

/** Anything that runs SQL with positional parameters (a DataSource or a transaction's EntityManager). */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const CHUNK = 500;

/**
 * Writes regions with multi-row INSERTs (500 rows a statement), parents first, and in the same
 * statement a `grids.region.upserted` event in the outbox for every region added or renamed (one
 * multi-row outbox insert per statement, none for rows left as they were).
 * `update` renames existing codes; `ignore` leaves them as they are (idempotent seeding).
 */
export async function upsertRegions(
  db: SqlRunner,
  records: readonly RegionRecord[],
  options: { validFrom?: string | null; onConflict: 'update' | 'ignore' },
): Promise<{ inserted: number; updated: number }> {
  let inserted = 0;
  let updated = 0;
  for (let start = 0; start < records.length; start += CHUNK) {
    const chunk = records.slice(start, start + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((r) => {
      params.push(r.code, r.name, r.level, r.parentCode, r.countyCode, options.validFrom ?? null);
      const n = params.length;
      return `($${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, COALESCE($${n}::date, CURRENT_DATE))`;
    });
    const conflict =
      options.onConflict === 'ignore'
        ? 'ON CONFLICT (code) DO NOTHING'
        : 'ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, updated_at = now() WHERE region.name IS DISTINCT FROM EXCLUDED.name';
    const rows = (await db.query(
      `WITH up AS (
         INSERT INTO region (code, name, level, parent_code, county_code, valid_from) VALUES ${values.join(', ')} ${conflict}
         RETURNING code, name, level, parent_code, valid_from, valid_to, (xmax = 0) AS inserted
       ), ev AS (
         INSERT INTO grids_event (name, payload)
         SELECT 'grids.region.upserted', ${REGION_UPSERTED_PAYLOAD_SQL} FROM up r ORDER BY ${REGION_DEPTH_SQL}, r.code
       )
       SELECT inserted FROM up`,
      params,
    )) as { inserted: boolean }[];
    for (const row of rows) {
      if (row.inserted) inserted += 1;
      else updated += 1;
    }
  }
  return { inserted, updated };
}
