import {
  assertRegionCode,
  badInput,
  isWithin,
  levelOf,
  RegionLevel,
  regionPrefix,
  requireInScope,
  requireRole,
  Role,
  todayInChina,
  type RequestContext,
} from '@xiangzhi/kernel';
import { PLUGIN_NAME, type LongshanQihuaConfig } from '../config';

/** 派单、考核 who dispatches and assesses tasks: the county and the township (乡镇派单、按月考核). */
export const TASK_WRITERS: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER];

/** 双有双奖、一类班子 who grants awards and rates the village teams: the county (县级奖励资金). */
export const AWARD_WRITERS: readonly Role[] = [Role.COUNTY_ADMIN];


/** The county's parameters of this plugin; PLUGIN_NOT_ENABLED where the county has not enabled it. */
export function configFor(ctx: RequestContext, regionCode: string): LongshanQihuaConfig {
  return ctx.policies.configOf<LongshanQihuaConfig>(PLUGIN_NAME, regionCode);
}

/** BAD_USER_INPUT unless `code` is a 12-digit code of the given level. */
export function requireLevel(code: string, level: RegionLevel.VILLAGE | RegionLevel.COUNTY, field: string): void {
  assertRegionCode(code, field);
  if (levelOf(code) !== level) {
    const zh = level === RegionLevel.VILLAGE ? '村（社区）' : '区县';
    throw badInput(`须为${zh}区划代码：${code}`, `A ${level.toLowerCase()} division code is required: ${code}`, { field });
  }
}

export { requireMonth } from '@xiangzhi/personnel-api';

/** BAD_USER_INPUT unless `year` is a plausible year (2000–2100). */
export function requireYear(year: number, field = 'year'): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`年度应在2000–2100之间：${year}`, `The year must lie in 2000–2100: ${year}`, { field });
}

/** FORBIDDEN unless the actor has one of `roles` and `regionCode` lies in their scope (auditors never write). */
export function requireWriter(ctx: RequestContext, regionCode: string, roles: readonly Role[]): void {
  requireRole(ctx.actor, ...roles);
  requireInScope(ctx.actor, regionCode);
}

/**
 * The village-code prefix a list under `regionCode` is filtered by: the region's own when it lies in
 * the actor's scope, the scope's when the scope lies inside it (a township officer listing the
 * county's ratings sees their township's villages); FORBIDDEN when they do not meet.
 */
export function listPrefix(ctx: RequestContext, regionCode: string): string {
  if (isWithin(regionCode, ctx.actor.scope)) return regionPrefix(regionCode);
  if (isWithin(ctx.actor.scope, regionCode)) return regionPrefix(ctx.actor.scope);
  requireInScope(ctx.actor, regionCode);
  return regionPrefix(regionCode);
}

/** This month (`YYYY-MM`) in China Standard Time. */
export function currentMonth(): string {
  return todayInChina().slice(0, 7);
}
