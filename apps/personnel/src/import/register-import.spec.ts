/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { composeIdNumber, idNumberCheckDigit, idNumberHash } from '@xiangzhi/grids-api';
import { ImportRefusedError, Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, importTestFile, refusedRows, registerFiles, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { subgraph as personnel } from '../index';
import { arrangeRegions, arrangeResidents } from '../testing/fixtures';
import { cadreImporter, partyMemberImporter } from './register-import';

const county = '433130000000';
const township1 = '433130100000';
const villageA = '433130100201';
const villageB = '433130100202';
/** In another township. */
const villageC = '433130101201';
const residents = {
  a1: '6b1f0d1e-0000-4000-8000-00000000a001',
  a2: '6b1f0d1e-0000-4000-8000-00000000a002',
  a3: '6b1f0d1e-0000-4000-8000-00000000a003',
  dead: '6b1f0d1e-0000-4000-8000-00000000a0d0',
  b1: '6b1f0d1e-0000-4000-8000-00000000b001',
};

const admin: Actor = { id: 'import-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const officer: Actor = { id: 'import-officer', roles: [Role.TOWNSHIP_OFFICER], scope: township1 };
const cadreA: Actor = { id: 'import-cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA };
const worker: Actor = { id: 'import-worker', roles: [Role.GRID_WORKER], scope: villageA };
const otherAdmin: Actor = { id: 'import-other', roles: [Role.COUNTY_ADMIN], scope: '520502000000' };

let platform: TestPlatform;
let ds: DataSource;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-personnel-import-'));
const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);
const count = rowCounter(() => ds);

const id = (birth: string, seq: number) => composeIdNumber('433130', birth, seq);
/** A copy of a valid ID number with its check character changed. */
const badCheckDigit = (n: string) => `${n.slice(0, 17)}${idNumberCheckDigit(n.slice(0, 17)) === '1' ? '2' : '1'}`;

const CADRE_HEADER = ['村代码', '姓名', '身份证号', '学历', '任职日期', '入党日期', '是否全职', '居民标识'];
const IMPORT_CADRES = 'mutation($i: PersonnelImportInput!) { importCadres(input: $i) { kind rows written } }';
const IMPORT_MEMBERS = 'mutation($i: PersonnelImportInput!) { importPartyMembers(input: $i) { kind rows written } }';
const csvOf = (rows: string[][]) => rows.map((r) => r.join(',')).join('\n');

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [personnel], seed: false });
  ds = platform.subgraphs.personnel.db.dataSource;
  await arrangeRegions(ds, [villageA, villageB, villageC]);
  await arrangeResidents(ds, [
    { id: residents.a1, villageCode: villageA },
    { id: residents.a2, villageCode: villageA },
    { id: residents.a3, villageCode: villageA },
    { id: residents.dead, villageCode: villageA, status: 'DECEASED' },
    { id: residents.b1, villageCode: villageB },
  ]);
  await ds.query(`INSERT INTO party_organization (county_code, region_code, name, kind) VALUES ($1, $2, '甲村党支部', 'BRANCH')`, [county, villageA]);
}, 180_000);

afterAll(async () => {
  await platform?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('cadre import', () => {
  it('imports an XLSX register (dates as date cells, codes as numbers) in batches with one audit record each; read back through the gateway', async () => {
    const rows = [
      CADRE_HEADER,
      [villageA, '张三丰', id('1970-03-01', 11), '高中', '2015-01-01', '1995-07-01', '是', residents.a1],
      [villageA, '李秀英', id('1982-11-30', 22), '大专', '2018-06-01', '', '否', ''],
      [villageB, '王国强', id('1990-01-15', 33), 'BACHELOR', '2021-01-04', '', '', residents.b1],
    ];
    const files = await registerFiles(tmp, 'cadres', rows);
    const result = await importTestFile(ds, cadreImporter, files.xlsx, county, { batchSize: 2 });
    expect(result).toMatchObject({ rows: 3, written: 3, batches: 2 });
    expect(await count('audit_log', `action = 'import:cadres' AND target_id = $1`, [result.checkpointId])).toBe(2);
    // on PostgreSQL two batches are written at once and may commit in either order: read them by batch
    const [audit, second] = (await ds.query(`SELECT payload FROM audit_log WHERE action = 'import:cadres' AND target_id = $1 ORDER BY (payload->>'batch')::int`, [
      result.checkpointId,
    ])) as { payload: any }[];
    expect(audit.payload).toMatchObject({ batch: 0, lines: [2, 3], rows: 2 });
    expect(audit.payload.ids).toHaveLength(2);
    expect(second.payload).toMatchObject({ batch: 1, lines: [4, 4], rows: 1 });

    const listed = await ok(admin, `{ cadres(regionCode: "${county}", first: 10) { totalCount nodes { name villageCode educationLevel partyMember partyJoinDate serviceStart fullTime status } } }`);
    expect(listed.cadres.totalCount).toBe(3);
    expect(listed.cadres.nodes).toEqual(
      expect.arrayContaining([
        { name: '张三丰', villageCode: villageA, educationLevel: 'HIGH_SCHOOL', partyMember: true, partyJoinDate: '1995-07-01', serviceStart: '2015-01-01', fullTime: true, status: 'ACTIVE' },
        { name: '李秀英', villageCode: villageA, educationLevel: 'COLLEGE', partyMember: false, partyJoinDate: null, serviceStart: '2018-06-01', fullTime: false, status: 'ACTIVE' },
        expect.objectContaining({ name: '王国强', villageCode: villageB, educationLevel: 'BACHELOR' }),
      ]),
    );
    // the name search finds an imported cadre by its initials
    expect((await ok(admin, `{ cadres(regionCode: "${county}", name: "sf") { nodes { name } } }`)).cadres.nodes).toEqual([{ name: '张三丰' }]);
    const [row] = (await ds.query(`SELECT gender, to_char(birth_date, 'YYYY-MM-DD') AS birth, id_number_hash AS hash, resident_id AS resident, county_code AS county FROM cadre WHERE name = '张三丰'`)) as any[];
    expect(row).toEqual({ gender: 'MALE', birth: '1970-03-01', hash: idNumberHash(id('1970-03-01', 11)), resident: residents.a1, county });
  }, 120_000);

  it('refuses a file with bad rows whole (bad ID, unknown village, unknown or dead resident, duplicates), each with its line in both languages, and the XLSX of the same rows gets the same answer', async () => {
    const rows = [
      CADRE_HEADER,
      [villageA, '赵一', id('1980-01-01', 41), '初中', '2020-01-01', '', '', ''],
      [villageA, '钱二', badCheckDigit(id('1980-01-02', 43)), '初中', '2020-01-01', '', '', ''],
      ['433130100299', '孙三', id('1980-01-03', 45), '初中', '2020-01-01', '', '', ''],
      [villageA, '周四', id('1980-01-04', 47), '初中', '2020-01-01', '', '', '6b1f0d1e-0000-4000-8000-00000000ffff'],
      [villageA, '吴五', id('1980-01-05', 49), '初中', '2020-01-01', '', '', residents.dead],
      [villageA, '郑六', id('1980-01-01', 41), '初中', '2020-01-01', '', '', ''],
      [villageA, '王七', id('1970-03-01', 11), '初中', '2020-01-01', '', '', ''],
      [villageA, '冯八', id('1980-01-08', 51), '小学', '2020-01-01', '', '', residents.a1],
      [villageA, '陈九', id('1980-01-09', 53), '幼儿园', '2099-01-01', '', '', ''],
    ];
    const files = await registerFiles(tmp, 'bad-cadres', rows);
    const before = { cadres: await count('cadre'), audit: await count('audit_log') };
    const csv = (await importTestFile(ds, cadreImporter, files.csv, county).catch((e: unknown) => e)) as ImportRefusedError;
    expect(csv).toBeInstanceOf(ImportRefusedError);
    expect(refusedRows(csv.problems)).toEqual([
      [3, 'ID_CHECK_DIGIT'],
      [4, 'REGION_UNKNOWN'],
      [5, 'RESIDENT_UNKNOWN'],
      [6, 'RESIDENT_NOT_LIVING'],
      [7, 'ID_DUPLICATE'],
      [8, 'ID_TAKEN'],
      [9, 'RESIDENT_TAKEN'],
      [10, 'VALUE_UNKNOWN'],
      [10, 'DATE_IN_FUTURE'],
    ]);
    for (const p of csv.problems) {
      expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.en).toMatch(/[A-Za-z]/);
    }
    expect(csv.problems.find((p) => p.line === 7)?.en).toContain('repeats line 2');
    const xlsx = (await importTestFile(ds, cadreImporter, files.xlsx, county).catch((e: unknown) => e)) as ImportRefusedError;
    expect(xlsx.problems).toEqual(csv.problems);
    expect({ cadres: await count('cadre'), audit: await count('audit_log') }).toEqual(before);
  }, 120_000);

  it('importCadres: a county administrator imports a small CSV in one transaction with one audit record; one bad row refuses it, naming the line in both languages', async () => {
    const good = [CADRE_HEADER, [villageB, '何十', id('1985-05-05', 61), '本科', '2022-03-01', '', '是', ''], [villageA, '吕十一', id('1986-06-06', 63), '研究生', '2023-03-01', '', '', residents.a2]];
    const bad = [...good.slice(0, 2), [villageA, '施十二', badCheckDigit(id('1987-07-07', 65)), '本科', '2022-03-01', '', '', '']];
    const before = await count('cadre');
    const refused = await gql(admin, IMPORT_CADRES, { i: { countyCode: county, csv: csvOf(bad) } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/第3行 身份证号码校验码错误.*line 3: Wrong check character in ID number/s);
    expect(refused.errors?.[0].extensions?.rows).toEqual([expect.objectContaining({ line: 3, rule: 'ID_CHECK_DIGIT', field: 'idNumber' })]);
    expect(await count('cadre')).toBe(before);

    expect((await ok(admin, IMPORT_CADRES, { i: { countyCode: county, csv: csvOf(good) } })).importCadres).toEqual({ kind: 'cadres', rows: 2, written: 2 });
    expect(await count('cadre')).toBe(before + 2);
    const [audit] = (await ds.query(`SELECT actor_id AS actor, region_code AS region, payload FROM audit_log WHERE action = 'importCadres'`)) as any[];
    expect(audit).toMatchObject({ actor: admin.id, region: county, payload: { kind: 'cadres', rows: 2 } });
    expect(audit.payload.ids).toHaveLength(2);
    const listed = await ok(admin, `{ cadres(regionCode: "${villageB}") { nodes { name fullTime } } }`);
    expect(listed.cadres.nodes).toEqual(expect.arrayContaining([{ name: '何十', fullTime: true }]));
  }, 60_000);

  it('a township officer imports the rows of their township only; roles outside the managers and other counties are refused', async () => {
    const rows = [CADRE_HEADER, [villageA, '孔十三', id('1988-08-08', 71), '高中', '2022-03-01', '', '', ''], [villageC, '曹十四', id('1989-09-09', 73), '高中', '2022-03-01', '', '', '']];
    const before = await count('cadre');
    const refused = await gql(officer, IMPORT_CADRES, { i: { countyCode: county, csv: csvOf(rows) } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.rows).toEqual([expect.objectContaining({ line: 3, rule: 'OUT_OF_SCOPE', field: 'villageCode', value: villageC })]);
    expect(refused.errors?.[0].message).toContain(`第3行 ${villageC}不在您的辖区（${township1}）内`);
    expect(await count('cadre')).toBe(before);
    expect(codeOf(await gql(worker, IMPORT_CADRES, { i: { countyCode: county, csv: csvOf(rows.slice(0, 2)) } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(otherAdmin, IMPORT_CADRES, { i: { countyCode: county, csv: csvOf(rows.slice(0, 2)) } }))).toBe('FORBIDDEN');
    expect((await ok(officer, IMPORT_CADRES, { i: { countyCode: county, csv: csvOf(rows.slice(0, 2)) } })).importCadres).toMatchObject({ written: 1 });
    expect(await count('cadre')).toBe(before + 1);
  }, 60_000);
});

describe('Party member import', () => {
  const HEADER = ['村代码', '党组织', '姓名', '入党日期', '党员状态', '设岗定责岗位', '居民标识'];

  it('a village cadre imports the members of their village (read back through the gateway); bad rows refuse the file, the XLSX of the same rows alike', async () => {
    const good = [HEADER, [villageA, '甲村党支部', '党员甲', '2001-07-01', '正式党员', '政策宣传岗', residents.a3], [villageA, '甲村党支部', '党员乙', '2024-05-01', '预备党员', '', '']];
    expect((await ok(cadreA, IMPORT_MEMBERS, { i: { countyCode: county, csv: csvOf(good) } })).importPartyMembers).toEqual({ kind: 'party-members', rows: 2, written: 2 });
    const listed = await ok(cadreA, `{ partyMembers(regionCode: "${villageA}") { nodes { name joinedOn status duty points } } }`);
    expect(listed.partyMembers.nodes).toEqual(
      expect.arrayContaining([
        { name: '党员甲', joinedOn: '2001-07-01', status: 'FULL', duty: '政策宣传岗', points: 0 },
        { name: '党员乙', joinedOn: '2024-05-01', status: 'PROBATIONARY', duty: null, points: 0 },
      ]),
    );

    const bad = [
      HEADER,
      [villageA, '乙村党支部', '党员丙', '2001-07-01', '正式党员', '', ''],
      [villageA, '甲村党支部', '党员丁', '2001-07-01', '正式党员', '', residents.a3],
      [villageA, '甲村党支部', '党员戊', '2001-02-30', '积极分子', '', ''],
      [villageB, '甲村党支部', '党员己', '2001-07-01', '正式党员', '', ''],
    ];
    const before = await count('party_member');
    const refused = await gql(cadreA, IMPORT_MEMBERS, { i: { countyCode: county, csv: csvOf(bad) } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    // the row of another village is out of the cadre's scope; the others are checked as usual
    expect((refused.errors?.[0].extensions?.rows as any[]).map((p) => [p.line, p.rule])).toEqual([
      [2, 'ORGANIZATION_UNKNOWN'],
      [3, 'RESIDENT_TAKEN'],
      [4, 'DATE_INVALID'],
      [4, 'VALUE_UNKNOWN'],
      [5, 'OUT_OF_SCOPE'],
    ]);
    const files = await registerFiles(tmp, 'bad-members', bad);
    const csv = (await importTestFile(ds, partyMemberImporter, files.csv, county).catch((e: unknown) => e)) as ImportRefusedError;
    expect(refusedRows(csv.problems)).toEqual([
      [2, 'ORGANIZATION_UNKNOWN'],
      [3, 'RESIDENT_TAKEN'],
      [4, 'DATE_INVALID'],
      [4, 'VALUE_UNKNOWN'],
      [5, 'ORGANIZATION_UNKNOWN'],
    ]);
    const xlsx = (await importTestFile(ds, partyMemberImporter, files.xlsx, county).catch((e: unknown) => e)) as ImportRefusedError;
    expect(xlsx.problems).toEqual(csv.problems);
    expect(await count('party_member')).toBe(before);
  }, 60_000);
});
