import {
  forbidden,
  hasRole,
  notFound,
  isRegionCode,
  isUuid,
  isWithin,
  PERSONAL_DATA_ROLES,
  regionPrefix,
  requireRole,
  Role,
  WRITER_ROLES,
  type RequestContext,
} from '@xiangzhi/kernel';

/** The household a resident actor belongs to (what they may see). */
export interface OwnHousehold {
  householdId: string;
  gridId: string | null;
  villageCode: string;
}

/** A SQL condition with named parameters for a TypeORM query builder. */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

export { isUuid } from '@xiangzhi/kernel';

/** Roles that see everything in their scope; an actor with none of them sees only their own household. */
const SCOPE_ROLES: Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.GRID_WORKER, Role.AUDITOR];

/**
 * 数据权限 what the caller may see and change in the territory, per request:
 * - everything whose region code lies in the actor's scope (prefix match); regions above the scope
 *   (its township, county…) are readable too, so a village cadre can walk up the tree;
 * - a resident (no other role) sees only their own household, its members, and its grid;
 * - writes need one of WRITER_ROLES (auditors are read-only) and a target inside the scope.
 * Out-of-scope single records answer NOT_FOUND, exactly as a missing id does (an error never tells
 * whether a record exists outside the scope, or where); lists leave them out.
 */
export class TerritoryAccess {
  readonly prefix: string;
  /** True for resident actors: only their own household is visible. */
  readonly householdOnly: boolean;
  private own?: Promise<OwnHousehold | null>;

  private constructor(private readonly ctx: RequestContext) {
    this.prefix = regionPrefix(ctx.actor.scope);
    this.householdOnly = !hasRole(ctx.actor, ...SCOPE_ROLES);
  }

  private static readonly cache = new WeakMap<RequestContext, TerritoryAccess>();

  static of(ctx: RequestContext): TerritoryAccess {
    let access = TerritoryAccess.cache.get(ctx);
    if (!access) {
      access = new TerritoryAccess(ctx);
      TerritoryAccess.cache.set(ctx, access);
    }
    return access;
  }

  /** True when `code` lies inside the actor's scope. */
  inScope(code: string): boolean {
    return code.startsWith(this.prefix);
  }

  /**
   * The prefix to count under for a region: its own, narrowed to the caller's scope; null when
   * they do not overlap (stats of a region above the scope count only what lies inside it).
   */
  countPrefix(regionCode: string): string | null {
    const own = regionPrefix(regionCode);
    if (own.startsWith(this.prefix)) return own;
    if (this.prefix.startsWith(own)) return this.prefix;
    return null;
  }

  /** Regions inside the scope and the regions above it (its ancestors) are readable. */
  canSeeRegion(code: string): boolean {
    return isRegionCode(code) && (isWithin(code, this.ctx.actor.scope) || isWithin(this.ctx.actor.scope, code));
  }

  /** Whether unmasked ID and phone numbers of a person in `regionCode` may be shown (and must be audited). */
  seesPersonalData(regionCode: string): boolean {
    return hasRole(this.ctx.actor, ...PERSONAL_DATA_ROLES) && this.inScope(regionCode);
  }

  /** The resident actor's own household (null when the actor has none or is not a resident). */
  ownHousehold(): Promise<OwnHousehold | null> {
    if (!this.own) {
      const residentId = this.ctx.actor.residentId;
      this.own =
        !this.householdOnly || !residentId || !isUuid(residentId)
          ? Promise.resolve(null)
          : this.ctx.dataSource
              .query(
                'SELECT r.household_id, h.grid_id, h.village_code FROM resident r JOIN household h ON h.id = r.household_id WHERE r.id = $1',
                [residentId],
              )
              .then((rows: { household_id: string; grid_id: string | null; village_code: string }[]) => {
                const row = rows[0];
                if (!row || !this.inScope(row.village_code)) return null;
                return { householdId: row.household_id, gridId: row.grid_id, villageCode: row.village_code };
              });
    }
    return this.own;
  }

  async canSeeHousehold(h: { id: string; villageCode: string }): Promise<boolean> {
    if (!this.inScope(h.villageCode)) return false;
    if (!this.householdOnly) return true;
    return (await this.ownHousehold())?.householdId === h.id;
  }

  async canSeeResident(r: { householdId: string; villageCode: string }): Promise<boolean> {
    return this.canSeeHousehold({ id: r.householdId, villageCode: r.villageCode });
  }

  async canSeeGrid(g: { id: string; villageCode: string }): Promise<boolean> {
    if (!this.inScope(g.villageCode)) return false;
    if (!this.householdOnly) return true;
    const own = await this.ownHousehold();
    return !!own && own.gridId === g.id;
  }

  /** Zones are visible village-wide (residents: in their own village). */
  async canSeeZone(z: { villageCode: string }): Promise<boolean> {
    if (!this.inScope(z.villageCode)) return false;
    if (!this.householdOnly) return true;
    return (await this.ownHousehold())?.villageCode === z.villageCode;
  }

  /** Keeps the visible items of a list (order preserved). */
  async filter<T>(items: T[], visible: (item: T) => Promise<boolean>): Promise<T[]> {
    const flags = await Promise.all(items.map(visible));
    return items.filter((_, i) => flags[i]);
  }

  /** Condition on a household alias: in scope, and the own household for residents. */
  async householdFilter(alias: string): Promise<SqlFilter> {
    return this.rowFilter(alias, `${alias}.id`, (own) => own.householdId);
  }

  /** Condition on a resident alias: in scope, and members of the own household for residents. */
  async residentFilter(alias: string): Promise<SqlFilter> {
    return this.rowFilter(alias, `${alias}.household_id`, (own) => own.householdId);
  }

  /** Condition on a grid alias: in scope, and the own grid for residents. */
  async gridFilter(alias: string): Promise<SqlFilter> {
    return this.rowFilter(alias, `${alias}.id`, (own) => own.gridId);
  }

  private async rowFilter(alias: string, column: string, pick: (own: OwnHousehold) => string | null): Promise<SqlFilter> {
    const scopeParam = `${alias}_scope`;
    const params: Record<string, unknown> = { [scopeParam]: `${this.prefix}%` };
    let sql = `${alias}.village_code LIKE :${scopeParam}`;
    if (this.householdOnly) {
      const own = await this.ownHousehold();
      const value = own ? pick(own) : null;
      if (!value) return { sql: '1 = 0', params: {} };
      const ownParam = `${alias}_own`;
      sql += ` AND ${column} = :${ownParam}`;
      params[ownParam] = value;
    }
    return { sql, params };
  }

  /**
   * Throws FORBIDDEN unless the actor may change data in `regionCode`. The message names the caller's
   * own scope only, never the region: a code outside the scope is not echoed.
   */
  assertCanWrite(regionCode: string): void {
    requireRole(this.ctx.actor, ...WRITER_ROLES);
    if (!this.inScope(regionCode)) {
      throw forbidden(`无权修改辖区（${this.ctx.actor.scope}）以外的数据`, `You may only change data inside your scope ${this.ctx.actor.scope}`, {
        scope: this.ctx.actor.scope,
      });
    }
  }

  /** Throws FORBIDDEN for residents (household-only actors) on village-wide reads. */
  assertScopeReader(): void {
    if (this.householdOnly) {
      throw forbidden('居民只能查看本户信息', 'Residents may only see their own household');
    }
  }
}

/**
 * A single record outside the caller's scope: NOT_FOUND with the very message of a missing id, so
 * that nobody learns from an error that the record exists, or where.
 */
export function outOfScope(entityZh: string, entityEn: string, key: string): Error {
  return notFound(entityZh, entityEn, key);
}
