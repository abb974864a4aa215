import fs from 'node:fs';
import path from 'node:path';
import { LimitCode, preferredLanguage, splitBilingual } from '@xiangzhi/gateway';
import { subgraph as grids } from '@xiangzhi/grids';
import { ErrorCode, Role, signUserToken } from '@xiangzhi/kernel';
import { startTestPlatform, TEST_SECRETS, type TestPlatform } from '@xiangzhi/testing';

const ROOT = path.resolve(__dirname, '../..');

/** Codes Apollo Server itself answers with at the gateway (and the subgraphs). */
const APOLLO_CODES = ['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'INTERNAL_SERVER_ERROR'];

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'dist' || e.name === 'node_modules' ? [] : sources(full);
    return /\.ts$/.test(e.name) && !/\.spec\.ts$/.test(e.name) ? [full] : [];
  });
}

/**
 * Every error code the code base can put in `extensions.code`: the kernel's `ErrorCode` members, the
 * gateway's `LimitCode` members, and every literal `code: 'X'` written inside an `extensions` object.
 */
function emittedCodes(): Set<string> {
  const codes = new Set<string>([...Object.values(ErrorCode), ...Object.values(LimitCode), ...APOLLO_CODES]);
  for (const group of ['apps', 'libs', 'plugins']) {
    for (const file of sources(path.join(ROOT, group))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/extensions:\s*\{[^{}]*?\bcode:\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]);
    }
  }
  return codes;
}

describe('the error-code table', () => {
  it('lists every code the code base emits (docs/plugins.md, "Error codes")', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/plugins.md'), 'utf8');
    const section = doc.slice(doc.indexOf('## 12. Error codes'));
    const table = new Set([...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1]));
    const codes = emittedCodes();
    // the scan finds the gateway's own codes, not only the kernel's
    for (const code of ['PAYLOAD_TOO_LARGE', 'SUBGRAPH_UNAVAILABLE', 'SUBGRAPH_ERROR', 'QUERY_TOO_DEEP', 'TOO_MANY_ALIASES', 'BATCHING_NOT_ALLOWED']) expect(codes).toContain(code);
    expect([...codes].filter((c) => !table.has(c)).sort()).toEqual([]);
  });
});

describe('Accept-Language', () => {
  it('ranks the tags: English only when it comes before Chinese', () => {
    expect(preferredLanguage(undefined)).toBe('zh');
    expect(preferredLanguage('en')).toBe('en');
    expect(preferredLanguage('en-US,en;q=0.9,zh;q=0.8')).toBe('en');
    expect(preferredLanguage('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh');
    expect(preferredLanguage('zh;q=0.5,en;q=0.7')).toBe('en');
    expect(preferredLanguage('fr')).toBe('zh');
    expect(splitBilingual('输入校验失败：input.hours 须不大于 24（收到 24.5） (Input validation failed: input.hours must not be greater than 24 (got 24.5))')).toEqual({
      zh: '输入校验失败：input.hours 须不大于 24（收到 24.5）',
      en: 'Input validation failed: input.hours must not be greater than 24 (got 24.5)',
    });
  });

  describe('through the gateway', () => {
    let platform: TestPlatform;
    const admin = { id: 'lang-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
    beforeAll(async () => {
      platform = await startTestPlatform({ subgraphs: [grids] });
    }, 120_000);
    afterAll(() => platform?.stop());

    const ask = async (query: string, language?: string) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${signUserToken(admin, { secret: TEST_SECRETS.jwtSecret })}` };
      if (language) headers['accept-language'] = language;
      const res = await fetch(platform.url, { method: 'POST', headers, body: JSON.stringify({ query }) });
      return { vary: res.headers.get('vary'), body: (await res.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] } };
    };

    it("a subgraph's error: Chinese first by default and for zh, English first for en, both halves in extensions", async () => {
      const query = '{ region(code: "12") { name } }';
      const zh = await ask(query);
      expect(zh.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(zh.body.errors[0].message).toBe('区划代码必须是12位数字：12 (A division code must be 12 digits: 12)');
      expect((await ask(query, 'zh-CN,zh;q=0.9,en;q=0.8')).body.errors[0].message).toBe(zh.body.errors[0].message);
      const en = await ask(query, 'en-US,en;q=0.9');
      expect(en.vary?.toLowerCase()).toContain('accept-language');
      expect(en.body.errors[0]).toMatchObject({
        message: 'A division code must be 12 digits: 12 (区划代码必须是12位数字：12)',
        extensions: { code: 'BAD_USER_INPUT', messageZh: '区划代码必须是12位数字：12', messageEn: 'A division code must be 12 digits: 12' },
      });
    });

    it("the gateway's own limit errors too", async () => {
      let deep = 'name';
      for (let i = 0; i < 14; i += 1) deep = `children { ${deep} }`;
      const en = await ask(`{ region(code: "433130000000") { ${deep} } }`, 'en');
      expect(en.body.errors[0].extensions.code).toBe('QUERY_TOO_DEEP');
      expect(en.body.errors[0].message).toMatch(/^query depth \d+ exceeds the limit of 12 \(查询嵌套过深/);
    });
  });
});
