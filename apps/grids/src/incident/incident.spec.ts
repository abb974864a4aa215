/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import 'reflect-metadata';
import { featuredVillages } from '@xiangzhi/demo';
import { Role, signInternalToken, startSubgraph, type Actor, type RunningSubgraph } from '@xiangzhi/kernel';
import { gridsSubgraph } from '../subgraph';

const secret = 'incident-test-secret';
const schema = `grids_inc_${process.pid}_${Date.now()}`;
const [villageA, villageB] = featuredVillages();
const townshipA = `${villageA.code.slice(0, 9)}000`;
const countyA = `${villageA.code.slice(0, 6)}000000`;
const cadreA: Actor = { id: 'cadre-a', roles: [Role.VILLAGE_CADRE], scope: villageA.code };
const cadreB: Actor = { id: 'cadre-b', roles: [Role.VILLAGE_CADRE], scope: villageB.code };
const townshipOfficer: Actor = { id: 'officer-t', roles: [Role.TOWNSHIP_OFFICER], scope: townshipA };
const countyAdmin: Actor = { id: 'admin-c', roles: [Role.COUNTY_ADMIN], scope: countyA };
const auditor: Actor = { id: 'auditor', roles: [Role.AUDITOR], scope: countyA };

let sg: RunningSubgraph;
let residentA: Actor;
let otherResidentA: Actor;
let gridA: string;

type Result = { data?: Record<string, any>; errors?: { message: string; extensions: { code: string } }[] };

async function gql(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const res = await fetch(sg.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, secret) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Result;
}

async function ok(actor: Actor, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await gql(actor, query, variables);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data!;
}

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [{ n }] = await sg.db.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return Number(n);
}

const FIELDS = 'id status tier version deadline rating feedback source assignee { id name } allowedActions overdue history { seq action fromStatus toStatus fromTier toTier actorId note policySource }';

async function report(actor: Actor, input: Record<string, unknown>): Promise<any> {
  const data = await ok(actor, `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { ${FIELDS} } }`, {
    i: { villageCode: villageA.code, category: '环境卫生', title: '垃圾未清运', ...input },
  });
  return data.reportIncident;
}

async function act(actor: Actor, mutation: string, input: Record<string, unknown>): Promise<Result> {
  const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return gql(actor, `mutation($i: ${inputType}!) { ${mutation}(input: $i) { ${FIELDS} } }`, { i: input });
}

beforeAll(async () => {
  sg = await startSubgraph(gridsSubgraph, { internalSecret: secret, databaseUrl: process.env.TEST_DATABASE_URL, schema, seed: true, runJobs: false });
  const residents: { id: string }[] = await sg.db.dataSource.query(
    'SELECT r.id FROM resident r JOIN household h ON h.id = r.household_id WHERE r.village_code = $1 ORDER BY h.number, r.id',
    [villageA.code],
  );
  residentA = { id: 'resident-a', roles: [Role.RESIDENT], scope: villageA.code, residentId: residents[0].id };
  const other = residents.find((r, i) => i > 0 && r.id !== residents[0].id)!;
  otherResidentA = { id: 'resident-a2', roles: [Role.RESIDENT], scope: villageA.code, residentId: other.id };
  const grids: { id: string }[] = await sg.db.dataSource.query('SELECT id FROM grid WHERE village_code = $1 ORDER BY code', [villageA.code]);
  gridA = grids[0].id;
}, 120000);

afterAll(async () => {
  if (!sg) return;
  if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await sg.stop();
});

describe('incident closed loop', () => {
  it('goes reported → accepted → dispatched → in progress → resolved → closed, with full history and audit', async () => {
    const started = Date.now();
    let inc = await report(cadreA, { gridId: gridA });
    expect(inc).toMatchObject({ status: 'REPORTED', tier: 'VILLAGE', version: 1, source: 'HOTLINE', allowedActions: ['ACCEPT', 'REJECT', 'ESCALATE'] });
    // baseline policy: the village has 3 days
    const deadline = new Date(inc.deadline).getTime();
    expect(deadline - started).toBeGreaterThanOrEqual(3 * 86400000 - 1000);
    expect(deadline - started).toBeLessThanOrEqual(3 * 86400000 + 60000);
    const steps: [string, Record<string, unknown>, string][] = [
      ['acceptIncident', {}, 'ACCEPTED'],
      ['dispatchIncident', { assigneeId: 'worker-1', assigneeName: '张网格' }, 'DISPATCHED'],
      ['startIncident', {}, 'IN_PROGRESS'],
      ['resolveIncident', { note: '已清运' }, 'RESOLVED'],
      ['closeIncident', { rating: 5, comment: '很及时' }, 'CLOSED'],
    ];
    for (const [mutation, extra, status] of steps) {
      const res = await act(cadreA, mutation, { id: inc.id, expectedVersion: inc.version, ...extra });
      expect(res.errors).toBeUndefined();
      inc = res.data![mutation];
      expect(inc.status).toBe(status);
    }
    expect(inc).toMatchObject({ version: 6, rating: 5, feedback: '很及时', assignee: { id: 'worker-1', name: '张网格' }, allowedActions: [], overdue: false });
    expect(inc.history.map((h: any) => [h.seq, h.action, h.fromStatus, h.toStatus])).toEqual([
      [1, 'REPORT', null, 'REPORTED'],
      [2, 'ACCEPT', 'REPORTED', 'ACCEPTED'],
      [3, 'DISPATCH', 'ACCEPTED', 'DISPATCHED'],
      [4, 'START', 'DISPATCHED', 'IN_PROGRESS'],
      [5, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED'],
      [6, 'CLOSE', 'RESOLVED', 'CLOSED'],
    ]);
    expect(inc.history[0].policySource).toBe('baseline');
    expect(await count('audit_log', 'target_id = $1', [inc.id])).toBe(6);
  });

  it('refuses an illegal transition and writes nothing', async () => {
    const inc = await report(cadreA, {});
    const auditBefore = await count('audit_log');
    const res = await act(cadreA, 'resolveIncident', { id: inc.id, expectedVersion: 1 });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toContain('REPORTED');
    expect(res.errors?.[0].message).toMatch(/^事件当前状态为“已上报”，不能“办结”/);
    const [row] = await sg.db.dataSource.query('SELECT status, version FROM incident WHERE id = $1', [inc.id]);
    expect(row).toEqual({ status: 'REPORTED', version: 1 });
    expect(await count('incident_history', 'incident_id = $1', [inc.id])).toBe(1);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('answers CONFLICT to a stale version: the second of two concurrent edits fails', async () => {
    const inc = await report(cadreA, {});
    const first = await act(cadreA, 'acceptIncident', { id: inc.id, expectedVersion: 1 });
    expect(first.errors).toBeUndefined();
    const second = await act(cadreA, 'rejectIncident', { id: inc.id, expectedVersion: 1, reason: '重复' });
    expect(second.errors?.[0].extensions.code).toBe('CONFLICT');
    const [row] = await sg.db.dataSource.query('SELECT status, version FROM incident WHERE id = $1', [inc.id]);
    expect(row).toEqual({ status: 'ACCEPTED', version: 2 });
  });

  it('rejects bad input before writing anything', async () => {
    const before = await count('incident');
    const badRating = await report(cadreA, {}).then((inc) => act(cadreA, 'closeIncident', { id: inc.id, expectedVersion: 1, rating: 9 }));
    expect(badRating.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badVillage = await gql(cadreA, `mutation { reportIncident(input: { villageCode: "${villageA.code}", gridId: "00000000-0000-0000-0000-000000000000", category: "x", title: "y" }) { id } }`);
    expect(badVillage.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await count('incident')).toBe(before + 1);
  });
});

describe('escalation', () => {
  it('escalates manually village → township → county, the next tier accepts, and the top tier cannot escalate', async () => {
    let inc = await report(cadreA, {});
    const at = Date.now();
    let res = await act(cadreA, 'escalateIncident', { id: inc.id, expectedVersion: 1, reason: '村内无法调解' });
    inc = res.data!.escalateIncident;
    expect(inc).toMatchObject({ status: 'ESCALATED', tier: 'TOWNSHIP' });
    expect(new Date(inc.deadline).getTime() - at).toBeGreaterThanOrEqual(7 * 86400000 - 1000);
    expect(inc.history[1]).toMatchObject({ action: 'ESCALATE', fromTier: 'VILLAGE', toTier: 'TOWNSHIP', note: '村内无法调解', policySource: 'baseline' });

    res = await act(cadreA, 'acceptIncident', { id: inc.id, expectedVersion: inc.version });
    expect(res.errors?.[0].extensions.code).toBe('FORBIDDEN');
    res = await act(townshipOfficer, 'acceptIncident', { id: inc.id, expectedVersion: inc.version });
    inc = res.data!.acceptIncident;
    expect(inc).toMatchObject({ status: 'ACCEPTED', tier: 'TOWNSHIP' });

    res = await act(townshipOfficer, 'escalateIncident', { id: inc.id, expectedVersion: inc.version, reason: '涉及多部门' });
    inc = res.data!.escalateIncident;
    expect(inc.tier).toBe('COUNTY');
    res = await act(countyAdmin, 'escalateIncident', { id: inc.id, expectedVersion: inc.version, reason: '再升级' });
    expect(res.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('the scheduled job escalates only overdue open incidents, as system, with an audit record', async () => {
    const overdue = await report(cadreA, { title: '超期事件' });
    const fresh = await report(cadreA, { title: '未超期事件' });
    const done = await report(cadreA, { title: '已不予受理' });
    await act(cadreA, 'rejectIncident', { id: done.id, expectedVersion: 1, reason: '不属实' });
    // only the first and the rejected one are past their deadline at `now`
    await sg.db.dataSource.query(`UPDATE incident SET deadline = now() - interval '1 hour' WHERE id = ANY($1)`, [[overdue.id, done.id]]);
    await sg.db.dataSource.query(`UPDATE incident SET deadline = now() + interval '1 day' WHERE id = $1`, [fresh.id]);
    await sg.db.dataSource.query(`UPDATE incident SET deadline = now() + interval '30 days' WHERE id <> ALL($1) AND status <> 'CLOSED'`, [[overdue.id, done.id, fresh.id]]);
    const escalated = await sg.runJob('escalate-overdue', new Date());
    expect(escalated).toBe(1);
    const rows: { id: string; status: string; tier: string }[] = await sg.db.dataSource.query(
      'SELECT id, status, tier FROM incident WHERE id = ANY($1) ORDER BY title',
      [[overdue.id, fresh.id, done.id]],
    );
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[overdue.id]).toMatchObject({ status: 'ESCALATED', tier: 'TOWNSHIP' });
    expect(byId[fresh.id]).toMatchObject({ status: 'REPORTED', tier: 'VILLAGE' });
    expect(byId[done.id]).toMatchObject({ status: 'REJECTED', tier: 'VILLAGE' });
    const [history] = await sg.db.dataSource.query('SELECT actor_id, action FROM incident_history WHERE incident_id = $1 AND seq = 2', [overdue.id]);
    expect(history).toEqual({ actor_id: 'system', action: 'ESCALATE' });
    expect(await count('audit_log', "target_id = $1 AND actor_id = 'system' AND action = 'escalateOverdueIncident'", [overdue.id])).toBe(1);
    // running again changes nothing: the escalated incident has a fresh township deadline
    expect(await sg.runJob('escalate-overdue', new Date())).toBe(0);
  });
});

describe('scope', () => {
  it('keeps another village out: FORBIDDEN for one incident, filtered from lists, no reporting there', async () => {
    const inc = await report(cadreA, {});
    const read = await gql(cadreB, `query($id: ID!) { incident(id: $id) { id } }`, { id: inc.id });
    expect(read.errors?.[0].extensions.code).toBe('FORBIDDEN');
    expect(read.errors?.[0].message).toMatch(/^无权查看辖区以外的事件.*\(Incident .* is outside your scope\)$/);
    const list = await ok(cadreB, `{ incidents(first: 100) { totalCount nodes { villageCode } } }`);
    expect(list.incidents.nodes.every((n: any) => n.villageCode === villageB.code)).toBe(true);
    const act1 = await act(cadreB, 'acceptIncident', { id: inc.id, expectedVersion: 1 });
    expect(act1.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const rep = await gql(cadreB, `mutation { reportIncident(input: { villageCode: "${villageA.code}", category: "x", title: "y" }) { id } }`);
    expect(rep.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const audit = await gql(auditor, `mutation { reportIncident(input: { villageCode: "${villageA.code}", category: "x", title: "y" }) { id } }`);
    expect(audit.errors?.[0].extensions.code).toBe('FORBIDDEN');
  });

  it('lets a resident file a request (群众点单), see only their own, and close it with a rating', async () => {
    const mine = await report(residentA, { source: 'HOTLINE' });
    expect(mine.source).toBe('RESIDENT_REQUEST');
    const theirs = await report(otherResidentA, { title: '路灯不亮' });
    const list = await ok(residentA, `{ incidents(first: 100) { totalCount nodes { id } } }`);
    expect(list.incidents.nodes.map((n: any) => n.id)).toEqual([mine.id]);
    expect(list.incidents.totalCount).toBe(1);
    const peek = await gql(residentA, `query($id: ID!) { incident(id: $id) { id } }`, { id: theirs.id });
    expect(peek.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const accept = await act(residentA, 'acceptIncident', { id: mine.id, expectedVersion: 1 });
    expect(accept.errors?.[0].extensions.code).toBe('FORBIDDEN');
    let inc = mine;
    for (const [m, extra] of [['acceptIncident', {}], ['dispatchIncident', { assigneeName: '李网格' }], ['startIncident', {}], ['resolveIncident', {}]] as const) {
      inc = (await act(cadreA, m, { id: inc.id, expectedVersion: inc.version, ...extra })).data![m];
    }
    const closed = await act(residentA, 'closeIncident', { id: inc.id, expectedVersion: inc.version, rating: 4, comment: '满意' });
    expect(closed.data?.closeIncident).toMatchObject({ status: 'CLOSED', rating: 4, feedback: '满意' });
  });
});

describe('lists and stats', () => {
  it('paginates with first/after and a stable totalCount', async () => {
    const all = await ok(countyAdmin, `{ incidents(regionCode: "${villageA.code}", first: 100) { totalCount nodes { id } } }`);
    const total = all.incidents.totalCount;
    expect(total).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Record<string, any> = await ok(countyAdmin, `query($a: String) { incidents(regionCode: "${villageA.code}", first: 2, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`, { a: after });
      expect(page.incidents.totalCount).toBe(total);
      seen.push(...page.incidents.nodes.map((n: any) => n.id));
      if (!page.incidents.pageInfo.hasNextPage) break;
      after = page.incidents.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.incidents.nodes.map((n: any) => n.id));
    const open = await ok(countyAdmin, `{ incidents(regionCode: "${villageA.code}", status: REPORTED, first: 100) { nodes { status } } }`);
    expect(open.incidents.nodes.every((n: any) => n.status === 'REPORTED')).toBe(true);
  });

  it('counts open incidents per region, with SQL statements that do not grow with the number of regions', async () => {
    const q = `query($c: ID!) { region(code: $c) { stats { openIncidents } children { code stats { openIncidents } } } }`;
    const village = await ok(countyAdmin, `query($c: ID!) { region(code: $c) { stats { openIncidents } } }`, { c: villageA.code });
    const [{ n }] = await sg.db.dataSource.query(
      `SELECT count(*)::int AS n FROM incident WHERE village_code = $1 AND status IN ('REPORTED','ACCEPTED','DISPATCHED','IN_PROGRESS','ESCALATED')`,
      [villageA.code],
    );
    expect(village.region.stats.openIncidents).toBe(Number(n));
    expect(village.region.stats.openIncidents).toBeGreaterThan(0);
    let stop = sg.db.queries.start();
    const township = await ok(countyAdmin, q, { c: townshipA });
    const few = stop();
    stop = sg.db.queries.start();
    const county = await ok(countyAdmin, q, { c: countyA });
    const many = stop();
    expect(county.region.children.length).toBeGreaterThan(township.region.children.length);
    expect(many).toBe(few);
    const childA = township.region.children.find((c: any) => c.code === villageA.code);
    expect(childA.stats.openIncidents).toBe(Number(n));
  });
});
