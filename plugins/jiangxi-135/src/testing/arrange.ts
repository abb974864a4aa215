/**
 * Test arrangement for the plugin's gateway specs (not part of the built plugin): regions, posts,
 * cadres, appraisals and incidents created through the platform's own GraphQL operations, so that
 * what a spec asserts rests on the same paths real users take.
 */
import { Role, todayInChina, type Actor } from '@xiangzhi/kernel';

/** What the arrangement needs of a spec's GraphQL client (`PluginTestPlatform.client.ok`). */
export type Ok = <T = Record<string, unknown>>(as: Actor, query: string, variables?: Record<string, unknown>) => Promise<T>;

/** Codes of a test county (the shape of `CountyCodes` from the test kit). */
export interface Codes {
  code: string;
  township: (n?: number) => string;
  village: (n?: number, township?: number) => string;
  community: (n?: number, township?: number) => string;
}

/** 省级管理员 an administrator over both test counties (they share the test province 99). */
export const provinceAdmin: Actor = { id: 'province-admin', roles: [Role.COUNTY_ADMIN], scope: '990000000000' };

/** This year and last month in China time. */
export const THIS_YEAR = Number(todayInChina().slice(0, 4));
export const TODAY = todayInChina();

/** The month before the current one (`YYYY-MM`): a payroll month whose days are all in the past. */
export function lastMonth(): string {
  const [y, m] = TODAY.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Imports the test province, its city, the given counties (the first named 测试县, the others 对照县…)
 * and the listed townships and villages, through `importRegions`.
 */
export async function importRegions(ok: Ok, counties: Codes[], places: string[]): Promise<void> {
  const rows: { code: string; name: string }[] = [
    { code: '990000000000', name: '测试省' },
    { code: '990100000000', name: '测试市' },
    ...counties.map((c, i) => ({ code: c.code, name: i === 0 ? '测试县' : `对照县${i}` })),
  ];
  const townships = [...new Set(places.map((p) => `${p.slice(0, 9)}000`))];
  for (const t of townships) rows.push({ code: t, name: `${t.slice(6, 9)}镇` });
  for (const v of places) if (!townships.includes(v)) rows.push({ code: v, name: `${v.slice(9)}${Number(v.slice(9)) < 200 ? '社区' : '村'}` });
  await ok(provinceAdmin, 'mutation($i: ImportRegionsInput!) { importRegions(input: $i) { inserted } }', { i: { regions: rows, validFrom: '2020-01-01' } });
}

export interface TemplatePost {
  id: string;
  code: string;
}

/** Applies the county's post template to a village; the posts created. */
export async function applyTemplate(ok: Ok, admin: Actor, village: string): Promise<TemplatePost[]> {
  const data = await ok<{ applyPostTemplate: { created: TemplatePost[] } }>(admin, 'mutation($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } } }', { v: village });
  return data.applyPostTemplate.created;
}

export interface Person {
  name: string;
  educationLevel?: string;
  partyJoinDate?: string | null;
  birthDate?: string;
  gender?: string;
}

/** Appoints a new person to a post from `startDate` (the start of their service); the cadre's id and version. */
export async function appoint(ok: Ok, admin: Actor, postId: string, person: Person, startDate: string): Promise<{ id: string; version: number }> {
  const data = await ok<{ appointCadre: { cadre: { id: string; version: number } } }>(
    admin,
    'mutation($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id version } } }',
    {
      i: {
        postId,
        name: person.name,
        gender: person.gender ?? 'MALE',
        birthDate: person.birthDate ?? '1978-04-01',
        educationLevel: person.educationLevel ?? 'HIGH_SCHOOL',
        partyJoinDate: person.partyJoinDate === undefined ? '2000-07-01' : person.partyJoinDate,
        startDate,
      },
    },
  );
  return data.appointCadre.cadre;
}

/** The baseline 德能勤绩廉 scores, all `score`. */
export const scores = (score: number) => ['morality', 'ability', 'diligence', 'results', 'integrity'].map((dimension) => ({ dimension, score }));

/** Records an appraisal (MONTH `YYYY-MM` or YEAR `YYYY`) with every dimension at `score`. */
export async function appraise(ok: Ok, admin: Actor, cadreId: string, periodType: 'MONTH' | 'YEAR', period: string, score: number): Promise<void> {
  await ok(admin, 'mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id } }', { i: { cadreId, periodType, period, scores: scores(score) } });
}

export interface Step {
  id: string;
  version: number;
}

/** Reports an incident in a village as `admin` (a hotline case). */
export async function reportIncident(ok: Ok, admin: Actor, village: string, title = '路灯不亮'): Promise<Step> {
  const data = await ok<{ reportIncident: Step }>(admin, 'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id version } }', {
    i: { villageCode: village, category: 'INFRASTRUCTURE', title },
  });
  return data.reportIncident;
}

async function act(ok: Ok, admin: Actor, mutation: string, step: Step, extra: Record<string, unknown> = {}): Promise<Step> {
  const input = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  const data = await ok<Record<string, Step>>(admin, `mutation($i: ${input}!) { ${mutation}(input: $i) { id version } }`, {
    i: { id: step.id, expectedVersion: step.version, ...extra },
  });
  return data[mutation];
}

/** Runs an incident through accept, dispatch, start and resolve; ready to close. */
export async function resolveIncident(ok: Ok, admin: Actor, incident: Step): Promise<Step> {
  let i = await act(ok, admin, 'acceptIncident', incident);
  i = await act(ok, admin, 'dispatchIncident', i, { assigneeKind: 'CADRE', assigneeId: 'secretary', assigneeName: '村书记' });
  i = await act(ok, admin, 'startIncident', i);
  return act(ok, admin, 'resolveIncident', i, { resolution: '已修复' });
}

/** Closes a resolved incident with the resident's rating, recorded by a cadre on their behalf. */
export async function closeIncident(ok: Ok, admin: Actor, incident: Step, rating: number): Promise<Step> {
  return act(ok, admin, 'closeIncident', incident, { rating, comment: '满意' });
}
