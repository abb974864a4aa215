import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { z } from 'zod';
import { ErrorCode, forbidden, unauthenticated, XzError } from './errors';
import { isRegionCode, isWithin, levelOf, PREFIX_LENGTH, RegionLevel } from './region-code';

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
/** Lifetime of an internal token (`x-xz-actor`): it is signed for one subgraph call and used once. */
export const INTERNAL_TOKEN_SECONDS = 60;

export interface TokenOptions {
  secret: string;
  expiresInSeconds?: number;
}

/**
 * Why a token was refused (`extensions.reason` of the UNAUTHENTICATED error; stable):
 * - `TOKEN_MISSING`: no token was sent
 * - `TOKEN_INVALID`: not a JWT, another algorithm than HS256 (`alg: none` among them), a wrong signature or issuer
 * - `TOKEN_EXPIRED`: past its `exp`
 * - `TOKEN_NO_EXPIRY`: no `exp` claim (every token must expire)
 * - `TOKEN_CLAIMS_INVALID`: an unknown role, a malformed scope or a missing id
 * - `ROLE_SCOPE_NOT_ALLOWED`: a scope broader than the role may hold (a village cadre over a county)
 * - `TOKEN_REPLAYED`: an internal token whose `jti` was already used
 */
export type TokenRefusal = 'TOKEN_MISSING' | 'TOKEN_INVALID' | 'TOKEN_EXPIRED' | 'TOKEN_NO_EXPIRY' | 'TOKEN_CLAIMS_INVALID' | 'ROLE_SCOPE_NOT_ALLOWED' | 'TOKEN_REPLAYED';

/** UNAUTHENTICATED with HTTP 401 and the reason (the message stays the same for every reason). */
export function tokenRefused(reason: TokenRefusal): XzError {
  const { messageZh, messageEn } = unauthenticated().extensions;
  return new XzError(ErrorCode.UNAUTHENTICATED, { zh: String(messageZh), en: String(messageEn) }, { reason, http: { status: 401 } });
}

/**
 * The broadest region level each role may hold as its scope: a township officer at most a township,
 * village cadres, grid workers and residents at most a village. County administrators and auditors
 * may hold any level (provincial administrators and auditors exist).
 */
export const BROADEST_SCOPE: Readonly<Record<Role, RegionLevel>> = {
  [Role.COUNTY_ADMIN]: RegionLevel.PROVINCE,
  [Role.AUDITOR]: RegionLevel.PROVINCE,
  [Role.TOWNSHIP_OFFICER]: RegionLevel.TOWNSHIP,
  [Role.VILLAGE_CADRE]: RegionLevel.VILLAGE,
  [Role.GRID_WORKER]: RegionLevel.VILLAGE,
  [Role.RESIDENT]: RegionLevel.VILLAGE,
};

/** True when every role of the actor may hold its scope (see BROADEST_SCOPE). */
export function scopeFitsRoles(actor: Actor): boolean {
  const depth = PREFIX_LENGTH[levelOf(actor.scope)];
  return actor.roles.every((role) => depth >= PREFIX_LENGTH[BROADEST_SCOPE[role]]);
}

const hmacKeys = new Map<string, KeyObject>();

/**
 * The HS256 key of a secret, made once per secret (at most 16 kept): given a string, jsonwebtoken
 * first tries to read it as a PEM key, which throws, on every sign and verify.
 */
function hmacKey(secret: string): KeyObject | string {
  if (secret === '') return secret; // jsonwebtoken refuses an empty secret: keep its error
  let key = hmacKeys.get(secret);
  if (!key) {
    if (hmacKeys.size >= 16) hmacKeys.clear();
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    hmacKeys.set(secret, key);
  }
  return key;
}

/** Issues a user token (what `xz token` prints and what clients send as `Authorization: Bearer`). */
export function signUserToken(actor: Actor, options: TokenOptions): string {
  return jwt.sign(actorSchema.parse(actor), hmacKey(options.secret), {
    algorithm: 'HS256',
    issuer: USER_ISSUER,
    expiresIn: options.expiresInSeconds ?? 12 * 3600,
  });
}

/**
 * Issues the short-lived, single-use internal token the gateway sends to a subgraph in `x-xz-actor`:
 * a fresh `jti` each time (sign one per subgraph call), valid INTERNAL_TOKEN_SECONDS.
 */
export function signInternalToken(actor: Actor, secret: string): string {
  return jwt.sign(actor, hmacKey(secret), { algorithm: 'HS256', issuer: INTERNAL_ISSUER, expiresIn: INTERNAL_TOKEN_SECONDS, jwtid: randomUUID() });
}

/**
 * The `jti`s of internal tokens a subgraph has accepted, kept until their token expires: a token
 * presented twice is refused (TOKEN_REPLAYED). In memory, per process. Each call first forgets the
 * expired entries at the front (entries are kept in the order accepted, and internal tokens all
 * live INTERNAL_TOKEN_SECONDS, so the front expires first): the set holds about one token
 * lifetime of calls (275 calls a second → ~16,500 entries), not a growing history. Bounded to
 * `max` entries besides (expired ones are dropped first; if the set is still full the oldest is
 * forgotten, which at the default of 200,000 needs over 3,000 calls a second for a full token lifetime).
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  constructor(private readonly max = 200_000) {}

  /** Records `jti` (expiring at `expSeconds`); false when it was seen before and has not expired. */
  accept(jti: string, expSeconds: number, nowMs = Date.now()): boolean {
    const known = this.seen.get(jti);
    if (known !== undefined && known * 1000 > nowMs) return false;
    for (const [id, exp] of this.seen) {
      if (exp * 1000 > nowMs) break;
      this.seen.delete(id);
    }
    if (this.seen.size >= this.max) {
      for (const [id, exp] of this.seen) if (exp * 1000 <= nowMs) this.seen.delete(id);
      while (this.seen.size >= this.max) this.seen.delete(this.seen.keys().next().value as string);
    }
    this.seen.set(jti, expSeconds);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}

/**
 * The secrets a token may be signed with: the current one, then during a rotation the previous one
 * (`XZ_JWT_SECRET_PREVIOUS`, `XZ_INTERNAL_SECRET_PREVIOUS`). Signing always uses the current one.
 */
export type VerificationSecrets = string | readonly string[];

/** The secrets a verifier accepts: the current one, then the previous one during a rotation. */
export function acceptedSecrets(current: string, previous?: string): string[] {
  return previous && previous !== current ? [current, previous] : [current];
}

/** Verifies with each secret in turn; only a bad signature moves on to the next one. */
function verifySignature(token: string, secrets: VerificationSecrets, issuer: string): string | jwt.JwtPayload {
  const list = typeof secrets === 'string' ? [secrets] : secrets.filter((s) => s !== '');
  for (const [index, secret] of list.entries()) {
    try {
      return jwt.verify(token, hmacKey(secret), { algorithms: ['HS256'], issuer });
    } catch (error) {
      const badSignature = error instanceof jwt.JsonWebTokenError && error.message === 'invalid signature';
      if (badSignature && index < list.length - 1) continue;
      throw tokenRefused(error instanceof jwt.TokenExpiredError ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID');
    }
  }
  throw tokenRefused('TOKEN_INVALID');
}

function verify(token: string, secret: VerificationSecrets, issuer: string): { actor: Actor; payload: jwt.JwtPayload } {
  const payload = verifySignature(token, secret, issuer);
  if (typeof payload === 'string') throw tokenRefused('TOKEN_INVALID');
  if (typeof payload.exp !== 'number') throw tokenRefused('TOKEN_NO_EXPIRY');
  const parsed = actorSchema.safeParse(payload);
  if (!parsed.success) throw tokenRefused('TOKEN_CLAIMS_INVALID');
  return { actor: parsed.data, payload };
}

/**
 * Verifies a client token: HS256 with `secret` (or any of a rotation's secrets) and issuer `xiangzhi`, an `exp` in the future, known
 * roles, a 12-digit scope the roles may hold. Throws UNAUTHENTICATED (HTTP 401) with a `reason`
 * (see TokenRefusal).
 */
export function verifyUserToken(token: string, secret: VerificationSecrets): Actor {
  const { actor } = verify(token, secret, USER_ISSUER);
  if (!scopeFitsRoles(actor)) throw tokenRefused('ROLE_SCOPE_NOT_ALLOWED');
  return actor;
}

/**
 * Verifies an internal token (`x-xz-actor`): as a client token but with the gateway's issuer and
 * the internal secret; with a `guard`, a token must carry a `jti` and is accepted once only.
 */
export function verifyInternalToken(token: string, secret: VerificationSecrets, guard?: ReplayGuard): Actor {
  const { actor, payload } = verify(token, secret, INTERNAL_ISSUER);
  if (guard) {
    if (typeof payload.jti !== 'string' || payload.jti === '') throw tokenRefused('TOKEN_CLAIMS_INVALID');
    if (!guard.accept(payload.jti, payload.exp as number)) throw tokenRefused('TOKEN_REPLAYED');
  }
  return actor;
}
