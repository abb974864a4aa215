import type { EntityManager } from 'typeorm';

/** Anything that runs SQL with positional parameters (a DataSource or a transaction's EntityManager). */
export interface Sql {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Runs a statement and types its rows. TypeORM answers an `UPDATE`/`DELETE … RETURNING` with
 * `[rows, affected]`; that shape is unwrapped so every statement gives its rows.
 */
export async function rows<T>(db: Sql | EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const result = (await db.query(text, params)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** A `date` column as `YYYY-MM-DD` whatever the driver returned. */
export function day(value: string | Date | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return value.slice(0, 10);
  const y = value.getFullYear();
  const m = String(value.getMonth() + 1).padStart(2, '0');
  const d = String(value.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
