import { forbidden, hasRole, isWithin, notFound, requireInScope, requireRole, Role, scopedPrefix, type RequestContext } from '@xiangzhi/kernel';

/** Roles that record points entries, activities and volunteer hours (grid workers included). */
export const RECORDER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.GRID_WORKER];

/** Roles that approve points, run the market, adopt village rules and nominate role models. */
export const CADRE_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE];

/** Roles that file village rules, keep the county catalogue, rate star households and select role models. */
export const MANAGER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/**
 * 数据权限 what the caller may see and change in the civility subgraph: records whose region lies in
 * the actor's scope (prefix match); writes need one of the roles the operation names (auditors and
 * residents never write); a resident sees their own household's and their own records.
 */
export class CivilityAccess {
  private constructor(private readonly ctx: RequestContext) {}

  private static readonly cache = new WeakMap<RequestContext, CivilityAccess>();

  static of(ctx: RequestContext): CivilityAccess {
    let access = CivilityAccess.cache.get(ctx);
    if (!access) {
      access = new CivilityAccess(ctx);
      CivilityAccess.cache.set(ctx, access);
    }
    return access;
  }

  get actorId(): string {
    return this.ctx.actor.id;
  }

  get scope(): string {
    return this.ctx.actor.scope;
  }

  get isResident(): boolean {
    return this.ctx.actor.roles.length > 0 && this.ctx.actor.roles.every((r) => r === Role.RESIDENT);
  }

  canSee(regionCode: string): boolean {
    return isWithin(regionCode, this.ctx.actor.scope);
  }

  /** A record outside the scope answers as a missing one. */
  requireVisible(regionCode: string, record: { zh: string; en: string; key: string }): void {
    if (!this.canSee(regionCode)) throw notFound(record.zh, record.en, record.key);
  }

  /** The code prefix a report under `regionCode` covers (narrowed to the scope), or null when they do not meet. */
  listPrefix(regionCode: string): string | null {
    return scopedPrefix(this.ctx.actor, regionCode);
  }

  /** FORBIDDEN unless the actor has one of `roles` and `regionCode` is in scope. */
  requireWrite(regionCode: string, roles: readonly Role[]): void {
    requireRole(this.ctx.actor, ...roles);
    requireInScope(this.ctx.actor, regionCode);
  }

  requireRole(roles: readonly Role[]): void {
    requireRole(this.ctx.actor, ...roles);
  }

  hasRole(roles: readonly Role[]): boolean {
    return hasRole(this.ctx.actor, ...roles);
  }

  /** FORBIDDEN (rule `SELF_APPROVAL`) when the actor decides on what they recorded themselves. */
  requireNotSelf(recordedBy: string, field: string, value: string): void {
    if (recordedBy === this.ctx.actor.id) {
      throw forbidden(`登记人不能审核自己登记的记录：${field} = ${value}`, `The recorder cannot approve their own entry: ${field} = ${value}`, { field, rule: 'SELF_APPROVAL', value });
    }
  }
}
