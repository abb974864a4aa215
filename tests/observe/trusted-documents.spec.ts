// @ci-once: the persisted-document allowlist does not depend on the database; CI runs this spec on PGlite only
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway } from '@xiangzhi/gateway';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, signUserToken } from '@xiangzhi/kernel';
import { startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';
import type { RunningGateway } from '@xiangzhi/deployment';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const COUNTY = 'query CountyName { region(code: "433130000000") { name } }';
const CODE = 'query CountyCode { region(code: "433130000000") { code } }';
const UNLISTED = 'query Other { region(code: "433130000000") { name level } }';
const admin = { id: 'trusted-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

interface Answer {
  status: number;
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

describe('trusted documents: only the operations of the manifest run', () => {
  let platform: TestPlatform;
  let gateway: RunningGateway;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-trusted-'));
    // Apollo's persisted query manifest and graphql-codegen client-preset's persisted documents
    fs.writeFileSync(
      path.join(dir, 'persisted-query-manifest.json'),
      JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: sha256(COUNTY), body: COUNTY, name: 'CountyName', type: 'query' }] }),
    );
    fs.writeFileSync(path.join(dir, 'persisted-documents.json'), JSON.stringify({ 'b5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9': CODE }));
    platform = await startTestPlatform({ subgraphs: [grids] });
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await platform?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const start = async (manifest: string) => {
    await gateway?.stop();
    gateway = await startGateway({
      supergraphSdl: platform.supergraphSdl,
      port: 0,
      jwtSecret: TEST_SECRETS.jwtSecret,
      internalSecret: TEST_SECRETS.internalSecret,
      production: true,
      trustedDocuments: path.join(dir, manifest),
    });
  };
  const post = async (body: Record<string, unknown>): Promise<Answer> => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${signUserToken(admin, { secret: TEST_SECRETS.jwtSecret })}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...((await res.json()) as Omit<Answer, 'status'>) };
  };
  // without demo data the county is not found: NOT_FOUND proves the operation ran in the grids subgraph
  const ran = (a: Answer) => a.errors?.[0]?.extensions?.code === 'NOT_FOUND';
  const refused = (a: Answer) => a.errors?.[0]?.extensions?.code === 'PERSISTED_QUERY_NOT_FOUND' && a.data === undefined;

  it('Apollo manifest: runs a listed document sent by its text or by its id alone; refuses any other', async () => {
    await start('persisted-query-manifest.json');
    expect(ran(await post({ query: COUNTY }))).toBe(true);
    expect(ran(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(COUNTY) } } }))).toBe(true);
    const other = await post({ query: UNLISTED });
    expect(refused(other)).toBe(true);
    expect(other.errors?.[0].message).toBe('此操作不在可信文档清单中 (the operation is not in the trusted documents manifest)');
    // a listed id with another document's text is refused too
    expect(refused(await post({ query: UNLISTED, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(COUNTY) } } }))).toBe(true);
  });

  it('automatic persisted queries register nothing: an unlisted document sent with its hash stays refused', async () => {
    await start('persisted-query-manifest.json');
    const hash = sha256(UNLISTED);
    expect(refused(await post({ query: UNLISTED, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }))).toBe(true);
    expect(refused(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } }))).toBe(true);
  });

  it('client-preset persisted documents: by their hash, or by text', async () => {
    await start('persisted-documents.json');
    expect(ran(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'b5f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9' } } }))).toBe(true);
    expect(ran(await post({ query: CODE }))).toBe(true);
    expect(refused(await post({ query: COUNTY }))).toBe(true);
  });

  it('a manifest of another shape stops the gateway from starting, naming the file', async () => {
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ operations: [1, 2] }));
    await expect(start('broken.json')).rejects.toThrow(/broken\.json/);
  });
});
