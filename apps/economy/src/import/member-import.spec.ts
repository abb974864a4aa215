/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ImportRefusedError, Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, importTestFile, refusedRows, registerFiles, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { economySubgraph } from '../subgraph';
import { memberImporter } from './member-import';

const county = '433130000000';
const township = '433130100000';
const villageA = '433130100201';
const villageB = '433130100202';
const orgA = 'N2433130MF0000001A';
const orgB = 'N2433130MF0000002B';
const r = (n: number) => `7c1f0d1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
/** r(1)…r(6) live in village A, r(7) in village B, r(9) is dead. */
const DEAD = r(9);

const admin: Actor = { id: 'member-import-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'member-import-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };
const worker: Actor = { id: 'member-import-worker', roles: [Role.GRID_WORKER], scope: villageA };

let platform: TestPlatform;
let ds: DataSource;
let orgAId: string;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-member-import-'));
const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);
const count = rowCounter(() => ds);

const HEADER = ['村代码', '组织代码', '居民标识', '确认日期'];
const IMPORT = 'mutation($i: EconomyImportInput!) { importCollectiveMembers(input: $i) { kind rows written } }';
const csvOf = (rows: string[][]) => rows.map((row) => row.join(',')).join('\n');

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [economySubgraph], seed: false });
  ds = platform.subgraphs.economy.db.dataSource;
  // the grids projections as grids' events would have left them
  await ds.query(
    `INSERT INTO region_ref (code, name, level, parent_code, valid_from) VALUES
       ($1, '龙山县', 'COUNTY', NULL, '2000-01-01'), ($2, '乡', 'TOWNSHIP', $1, '2000-01-01'), ($3, '甲村', 'VILLAGE', $2, '2000-01-01'), ($4, '乙村', 'VILLAGE', $2, '2000-01-01')`,
    [county, township, villageA, villageB],
  );
  await ds.query(
    `INSERT INTO resident_ref (id, village_code, status) SELECT id, v, s FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, v, s)`,
    [
      [r(1), r(2), r(3), r(4), r(5), r(6), r(7), DEAD],
      [villageA, villageA, villageA, villageA, villageA, villageA, villageB, villageA],
      ['LIVING', 'LIVING', 'LIVING', 'LIVING', 'LIVING', 'LIVING', 'LIVING', 'DECEASED'],
    ],
  );
  [{ id: orgAId }] = (await ds.query(
    `INSERT INTO collective_organization (county_code, village_code, name, credit_code, founded_on, development_model) VALUES ($1, $2, '甲村股份经济合作社', $3, '2018-01-01', 'LAND'), ($1, $4, '乙村股份经济合作社', $5, '2018-01-01', 'ASSET') RETURNING id`,
    [county, villageA, orgA, villageB, orgB],
  )) as { id: string }[];
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('collective member import', () => {
  it('imports an XLSX register in batches with one audit record each; read back through the gateway', async () => {
    const files = await registerFiles(tmp, 'members', [HEADER, [villageA, orgA, r(1), '2018-03-01'], [villageA, orgA, r(2), '2018-03-01'], [villageA, orgA, r(3), '2019-05-20']]);
    const result = await importTestFile(ds, memberImporter, files.xlsx, county, { batchSize: 2 });
    expect(result).toMatchObject({ rows: 3, written: 3, batches: 2 });
    expect(await count('audit_log', `action = 'import:collective-members' AND target_id = $1`, [result.checkpointId])).toBe(2);
    const listed = await ok(admin, `query($o: ID!) { members(organizationId: $o, first: 10) { totalCount nodes { villageCode admittedOn } } }`, { o: orgAId });
    expect(listed.members.totalCount).toBe(3);
    expect(listed.members.nodes).toEqual([
      { villageCode: villageA, admittedOn: '2018-03-01' },
      { villageCode: villageA, admittedOn: '2018-03-01' },
      { villageCode: villageA, admittedOn: '2019-05-20' },
    ]);
  }, 120_000);

  it('refuses a file with bad rows whole (unknown organisation or resident, another village, a dead resident, duplicates, dates), each with its line in both languages; the XLSX of the same rows alike', async () => {
    const rows = [
      HEADER,
      [villageA, orgA, r(4), '2020-01-01'],
      [villageA, 'N2433130MF0000009Q', r(5), '2020-01-01'],
      [villageA, orgB, r(5), '2020-01-01'],
      [villageA, orgA, r(7), '2020-01-01'],
      [villageA, orgA, '7c1f0d1e-0000-4000-8000-0000000000ff', '2020-01-01'],
      [villageA, orgA, DEAD, '2020-01-01'],
      [villageA, orgA, r(4), '2020-01-02'],
      [villageA, orgA, r(1), '2020-01-01'],
      [villageA, orgA, r(6), '2017-12-31'],
      ['433130100299', orgA, r(6), '2099-01-01'],
    ];
    const files = await registerFiles(tmp, 'bad-members', rows);
    const before = { members: await count('economy_member'), audit: await count('audit_log') };
    const csv = (await importTestFile(ds, memberImporter, files.csv, county).catch((e: unknown) => e)) as ImportRefusedError;
    expect(csv).toBeInstanceOf(ImportRefusedError);
    expect(refusedRows(csv.problems)).toEqual([
      [3, 'ORGANIZATION_UNKNOWN'],
      [4, 'ORGANIZATION_OTHER_VILLAGE'],
      [5, 'RESIDENT_OTHER_VILLAGE'],
      [6, 'RESIDENT_UNKNOWN'],
      [7, 'RESIDENT_NOT_LIVING'],
      [8, 'MEMBER_DUPLICATE'],
      [9, 'MEMBER_ALREADY_ADMITTED'],
      [10, 'BEFORE_FOUNDED'],
      [11, 'REGION_UNKNOWN'],
      [11, 'DATE_IN_FUTURE'],
    ]);
    for (const p of csv.problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(csv.problems.find((p) => p.line === 8)?.en).toContain('repeats line 2');
    const xlsx = (await importTestFile(ds, memberImporter, files.xlsx, county).catch((e: unknown) => e)) as ImportRefusedError;
    expect(xlsx.problems).toEqual(csv.problems);
    expect({ members: await count('economy_member'), audit: await count('audit_log') }).toEqual(before);
  }, 120_000);

  it('importCollectiveMembers: all rows or none with one audit record; a village cadre imports the rows of their village only; other roles refused', async () => {
    const good = [HEADER, [villageA, orgA, r(4), '2020-01-01'], [villageB, orgB, r(7), '2020-01-01']];
    const bad = [...good, [villageA, orgA, r(5), '2020-13-01']];
    const before = await count('economy_member');
    const refused = await gql(admin, IMPORT, { i: { countyCode: county, csv: csvOf(bad) } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/第4行 确认日期不是有效日期（如2024-03-05）：2020-13-01.*line 4: admittedOn is not a valid date/s);
    expect(refused.errors?.[0].extensions?.rows).toEqual([expect.objectContaining({ line: 4, rule: 'DATE_INVALID', field: 'admittedOn' })]);
    expect(await count('economy_member')).toBe(before);

    const outside = await gql(cadreA, IMPORT, { i: { countyCode: county, csv: csvOf(good) } });
    expect(codeOf(outside)).toBe('BAD_USER_INPUT');
    expect(outside.errors?.[0].extensions?.rows).toEqual([expect.objectContaining({ line: 3, rule: 'OUT_OF_SCOPE', value: villageB })]);
    expect(codeOf(await gql(worker, IMPORT, { i: { countyCode: county, csv: csvOf(good.slice(0, 2)) } }))).toBe('FORBIDDEN');
    expect(await count('economy_member')).toBe(before);

    expect((await ok(cadreA, IMPORT, { i: { countyCode: county, csv: csvOf(good.slice(0, 2)) } })).importCollectiveMembers).toEqual({ kind: 'collective-members', rows: 1, written: 1 });
    expect((await ok(admin, IMPORT, { i: { countyCode: county, csv: csvOf([HEADER, good[2]]) } })).importCollectiveMembers).toEqual({ kind: 'collective-members', rows: 1, written: 1 });
    expect(await count('economy_member')).toBe(before + 2);
    const audits = (await ds.query(`SELECT actor_id AS actor, region_code AS region, payload FROM audit_log WHERE action = 'importCollectiveMembers' ORDER BY id`)) as any[];
    expect(audits).toMatchObject([
      { actor: cadreA.id, region: county, payload: { kind: 'collective-members', rows: 1 } },
      { actor: admin.id, region: county, payload: { kind: 'collective-members', rows: 1 } },
    ]);
    const listed = await ok(admin, `query($o: ID!) { members(organizationId: $o) { totalCount } }`, { o: orgAId });
    expect(listed.members.totalCount).toBe(4);
  }, 60_000);
});
