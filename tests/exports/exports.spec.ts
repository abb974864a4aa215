/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers and parsed files are untyped JSON, checked field by field with expect() */
import { createHash } from 'node:crypto';
import { subgraph as civility } from '@xiangzhi/civility';
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as legal } from '@xiangzhi/legal';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { EXPORT_BATCH_ROWS, Role, type Actor } from '@xiangzhi/kernel';
import { graphqlClient, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { allNodes, download, parseCsv, parseXlsx, records } from './support';

/**
 * Exports through the gateway (README, "Exports"): every kind in CSV and XLSX read back and compared
 * with the GraphQL answer for the same region and caller; masking by role; scope refusals; one
 * audit record per export; 401 without a token; the file streamed in many chunks.
 */
const xinfeng = '360722000000';
const admin: Actor = { id: 'export-admin', roles: [Role.COUNTY_ADMIN], scope: xinfeng };

let platform: TestPlatform;
const { ok } = graphqlClient<Record<string, any>>(() => platform);
let village = '';
let otherVillage = '';
let township = '';

const sql = (subgraph: string, text: string, params: unknown[] = []) => platform.subgraphs[subgraph].db.dataSource.query(text, params) as Promise<any[]>;

async function both(path: string, as: Actor): Promise<{ csv: Record<string, string>[]; xlsx: Record<string, string>[] }> {
  const csv = await download(platform, `/exports/${path.replace('?', '.csv?')}`, as);
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(csv.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const xlsx = await download(platform, `/exports/${path.replace('?', '.xlsx?')}`, as);
  expect(xlsx.status).toBe(200);
  expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const csvRows = records(parseCsv(csv.body.toString('utf8').slice(1)));
  const xlsxRows = records(await parseXlsx(xlsx.body));
  expect(xlsxRows).toEqual(csvRows);
  return { csv: csvRows, xlsx: xlsxRows };
}

async function lastExportAudit(subgraph: string): Promise<any> {
  const [row] = await sql(subgraph, `SELECT actor_id, actor_roles, action, target_type, target_id, region_code, payload FROM audit_log WHERE action = 'exportList' ORDER BY seq DESC LIMIT 1`);
  return row;
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel, legal, civility], seed: true });
  const villages = await sql('grids', `SELECT village_code, count(*)::int AS n FROM resident WHERE village_code LIKE '360722%' GROUP BY village_code ORDER BY n DESC, village_code LIMIT 2`);
  village = villages[0].village_code;
  otherVillage = villages[1].village_code;
  const [t] = await sql('grids', `SELECT substr(village_code, 1, 9) || '000' AS code, count(*)::int AS n FROM resident WHERE village_code LIKE '360722%' GROUP BY 1 ORDER BY n DESC LIMIT 1`);
  township = t.code;
}, 600_000);

afterAll(() => platform?.stop());

describe('households and residents', () => {
  it('exports a village’s households as the households query lists them, in CSV and XLSX', async () => {
    const { csv } = await both(`households?region=${village}`, admin);
    const api = await allNodes(ok, admin, 'households', `regionCode: "${village}"`, 'id villageCode number address head { name } grid { code name } members { id }');
    expect(csv.length).toBe(api.length);
    expect(csv).toEqual(
      api.map((h) => ({
        villageCode: h.villageCode,
        number: h.number,
        address: h.address,
        gridCode: h.grid?.code ?? '',
        gridName: h.grid?.name ?? '',
        headName: h.head?.name ?? '',
        members: String(h.members.length),
        id: h.id,
      })),
    );
  });

  const residentFields = 'id villageCode household { number } name gender birthDate idNumber phone relationToHead status statusDate';
  const asExported = (r: any) => ({
    villageCode: r.villageCode,
    householdNumber: r.household.number,
    name: r.name,
    gender: r.gender,
    birthDate: r.birthDate ?? '',
    idNumber: r.idNumber,
    phone: r.phone ?? '',
    relationToHead: r.relationToHead,
    status: r.status,
    statusDate: r.statusDate ?? '',
    id: r.id,
  });

  it('masks ID and phone numbers for a grid worker exactly as the API does, and records a masked export', async () => {
    const worker: Actor = { id: 'export-grid-worker', roles: [Role.GRID_WORKER], scope: village };
    const { csv } = await both(`residents?region=${village}`, worker);
    const api = await allNodes(ok, worker, 'residents', `regionCode: "${village}"`, residentFields);
    expect(csv).toEqual(api.map(asExported));
    expect(csv.every((r) => /^\d{6}\*{8}[\dX]{4}$/.test(r.idNumber) && r.birthDate === '')).toBe(true);
    const audit = await lastExportAudit('grids');
    expect(audit).toMatchObject({ actor_id: worker.id, action: 'exportList', target_type: 'Export', target_id: 'residents', region_code: village });
    expect(audit.payload).toMatchObject({ kind: 'residents', format: 'xlsx', region: village, rows: api.length, masked: true });
    expect(audit.payload.rowIdsSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives a village cadre the unmasked numbers and audits the export as one read of every row', async () => {
    const cadre: Actor = { id: 'export-village-cadre', roles: [Role.VILLAGE_CADRE], scope: village };
    const before = (await sql('grids', `SELECT count(*)::int AS n FROM audit_log`))[0].n;
    const csvOnly = await download(platform, `/exports/residents.csv?region=${village}`, cadre);
    const rows = records(parseCsv(csvOnly.body.toString('utf8').slice(1)));
    // one audit record for the whole export, not one per row
    expect((await sql('grids', `SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(before + 1);
    const audit = await lastExportAudit('grids');
    expect(audit.payload).toMatchObject({ kind: 'residents', format: 'csv', rows: rows.length, masked: false });
    expect(audit.payload.rowIdsSha256).toBe(createHash('sha256').update(rows.map((r) => `${r.id}\n`).join('')).digest('hex'));
    const api = await allNodes(ok, cadre, 'residents', `regionCode: "${village}"`, residentFields);
    expect(rows).toEqual(api.map(asExported));
    expect(rows.every((r) => /^\d{17}[\dX]$/.test(r.idNumber) && /^\d{4}-\d{2}-\d{2}$/.test(r.birthDate))).toBe(true);
  });

  it('refuses a village cadre another village with 403 and the bilingual FORBIDDEN body, writing no audit record', async () => {
    const cadre: Actor = { id: 'export-village-cadre', roles: [Role.VILLAGE_CADRE], scope: village };
    const before = (await sql('grids', `SELECT count(*)::int AS n FROM audit_log`))[0].n;
    for (const format of ['csv', 'xlsx']) {
      const res = await download(platform, `/exports/residents.${format}?region=${otherVillage}`, cadre);
      expect(res.status).toBe(403);
      const body = JSON.parse(res.body.toString('utf8'));
      expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
      expect(body.errors[0].message).toMatch(/^无权访问.*\(You may only access regions inside your scope/);
    }
    // the township above the village is out of scope too (the export covers the region asked for)
    expect((await download(platform, `/exports/households.csv?region=${township}`, cadre)).status).toBe(403);
    expect((await sql('grids', `SELECT count(*)::int AS n FROM audit_log`))[0].n).toBe(before);
  });

  it('refuses residents (own household only) and bad parameters before anything is read', async () => {
    const resident: Actor = { id: 'export-resident', roles: [Role.RESIDENT], scope: village };
    const res = await download(platform, `/exports/residents.csv?region=${village}`, resident);
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString('utf8')).errors[0].extensions.code).toBe('FORBIDDEN');
    const bad = await download(platform, `/exports/residents.csv?region=36072`, admin);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString('utf8')).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'region' });
    const unknown = await download(platform, `/exports/nothing.csv?region=${village}`, admin);
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body.toString('utf8')).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers 401 without a valid token, and the subgraph refuses a download that does not come from the gateway', async () => {
    for (const token of [null, 'not-a-jwt']) {
      const res = await download(platform, `/exports/residents.csv?region=${village}`, token);
      expect(res.status).toBe(401);
      expect(JSON.parse(res.body.toString('utf8')).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const direct = await fetch(new URL(`/exports/residents.csv?region=${village}`, platform.subgraphs.grids.url), { headers: { authorization: `Bearer ${platform.token(admin)}` } });
    expect(direct.status).toBe(401);
    expect(((await direct.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('streams a township’s residents in batches: chunked, many chunks, the name in RFC 5987 form', async () => {
    const officer: Actor = { id: 'export-township', roles: [Role.TOWNSHIP_OFFICER], scope: township };
    const [{ n }] = await sql('grids', `SELECT count(*)::int AS n FROM resident WHERE village_code LIKE $1`, [`${township.slice(0, 9)}%`]);
    expect(n).toBeGreaterThan(2 * EXPORT_BATCH_ROWS);
    for (const format of ['csv', 'xlsx']) {
      const res = await download(platform, `/exports/residents.${format}?region=${township}`, officer);
      expect(res.status).toBe(200);
      expect(res.headers.get('transfer-encoding')).toBe('chunked');
      expect(res.headers.get('content-length')).toBeNull();
      // at least one chunk per batch of rows: the file left the server batch by batch
      expect(res.chunks).toBeGreaterThanOrEqual(Math.ceil(n / EXPORT_BATCH_ROWS));
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="residents_${township}.${format}"; filename*=UTF-8''${encodeURIComponent(`居民名册_residents_${township}.${format}`)}`,
      );
      const rows = format === 'csv' ? parseCsv(res.body.toString('utf8').slice(1)) : await parseXlsx(res.body);
      expect(rows.length).toBe(n + 1);
    }
  });
});

const byId = (rows: Record<string, string>[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
const orEmpty = (v: unknown) => (v === null || v === undefined ? '' : String(v));

describe('personnel, legal and civility lists', () => {
  it('exports a village’s cadres and posts as Region.cadres and Region.posts answer them', async () => {
    const auditor: Actor = { id: 'export-auditor', roles: [Role.AUDITOR], scope: xinfeng };
    for (const as of [admin, auditor]) {
      const { csv: cadres } = await both(`cadres?region=${village}`, as);
      const { csv: posts } = await both(`posts?region=${village}`, as);
      const data = await ok(as, `{ region(code: "${village}") { cadres { id villageCode name gender birthDate educationLevel partyMember partyJoinDate status fullTime serviceStart rankLevel posts { title } } posts { id villageCode code title category fullTime holder { id name } } } }`);
      expect(cadres.length).toBeGreaterThan(0);
      expect(byId(cadres)).toEqual(
        byId(
          data.region.cadres.map((c: any) => ({
            villageCode: c.villageCode,
            name: c.name,
            gender: c.gender,
            birthDate: orEmpty(c.birthDate),
            educationLevel: c.educationLevel,
            partyMember: c.partyMember ? '是' : '否',
            partyJoinDate: orEmpty(c.partyJoinDate),
            status: c.status,
            fullTime: c.fullTime ? '是' : '否',
            serviceStart: c.serviceStart,
            rankLevel: orEmpty(c.rankLevel),
            posts: cadres.find((x) => x.id === c.id)!.posts,
            id: c.id,
          })),
        ),
      );
      for (const c of data.region.cadres) expect(cadres.find((x) => x.id === c.id)!.posts.split('、').filter(Boolean).sort()).toEqual(c.posts.map((p: any) => p.title).sort());
      // birth dates are personal data: the auditor gets them empty, as from the API
      if (as === auditor) expect(cadres.every((c) => c.birthDate === '')).toBe(true);
      expect(byId(posts)).toEqual(
        byId(
          data.region.posts.map((p: any) => ({
            villageCode: p.villageCode,
            code: p.code,
            title: p.title,
            category: p.category,
            fullTime: p.fullTime ? '是' : '否',
            holderName: orEmpty(p.holder?.name),
            holderId: orEmpty(p.holder?.id),
            id: p.id,
          })),
        ),
      );
    }
    const audit = await lastExportAudit('personnel');
    expect(audit).toMatchObject({ actor_id: auditor.id, target_id: 'posts', region_code: village });
  });

  it('exports a month’s payroll with exact decimal amounts, as payRecords answers it', async () => {
    const month = '2025-11';
    await ok(admin, `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) { records { id } } }`, { v: village, m: month });
    const { csv } = await both(`payroll?region=${village}&month=${month}`, admin);
    const api = await allNodes(ok, admin, 'payRecords', `regionCode: "${village}", month: "${month}"`, 'id month villageCode total daysHeld daysInMonth policy cadre { id name } components { kind amount }');
    expect(csv.length).toBe(api.length);
    expect(csv.length).toBeGreaterThan(0);
    expect(byId(csv)).toEqual(
      byId(
        api.map((p: any) => ({
          month: p.month,
          villageCode: p.villageCode,
          cadreName: p.cadre.name,
          daysHeld: orEmpty(p.daysHeld),
          daysInMonth: orEmpty(p.daysInMonth),
          components: p.components.map((c: any) => `${c.kind} ${c.amount.toFixed(2)}`).join('; '),
          total: p.total.toFixed(2),
          policy: p.policy,
          cadreId: p.cadre.id,
          id: p.id,
        })),
      ),
    );
    const audit = await lastExportAudit('personnel');
    expect(audit.payload).toMatchObject({ kind: 'payroll', filters: { month }, rows: api.length });
    const missing = await download(platform, `/exports/payroll.csv?region=${village}`, admin);
    expect(missing.status).toBe(400);
    expect(JSON.parse(missing.body.toString('utf8')).errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });

  it('exports a region’s disputes with their amounts in yuan, as Region.disputes answers them', async () => {
    const [busiest] = await sql('legal', `SELECT village_code, count(*)::int AS n FROM dispute WHERE village_code LIKE '360722%' GROUP BY 1 HAVING count(*) <= 100 ORDER BY n DESC LIMIT 1`);
    const { csv } = await both(`disputes?region=${busiest.village_code}`, admin);
    const data = await ok(admin, `{ region(code: "${busiest.village_code}") { disputes(first: 100) { id villageCode openedOn category summary amount riskLevel crimeRisk tier deadline status outcome closedOn parties { name } } } }`);
    expect(csv.length).toBe(busiest.n);
    expect(byId(csv)).toEqual(
      byId(
        data.region.disputes.map((d: any) => ({
          villageCode: d.villageCode,
          openedOn: d.openedOn,
          category: d.category,
          summary: d.summary,
          amount: orEmpty(d.amount),
          riskLevel: d.riskLevel,
          crimeRisk: d.crimeRisk ? '是' : '否',
          tier: d.tier,
          deadline: d.deadline,
          status: d.status,
          outcome: orEmpty(d.outcome),
          closedOn: orEmpty(d.closedOn),
          parties: d.parties.map((p: any) => p.name).join('、'),
          id: d.id,
        })),
      ),
    );
  });

  it('exports the households’ points balances as Household.civility answers them', async () => {
    const [busiest] = await sql('civility', `SELECT village_code FROM household_points WHERE village_code LIKE '360722%' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const { csv } = await both(`points?region=${busiest.village_code}`, admin);
    expect(csv.length).toBeGreaterThan(0);
    const households = await allNodes(ok, admin, 'households', `regionCode: "${busiest.village_code}"`, 'id civility { balance }');
    const balances = new Map(households.map((h: any) => [h.id, h.civility?.balance]));
    for (const row of csv) expect(Number(row.balance)).toBe(balances.get(row.householdId));
    expect(csv.every((r) => Number(r.balance) === Number(r.earned) - Number(r.deducted) - Number(r.redeemed))).toBe(true);
    const resident: Actor = { id: 'export-resident', roles: [Role.RESIDENT], scope: busiest.village_code };
    for (const kind of ['points', 'disputes']) expect((await download(platform, `/exports/${kind}.csv?region=${busiest.village_code}`, resident)).status).toBe(403);
  });
});
