import crypto from 'node:crypto';
import { bootPlatform } from '@xiangzhi/platform';
import { DEVELOPMENT_SECRETS, runCli } from '@xiangzhi/deployment';
import { subgraph as grids } from '@xiangzhi/grids';
import { ACTOR_HEADER, ReplayGuard, Role, signInternalToken, signUserToken, type Actor } from '@xiangzhi/kernel';
import { countQueries, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * Issue 15 §3: the gateway is the only way in. A subgraph answers 401 (UNAUTHENTICATED with a
 * stable `reason`) to a request without the gateway's internal token, with an expired, forged or
 * replayed one — queries, `_entities` and `_service` alike; identity headers a client sends never
 * reach a subgraph; client tokens with `alg: none`, a wrong secret, past or without `exp`, an unknown
 * role or scope, or a scope the role may not hold are refused at the gateway before any subgraph
 * works; production refuses to start with the development secrets.
 */
const VILLAGE_A = '990101101201';
const VILLAGE_B = '990101101202';
const COUNTY = '990101000000';
const cadreA: Actor = { id: 'cadre-a', roles: [Role.VILLAGE_CADRE], scope: VILLAGE_A };
const admin: Actor = { id: 'admin-990101', roles: [Role.COUNTY_ADMIN], scope: COUNTY };

let platform: TestPlatform;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const hs256 = (header: unknown, payload: unknown, secret: string) => {
  const head = `${b64(header)}.${b64(payload)}`;
  return `${head}.${crypto.createHmac('sha256', secret).update(head).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);

/** POST straight to the grids subgraph (bypassing the gateway) with the given internal token, or none. */
async function direct(query: string, token: string | null, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token !== null) headers[ACTOR_HEADER] = token;
  const res = await fetch(platform.subgraphs.grids.url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string; reason?: string } }[] } };
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids] });
  const fixtures = testFixtures(platform);
  await fixtures.village({ code: VILLAGE_A, posts: false });
  await fixtures.village({ code: VILLAGE_B, posts: false });
});
afterAll(() => platform?.stop());

describe('subgraphs accept only the gateway', () => {
  const REGION = `{ region(code: "${VILLAGE_A}") { name } }`;
  const ENTITIES = `{ _entities(representations: [{ __typename: "Region", code: "${VILLAGE_A}" }]) { ... on Region { name } } }`;
  const SERVICE = '{ _service { sdl } }';

  it('answers a valid internal token once; a replay of it is refused (TOKEN_REPLAYED)', async () => {
    const token = signInternalToken(admin, TEST_SECRETS.internalSecret);
    const first = await direct(REGION, token);
    expect(first).toEqual({ status: 200, body: { data: { region: { name: expect.any(String) } } } });
    const again = await direct(REGION, token);
    expect(again.status).toBe(401);
    expect(again.body.errors?.[0]).toMatchObject({ message: '未登录或令牌无效 (Not authenticated or the token is invalid)', extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_REPLAYED' } });
  });

  it.each([
    ['a missing token', () => null, 'TOKEN_MISSING'],
    ['an expired token', () => hs256({ alg: 'HS256', typ: 'JWT' }, { ...admin, iss: 'xiangzhi-gateway', jti: crypto.randomUUID(), iat: now() - 120, exp: now() - 60 }, TEST_SECRETS.internalSecret), 'TOKEN_EXPIRED'],
    ['a token signed with another secret', () => signInternalToken(admin, 'not-the-internal-secret'), 'TOKEN_INVALID'],
    ['an alg: none token', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...admin, iss: 'xiangzhi-gateway', jti: crypto.randomUUID(), exp: now() + 60 })}.`, 'TOKEN_INVALID'],
    [
      'an altered payload (a cadre made county admin)',
      () => {
        const [head, , sig] = signInternalToken(cadreA, TEST_SECRETS.internalSecret).split('.');
        return `${head}.${b64({ ...admin, iss: 'xiangzhi-gateway', jti: crypto.randomUUID(), exp: now() + 60 })}.${sig}`;
      },
      'TOKEN_INVALID',
    ],
    ['a client token instead of the internal one', () => signUserToken(admin, { secret: TEST_SECRETS.internalSecret }), 'TOKEN_INVALID'],
    ['a token without jti', () => hs256({ alg: 'HS256', typ: 'JWT' }, { ...admin, iss: 'xiangzhi-gateway', exp: now() + 60 }, TEST_SECRETS.internalSecret), 'TOKEN_CLAIMS_INVALID'],
    ['a token without exp', () => hs256({ alg: 'HS256', typ: 'JWT' }, { ...admin, iss: 'xiangzhi-gateway', jti: crypto.randomUUID() }, TEST_SECRETS.internalSecret), 'TOKEN_NO_EXPIRY'],
  ])('refuses %s with 401 on a query, _entities and _service, before any SQL', async (_label, token, reason) => {
    for (const query of [REGION, ENTITIES, SERVICE]) {
      const { count, result } = await countQueries(platform.subgraphs.grids, () => direct(query, token()));
      expect(result.status).toBe(401);
      expect(result.body.data ?? null).toBeNull();
      expect(result.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
      expect(count).toBe(0);
    }
  });

  it('answers _entities and _service to a fresh internal token (what the gateway sends)', async () => {
    expect((await direct(ENTITIES, signInternalToken(admin, TEST_SECRETS.internalSecret))).body).toEqual({ data: { _entities: [{ name: expect.any(String) }] } });
    const sdl = await direct(SERVICE, signInternalToken(admin, TEST_SECRETS.internalSecret));
    expect(sdl.status).toBe(200);
    expect(JSON.stringify(sdl.body)).toContain('type Region');
  });

  it('gives every subgraph call its own token: a query repeated through the gateway is never a replay', async () => {
    for (let i = 0; i < 3; i += 1) {
      expect((await platform.query(`{ region(code: "${VILLAGE_A}") { name parent { name } } }`, {}, admin)).errors).toBeUndefined();
    }
  });

  it('forgets accepted jtis only once their token expired, and stays bounded', () => {
    const guard = new ReplayGuard(3);
    const t = 1_000_000_000;
    expect(guard.accept('a', t / 1000 + 60, t)).toBe(true);
    expect(guard.accept('a', t / 1000 + 60, t + 1000)).toBe(false);
    expect(guard.accept('b', t / 1000 + 60, t)).toBe(true);
    expect(guard.accept('c', t / 1000 + 1, t)).toBe(true);
    // full: the expired c is dropped first, a and b are still refused
    expect(guard.accept('d', t / 1000 + 60, t + 5000)).toBe(true);
    expect(guard.size).toBe(3);
    expect(guard.accept('a', t / 1000 + 60, t + 5000)).toBe(false);
    expect(guard.accept('b', t / 1000 + 60, t + 5000)).toBe(false);
  });

  it('holds about one token lifetime of calls, not every call since boot', () => {
    const guard = new ReplayGuard();
    const start = 1_000_000_000_000;
    // 100 calls a second for 10 minutes, each token valid 60 s from its call
    for (let ms = 0; ms < 600_000; ms += 10) {
      const now = start + ms;
      expect(guard.accept(`jti-${ms}`, Math.floor(now / 1000) + 60, now)).toBe(true);
    }
    // the last minute's tokens (≈ 6,000), not the 60,000 accepted
    expect(guard.size).toBeGreaterThanOrEqual(6_000);
    expect(guard.size).toBeLessThanOrEqual(6_100);
    // a token of the last minute is still refused when presented again
    expect(guard.accept('jti-599990', Math.floor((start + 599_990) / 1000) + 60, start + 600_000)).toBe(false);
  });
});

describe('identity comes only from the client token', () => {
  it('drops identity headers a client sends: a village cadre stays a village cadre', async () => {
    const forged = signInternalToken(admin, TEST_SECRETS.internalSecret);
    const ask = async (code: string) => {
      const res = await fetch(platform.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${platform.token(cadreA)}`,
          [ACTOR_HEADER]: forged,
          'x-actor-id': admin.id,
          'x-actor-roles': 'COUNTY_ADMIN',
          'x-actor-scope': COUNTY,
        },
        body: JSON.stringify({ query: `{ region(code: "${code}") { code } }` }),
      });
      return (await res.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
    };
    expect((await ask(VILLAGE_A)).data).toEqual({ region: { code: VILLAGE_A } });
    const other = await ask(VILLAGE_B);
    expect(other.data ?? null).toBeNull();
    // a region outside the scope is answered as a missing one
    expect(other.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    // the forged internal token was never presented to the subgraph: it is still unused there
    expect((await direct(`{ region(code: "${VILLAGE_B}") { code } }`, forged)).body).toEqual({ data: { region: { code: VILLAGE_B } } });
  });

  const userTokens: [string, () => string, string][] = [
    ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...admin, iss: 'xiangzhi', exp: now() + 600 })}.`, 'TOKEN_INVALID'],
    ['a wrong secret', () => signUserToken(admin, { secret: 'guessed-secret' }), 'TOKEN_INVALID'],
    ['a forged payload', () => {
      const [head, , sig] = signUserToken(cadreA, { secret: TEST_SECRETS.jwtSecret }).split('.');
      return `${head}.${b64({ ...admin, iss: 'xiangzhi', exp: now() + 600 })}.${sig}`;
    }, 'TOKEN_INVALID'],
    ['an expired token', () => signUserToken(admin, { secret: TEST_SECRETS.jwtSecret, expiresInSeconds: -10 }), 'TOKEN_EXPIRED'],
    ['no exp', () => hs256({ alg: 'HS256', typ: 'JWT' }, { ...admin, iss: 'xiangzhi', iat: now() }, TEST_SECRETS.jwtSecret), 'TOKEN_NO_EXPIRY'],
    ['an unknown role', () => hs256({ alg: 'HS256', typ: 'JWT' }, { id: 'x', roles: ['SUPERUSER'], scope: COUNTY, iss: 'xiangzhi', exp: now() + 600 }, TEST_SECRETS.jwtSecret), 'TOKEN_CLAIMS_INVALID'],
    ['an unknown scope', () => hs256({ alg: 'HS256', typ: 'JWT' }, { id: 'x', roles: ['COUNTY_ADMIN'], scope: '*', iss: 'xiangzhi', exp: now() + 600 }, TEST_SECRETS.jwtSecret), 'TOKEN_CLAIMS_INVALID'],
    ['a village cadre over a county', () => signUserToken({ id: 'x', roles: [Role.VILLAGE_CADRE], scope: COUNTY }, { secret: TEST_SECRETS.jwtSecret }), 'ROLE_SCOPE_NOT_ALLOWED'],
    ['a resident over a township', () => signUserToken({ id: 'x', roles: [Role.RESIDENT], scope: '990101101000' }, { secret: TEST_SECRETS.jwtSecret }), 'ROLE_SCOPE_NOT_ALLOWED'],
    ['a township officer over a county', () => signUserToken({ id: 'x', roles: [Role.TOWNSHIP_OFFICER], scope: COUNTY }, { secret: TEST_SECRETS.jwtSecret }), 'ROLE_SCOPE_NOT_ALLOWED'],
  ];
  it.each(userTokens)('refuses a client token with %s (401, stable reason, no subgraph work)', async (_label, token, reason) => {
    const { count, result } = await countQueries(platform.subgraphs.grids, () => platform.query(`{ region(code: "${VILLAGE_A}") { name } }`, {}, token()));
    expect(result.status).toBe(401);
    expect(result.errors?.[0]).toMatchObject({ message: '未登录或令牌无效 (Not authenticated or the token is invalid)', extensions: { code: 'UNAUTHENTICATED', reason } });
    expect(count).toBe(0);
  });
});

describe('xz token', () => {
  it('does not issue a token whose role may not hold the scope', async () => {
    let stderr = '';
    let stdout = '';
    const run = (args: string[]) => runCli(['token', ...args], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { JEST_WORKER_ID: '1' } });
    expect(await run(['--role', 'VILLAGE_CADRE', '--scope', COUNTY])).toBe(1);
    expect(stderr).toContain(`--scope: 角色 VILLAGE_CADRE 不能持有该层级的辖区 (these roles may not hold a scope this broad): ${COUNTY}`);
    expect(stdout).toBe('');
    expect(await run(['--role', 'VILLAGE_CADRE', '--scope', VILLAGE_A])).toBe(0);
    expect(stdout.trim().split('.')).toHaveLength(3);
  });
});

describe('secrets in production', () => {
  const production = { NODE_ENV: 'production', JEST_WORKER_ID: '1' };
  const cli = async (env: NodeJS.ProcessEnv) => {
    let stderr = '';
    const code = await runCli(['serve', '--subgraph', 'grids', '--port', '0'], { stdout: () => undefined, stderr: (t) => (stderr += t), env });
    return { code, stderr };
  };

  it('xz serve refuses to start without secrets or with the development ones', async () => {
    const none = await cli(production);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('XZ_JWT_SECRET: 未设置 (not set); NODE_ENV=production 时不使用开发默认值 (development defaults are refused in production)');
    const dev = await cli({ ...production, XZ_JWT_SECRET: DEVELOPMENT_SECRETS.jwtSecret, XZ_INTERNAL_SECRET: DEVELOPMENT_SECRETS.internalSecret });
    expect(dev.code).toBe(1);
    expect(dev.stderr).toContain('XZ_JWT_SECRET: 生产环境不得使用开发密钥 (the development secret is refused in production)');
    expect(dev.stderr).toContain('XZ_INTERNAL_SECRET: 生产环境不得使用开发密钥 (the development secret is refused in production)');
    // without NODE_ENV=production `xz serve` still needs secrets: it never falls back to the development ones
    expect((await cli({ JEST_WORKER_ID: '1' })).stderr).toContain('XZ_INTERNAL_SECRET: 未设置 (not set)');
  });

  it('the embedded platform (npm start) refuses the development defaults under NODE_ENV=production', async () => {
    await expect(bootPlatform({ env: { NODE_ENV: 'production' } })).rejects.toThrow('密钥配置无效 (secrets are not configured)');
    await expect(
      bootPlatform({ env: { NODE_ENV: 'production', XZ_JWT_SECRET: DEVELOPMENT_SECRETS.jwtSecret, XZ_INTERNAL_SECRET: 'x'.repeat(40) } }),
    ).rejects.toThrow('XZ_JWT_SECRET: 生产环境不得使用开发密钥');
  });
});
