import { badInput, isUuid, notFound, requireInScope, requireRole, Role, type RequestContext } from '@xiangzhi/kernel';
import { PERSONNEL_TABLES } from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import { PLUGIN_NAME, type SuyuSandingConfig } from './config';

/** Who records Suyu's pay grades, pay items and exit flags: county and township managers. */
export const MANAGER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/** Who reads exit flags and the exit review: managers, village cadres of the scope, auditors. */
export const FLAG_READER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.AUDITOR];


/** A cadre row as the plugin reads it from the personnel `cadre` table (read-only). */
export interface CadreRow {
  id: string;
  county_code: string;
  village_code: string;
  name: string;
  status: 'ACTIVE' | 'SUSPENDED' | 'LEFT';
  service_start: string;
}

const CADRE = PERSONNEL_TABLES.cadre;

/** Reads one cadre row (read-only SQL on the published `cadre` table); null when there is none. */
export async function readCadre(manager: EntityManager, cadreId: string): Promise<CadreRow | null> {
  if (!isUuid(cadreId)) return null;
  const rows = (await manager.query(
    `SELECT id::text, county_code, village_code, name, status, service_start::text FROM ${CADRE.table} WHERE ${CADRE.key} = $1::uuid`,
    [cadreId],
  )) as CadreRow[];
  return rows[0] ?? null;
}

/**
 * The cadre a manager acts on, with the county's parameters: FORBIDDEN without a manager role,
 * NOT_FOUND, FORBIDDEN outside the scope, PLUGIN_NOT_ENABLED where the county has not enabled Suyu.
 */
export async function managedCadre(ctx: RequestContext, cadreId: string): Promise<{ cadre: CadreRow; config: SuyuSandingConfig }> {
  requireRole(ctx.actor, ...MANAGER_ROLES);
  const cadre = await readCadre(ctx.dataSource.manager, cadreId);
  if (!cadre) throw notFound('干部', 'Cadre', cadreId);
  requireInScope(ctx.actor, cadre.village_code);
  const config = ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, cadre.village_code);
  return { cadre, config };
}

/**
 * Re-reads the cadre's status inside the caller's transaction, holding a share lock on the row so
 * that a discharge running at the same time waits for this write (or is seen by it): BAD_USER_INPUT
 * once the cadre has left.
 */
export async function requireServing(manager: EntityManager, cadre: CadreRow): Promise<void> {
  const rows = (await manager.query(`SELECT status FROM ${CADRE.table} WHERE ${CADRE.key} = $1::uuid FOR SHARE`, [cadre.id])) as { status: string }[];
  if (rows[0]?.status === 'LEFT') throw badInput(`干部${cadre.name}已离任`, `${cadre.name} has left`, { field: 'cadreId' });
}
