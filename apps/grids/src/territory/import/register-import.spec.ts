import 'reflect-metadata';
import { demoRegions, syntheticHouseholdCount, syntheticHouseholdsCsv, syntheticResidentsCsv, type SyntheticCountyOptions } from '@xiangzhi/demo';
import { composeIdNumber, idNumberCheckDigit } from '@xiangzhi/grids-api';
import { importFile, ImportConflictError, ImportRefusedError, Role, type Actor, type FileImportOptions } from '@xiangzhi/kernel';
import { checkIdempotentCreate, codeOf, graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { gridsSubgraph } from '../../subgraph';
import { idNumberHash } from '../resident/id-number-hash';
import { householdImporter, residentImporter } from './register-import';

const COUNTY = '520502000000';
const villages = demoRegions()
  .filter((r) => r.level === 'VILLAGE' && r.code.startsWith('520502'))
  .map((r) => r.code)
  .slice(20, 22);
const admin: Actor = { id: 'import-admin', roles: [Role.COUNTY_ADMIN], scope: COUNTY };
const otherAdmin: Actor = { id: 'other-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

let platform: TestPlatform;
const { gql, ok } = graphqlClient(() => platform);
const count = rowCounter(() => platform.subgraphs.grids.db.dataSource);

function text(chunks: Iterable<string>): string {
  return [...chunks].join('');
}

/** A file source read again on each pass, as a file stream would be. */
function source(csv: string): () => AsyncIterable<string> {
  return async function* () {
    // in pieces of an odd size, so records and quoted fields straddle the chunk boundaries
    for (let i = 0; i < csv.length; i += 4093) yield csv.slice(i, i + 4093);
  };
}

function options(importer: FileImportOptions['importer'], csv: string, extra: Partial<FileImportOptions> = {}): FileImportOptions {
  return { dataSource: platform.subgraphs.grids.db.dataSource, importer, open: source(csv), fileName: 'test.csv', countyCode: COUNTY, actor: { id: 'spec', roles: ['CLI'] }, batchSize: 1000, ...extra };
}

/** A copy of a valid ID number with its check character changed. */
function badCheckDigit(id: string): string {
  const right = idNumberCheckDigit(id.slice(0, 17));
  return `${id.slice(0, 17)}${right === '1' ? '2' : '1'}`;
}

const county = (addressCode: string, residents: number, numberPrefix: string): SyntheticCountyOptions => ({ villageCodes: villages, residents, addressCode, composeIdNumber, numberPrefix, seed: numberPrefix });

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [gridsSubgraph], seed: true });
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

describe('bulk import of households and residents', () => {
  const good = county('520581', 3000, 'A');
  const householdsCsv = text(syntheticHouseholdsCsv(good));
  const residentsCsv = text(syntheticResidentsCsv(good));

  it('refuses a file with one bad ID number whole, naming the line, and writes nothing', async () => {
    await importFile(options(householdImporter, householdsCsv));
    const lines = residentsCsv.split('\n');
    const cells = lines[1234].split(',');
    cells[3] = badCheckDigit(cells[3]);
    lines[1234] = cells.join(',');
    const before = { residents: await count('resident'), events: await count('grids_event'), audit: await count('audit_log') };
    const refused = await importFile(options(residentImporter, lines.join('\n'))).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportRefusedError);
    const { problems } = refused as ImportRefusedError;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 1235, rule: 'ID_CHECK_DIGIT', field: 'idNumber' });
    expect(problems[0].zh).toMatch(/校验/);
    expect({ residents: await count('resident'), events: await count('grids_event'), audit: await count('audit_log') }).toEqual(before);
  }, 120_000);

  it('lands a good file of 3,000 residents with derived columns, heads and events, one audit record per batch', async () => {
    const events = await count('grids_event', `name = 'grids.resident.upserted'`);
    const result = await importFile(options(residentImporter, residentsCsv));
    expect(result).toMatchObject({ rows: 3000, written: 3000, resumedFrom: 0, batches: 3 });
    expect(await count('resident', 'village_code = ANY($1)', [villages])).toBe(3000);
    expect(await count('grids_event', `name = 'grids.resident.upserted'`)).toBe(events + 3000);
    expect(await count('audit_log', `action = 'import:residents' AND target_id = $1`, [result.checkpointId])).toBe(3);
    const [first] = residentsCsv.split('\n')[1].split(',').slice(3, 4);
    const [row] = (await platform.subgraphs.grids.db.dataSource.query(
      `SELECT r.id, r.gender, to_char(r.birth_date, 'YYYY-MM-DD') AS birth, r.id_number_hash AS hash, r.county_code AS county, r.status, h.head_resident_id = r.id AS head
         FROM resident r JOIN household h ON h.id = r.household_id WHERE r.id_number = $1`,
      [first],
    )) as { id: string; gender: string; birth: string; hash: string; county: string; status: string; head: boolean }[];
    expect(row).toMatchObject({
      gender: Number(first[16]) % 2 === 1 ? 'MALE' : 'FEMALE',
      birth: `${first.slice(6, 10)}-${first.slice(10, 12)}-${first.slice(12, 14)}`,
      hash: idNumberHash(first),
      county: COUNTY,
      status: 'LIVING',
      head: true,
    });
    const [event] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT payload FROM grids_event WHERE name = 'grids.resident.upserted' AND payload->>'id' = $1`, [row.id])) as { payload: Record<string, unknown> }[];
    expect(event.payload).toMatchObject({ id: row.id, villageCode: villages[0], status: 'LIVING' });
    // every household of the file has its head
    expect(await count('household', `village_code = ANY($1) AND number LIKE 'A%' AND head_resident_id IS NULL`, [villages])).toBe(0);
    // the same file again is refused whole: every ID number is taken
    const again = (await importFile(options(residentImporter, residentsCsv)).catch((e: unknown) => e)) as ImportRefusedError;
    expect(again.problems.filter((p) => p.rule === 'ID_TAKEN')).toHaveLength(3000);
  }, 120_000);

  it('resumes after an interruption from the last committed batch without duplicating a row', async () => {
    const more = county('520582', 2500, 'B');
    await importFile(options(householdImporter, text(syntheticHouseholdsCsv(more))));
    expect(await count('household', `number LIKE 'B%' AND village_code = ANY($1)`, [villages])).toBe(syntheticHouseholdCount(more));
    const csv = text(syntheticResidentsCsv(more));
    const interrupted = await importFile(
      options(residentImporter, csv, {
        // killed as the first batch commits
        afterBatch: () => {
          throw new Error('killed');
        },
      }),
    ).catch((e: unknown) => e);
    expect((interrupted as Error).message).toBe('killed');
    // what the checkpoint says was committed is what is in the table (on PostgreSQL a second batch written alongside may have committed too)
    const [stopped] = (await platform.subgraphs.grids.db.dataSource.query(
      `SELECT rows_committed AS n, batches_committed AS batches FROM import_checkpoint WHERE kind = 'residents' AND finished_at IS NULL`,
    )) as { n: number; batches: number[] }[];
    expect([1000, 2000]).toContain(stopped.n);
    expect(stopped.batches).toHaveLength(stopped.n / 1000);
    expect(await count('resident', `id_number LIKE '520582%'`)).toBe(stopped.n);
    const progress: number[] = [];
    const resumed = await importFile(options(residentImporter, csv, { batchSize: 700, onProgress: (p) => p.phase === 'write' && progress.push(p.rows) }));
    // the batches of the interrupted run are kept (1,000 rows), whatever batch size the rerun asks for
    expect(resumed).toMatchObject({ rows: 2500, written: 2500 - stopped.n, resumedFrom: stopped.n, batches: 3 - stopped.n / 1000 });
    expect(progress.at(-1)).toBe(2500);
    expect(await count('resident', `id_number LIKE '520582%'`)).toBe(2500);
    const [{ distinct }] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT count(DISTINCT id_number)::int AS distinct FROM resident WHERE id_number LIKE '520582%'`)) as { distinct: number }[];
    expect(distinct).toBe(2500);
    const [checkpoint] = (await platform.subgraphs.grids.db.dataSource.query(
      `SELECT rows_committed AS n, cardinality(batches_committed) AS batches, finished_at IS NOT NULL AS finished FROM import_checkpoint WHERE id = $1`,
      [resumed.checkpointId],
    )) as { n: number; batches: number; finished: boolean }[];
    expect(checkpoint).toEqual({ n: 2500, batches: 3, finished: true });
    expect(await count('audit_log', `action = 'import:residents' AND target_id = $1`, [resumed.checkpointId])).toBe(3);
  }, 120_000);

  it('reads the file once to check it and writes what the check made; an ID number taken since the check stops the import at its batch, keeps the batches before it, and a rerun refuses that row', async () => {
    const late = county('520584', 2500, 'D');
    await importFile(options(householdImporter, text(syntheticHouseholdsCsv(late))));
    const csv = text(syntheticResidentsCsv(late));
    const lines = csv.split(/\r?\n/);
    const idColumn = lines[0].split(',').findIndex((h) => /身份证/.test(h));
    // line 2400 of the file: a row of the third batch (lines 2002–2501)
    const takenLater = lines[2399].split(',')[idColumn];
    let opened = 0;
    const read = source(csv);
    const ds = platform.subgraphs.grids.db.dataSource;
    let registered = false;
    const stopped = await importFile(
      options(residentImporter, csv, {
        open: () => {
          opened += 1;
          return read();
        },
        // as the first batch commits, someone registers a resident with the ID number of line 2400
        afterBatch: async () => {
          if (registered) return;
          registered = true;
          await ds.query(
            `INSERT INTO resident (household_id, village_code, county_code, name, gender, birth_date, id_number, id_number_hash, relation_to_head)
             SELECT id, village_code, county_code, '后登记', 'MALE', '1980-01-01', $1, $2, 'OTHER' FROM household WHERE number LIKE 'D%' ORDER BY number LIMIT 1`,
            [takenLater, idNumberHash(takenLater)],
          );
        },
      }),
    ).catch((e: unknown) => e);
    expect(stopped).toBeInstanceOf(ImportConflictError);
    expect(stopped).toMatchObject({ kind: 'residents', batch: 2, lines: [2002, 2501] });
    expect((stopped as Error).message).toMatch(/^residents 第3批（第2002–2501行）写入时被数据库拒绝.* \/ residents batch 3 \(lines 2002–2501\) was refused by the database/);
    // the hash, once for the check; the write read nothing of the file
    expect(opened).toBe(2);
    expect(await count('resident', `id_number LIKE '520584%' AND name <> '后登记'`)).toBe(2000);
    const rerun = (await importFile(options(residentImporter, csv)).catch((e: unknown) => e)) as ImportRefusedError;
    expect(rerun).toBeInstanceOf(ImportRefusedError);
    expect(rerun.problems.map((p) => [p.line, p.rule])).toEqual([[2400, 'ID_TAKEN']]);
  }, 120_000);

  it('reports every bad row with its line in both languages (village, household number, relation, duplicates)', async () => {
    const id = (seq: number) => composeIdNumber('520583', '1980-05-05', seq);
    const csv = [
      '村代码,户号,姓名,身份证号,与户主关系',
      `${villages[0]},A00001,甲,${id(1)},子女`,
      `999999999999,A00001,乙,${id(3)},子女`,
      `${villages[0]},NOPE,丙,${id(5)},子女`,
      `${villages[0]},A00002,丁,${id(1)},子女`,
      `${villages[0]},A00002,戊,${id(7)},表亲`,
    ].join('\r\n');
    const refused = (await importFile(options(residentImporter, csv)).catch((e: unknown) => e)) as ImportRefusedError;
    expect(refused.problems.map((p) => [p.line, p.rule])).toEqual([
      [3, 'VILLAGE_OUTSIDE_COUNTY'],
      [4, 'HOUSEHOLD_NOT_FOUND'],
      [5, 'ID_DUPLICATE'],
      [6, 'RELATION_UNKNOWN'],
    ]);
    for (const p of refused.problems) expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('importHouseholds / importResidents mutations through the gateway', () => {
  const IMPORT_HOUSEHOLDS = 'mutation($i: RegisterImportInput!) { importHouseholds(input: $i) { kind rows written } }';
  const IMPORT_RESIDENTS = 'mutation($i: RegisterImportInput!) { importResidents(input: $i) { kind rows written } }';
  const id = (seq: number) => composeIdNumber('520584', '1975-03-03', seq);
  const households = `村,门牌,户号\n${villages[1]},"1组1号, 东",M001\n${villages[1]},1组2号,M002\n`;
  const residents = [`村,户号,名字,证件号码,与户主关系,电话`, `${villages[1]},M001,王国强,${id(1)},户主,13800001111`, `${villages[1]},M001,李秀英,${id(2)},配偶,`, `${villages[1]},M002,"王""小""",${id(3)},户主,`].join('\n');
  const map = '村=villageCode,门牌=address';
  const residentMap = '村=villageCode，名字=name, 证件号码=idNumber';

  it('imports a small file for a county administrator of that county, all or nothing, with one audit record', async () => {
    expect(codeOf(await gql(otherAdmin, IMPORT_HOUSEHOLDS, { i: { countyCode: COUNTY, csv: households, map } }))).toBe('FORBIDDEN');
    expect(codeOf(await gql({ ...admin, roles: [Role.VILLAGE_CADRE], scope: villages[1] }, IMPORT_HOUSEHOLDS, { i: { countyCode: COUNTY, csv: households, map } }))).toBe('FORBIDDEN');
    expect(await count('household', `number LIKE 'M%'`)).toBe(0);
    const h = await ok<{ importHouseholds: unknown }>(admin, IMPORT_HOUSEHOLDS, { i: { countyCode: COUNTY, csv: households, map } });
    expect(h.importHouseholds).toEqual({ kind: 'households', rows: 2, written: 2 });
    const [address] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT address FROM household WHERE number = 'M001' AND village_code = $1`, [villages[1]])) as { address: string }[];
    expect(address.address).toBe('1组1号, 东');

    // one bad row (a phone number) refuses the file: nothing written, the row named
    const bad = residents.replace('13800001111', '12345');
    const before = await count('resident');
    const refused = await gql(admin, IMPORT_RESIDENTS, { i: { countyCode: COUNTY, csv: bad, map: residentMap } });
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toContain('第2行');
    expect(refused.errors?.[0].extensions?.rows).toEqual([expect.objectContaining({ line: 2, rule: 'PHONE_INVALID', field: 'phone' })]);
    expect(await count('resident')).toBe(before);

    const r = await ok<{ importResidents: unknown }>(admin, IMPORT_RESIDENTS, { i: { countyCode: COUNTY, csv: residents, map: residentMap } });
    expect(r.importResidents).toEqual({ kind: 'residents', rows: 3, written: 3 });
    expect(await count('resident')).toBe(before + 3);
    const [{ name }] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT name FROM resident WHERE id_number = $1`, [id(3)])) as { name: string }[];
    expect(name).toBe('王"小"');
    const [audit] = (await platform.subgraphs.grids.db.dataSource.query(`SELECT actor_id AS actor, region_code AS region, payload FROM audit_log WHERE action = 'importResidents'`)) as {
      actor: string;
      region: string;
      payload: { rows: number; ids: string[] };
    }[];
    expect(audit).toMatchObject({ actor: admin.id, region: COUNTY, payload: { rows: 3 } });
    expect(audit.payload.ids).toHaveLength(3);
  });

  it('answers a retry sent with the idempotency key of an import whose answer was lost with the first answer: one set of rows, one audit record per key; the key with another file is CONFLICT', async () => {
    const file = (numbers: string[]) => `村,门牌,户号\n${numbers.map((n) => `${villages[1]},重试路,${n}`).join('\n')}\n`;
    const audits = () => count('audit_log', `action = 'importHouseholds'`);
    const auditsBefore = await audits();
    const report = await checkIdempotentCreate(platform, admin, {
      mutation: 'importHouseholds',
      inputType: 'RegisterImportInput',
      input: { countyCode: COUNTY, csv: file(['K001', 'K002']), map },
      second: { countyCode: COUNTY, csv: file(['K003', 'K004', 'K005']), map },
      other: { countyCode: COUNTY, csv: file(['K006']), map },
      select: 'kind rows written',
      count: () => count('household', `number LIKE 'K%'`),
    });
    // two keys: the first file's two rows and the second file's three, each written once
    expect(report).toEqual({ first: { kind: 'households', rows: 2, written: 2 }, written: 5 });
    expect(await audits()).toBe(auditsBefore + 2);

    // residents: the retry answers the first import, where without a key the same file is refused whole (ID numbers unique)
    const people = [`村,户号,名字,证件号码,与户主关系`, `${villages[1]},K001,赵重试,${id(21)},户主`, `${villages[1]},K002,钱重试,${id(22)},户主`].join('\n');
    const send = (key?: string) => gql(admin, IMPORT_RESIDENTS, { i: { countyCode: COUNTY, csv: people, map: residentMap, idempotencyKey: key } });
    const first = await send('residents-import-0001');
    expect(first.data).toEqual({ importResidents: { kind: 'residents', rows: 2, written: 2 } });
    expect((await send('residents-import-0001')).data).toEqual(first.data);
    expect(codeOf(await send())).toBe('BAD_USER_INPUT');
    expect(await count('resident', `id_number IN ('${id(21)}', '${id(22)}')`)).toBe(2);
    expect(await count('audit_log', `action = 'importResidents' AND payload->>'rows' = '2'`)).toBe(1);
  });

  it('refuses an unknown mapping target and a missing required column on line 1', async () => {
    const res = await gql(admin, IMPORT_RESIDENTS, { i: { countyCode: COUNTY, csv: residents, map: '名字=nom' } });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect((res.errors?.[0].extensions?.rows as { rule: string }[]).map((p) => p.rule)).toEqual(expect.arrayContaining(['MAP_UNKNOWN_FIELD', 'COLUMN_MISSING']));
  });
});

describe('the set-based writer at size (COPY into a staging table on PostgreSQL, multi-row inserts on PGlite)', () => {
  const size = county('520585', 6000, 'C');
  const householdsCsv = text(syntheticHouseholdsCsv(size));
  // two names the COPY text format must escape (a backslash, a quote), on two of the file's rows
  const lines = text(syntheticResidentsCsv(size)).split('\n');
  const special = ['王\\小芳', '欧阳"明"'];
  for (const [i, name] of special.entries()) {
    const cells = lines[100 + i].split(',');
    cells[2] = `"${name.replace(/"/g, '""')}"`;
    lines[100 + i] = cells.join(',');
  }
  const residentsCsv = lines.join('\n');
  const ds = () => platform.subgraphs.grids.db.dataSource;
  const prefixes = [villages[0], villages[1], villages[0].slice(0, 9), villages[1].slice(0, 9), COUNTY.slice(0, 6)];

  /** Counter rows of the file's villages, their townships and the county, beside a full recount. */
  async function countersAndRecount(): Promise<{ prefix: string; counted: number[]; recount: number[] }[]> {
    const rows = (await ds().query(
      `SELECT p.prefix, ARRAY[coalesce(c.households, 0), coalesce(c.residents, 0)]::int[] AS counted,
              ARRAY[(SELECT count(*) FROM household h WHERE h.village_code LIKE p.prefix || '%'), (SELECT count(*) FROM resident r WHERE r.village_code LIKE p.prefix || '%')]::int[] AS recount
         FROM unnest($1::text[]) AS p (prefix) LEFT JOIN region_counter c USING (prefix) ORDER BY p.prefix`,
      [[...new Set(prefixes)]],
    )) as { prefix: string; counted: number[]; recount: number[] }[];
    return rows;
  }

  it('refuses a large file with one bad ID number deep in its last batch whole: nothing written, counters untouched', async () => {
    await importFile(options(householdImporter, householdsCsv));
    const bad = [...lines];
    const cells = bad[5871].split(',');
    cells[3] = badCheckDigit(cells[3]);
    bad[5871] = cells.join(',');
    const before = { residents: await count('resident'), events: await count('grids_event'), audit: await count('audit_log'), counters: await countersAndRecount() };
    const refused = (await importFile(options(residentImporter, bad.join('\n'))).catch((e: unknown) => e)) as ImportRefusedError;
    expect(refused).toBeInstanceOf(ImportRefusedError);
    expect(refused.problems.map((p) => [p.line, p.rule])).toEqual([[5872, 'ID_CHECK_DIGIT']]);
    expect({ residents: await count('resident'), events: await count('grids_event'), audit: await count('audit_log'), counters: await countersAndRecount() }).toEqual(before);
  }, 180_000);

  it('writes 6,000 residents in committed batches, resumes after an interruption, keeps the counters equal to a recount, and search finds the names', async () => {
    let batches = 0;
    const interrupted = await importFile(
      options(residentImporter, residentsCsv, {
        afterBatch: () => {
          batches += 1;
          if (batches === 3) throw new Error('killed');
        },
      }),
    ).catch((e: unknown) => e);
    expect((interrupted as Error).message).toBe('killed');
    const stopped = await count('resident', `id_number LIKE '520585%'`);
    expect(stopped).toBeGreaterThanOrEqual(3000);
    expect(stopped).toBeLessThan(6000);
    const resumed = await importFile(options(residentImporter, residentsCsv));
    expect(resumed).toMatchObject({ rows: 6000, resumedFrom: stopped, written: 6000 - stopped });
    expect(await count('resident', `id_number LIKE '520585%'`)).toBe(6000);
    expect(await count('audit_log', `action = 'import:residents' AND target_id = $1`, [resumed.checkpointId])).toBe(6);
    for (const row of await countersAndRecount()) expect(row.counted).toEqual(row.recount);
    // the escaped names arrive as written, and the name index finds them
    const names = (await ds().query(`SELECT name FROM resident WHERE name = ANY($1) ORDER BY name`, [special])) as { name: string }[];
    expect(names.map((n) => n.name).sort()).toEqual([...special].sort());
    const search = async (name: string) =>
      (await ok<{ searchResidents: { nodes: { name: string }[] } }>(admin, 'query($n: String) { searchResidents(name: $n, first: 20) { nodes { name } } }', { n: name })).searchResidents.nodes.map((n) => n.name);
    expect(await search('王\\小')).toEqual(['王\\小芳']);
    expect(await search('"明"')).toEqual(['欧阳"明"']);
    const [plain] = lines[4000].split(',').slice(2, 3);
    expect(await search(plain)).toContain(plain);
  }, 240_000);
});
