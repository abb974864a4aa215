import type { EntityManager } from 'typeorm';

/** A column of a seeded table and the SQL type its parameters are cast to. */
export type SeedColumn = readonly [name: string, sqlType: string];

const ROWS_PER_STATEMENT = 500;

/** Multi-row `INSERT … SELECT … FROM (VALUES …) ON CONFLICT DO NOTHING`, 500 rows a statement; returns the rows inserted. */
export async function insertRows(m: EntityManager, table: string, columns: readonly SeedColumn[], rows: readonly unknown[][]): Promise<number> {
  let inserted = 0;
  const names = columns.map(([name]) => name).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((value, i) => (params.push(value), `$${params.length}::${columns[i][1]}`)).join(', ')})`);
    const result = (await m.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM (VALUES ${values.join(', ')}) AS v(${names}) ON CONFLICT DO NOTHING RETURNING 1 AS x`, params)) as unknown[];
    inserted += result.length;
  }
  return inserted;
}
