import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { forbidden, unauthenticated } from './errors';
import { isRegionCode, isWithin } from './region-code';

/** 角色 roles a caller may hold. */
export enum Role {
  /** 县委组织部/县级管理员 county administrator */
  COUNTY_ADMIN = 'COUNTY_ADMIN',
  /** 乡镇干部 township officer */
  TOWNSHIP_OFFICER = 'TOWNSHIP_OFFICER',
  /** 村干部 village cadre */
  VILLAGE_CADRE = 'VILLAGE_CADRE',
  /** 网格员 grid worker */
  GRID_WORKER = 'GRID_WORKER',
  /** 村民 resident */
  RESIDENT = 'RESIDENT',
  /** 只读审计 read-only auditor */
  AUDITOR = 'AUDITOR',
}

export const actorSchema = z.object({
  id: z.string().min(1),
  name: z.string().optional(),
  roles: z.array(z.nativeEnum(Role)).min(1),
  /** The region the actor may see and act in (12-digit code); prefix match. */
  scope: z.string().refine(isRegionCode, { message: 'scope must be a 12-digit division code' }),
  /** For residents: the resident record the actor is. */
  residentId: z.string().optional(),
});

/** The authenticated caller, as the gateway derived it. */
export type Actor = z.infer<typeof actorSchema>;

/** Roles that may read unmasked ID and phone numbers of people in their scope. */
export const PERSONAL_DATA_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE];

/** Roles that may change data (everyone but auditors and, outside their own requests, residents). */
export const WRITER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.GRID_WORKER];

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) {
    throw forbidden(
      `需要以下角色之一：${roles.join(', ')}`,
      `One of these roles is required: ${roles.join(', ')}`,
      { requiredRoles: roles },
    );
  }
}

/** Throws FORBIDDEN unless `regionCode` lies inside the actor's scope. */
export function requireInScope(actor: Actor, regionCode: string): void {
  if (!isWithin(regionCode, actor.scope)) {
    // names the caller's own scope, never the region asked for (it may lie outside what they may see)
    throw forbidden(`无权访问辖区（${actor.scope}）以外的区域`, `You may only access regions inside your scope ${actor.scope}`, { scope: actor.scope });
  }
}

export const ACTOR_HEADER = 'x-xz-actor';
const INTERNAL_ISSUER = 'xiangzhi-gateway';
const USER_ISSUER = 'xiangzhi';

export interface TokenOptions {
  secret: string;
  expiresInSeconds?: number;
}

/** Issues a user token (what `xz token` prints and what clients send as `Authorization: Bearer`). */
export function signUserToken(actor: Actor, options: TokenOptions): string {
  return jwt.sign(actorSchema.parse(actor), options.secret, {
    algorithm: 'HS256',
    issuer: USER_ISSUER,
    expiresIn: options.expiresInSeconds ?? 12 * 3600,
  });
}

/** Issues the short-lived internal token the gateway forwards to subgraphs in `x-xz-actor`. */
export function signInternalToken(actor: Actor, secret: string): string {
  return jwt.sign(actor, secret, { algorithm: 'HS256', issuer: INTERNAL_ISSUER, expiresIn: 60 });
}

function verify(token: string, secret: string, issuer: string): Actor {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer });
    const parsed = actorSchema.safeParse(payload);
    if (!parsed.success) throw unauthenticated();
    return parsed.data;
  } catch {
    throw unauthenticated();
  }
}

export function verifyUserToken(token: string, secret: string): Actor {
  return verify(token, secret, USER_ISSUER);
}

export function verifyInternalToken(token: string, secret: string): Actor {
  return verify(token, secret, INTERNAL_ISSUER);
}
