import { composeSupergraph, loadGateway, resolveSecrets, SecretsError, type RunningGateway } from '@xiangzhi/deployment';
import { subgraph as grids } from '@xiangzhi/grids';
import { ACTOR_HEADER, Role, signInternalToken, signUserToken, startSubgraph, type Actor, type RunningSubgraph } from '@xiangzhi/kernel';
import { freshSchemaName } from '@xiangzhi/testing';
import pg from 'pg';

/**
 * Rotating the JWT and internal secrets without downtime: during a rotation the processes verify
 * with the new secret and the previous one (`XZ_JWT_SECRET_PREVIOUS`, `XZ_INTERNAL_SECRET_PREVIOUS`)
 * and sign only with the new one; a token signed with neither is refused.
 */
const OLD_JWT = 'old-jwt-secret-0123456789-abcdefghijklmnop';
const NEW_JWT = 'new-jwt-secret-0123456789-abcdefghijklmnop';
const OLD_INTERNAL = 'old-internal-secret-0123456789-abcdefghij';
const NEW_INTERNAL = 'new-internal-secret-0123456789-abcdefghij';
const OTHER = 'another-secret-0123456789-abcdefghijklmnopq';
const admin: Actor = { id: 'rotation-admin', roles: [Role.COUNTY_ADMIN], scope: '990101000000' };
const QUERY = JSON.stringify({ query: '{ regions(parentCode: "990101000000") { code } }' });
const databaseUrl = process.env.TEST_DATABASE_URL || undefined;

describe('resolveSecrets during a rotation', () => {
  it('reads the previous secrets, and holds them to the production rules', () => {
    const env = { NODE_ENV: 'production', XZ_JWT_SECRET: NEW_JWT, XZ_INTERNAL_SECRET: NEW_INTERNAL, XZ_JWT_SECRET_PREVIOUS: OLD_JWT, XZ_INTERNAL_SECRET_PREVIOUS: OLD_INTERNAL };
    expect(resolveSecrets({ embedded: false, env })).toMatchObject({ jwtSecret: NEW_JWT, previousJwtSecret: OLD_JWT, internalSecret: NEW_INTERNAL, previousInternalSecret: OLD_INTERNAL });
    expect(resolveSecrets({ embedded: false, env: { ...env, XZ_JWT_SECRET_PREVIOUS: '', XZ_INTERNAL_SECRET_PREVIOUS: '' } })).toMatchObject({ previousJwtSecret: undefined, previousInternalSecret: undefined });
    expect(() => resolveSecrets({ embedded: false, env: { ...env, XZ_JWT_SECRET_PREVIOUS: 'short' } })).toThrow(SecretsError);
    expect(() => resolveSecrets({ embedded: false, env: { ...env, XZ_JWT_SECRET_PREVIOUS: NEW_INTERNAL } })).toThrow('XZ_JWT_SECRET_PREVIOUS');
  });
});

describe('a subgraph and gateways mid-rotation', () => {
  let sg: RunningSubgraph;
  const schema = freshSchemaName('rotation');
  const gateways: RunningGateway[] = [];
  let gatewayOld: RunningGateway;
  let gatewayNew: RunningGateway;

  beforeAll(async () => {
    // the subgraphs roll out first: the new internal secret, still accepting the old one
    sg = await startSubgraph(grids, { internalSecret: NEW_INTERNAL, previousInternalSecret: OLD_INTERNAL, databaseUrl, schema, runJobs: false });
    const supergraphSdl = composeSupergraph([{ name: 'grids', url: sg.url, sdl: sg.sdl }]);
    const startGateway = loadGateway();
    // a gateway pod of the old release, and one of the new (which accepts client tokens of the old JWT secret)
    gatewayOld = await startGateway({ supergraphSdl, port: 0, jwtSecret: OLD_JWT, internalSecret: OLD_INTERNAL });
    gatewayNew = await startGateway({ supergraphSdl, port: 0, jwtSecret: NEW_JWT, previousJwtSecret: OLD_JWT, internalSecret: NEW_INTERNAL });
    gateways.push(gatewayOld, gatewayNew);
  }, 120_000);
  afterAll(async () => {
    for (const g of gateways) await g.stop();
    await sg?.stop();
    if (databaseUrl) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });

  const post = async (url: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: QUERY });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string; reason?: string } }[] };
    return { status: res.status, code: body.errors?.[0]?.extensions?.code, reason: body.errors?.[0]?.extensions?.reason };
  };

  it('the subgraph accepts actor tokens of the new and the previous internal secret, and no other', async () => {
    expect((await post(sg.url, { [ACTOR_HEADER]: signInternalToken(admin, NEW_INTERNAL) })).code).toBeUndefined();
    expect((await post(sg.url, { [ACTOR_HEADER]: signInternalToken(admin, OLD_INTERNAL) })).code).toBeUndefined();
    expect(await post(sg.url, { [ACTOR_HEADER]: signInternalToken(admin, OTHER) })).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
  });

  it('old and new gateways both reach the subgraph; the new gateway accepts client tokens of both JWT secrets', async () => {
    const oldToken = signUserToken(admin, { secret: OLD_JWT });
    const newToken = signUserToken(admin, { secret: NEW_JWT });
    expect(await post(gatewayOld.url, { authorization: `Bearer ${oldToken}` })).toMatchObject({ status: 200, code: undefined });
    expect(await post(gatewayNew.url, { authorization: `Bearer ${oldToken}` })).toMatchObject({ status: 200, code: undefined });
    expect(await post(gatewayNew.url, { authorization: `Bearer ${newToken}` })).toMatchObject({ status: 200, code: undefined });
    // the old gateway knows only the old JWT secret
    expect(await post(gatewayOld.url, { authorization: `Bearer ${newToken}` })).toMatchObject({ status: 401, reason: 'TOKEN_INVALID' });
    expect(await post(gatewayNew.url, { authorization: `Bearer ${signUserToken(admin, { secret: OTHER })}` })).toMatchObject({ status: 401, reason: 'TOKEN_INVALID' });
    // an expired token of the previous secret is expired, not merely invalid
    const expired = signUserToken(admin, { secret: OLD_JWT, expiresInSeconds: -10 });
    expect(await post(gatewayNew.url, { authorization: `Bearer ${expired}` })).toMatchObject({ status: 401, reason: 'TOKEN_EXPIRED' });
  });
});
