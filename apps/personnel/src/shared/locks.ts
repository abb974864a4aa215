import type { EntityManager } from 'typeorm';
import type { CadreStatus } from '../cadre/cadre.entity';

/**
 * Locks a cadre's row for the rest of the caller's transaction (`FOR UPDATE`) and returns the status
 * it has now (null when the row is gone). Writes that depend on a cadre serving take it first, so a
 * discharge or suspension committed after their first check cannot slip between check and write.
 */
export async function lockCadreRow(manager: EntityManager, cadreId: string): Promise<CadreStatus | null> {
  const [row] = (await manager.query('SELECT status FROM cadre WHERE id = $1 FOR UPDATE', [cadreId])) as { status: CadreStatus }[];
  return row?.status ?? null;
}
