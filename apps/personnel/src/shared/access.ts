import { scopedPrefix, forbidden, hasRole, isWithin, notFound, PERSONAL_DATA_ROLES, regionPrefix, requireInScope, requireRole, Role, type RequestContext } from '@xiangzhi/kernel';

/** Roles that manage cadres: appointments, discharges, templates, appraisals, ratings, ranks, payroll, inspections. */
export const MANAGER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/** Roles that keep village records: duty check-ins, leave requests, training, Party members and points. */
export const VILLAGE_WRITER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE];

/** Roles that read the talent pool (后备干部、人才库): cadres of the scope and auditors, not residents or grid workers. */
export const TALENT_READER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.AUDITOR];

export { isUuid } from '@xiangzhi/kernel';

/**
 * 数据权限 what the caller may see and change in the personnel subgraph:
 * - reads: records whose region lies in the actor's scope (prefix match). Cadres, posts and Party
 *   organisations are public within the scope (村务公开), so residents and grid workers read them too;
 *   birth dates are personal data, shown only to `PERSONAL_DATA_ROLES`;
 * - writes: one of the roles the operation names, and a target inside the scope (auditors never write).
 */
export class PersonnelAccess {
  readonly prefix: string;

  private constructor(private readonly ctx: RequestContext) {
    this.prefix = regionPrefix(ctx.actor.scope);
  }

  private static readonly cache = new WeakMap<RequestContext, PersonnelAccess>();

  static of(ctx: RequestContext): PersonnelAccess {
    let access = PersonnelAccess.cache.get(ctx);
    if (!access) {
      access = new PersonnelAccess(ctx);
      PersonnelAccess.cache.set(ctx, access);
    }
    return access;
  }

  get actorId(): string {
    return this.ctx.actor.id;
  }

  canSee(regionCode: string): boolean {
    return isWithin(regionCode, this.ctx.actor.scope);
  }

  /**
   * Single-record reads: with `record` (what a missing id answers: entity names and the key asked
   * for), a record outside the scope answers that very NOT_FOUND; without it (a region asked for by
   * code), FORBIDDEN naming the caller's own scope only.
   */
  requireVisible(regionCode: string, record?: { zh: string; en: string; key: string }): void {
    if (record && !this.canSee(regionCode)) throw notFound(record.zh, record.en, record.key);
    requireInScope(this.ctx.actor, regionCode);
  }

  /**
   * The code prefix a list under `regionCode` is filtered by: the region's own prefix when it lies
   * in scope, the scope's when the scope lies inside the region (a village cadre listing their
   * township sees their village only), null when they do not meet.
   */
  listPrefix(regionCode: string): string | null {
    return scopedPrefix(this.ctx.actor, regionCode);
  }

  /** Whether the caller may read the talent pool. */
  get readsTalentPool(): boolean {
    return hasRole(this.ctx.actor, ...TALENT_READER_ROLES);
  }

  /** Whether the caller may read personal data (birth dates) of people in scope. */
  get seesPersonalData(): boolean {
    return hasRole(this.ctx.actor, ...PERSONAL_DATA_ROLES);
  }

  /** Throws FORBIDDEN unless the actor has one of `roles` and `regionCode` is in scope. */
  requireWrite(regionCode: string, roles: readonly Role[]): void {
    requireRole(this.ctx.actor, ...roles);
    requireInScope(this.ctx.actor, regionCode);
  }

  /** Throws FORBIDDEN when a cadre acts on their own record where that is not allowed (e.g. approving their own leave). */
  requireNotSelf(cadreId: string, what: { zh: string; en: string }): void {
    if (this.ctx.actor.id === cadreId) throw forbidden(`不能${what.zh}自己的记录`, `You cannot ${what.en} your own record`);
  }
}

/**
 * A batch of records loaded by id, with those outside the caller's scope left out: by-id loaders use
 * it, so a record outside the scope is answered exactly like a missing one (NOT_FOUND, same message)
 * and an error never tells that it exists, or where.
 */
export function visibleOnly<T>(ctx: RequestContext, rows: (T | null)[], regionOf: (row: T) => string): (T | null)[] {
  const access = PersonnelAccess.of(ctx);
  return rows.map((row) => (row !== null && access.canSee(regionOf(row)) ? row : null));
}

/**
 * The scope-narrowed prefix of every requested region (null where region and scope do not meet)
 * and the distinct `LIKE` patterns that cover them, for one statement per batch.
 */
export function regionPatterns(ctx: RequestContext, codes: readonly string[]): { prefixes: (string | null)[]; patterns: string[] } {
  const access = PersonnelAccess.of(ctx);
  const prefixes = codes.map((code) => access.listPrefix(code));
  const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
  return { prefixes, patterns };
}

/** Rows grouped per requested region prefix (the kernel's, linear in the rows). */
export { groupByPrefix } from '@xiangzhi/kernel';
