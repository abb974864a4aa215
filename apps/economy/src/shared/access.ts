import { scopedPrefix, hasRole, isWithin, notFound, PERSONAL_DATA_ROLES, regionPrefix, requireInScope, requireRole, Role, type RequestContext } from '@xiangzhi/kernel';

/** Roles that register and change collective economic organisations (县、乡镇 农经 staff). */
export const MANAGER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/** Roles that keep a village's books and member roll (村账乡管: township staff, the village's own cadres). */
export const BOOKKEEPER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE];

export { isUuid } from '@xiangzhi/kernel';

/**
 * 数据权限 what the caller may see and change in the economy subgraph:
 * - reads: records whose village lies in the actor's scope (prefix match) — organisations, ledgers
 *   and distributions are public within the scope (三务公开), members' personal shares to the
 *   roles that read personal data and to the resident themself;
 * - writes: one of the roles the operation names, and a target inside the scope (auditors never write).
 * A record outside the scope is answered exactly like a missing one.
 */
export class EconomyAccess {
  readonly prefix: string;

  private constructor(private readonly ctx: RequestContext) {
    this.prefix = regionPrefix(ctx.actor.scope);
  }

  private static readonly cache = new WeakMap<RequestContext, EconomyAccess>();

  static of(ctx: RequestContext): EconomyAccess {
    let access = EconomyAccess.cache.get(ctx);
    if (!access) {
      access = new EconomyAccess(ctx);
      EconomyAccess.cache.set(ctx, access);
    }
    return access;
  }

  get actorId(): string {
    return this.ctx.actor.id;
  }

  /** The resident record the caller is, when the caller is a resident. */
  get residentId(): string | null {
    return this.ctx.actor.residentId ?? null;
  }

  canSee(regionCode: string): boolean {
    return isWithin(regionCode, this.ctx.actor.scope);
  }

  /**
   * Single-record reads: with `record`, a record outside the scope answers that very NOT_FOUND;
   * without it (a region asked for by code), FORBIDDEN naming the caller's own scope only.
   */
  requireVisible(regionCode: string, record?: { zh: string; en: string; key: string }): void {
    if (record && !this.canSee(regionCode)) throw notFound(record.zh, record.en, record.key);
    requireInScope(this.ctx.actor, regionCode);
  }

  /**
   * The code prefix a list under `regionCode` is filtered by: the region's own prefix when it lies
   * in scope, the scope's when the scope lies inside the region, null when they do not meet.
   */
  listPrefix(regionCode: string): string | null {
    return scopedPrefix(this.ctx.actor, regionCode);
  }

  /** Whether the caller may read personal data (a member's shares) of people in scope. */
  get seesPersonalData(): boolean {
    return hasRole(this.ctx.actor, ...PERSONAL_DATA_ROLES);
  }

  /** Throws FORBIDDEN unless the actor has one of `roles` and `regionCode` is in scope. */
  requireWrite(regionCode: string, roles: readonly Role[]): void {
    requireRole(this.ctx.actor, ...roles);
    requireInScope(this.ctx.actor, regionCode);
  }
}

/** A batch of records loaded by id with those outside the caller's scope left out (answered like missing ones). */
export function visibleOnly<T>(ctx: RequestContext, rows: (T | null)[], regionOf: (row: T) => string): (T | null)[] {
  const access = EconomyAccess.of(ctx);
  return rows.map((row) => (row !== null && access.canSee(regionOf(row)) ? row : null));
}

/** The scope-narrowed prefix of every requested region (null where region and scope do not meet) and the distinct `LIKE` patterns covering them. */
export function regionPatterns(ctx: RequestContext, codes: readonly string[]): { prefixes: (string | null)[]; patterns: string[] } {
  const access = EconomyAccess.of(ctx);
  const prefixes = codes.map((code) => access.listPrefix(code));
  const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
  return { prefixes, patterns };
}

/** Rows grouped per requested region prefix (the kernel's, linear in the rows). */
export { groupByPrefix } from '@xiangzhi/kernel';
