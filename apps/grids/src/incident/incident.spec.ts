/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import 'reflect-metadata';
import { featuredVillages } from '@xiangzhi/demo';
import { DefaultEscalationPolicy, escalationPolicyPoint, IncidentCategory } from '@xiangzhi/grids-api';
import { bindPolicy, definePlugin, regionPrefix, Role, signInternalToken, startSubgraph, type Actor, type RunningSubgraph } from '@xiangzhi/kernel';
import { z } from 'zod';
import { gridsSubgraph } from '../subgraph';

const secret = 'incident-test-secret';
const schema = `grids_inc_${process.pid}_${Date.now()}`;
const DAY = 86400000;

const featured = featuredVillages();
const [villageA, villageB] = featured;
/** A Longshan village: its county enables the test plugin below. */
const villageL = featured.find((v) => v.code.startsWith('433130'))!;
const townshipA = `${villageA.code.slice(0, 9)}000`;
const countyA = `${villageA.code.slice(0, 6)}000000`;

const cadreA: Actor = { id: 'cadre-a', name: '王支书', roles: [Role.VILLAGE_CADRE], scope: villageA.code };
const cadreB: Actor = { id: 'cadre-b', name: '李主任', roles: [Role.VILLAGE_CADRE], scope: villageB.code };
const workerA: Actor = { id: 'worker-a', name: '赵网格', roles: [Role.GRID_WORKER], scope: villageA.code };
const townshipOfficer: Actor = { id: 'officer-t', name: '钱乡长', roles: [Role.TOWNSHIP_OFFICER], scope: townshipA };
const countyAdmin: Actor = { id: 'admin-c', name: '孙部长', roles: [Role.COUNTY_ADMIN], scope: countyA };
const auditor: Actor = { id: 'auditor', roles: [Role.AUDITOR], scope: countyA };
const cadreL: Actor = { id: 'cadre-l', roles: [Role.VILLAGE_CADRE], scope: villageL.code };

/** A county model with faster deadlines (disputes: half a day at the village), enabled for Longshan only. */
const fastEscalation = definePlugin({
  name: 'fast-escalation-test',
  version: '0.0.0',
  title: { zh: '快速升级（测试）', en: 'Fast escalation (test)' },
  config: z.object({ villageDays: z.number().default(1), townshipDays: z.number().default(2), countyDays: z.number().default(5) }),
  subgraphs: {
    grids: {
      policies: [
        bindPolicy(
          escalationPolicyPoint,
          (c: { villageDays: number; townshipDays: number; countyDays: number }) =>
            new DefaultEscalationPolicy({ VILLAGE: c.villageDays, TOWNSHIP: c.townshipDays, COUNTY: c.countyDays }, { [IncidentCategory.DISPUTE]: { VILLAGE: 0.5 } }),
        ),
      ],
    },
  },
});

let sg: RunningSubgraph;
let residentA: Actor;
let otherResidentA: Actor;
let residentAGrid: string;
let otherGridA: string;
let gridB: string;
let gridWorkerA: { id: string; name: string };
let gridWorkerB: { id: string; name: string };
let residentB: string;

type GqlError = { message: string; extensions: { code: string; [k: string]: unknown } };
type Result = { data?: Record<string, any>; errors?: GqlError[] };

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
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors, null, 2));
  return res.data!;
}

async function sql<T = Record<string, any>>(text: string, params: unknown[] = []): Promise<T[]> {
  return (await sg.db.dataSource.query(text, params)) as T[];
}

async function count(table: string, where = 'true', params: unknown[] = []): Promise<number> {
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return Number(n);
}

function codeOf(res: Result): string | undefined {
  return res.errors?.[0]?.extensions.code;
}

const FIELDS = `id status tier version deadline createdAt updatedAt rating comment source category title villageCode
  assignee { id name kind } allowedActions overdue
  history { seq action fromStatus toStatus fromTier toTier actorId actorName note policySource deadline at assignee { id name kind } }`;

async function report(actor: Actor, input: Record<string, unknown> = {}): Promise<any> {
  const data = await ok(actor, `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { ${FIELDS} } }`, {
    i: { villageCode: villageA.code, category: 'ENVIRONMENT', title: '垃圾未清运', ...input },
  });
  return data.reportIncident;
}

async function act(actor: Actor, mutation: string, input: Record<string, unknown>): Promise<Result> {
  const inputType = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return gql(actor, `mutation($i: ${inputType}!) { ${mutation}(input: $i) { ${FIELDS} } }`, { i: input });
}

async function step(actor: Actor, mutation: string, incident: { id: string; version: number }, extra: Record<string, unknown> = {}): Promise<any> {
  const res = await act(actor, mutation, { id: incident.id, expectedVersion: incident.version, ...extra });
  if (res.errors?.length) throw new Error(`${mutation}: ${JSON.stringify(res.errors, null, 2)}`);
  return res.data![mutation];
}

async function row(id: string): Promise<Record<string, any>> {
  const [r] = await sql('SELECT status, tier, version, assignee_id, assignee_name, assignee_kind, rating, feedback, deadline FROM incident WHERE id = $1', [id]);
  return r;
}

beforeAll(async () => {
  sg = await startSubgraph(gridsSubgraph, {
    internalSecret: secret,
    databaseUrl: process.env.TEST_DATABASE_URL,
    schema,
    seed: true,
    runJobs: false,
    plugins: [fastEscalation],
    countyParams: { '433130000000': { 'fast-escalation-test': {} } },
  });
  const residents = await sql<{ id: string; grid_id: string }>(
    'SELECT r.id, h.grid_id FROM resident r JOIN household h ON h.id = r.household_id WHERE r.village_code = $1 AND h.grid_id IS NOT NULL ORDER BY h.number, r.id',
    [villageA.code],
  );
  residentA = { id: 'resident-a', name: '周大爷', roles: [Role.RESIDENT], scope: villageA.code, residentId: residents[0].id };
  residentAGrid = residents[0].grid_id;
  const other = residents.find((r) => r.id !== residents[0].id)!;
  otherResidentA = { id: 'resident-a2', roles: [Role.RESIDENT], scope: villageA.code, residentId: other.id };
  const gridsA = await sql<{ id: string }>('SELECT id FROM grid WHERE village_code = $1 ORDER BY code', [villageA.code]);
  otherGridA = gridsA.find((g) => g.id !== residentAGrid)!.id;
  [{ id: gridB }] = await sql<{ id: string }>('SELECT id FROM grid WHERE village_code = $1 ORDER BY code LIMIT 1', [villageB.code]);
  [gridWorkerA] = await sql<{ id: string; name: string }>('SELECT id, name FROM grid_worker WHERE village_code = $1 ORDER BY id LIMIT 1', [villageA.code]);
  [gridWorkerB] = await sql<{ id: string; name: string }>('SELECT id, name FROM grid_worker WHERE village_code = $1 ORDER BY id LIMIT 1', [villageB.code]);
  [{ id: residentB }] = await sql<{ id: string }>('SELECT id FROM resident WHERE village_code = $1 ORDER BY id LIMIT 1', [villageB.code]);
}, 120000);

afterAll(async () => {
  if (!sg) return;
  if (process.env.TEST_DATABASE_URL) await sg.db.dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
  await sg.stop();
});

describe('the closed loop (收集—处理—反馈)', () => {
  it('runs a resident request from report to the resident’s rating, with the whole history and one audit record per step', async () => {
    const before = Date.now();
    let inc = await report(residentA, { villageCode: null, category: 'INFRASTRUCTURE', title: '路灯不亮', description: '村口路灯坏了三天' });
    expect(inc).toMatchObject({ status: 'REPORTED', tier: 'VILLAGE', version: 1, source: 'RESIDENT_REQUEST', category: 'INFRASTRUCTURE', villageCode: villageA.code });
    expect(inc.allowedActions).toEqual(['ACCEPT', 'REJECT', 'ESCALATE']);
    // the baseline gives the village 3 days
    const deadline = new Date(inc.deadline).getTime();
    expect(deadline - new Date(inc.createdAt).getTime()).toBe(3 * DAY);
    expect(deadline - before).toBeGreaterThanOrEqual(3 * DAY);
    const where = await ok(residentA, `query($id: ID!) { incident(id: $id) { village { code level } grid { id } reporter { id name } } }`, { id: inc.id });
    expect(where.incident).toMatchObject({ village: { code: villageA.code, level: 'VILLAGE' }, grid: { id: residentAGrid }, reporter: { id: residentA.residentId } });

    inc = await step(cadreA, 'acceptIncident', inc, { note: '已登记' });
    inc = await step(cadreA, 'dispatchIncident', inc, { assigneeKind: 'GRID_WORKER', assigneeId: gridWorkerA.id, assigneeName: '别的名字' });
    expect(inc.assignee).toEqual({ id: gridWorkerA.id, name: gridWorkerA.name, kind: 'GRID_WORKER' });
    inc = await step(workerA, 'startIncident', inc);
    inc = await step(workerA, 'resolveIncident', inc, { resolution: '已更换灯泡' });
    expect(inc.allowedActions).toEqual(['CLOSE']);
    inc = await step(residentA, 'closeIncident', inc, { rating: 5, comment: '很及时' });
    expect(inc).toMatchObject({ status: 'CLOSED', version: 6, rating: 5, comment: '很及时', allowedActions: [], overdue: false });

    expect(inc.history.map((h: any) => [h.seq, h.action, h.fromStatus, h.toStatus, h.actorId, h.note])).toEqual([
      [1, 'REPORT', null, 'REPORTED', 'resident-a', null],
      [2, 'ACCEPT', 'REPORTED', 'ACCEPTED', 'cadre-a', '已登记'],
      [3, 'DISPATCH', 'ACCEPTED', 'DISPATCHED', 'cadre-a', null],
      [4, 'START', 'DISPATCHED', 'IN_PROGRESS', 'worker-a', null],
      [5, 'RESOLVE', 'IN_PROGRESS', 'RESOLVED', 'worker-a', '已更换灯泡'],
      [6, 'CLOSE', 'RESOLVED', 'CLOSED', 'resident-a', null],
    ]);
    expect(inc.history.map((h: any) => h.actorName)).toEqual(['周大爷', '王支书', '王支书', '赵网格', '赵网格', '周大爷']);
    expect(inc.history.every((h: any) => h.fromTier === (h.seq === 1 ? null : 'VILLAGE') && h.toTier === 'VILLAGE')).toBe(true);
    expect(inc.history[0]).toMatchObject({ policySource: 'baseline', deadline: new Date(deadline).toISOString() });
    expect(inc.history[2].assignee).toEqual({ id: gridWorkerA.id, name: gridWorkerA.name, kind: 'GRID_WORKER' });
    const times = inc.history.map((h: any) => new Date(h.at).getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    const audit = await sql('SELECT action, actor_id, region_code FROM audit_log WHERE target_id = $1 ORDER BY id', [inc.id]);
    expect(audit).toEqual(
      ['reportIncident', 'acceptIncident', 'dispatchIncident', 'startIncident', 'resolveIncident', 'closeIncident'].map((action, i) => ({
        action,
        actor_id: ['resident-a', 'cadre-a', 'cadre-a', 'worker-a', 'worker-a', 'resident-a'][i],
        region_code: villageA.code,
      })),
    );
    expect(await row(inc.id)).toMatchObject({ status: 'CLOSED', version: 6, rating: 5, feedback: '很及时' });
  });

  it('lets staff file patrol reports, hotline cases and requests on a resident’s behalf, and a cadre record the rating for them', async () => {
    const patrol = await report(workerA, { gridId: otherGridA, villageCode: null, category: 'SAFETY_HAZARD', title: '危房' });
    expect(patrol).toMatchObject({ source: 'GRID_PATROL', villageCode: villageA.code });
    const hotline = await report(cadreA, {});
    expect(hotline.source).toBe('HOTLINE');
    let onBehalf = await report(cadreA, { source: 'RESIDENT_REQUEST', reporterResidentId: otherResidentA.residentId });
    const seen = await ok(otherResidentA, `query($id: ID!) { incident(id: $id) { id source reporter { id } } }`, { id: onBehalf.id });
    expect(seen.incident).toEqual({ id: onBehalf.id, source: 'RESIDENT_REQUEST', reporter: { id: otherResidentA.residentId } });
    onBehalf = await step(cadreA, 'acceptIncident', onBehalf);
    onBehalf = await step(cadreA, 'dispatchIncident', onBehalf, { assigneeKind: 'CADRE', assigneeId: 'cadre-7', assigneeName: '吴委员' });
    onBehalf = await step(cadreA, 'startIncident', onBehalf);
    onBehalf = await step(cadreA, 'resolveIncident', onBehalf, { resolution: '已协调' });
    // a grid worker may not record the resident's rating; a cadre may, and the history says so
    const byWorker = await act(workerA, 'closeIncident', { id: onBehalf.id, expectedVersion: onBehalf.version, rating: 3 });
    expect(codeOf(byWorker)).toBe('FORBIDDEN');
    onBehalf = await step(cadreA, 'closeIncident', onBehalf, { rating: 4 });
    expect(onBehalf).toMatchObject({ status: 'CLOSED', rating: 4, comment: '', assignee: { id: 'cadre-7', name: '吴委员', kind: 'CADRE' } });
    expect(onBehalf.history[5]).toMatchObject({ action: 'CLOSE', actorId: 'cadre-a', note: expect.stringContaining('代为评价') });
  });

  it('refuses an illegal transition with BAD_USER_INPUT naming both states, and writes nothing', async () => {
    const inc = await report(cadreA, {});
    const auditBefore = await count('audit_log');
    const res = await act(cadreA, 'resolveIncident', { id: inc.id, expectedVersion: 1, resolution: '已处理' });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toBe('事件不能从“已上报”变为“已办结”（操作：办结） (An incident cannot go from REPORTED to RESOLVED (action RESOLVE))');
    expect(res.errors?.[0].extensions).toMatchObject({ from: 'REPORTED', to: 'RESOLVED', allowed: ['ACCEPT', 'REJECT', 'ESCALATE'] });
    const close = await act(cadreA, 'closeIncident', { id: inc.id, expectedVersion: 1, rating: 5 });
    expect(codeOf(close)).toBe('BAD_USER_INPUT');
    expect(await row(inc.id)).toMatchObject({ status: 'REPORTED', version: 1, rating: null, feedback: null });
    expect(await count('incident_history', 'incident_id = $1', [inc.id])).toBe(1);
    expect(await count('audit_log')).toBe(auditBefore);
    // nothing leaves a rejected incident
    const rejected = await step(cadreA, 'rejectIncident', inc, { reason: '不属于村级事务' });
    expect(rejected.history[1]).toMatchObject({ action: 'REJECT', toStatus: 'REJECTED', note: '不属于村级事务' });
    const again = await act(cadreA, 'acceptIncident', { id: inc.id, expectedVersion: rejected.version });
    expect(again.errors?.[0].message).toContain('from REJECTED to ACCEPTED');
  });

  it('answers CONFLICT to a stale expectedVersion: the second of two people acting on the same incident writes nothing', async () => {
    const inc = await report(cadreA, {});
    await step(cadreA, 'acceptIncident', inc);
    const auditBefore = await count('audit_log');
    const second = await act(countyAdmin, 'rejectIncident', { id: inc.id, expectedVersion: 1, reason: '重复' });
    expect(codeOf(second)).toBe('CONFLICT');
    expect(second.errors?.[0].extensions).toMatchObject({ currentVersion: 2, currentStatus: 'ACCEPTED' });
    expect(await row(inc.id)).toMatchObject({ status: 'ACCEPTED', version: 2 });
    expect(await count('incident_history', 'incident_id = $1', [inc.id])).toBe(2);
    expect(await count('audit_log')).toBe(auditBefore);
  });

  it('rejects bad input before anything is written', async () => {
    const incidents = await count('incident');
    const audit = await count('audit_log');
    const inc = await report(cadreA, {});
    const accepted = await step(cadreA, 'acceptIncident', inc);
    const bad: [Actor, string, Record<string, unknown>][] = [
      [cadreA, 'dispatchIncident', { assigneeKind: 'GRID_WORKER', assigneeId: gridWorkerB.id }],
      [cadreA, 'dispatchIncident', { assigneeKind: 'GRID_WORKER', assigneeId: 'not-a-worker' }],
      [cadreA, 'dispatchIncident', { assigneeKind: 'CADRE', assigneeId: 'cadre-9' }],
      [cadreA, 'rejectIncident', { reason: '' }],
      [cadreA, 'escalateIncident', {}],
    ];
    for (const [actor, mutation, extra] of bad) {
      const res = await act(actor, mutation, { id: inc.id, expectedVersion: accepted.version, ...extra });
      expect([mutation, codeOf(res)]).toEqual([mutation, 'BAD_USER_INPUT']);
    }
    const reports: Record<string, unknown>[] = [
      { category: 'NOT_A_CATEGORY' },
      { title: '' },
      { title: '   ' },
      { villageCode: '12345' },
      { villageCode: null },
      { gridId: gridB },
      { gridId: '00000000-0000-0000-0000-000000000000' },
      { villageCode: townshipA },
      { source: 'RESIDENT_REQUEST' },
      { reporterResidentId: residentB },
    ];
    for (const input of reports) {
      // a county administrator may report anywhere in the county: only the input itself is wrong
      const res = await gql(countyAdmin, `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`, {
        i: { villageCode: villageA.code, category: 'ENVIRONMENT', title: '垃圾', ...input },
      });
      expect([input, codeOf(res)]).toEqual([input, 'BAD_USER_INPUT']);
    }
    const rating = await act(residentA, 'closeIncident', { id: inc.id, expectedVersion: accepted.version, rating: 9 });
    expect(codeOf(rating)).toBe('BAD_USER_INPUT');
    expect(await count('incident')).toBe(incidents + 1);
    expect(await count('audit_log')).toBe(audit + 2);
    expect(await row(inc.id)).toMatchObject({ status: 'ACCEPTED', version: 2, assignee_id: null });
  });
});

describe('who may act', () => {
  it('leaves accepting, dispatching, rejecting and escalating to the handlers of the tier; auditors and residents only read', async () => {
    const inc = await report(workerA, {});
    for (const mutation of ['acceptIncident', 'rejectIncident', 'escalateIncident']) {
      const res = await act(workerA, mutation, { id: inc.id, expectedVersion: 1, ...(mutation === 'acceptIncident' ? {} : { reason: '试试' }) });
      expect([mutation, codeOf(res)]).toEqual([mutation, 'FORBIDDEN']);
    }
    expect(codeOf(await act(auditor, 'acceptIncident', { id: inc.id, expectedVersion: 1 }))).toBe('FORBIDDEN');
    const auditorReport = await gql(auditor, `mutation { reportIncident(input: { villageCode: "${villageA.code}", category: OTHER, title: "y" }) { id } }`);
    expect(codeOf(auditorReport)).toBe('FORBIDDEN');
    const accepted = await step(cadreA, 'acceptIncident', inc);
    const dispatch = await act(workerA, 'dispatchIncident', { id: inc.id, expectedVersion: accepted.version, assigneeKind: 'CADRE', assigneeId: 'x', assigneeName: 'x' });
    expect(codeOf(dispatch)).toBe('FORBIDDEN');
    // a township officer may step in at the village tier
    const dispatched = await step(townshipOfficer, 'dispatchIncident', accepted, { assigneeKind: 'CADRE', assigneeId: 'officer-t2', assigneeName: '郑干事' });
    // the assignee may start it even from outside the village's roles
    const assignee: Actor = { id: 'officer-t2', roles: [Role.TOWNSHIP_OFFICER], scope: townshipA };
    // an auditor whose id happens to be the assignee's stays read-only
    const auditorAsAssignee: Actor = { id: 'officer-t2', roles: [Role.AUDITOR], scope: townshipA };
    expect(codeOf(await act(auditorAsAssignee, 'startIncident', { id: inc.id, expectedVersion: dispatched.version }))).toBe('FORBIDDEN');
    const started = await step(assignee, 'startIncident', dispatched);
    expect(started.history[3]).toMatchObject({ action: 'START', actorId: 'officer-t2' });
    expect(await count('audit_log', "target_id = $1 AND actor_id IN ('worker-a', 'auditor') AND action <> 'reportIncident'", [inc.id])).toBe(0);
  });
});

describe('escalation (村初诊 → 乡镇会诊 → 县联诊)', () => {
  it('escalates manually with a reason, releases the assignee, and lets only the higher tier take it on', async () => {
    let inc = await report(cadreA, { category: 'DISPUTE', title: '宅基地边界纠纷' });
    inc = await step(cadreA, 'acceptIncident', inc);
    inc = await step(cadreA, 'dispatchIncident', inc, { assigneeKind: 'GRID_WORKER', assigneeId: gridWorkerA.id });
    const at = Date.now();
    inc = await step(cadreA, 'escalateIncident', inc, { reason: '村内调解未成' });
    expect(inc).toMatchObject({ status: 'ESCALATED', tier: 'TOWNSHIP', version: 4, assignee: null, allowedActions: ['ACCEPT', 'REJECT', 'ESCALATE'] });
    expect(new Date(inc.deadline).getTime() - at).toBeGreaterThanOrEqual(7 * DAY - 1000);
    expect(new Date(inc.deadline).getTime() - at).toBeLessThan(7 * DAY + 60000);
    expect(inc.history[3]).toMatchObject({
      seq: 4,
      action: 'ESCALATE',
      fromStatus: 'DISPATCHED',
      toStatus: 'ESCALATED',
      fromTier: 'VILLAGE',
      toTier: 'TOWNSHIP',
      actorId: 'cadre-a',
      note: '村内调解未成',
      policySource: 'baseline',
      deadline: inc.deadline,
    });
    expect(await row(inc.id)).toMatchObject({ assignee_id: null, assignee_name: null, assignee_kind: null });

    // the village no longer handles it (but still sees it)
    expect(codeOf(await act(cadreA, 'acceptIncident', { id: inc.id, expectedVersion: inc.version }))).toBe('FORBIDDEN');
    expect((await ok(cadreA, `query($id: ID!) { incident(id: $id) { tier } }`, { id: inc.id })).incident.tier).toBe('TOWNSHIP');
    inc = await step(townshipOfficer, 'acceptIncident', inc);
    expect(inc).toMatchObject({ status: 'ACCEPTED', tier: 'TOWNSHIP' });
    inc = await step(townshipOfficer, 'escalateIncident', inc, { reason: '涉及多部门' });
    expect(inc).toMatchObject({ status: 'ESCALATED', tier: 'COUNTY' });
    expect(new Date(inc.deadline).getTime() - Date.now()).toBeGreaterThan(15 * DAY - 60000);
    expect(codeOf(await act(townshipOfficer, 'acceptIncident', { id: inc.id, expectedVersion: inc.version }))).toBe('FORBIDDEN');
    const top = await act(countyAdmin, 'escalateIncident', { id: inc.id, expectedVersion: inc.version, reason: '再升级' });
    expect(codeOf(top)).toBe('BAD_USER_INPUT');
    expect(top.errors?.[0].message).toContain('top tier');
    inc = await step(countyAdmin, 'acceptIncident', inc);
    expect(inc.history.map((h: any) => `${h.action}:${h.toStatus}@${h.toTier}`)).toEqual([
      'REPORT:REPORTED@VILLAGE',
      'ACCEPT:ACCEPTED@VILLAGE',
      'DISPATCH:DISPATCHED@VILLAGE',
      'ESCALATE:ESCALATED@TOWNSHIP',
      'ACCEPT:ACCEPTED@TOWNSHIP',
      'ESCALATE:ESCALATED@COUNTY',
      'ACCEPT:ACCEPTED@COUNTY',
    ]);
  });

  it('takes deadlines from the county’s own policy when its plugin is enabled, and records that source', async () => {
    const created = await ok(cadreL, `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { ${FIELDS} } }`, {
      i: { villageCode: villageL.code, category: 'DISPUTE', title: '邻里纠纷' },
    });
    let inc = created.reportIncident;
    expect(new Date(inc.deadline).getTime() - new Date(inc.createdAt).getTime()).toBe(DAY / 2);
    expect(inc.history[0].policySource).toBe('fast-escalation-test');
    inc = await step(cadreL, 'escalateIncident', inc, { reason: '需乡镇会诊' });
    expect(inc.history[1]).toMatchObject({ policySource: 'fast-escalation-test', toTier: 'TOWNSHIP' });
    expect(new Date(inc.deadline).getTime() - new Date(inc.updatedAt).getTime()).toBe(2 * DAY);
  });
});

describe('scope', () => {
  it('keeps another village’s cadre out: NOT_FOUND for one incident and for acting (as for a missing id), FORBIDDEN without naming the village for a report there, filtered from lists', async () => {
    const inc = await report(cadreA, {});
    const own = await report(cadreB, { villageCode: villageB.code, gridId: gridB });
    const read = await gql(cadreB, `query($id: ID!) { incident(id: $id) { id } }`, { id: inc.id });
    expect(codeOf(read)).toBe('NOT_FOUND');
    expect(read.errors?.[0].message).toBe(`事件不存在：${inc.id} (Incident not found: ${inc.id})`);
    expect(codeOf(await act(cadreB, 'acceptIncident', { id: inc.id, expectedVersion: 1 }))).toBe('NOT_FOUND');
    const reportThere = await gql(cadreB, `mutation { reportIncident(input: { villageCode: "${villageA.code}", category: OTHER, title: "y" }) { id } }`);
    expect(codeOf(reportThere)).toBe('FORBIDDEN');
    const byGrid = await gql(cadreB, `mutation($g: ID!) { reportIncident(input: { gridId: $g, category: OTHER, title: "y" }) { id } }`, { g: otherGridA });
    expect(byGrid.errors?.[0].message).toBe(`网格不存在：${otherGridA} (No such grid: ${otherGridA})`);
    for (const res of [read, byGrid]) expect(JSON.stringify(res.errors)).not.toContain(villageA.code);
    const list = await ok(cadreB, `{ incidents(first: 100) { totalCount nodes { id villageCode } } }`);
    expect(list.incidents.totalCount).toBe(await count('incident', 'village_code = $1', [villageB.code]));
    expect(list.incidents.nodes.map((n: any) => n.id)).toContain(own.id);
    expect(list.incidents.nodes.every((n: any) => n.villageCode === villageB.code)).toBe(true);
    const elsewhere = await ok(cadreB, `query($r: String) { incidents(regionCode: $r) { totalCount nodes { id } } }`, { r: villageA.code });
    expect(elsewhere.incidents).toEqual({ totalCount: 0, nodes: [] });
    const up = await ok(cadreB, `query($r: String) { incidents(regionCode: $r, first: 100) { totalCount } }`, { r: countyA });
    expect(up.incidents.totalCount).toBe(list.incidents.totalCount);
    const township = await ok(townshipOfficer, `{ incidents(first: 100) { totalCount nodes { id } } }`);
    expect(township.incidents.totalCount).toBe(await count('incident', 'village_code LIKE $1', [`${townshipA.slice(0, 9)}%`]));
    expect(township.incidents.nodes.map((n: any) => n.id)).toEqual(expect.arrayContaining([inc.id, own.id]));
    const federated = await gql(cadreB, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id } } }', {
      r: [{ __typename: 'Incident', id: inc.id }, { __typename: 'Incident', id: own.id }],
    });
    expect(federated.data?._entities).toEqual([null, { id: own.id }]);
  });

  it('shows a resident only the incidents they reported, in lists, by id, in references and in counts', async () => {
    const mine = await report(residentA, { source: 'HOTLINE', title: '水管漏水' });
    expect(mine.source).toBe('RESIDENT_REQUEST');
    const theirs = await report(otherResidentA, { title: '狗咬人' });
    const own = await count('incident', 'reporter_resident_id = $1', [residentA.residentId]);
    const ownOpen = await count('incident', "reporter_resident_id = $1 AND status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED')", [residentA.residentId]);
    const list = await ok(residentA, `{ incidents(first: 100) { totalCount nodes { id reporter { id } } } }`);
    expect(list.incidents.totalCount).toBe(own);
    expect(list.incidents.nodes.every((n: any) => n.reporter.id === residentA.residentId)).toBe(true);
    expect(list.incidents.nodes.map((n: any) => n.id)).toContain(mine.id);
    expect(codeOf(await gql(residentA, `query($id: ID!) { incident(id: $id) { id } }`, { id: theirs.id }))).toBe('NOT_FOUND');
    const refs = await gql(residentA, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id } } }', {
      r: [{ __typename: 'Incident', id: theirs.id }, { __typename: 'Incident', id: mine.id }],
    });
    expect(refs.data?._entities).toEqual([null, { id: mine.id }]);
    const stats = await ok(residentA, `query($c: ID!) { region(code: $c) { stats { openIncidents } } }`, { c: villageA.code });
    expect(stats.region.stats.openIncidents).toBe(ownOpen);
    expect(codeOf(await act(residentA, 'acceptIncident', { id: mine.id, expectedVersion: 1 }))).toBe('FORBIDDEN');
    expect(codeOf(await act(residentA, 'escalateIncident', { id: mine.id, expectedVersion: 1, reason: '太慢' }))).toBe('FORBIDDEN');
    const filedForOther = await gql(residentA, `mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }`, {
      i: { category: 'OTHER', title: 'x', reporterResidentId: otherResidentA.residentId },
    });
    expect(codeOf(filedForOther)).toBe('FORBIDDEN');
  });
});

describe('lists, references and statistics', () => {
  it('paginates with first/after and a stable totalCount, and filters by status, source, tier and category', async () => {
    const all = await ok(countyAdmin, `query($r: String) { incidents(regionCode: $r, first: 100) { totalCount nodes { id createdAt } } }`, { r: villageA.code });
    const total = all.incidents.totalCount;
    expect(total).toBe(await count('incident', 'village_code = $1', [villageA.code]));
    expect(total).toBeGreaterThanOrEqual(10);
    const created = all.incidents.nodes.map((n: any) => new Date(n.createdAt).getTime());
    expect([...created].sort((a, b) => a - b)).toEqual(created);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Record<string, any> = await ok(
        countyAdmin,
        `query($r: String, $a: String) { incidents(regionCode: $r, first: 3, after: $a) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`,
        { r: villageA.code, a: after },
      );
      pages += 1;
      expect(page.incidents.totalCount).toBe(total);
      seen.push(...page.incidents.nodes.map((n: any) => n.id));
      if (!page.incidents.pageInfo.hasNextPage) break;
      after = page.incidents.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(total / 3));
    expect(seen).toEqual(all.incidents.nodes.map((n: any) => n.id));
    const filtered = await ok(
      countyAdmin,
      `query($r: String) {
        closed: incidents(regionCode: $r, status: CLOSED, first: 100) { totalCount nodes { status } }
        patrol: incidents(regionCode: $r, source: GRID_PATROL, first: 100) { totalCount nodes { source } }
        township: incidents(regionCode: $r, tier: TOWNSHIP, first: 100) { totalCount nodes { tier } }
        disputes: incidents(regionCode: $r, category: DISPUTE, first: 100) { totalCount nodes { category } }
      }`,
      { r: villageA.code },
    );
    expect(filtered.closed.totalCount).toBe(await count('incident', "village_code = $1 AND status = 'CLOSED'", [villageA.code]));
    expect(filtered.closed.nodes.every((n: any) => n.status === 'CLOSED')).toBe(true);
    expect(filtered.patrol.totalCount).toBeGreaterThan(0);
    expect(filtered.patrol.nodes.every((n: any) => n.source === 'GRID_PATROL')).toBe(true);
    expect(filtered.disputes.nodes.every((n: any) => n.category === 'DISPUTE')).toBe(true);
    const bad = await gql(countyAdmin, `{ incidents(first: 500) { totalCount } }`);
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
  });

  it('loads a page with its villages, grids, reporters and histories in a number of statements that does not grow with the page', async () => {
    const q = `query($n: Int!) { incidents(regionCode: "${townshipA}", first: $n) { totalCount nodes {
      id village { name } grid { code } reporter { name } assignee { name } overdue history { seq actorId assignee { name } } } } }`;
    let stop = sg.db.queries.start();
    const small = await ok(countyAdmin, q, { n: 2 });
    const few = stop();
    stop = sg.db.queries.start();
    const large = await ok(countyAdmin, q, { n: 20 });
    const many = stop();
    expect(small.incidents.nodes).toHaveLength(2);
    expect(large.incidents.nodes.length).toBeGreaterThan(10);
    expect(large.incidents.nodes.some((n: any) => n.reporter) && large.incidents.nodes.some((n: any) => n.grid)).toBe(true);
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(6);
  });

  it('resolves many incident references with one statement', async () => {
    const ids = (await sql<{ id: string }>('SELECT id FROM incident WHERE village_code = $1 ORDER BY created_at LIMIT 5', [villageA.code])).map((r) => r.id);
    const stop = sg.db.queries.start();
    const res = await gql(countyAdmin, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Incident { id status } } }', {
      r: [...ids, '00000000-0000-0000-0000-000000000000', 'not-a-uuid'].map((id) => ({ __typename: 'Incident', id })),
    });
    expect(stop()).toBe(1);
    expect(res.data?._entities.map((e: any) => e?.id ?? null)).toEqual([...ids, null, null]);
    expect(sg.sdl).toContain('type Incident @key(fields: "id")');
  });

  it('counts open incidents on RegionStats with one statement however many regions', async () => {
    const q = `query($c: ID!) { region(code: $c) { children { code stats { openIncidents } } } }`;
    const openIn = (prefix: string) =>
      count('incident', "village_code LIKE $1 AND status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED')", [`${prefix}%`]);
    const incidentStatements = () => sg.db.queries.statements.filter((s) => s.includes('FROM incident')).length;
    let stop = sg.db.queries.start();
    const township = await ok(countyAdmin, q, { c: townshipA });
    const few = stop();
    expect(incidentStatements()).toBe(1);
    stop = sg.db.queries.start();
    const county = await ok(countyAdmin, q, { c: countyA });
    const many = stop();
    expect(incidentStatements()).toBe(1);
    expect(county.region.children.length).toBe(10);
    expect(township.region.children.length).toBeLessThan(county.region.children.length);
    expect(many).toBe(few);
    for (const child of [...township.region.children, ...county.region.children]) {
      expect([child.code, child.stats.openIncidents]).toEqual([child.code, await openIn(regionPrefix(child.code))]);
    }
    const totals = await ok(countyAdmin, `query($t: ID!, $c: ID!) { t: region(code: $t) { stats { openIncidents } } c: region(code: $c) { stats { openIncidents } } }`, { t: townshipA, c: countyA });
    expect(totals.t.stats.openIncidents).toBe(await openIn(townshipA.slice(0, 9)));
    expect(totals.c.stats.openIncidents).toBe(await openIn(countyA.slice(0, 6)));
    expect(totals.t.stats.openIncidents).toBeGreaterThan(0);
    // narrowed to the caller's scope: a village cadre looking at the township counts only their village
    const narrowed = await ok(cadreB, `query($c: ID!) { region(code: $c) { stats { openIncidents } } }`, { c: townshipA });
    expect(narrowed.region.stats.openIncidents).toBe(await openIn(villageB.code));
  });
});

describe('the escalate-overdue job', () => {
  it('escalates exactly the open incidents past their deadline at the (fake) time it runs, as system, each with an audit record', async () => {
    const t = Date.now();
    const overdue = await report(cadreB, { villageCode: villageB.code, title: '超期未办' });
    const dispatched = await step(cadreB, 'dispatchIncident', await step(cadreB, 'acceptIncident', await report(cadreB, { villageCode: villageB.code, title: '已派单超期' })), {
      assigneeKind: 'GRID_WORKER',
      assigneeId: gridWorkerB.id,
    });
    const atTownship = await step(cadreB, 'escalateIncident', await report(cadreB, { villageCode: villageB.code, title: '已在乡镇' }), { reason: '需会诊' });
    const rejected = await step(cadreB, 'rejectIncident', await report(cadreB, { villageCode: villageB.code, title: '不属实' }), { reason: '不属实' });
    let resolved = await report(cadreB, { villageCode: villageB.code, title: '已办结' });
    for (const [m, extra] of [
      ['acceptIncident', {}],
      ['dispatchIncident', { assigneeKind: 'CADRE', assigneeId: 'c1', assigneeName: '陈' }],
      ['startIncident', {}],
      ['resolveIncident', { resolution: '好了' }],
    ] as const) {
      resolved = await step(cadreB, m, resolved, extra);
    }
    let atCounty = await report(cadreB, { villageCode: villageB.code, title: '已在县级' });
    atCounty = await step(cadreB, 'escalateIncident', atCounty, { reason: '1' });
    atCounty = await step(townshipOfficer, 'escalateIncident', atCounty, { reason: '2' });

    // a day on, none of these is overdue yet
    const early = await sg.runJob('escalate-overdue', new Date(t + DAY));
    expect(early).toBe(0);
    expect(await row(overdue.id)).toMatchObject({ status: 'REPORTED', tier: 'VILLAGE', version: 1 });

    const fakeNow = new Date(t + 4 * DAY);
    const expected = await count('incident', "status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') AND tier <> 'COUNTY' AND deadline < $1", [fakeNow]);
    const auditBefore = await count('audit_log', "actor_id = 'system'");
    const escalated = await sg.runJob('escalate-overdue', fakeNow);
    expect(escalated).toBe(expected);
    expect(escalated).toBeGreaterThanOrEqual(2);
    expect(await count('audit_log', "actor_id = 'system' AND actor_roles = 'SYSTEM' AND action = 'escalateOverdueIncident'")).toBe(auditBefore + expected);

    expect(await row(overdue.id)).toMatchObject({ status: 'ESCALATED', tier: 'TOWNSHIP', version: 2 });
    expect(await row(dispatched.id)).toMatchObject({ status: 'ESCALATED', tier: 'TOWNSHIP', assignee_id: null });
    expect(await row(atTownship.id)).toMatchObject({ status: 'ESCALATED', tier: 'TOWNSHIP', version: atTownship.version });
    expect(await row(rejected.id)).toMatchObject({ status: 'REJECTED', tier: 'VILLAGE' });
    expect(await row(resolved.id)).toMatchObject({ status: 'RESOLVED', tier: 'VILLAGE' });
    expect(await row(atCounty.id)).toMatchObject({ status: 'ESCALATED', tier: 'COUNTY', version: atCounty.version });

    const seen = await ok(cadreB, `query($id: ID!) { incident(id: $id) { deadline history { seq action fromTier toTier actorId actorName note policySource deadline at } } }`, { id: overdue.id });
    expect(seen.incident.history[1]).toMatchObject({
      seq: 2,
      action: 'ESCALATE',
      fromTier: 'VILLAGE',
      toTier: 'TOWNSHIP',
      actorId: 'system',
      policySource: 'baseline',
      at: fakeNow.toISOString(),
      deadline: new Date(fakeNow.getTime() + 7 * DAY).toISOString(),
    });
    expect(seen.incident.history[1].note).toContain('escalated automatically');
    expect(seen.incident.deadline).toBe(new Date(fakeNow.getTime() + 7 * DAY).toISOString());
    const [audit] = await sql('SELECT region_code, payload FROM audit_log WHERE target_id = $1 AND actor_id = $2', [overdue.id, 'system']);
    expect(audit).toMatchObject({ region_code: villageB.code, payload: { fromTier: 'VILLAGE', toTier: 'TOWNSHIP', policySource: 'baseline' } });

    // a second run at the same time finds nothing more to do
    expect(await sg.runJob('escalate-overdue', fakeNow)).toBe(0);

    // twelve days on, the township deadlines have passed too; the county is the top
    const later = new Date(t + 12 * DAY);
    expect(await sg.runJob('escalate-overdue', later)).toBeGreaterThanOrEqual(3);
    expect(await row(overdue.id)).toMatchObject({ status: 'ESCALATED', tier: 'COUNTY', version: 3 });
    expect(await row(atTownship.id)).toMatchObject({ status: 'ESCALATED', tier: 'COUNTY' });
    expect(await row(atCounty.id)).toMatchObject({ tier: 'COUNTY', version: atCounty.version });
    expect(await count('incident', "status IN ('REPORTED', 'ACCEPTED', 'DISPATCHED', 'IN_PROGRESS', 'ESCALATED') AND tier <> 'COUNTY' AND deadline < $1", [later])).toBe(0);
  });
});
