import { badInput, conflict, hasRole, isWithin, notFound, regionPrefix, requireInScope, requireRole, Role, scopedPrefix, type RequestContext, type XzError } from '@xiangzhi/kernel';

/** Roles that keep legal records of a village: disputes, mediations, petitions, advisors' services. */
export const LEGAL_WRITER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE];

/** Roles that manage county-wide records: advisors, lawsuit counts, legal-aid decisions, designations. */
export const LEGAL_MANAGER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/** The actor the scheduled jobs write as. */
export const SYSTEM_ACTOR = 'system';

/**
 * 数据权限 of the legal subgraph: a record is visible when its village lies in the caller's scope
 * (prefix match); a record outside is answered as missing (NOT_FOUND), never as forbidden; writes
 * need one of the operation's roles and a village inside the scope.
 */
export class LegalAccess {
  private constructor(private readonly ctx: RequestContext) {}

  private static readonly cache = new WeakMap<RequestContext, LegalAccess>();

  static of(ctx: RequestContext): LegalAccess {
    let access = LegalAccess.cache.get(ctx);
    if (!access) {
      access = new LegalAccess(ctx);
      LegalAccess.cache.set(ctx, access);
    }
    return access;
  }

  get actorId(): string {
    return this.ctx.actor.id;
  }

  /**
   * A resident (and no cadre, grid worker or auditor role) sees only their own records: disputes they
   * are a party to, their own applications and requests — never their neighbours'.
   */
  get residentOnly(): boolean {
    return hasRole(this.ctx.actor, Role.RESIDENT) && !hasRole(this.ctx.actor, ...LEGAL_WRITER_ROLES, Role.GRID_WORKER, Role.AUDITOR);
  }

  /** The resident the caller is (residents only; null for anyone else or a token without one). */
  get ownResidentId(): string | null {
    return this.ctx.actor.residentId?.toLowerCase() ?? null;
  }

  canSee(villageCode: string): boolean {
    return isWithin(villageCode, this.ctx.actor.scope);
  }

  /** The code prefix a list under `regionCode` covers (the scope's when narrower), null when they do not meet. */
  listPrefix(regionCode: string): string | null {
    return scopedPrefix(this.ctx.actor, regionCode);
  }

  /** FORBIDDEN unless the actor has one of `roles` and `regionCode` is in scope. */
  requireWrite(regionCode: string, roles: readonly Role[]): void {
    requireRole(this.ctx.actor, ...roles);
    requireInScope(this.ctx.actor, regionCode);
  }

  /** FORBIDDEN when `regionCode` lies outside the caller's scope. */
  requireRead(regionCode: string): void {
    requireInScope(this.ctx.actor, regionCode);
  }
}

/**
 * Rows outside the caller's scope become null (a by-id read answers them as missing); for a resident,
 * also rows that are not their own (`ownerOf`, when the record has a single owner).
 */
export function visibleOnly<T>(ctx: RequestContext, rows: (T | null)[], villageOf: (row: T) => string, ownerOf?: (row: T) => string | null): (T | null)[] {
  const access = LegalAccess.of(ctx);
  const own = access.residentOnly ? access.ownResidentId : undefined;
  return rows.map((row) => (row !== null && access.canSee(villageOf(row)) && (own === undefined || !ownerOf || ownerOf(row)?.toLowerCase() === own) ? row : null));
}

/** Scope-narrowed prefixes of requested regions and the distinct LIKE patterns covering them. */
export function regionPatterns(ctx: RequestContext, codes: readonly string[]): { prefixes: (string | null)[]; patterns: string[] } {
  const access = LegalAccess.of(ctx);
  const prefixes = codes.map((code) => access.listPrefix(code));
  const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
  return { prefixes, patterns };
}

/** Rows grouped per requested region prefix (the kernel's, linear in the rows). */
export { groupByPrefix } from '@xiangzhi/kernel';

/** CONFLICT for a record someone changed since the caller read it. */
export function staleVersion(record: { zh: string; en: string }, expected: number, current: number): XzError {
  return conflict(
    `${record.zh}已被他人修改（当前版本${current}，您提交的版本${expected}），请刷新后重试`,
    `The ${record.en} was changed by someone else (version ${current}, yours ${expected}); reload and retry`,
    { currentVersion: current, expectedVersion: expected },
  );
}

/** NOT_FOUND for a record that is missing or outside the scope. */
export function missing(record: { zh: string; en: string }, id: string): XzError {
  return notFound(record.zh, record.en, id);
}

/** The prefix of a region code, re-exported for SQL `LIKE`. */
export const prefixOf = regionPrefix;

/** 金额 money in GraphQL: a String of yuan with two decimals ("1234.50"); stored as integer fen. */
export const YUAN_PATTERN = /^\d{1,13}(\.\d{1,2})?$/;

/** "1234.5" → 123450n fen (the input's syntax is checked by class-validator before). */
export function yuanToFen(value: string, field: string): bigint {
  if (!YUAN_PATTERN.test(value)) {
    throw badInput(`金额须为元，最多两位小数：${field} = ${value}`, `An amount must be yuan with at most two decimals: ${field} = ${value}`, { field, rule: 'MONEY_FORMAT', value });
  }
  const [whole, frac = ''] = value.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

/** 123450n or "123450" fen → "1234.50". */
export function fenToYuan(fen: bigint | string): string {
  const v = BigInt(fen);
  return `${v / 100n}.${String(v % 100n).padStart(2, '0')}`;
}
