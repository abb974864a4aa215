import { checkReferences } from '@xiangzhi/grids-api';
import { ResidentRef } from '../shared/grids-stubs';
import { badInput, isUuid, isWithin, mutate, mutateOnce, notFound, readPrefixCounters, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { CIVILITY_COUNTER } from './civility-counter';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CADRE_ROLES, CivilityAccess, MANAGER_ROLES, RECORDER_ROLES } from '../shared/access';
import { countyCodeOf, requireMonth, requireNotFuture, requireRegionCode, stationLevelFor } from '../shared/checks';
import { rows, type Sql } from '../shared/sql';
import {
  CivilityStats,
  PracticeActivity,
  PracticeStation,
  PracticeStationLevel,
  PracticeTheme,
  Volunteer,
  VolunteerHours,
  VolunteerTeam,
  type CreatePracticeStationInput,
  type CreateVolunteerTeamInput,
  type LogVolunteerHoursInput,
  type RecordActivityInput,
  type RegisterVolunteerInput,
  type SetPracticeThemeInput,
} from './practice.types';

function refuse(field: string, rule: string, value: unknown, zh: string, en: string): never {
  throw badInput(`${zh}：${field} = ${String(value)}`, `${en}: ${field} = ${String(value)}`, { field, rule, value });
}

async function one<T>(db: Sql | EntityManager, sql: string, id: string, what: { zh: string; en: string }): Promise<T> {
  const [row] = isUuid(id) ? await rows<T>(db, sql, [id]) : [];
  if (!row) throw notFound(what.zh, what.en, id);
  return row;
}

const STATION = { zh: '文明实践阵地', en: 'Practice station' };
const TEAM = { zh: '志愿服务队', en: 'Volunteer team' };
const VOLUNTEER = { zh: '志愿者', en: 'Volunteer' };
const ACTIVITY = { zh: '文明实践活动', en: 'Practice activity' };

const stationById = async (db: Sql | EntityManager, id: string) =>
  Object.assign(new PracticeStation(), await one<PracticeStation>(db, `SELECT id::text AS id, region_code AS "regionCode", level, name FROM practice_station WHERE id = $1`, id, STATION));
const activityById = async (db: Sql | EntityManager, id: string) =>
  Object.assign(
    new PracticeActivity(),
    await one<PracticeActivity>(
      db,
      `SELECT id::text AS id, station_id::text AS "stationId", region_code AS "regionCode", to_char(held_on, 'YYYY-MM-DD') AS "heldOn", title, theme, participants FROM practice_activity WHERE id = $1`,
      id,
      ACTIVITY,
    ),
  );
const teamById = async (db: Sql | EntityManager, id: string) => Object.assign(new VolunteerTeam(), await one<VolunteerTeam>(db, `SELECT id::text AS id, region_code AS "regionCode", name FROM volunteer_team WHERE id = $1`, id, TEAM));

async function volunteerById(db: Sql | EntityManager, id: string): Promise<Volunteer> {
  const r = await one<{ id: string; team_id: string; resident_id: string; village_code: string; joined_on: string }>(
    db,
    `SELECT id::text AS id, team_id::text AS team_id, resident_id::text AS resident_id, village_code, to_char(joined_on, 'YYYY-MM-DD') AS joined_on FROM volunteer WHERE id = $1`,
    id,
    VOLUNTEER,
  );
  return Object.assign(new Volunteer(), { id: r.id, teamId: r.team_id, resident: ResidentRef.of(r.resident_id), villageCode: r.village_code, joinedOn: r.joined_on });
}

async function hoursById(db: Sql | EntityManager, id: string): Promise<VolunteerHours> {
  const r = await one<{ id: string; volunteer_id: string; activity_id: string | null; served_on: string; minutes: number }>(
    db,
    `SELECT id::text AS id, volunteer_id::text AS volunteer_id, activity_id::text AS activity_id, to_char(served_on, 'YYYY-MM-DD') AS served_on, minutes FROM volunteer_hours WHERE id = $1`,
    id,
    { zh: '志愿服务时长记录', en: 'Volunteer hours record' },
  );
  return Object.assign(new VolunteerHours(), { id: r.id, volunteerId: r.volunteer_id, activityId: r.activity_id, servedOn: r.served_on, hours: r.minutes / 60 });
}

/** 设立阵地 a county centre, a township institute or a village station (one per region; township and county managers). */
export async function createPracticeStation(ctx: RequestContext, input: CreatePracticeStationInput): Promise<PracticeStation> {
  requireRegionCode(input.regionCode);
  const level = stationLevelFor(input.regionCode);
  if (!level) refuse('regionCode', 'STATION_LEVEL', input.regionCode, '文明实践中心、所、站设在县、乡镇、村', 'Practice venues are set up in counties, townships and villages');
  CivilityAccess.of(ctx).requireWrite(input.regionCode, level === 'STATION' ? CADRE_ROLES : MANAGER_ROLES);
  await checkReferences(ctx.dataSource, { regions: [{ field: 'regionCode', code: input.regionCode, on: todayInChina() }] });
  return mutateOnce(
    ctx,
    { operation: 'createPracticeStation', key: input.idempotencyKey, input, idOf: (s) => s.id, replay: (id) => stationById(ctx.dataSource, id) },
    { action: 'createPracticeStation', targetType: 'PracticeStation', regionCode: input.regionCode, targetId: (s) => s.id, payload: { name: input.name } },
    async (m) => {
      const id = randomUUID();
      const done = await rows<{ id: string }>(
        m,
        `INSERT INTO practice_station (id, county_code, region_code, level, name) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (region_code) DO NOTHING RETURNING id::text AS id`,
        [id, countyCodeOf(input.regionCode), input.regionCode, level, input.name.trim()],
      );
      if (done.length === 0) refuse('regionCode', 'STATION_EXISTS', input.regionCode, '该区划已设文明实践阵地', 'The region already has its practice venue');
      return stationById(m, id);
    },
  );
}

/** 月度主题 sets (or replaces) a county's theme of a month. */
export async function setPracticeTheme(ctx: RequestContext, input: SetPracticeThemeInput): Promise<PracticeTheme> {
  requireRegionCode(input.countyCode, 'countyCode');
  if (countyCodeOf(input.countyCode) !== input.countyCode) refuse('countyCode', 'COUNTY_REQUIRED', input.countyCode, '月度主题由县设定，须为县级区划代码', 'Monthly themes are set by the county: a county code is required');
  requireMonth(input.month);
  CivilityAccess.of(ctx).requireWrite(input.countyCode, MANAGER_ROLES);
  return mutate(ctx, { action: 'setPracticeTheme', targetType: 'PracticeTheme', regionCode: input.countyCode, payload: { month: input.month, title: input.title } }, async (m) => {
    await m.query(`INSERT INTO practice_theme (county_code, month, title) VALUES ($1, $2, $3) ON CONFLICT (county_code, month) DO UPDATE SET title = EXCLUDED.title`, [input.countyCode, input.month, input.title.trim()]);
    return Object.assign(new PracticeTheme(), { countyCode: input.countyCode, month: input.month, title: input.title.trim() });
  });
}

/** 登记活动 records an activity at a station in scope; it takes the county's theme of its month. */
export async function recordActivity(ctx: RequestContext, input: RecordActivityInput): Promise<PracticeActivity> {
  const station = await stationById(ctx.dataSource, input.stationId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(station.regionCode, { ...STATION, key: input.stationId });
  access.requireWrite(station.regionCode, RECORDER_ROLES);
  requireNotFuture(input.heldOn, 'heldOn', { zh: '活动日期', en: 'date held' });
  return mutateOnce(
    ctx,
    { operation: 'recordActivity', key: input.idempotencyKey, input, idOf: (a) => a.id, replay: (id) => activityById(ctx.dataSource, id) },
    { action: 'recordActivity', targetType: 'PracticeActivity', regionCode: station.regionCode, targetId: (a) => a.id, payload: { title: input.title, heldOn: input.heldOn } },
    async (m) => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO practice_activity (id, county_code, region_code, station_id, held_on, title, theme, participants, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, (SELECT title FROM practice_theme WHERE county_code = $2 AND month = $7), $8, $9)`,
        [id, countyCodeOf(station.regionCode), station.regionCode, station.id, input.heldOn, input.title.trim(), input.heldOn.slice(0, 7), input.participants, ctx.actor.id],
      );
      return activityById(m, id);
    },
  );
}

/** 组建志愿服务队 forms a team in a region in scope. */
export async function createVolunteerTeam(ctx: RequestContext, input: CreateVolunteerTeamInput): Promise<VolunteerTeam> {
  requireRegionCode(input.regionCode);
  CivilityAccess.of(ctx).requireWrite(input.regionCode, CADRE_ROLES);
  await checkReferences(ctx.dataSource, { regions: [{ field: 'regionCode', code: input.regionCode, on: todayInChina() }] });
  return mutateOnce(
    ctx,
    { operation: 'createVolunteerTeam', key: input.idempotencyKey, input, idOf: (t) => t.id, replay: (id) => teamById(ctx.dataSource, id) },
    { action: 'createVolunteerTeam', targetType: 'VolunteerTeam', regionCode: input.regionCode, targetId: (t) => t.id, payload: { name: input.name } },
    async (m) => {
      const id = randomUUID();
      const done = await rows<{ id: string }>(
        m,
        `INSERT INTO volunteer_team (id, county_code, region_code, name) VALUES ($1, $2, $3, $4) ON CONFLICT (region_code, name) DO NOTHING RETURNING id::text AS id`,
        [id, countyCodeOf(input.regionCode), input.regionCode, input.name.trim()],
      );
      if (done.length === 0) refuse('name', 'TEAM_NAME_TAKEN', input.name, '该区划已有同名志愿服务队', 'The region already has a team of that name');
      return teamById(m, id);
    },
  );
}

/** 登记志愿者 a living resident of the team's region joins the team. */
export async function registerVolunteer(ctx: RequestContext, input: RegisterVolunteerInput): Promise<Volunteer> {
  const team = await teamById(ctx.dataSource, input.teamId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(team.regionCode, { ...TEAM, key: input.teamId });
  access.requireWrite(team.regionCode, CADRE_ROLES);
  requireNotFuture(input.joinedOn, 'joinedOn', { zh: '加入日期', en: 'date joined' });
  await checkReferences(ctx.dataSource, { residents: [{ field: 'residentId', id: input.residentId, living: true }] });
  const [{ village_code: village }] = await rows<{ village_code: string }>(ctx.dataSource, `SELECT village_code FROM resident_ref WHERE id = $1`, [input.residentId]);
  if (!isWithin(village, team.regionCode)) refuse('residentId', 'RESIDENT_OUTSIDE_TEAM', input.residentId, `居民不在服务队所属区划${team.regionCode}内`, `The resident does not live inside the team’s region ${team.regionCode}`);
  return mutateOnce(
    ctx,
    { operation: 'registerVolunteer', key: input.idempotencyKey, input, idOf: (v) => v.id, replay: (id) => volunteerById(ctx.dataSource, id) },
    { action: 'registerVolunteer', targetType: 'Volunteer', regionCode: village, targetId: (v) => v.id, payload: { teamId: team.id, residentId: input.residentId } },
    async (m) => {
      const id = randomUUID();
      const done = await rows<{ id: string }>(
        m,
        `INSERT INTO volunteer (id, county_code, village_code, team_id, resident_id, joined_on) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (team_id, resident_id) DO NOTHING RETURNING id::text AS id`,
        [id, countyCodeOf(village), village, team.id, input.residentId, input.joinedOn],
      );
      if (done.length === 0) refuse('residentId', 'ALREADY_VOLUNTEER', input.residentId, '该居民已是本队志愿者', 'The resident is already in the team');
      return volunteerById(m, id);
    },
  );
}

/** 登记志愿服务时长 hours (in half hours) a volunteer served on a day, optionally at an activity of that day. */
export async function logVolunteerHours(ctx: RequestContext, input: LogVolunteerHoursInput): Promise<VolunteerHours> {
  const volunteer = await volunteerById(ctx.dataSource, input.volunteerId);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(volunteer.villageCode, { ...VOLUNTEER, key: input.volunteerId });
  access.requireWrite(volunteer.villageCode, RECORDER_ROLES);
  requireNotFuture(input.servedOn, 'servedOn', { zh: '服务日期', en: 'date served' });
  if (input.servedOn < volunteer.joinedOn) refuse('servedOn', 'BEFORE_JOINING', input.servedOn, `服务日期早于加入日期${volunteer.joinedOn}`, `Served before joining on ${volunteer.joinedOn}`);
  const minutes = Math.round(input.hours * 60);
  if (minutes % 30 !== 0) refuse('hours', 'HALF_HOURS', input.hours, '时长以0.5小时为单位', 'Hours are counted in half hours');
  if (input.activityId) {
    const activity = await activityById(ctx.dataSource, input.activityId);
    if (!access.canSee(activity.regionCode)) throw notFound(ACTIVITY.zh, ACTIVITY.en, input.activityId);
    if (activity.heldOn !== input.servedOn) refuse('activityId', 'ACTIVITY_OTHER_DAY', input.activityId, `活动在${activity.heldOn}举行，与服务日期不符`, `The activity was held on ${activity.heldOn}, not on the date served`);
  }
  return mutateOnce(
    ctx,
    { operation: 'logVolunteerHours', key: input.idempotencyKey, input, idOf: (h) => h.id, replay: (id) => hoursById(ctx.dataSource, id) },
    { action: 'logVolunteerHours', targetType: 'VolunteerHours', regionCode: volunteer.villageCode, targetId: (h) => h.id, payload: { volunteerId: volunteer.id, servedOn: input.servedOn, minutes } },
    async (m) => {
      const id = randomUUID();
      await m.query(
        `INSERT INTO volunteer_hours (id, county_code, village_code, volunteer_id, resident_id, activity_id, served_on, minutes, recorded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [id, countyCodeOf(volunteer.villageCode), volunteer.villageCode, volunteer.id, volunteer.resident.id, input.activityId ?? null, input.servedOn, minutes, ctx.actor.id],
      );
      return hoursById(m, id);
    },
  );
}

/** A resident's volunteer hours in a year (null outside the caller's scope; a resident sees their own only), one statement per batch. */
export function volunteerHoursLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ id: string; year: number }, number | null>(
    'civility:volunteerHours',
    async (keys) => {
      const access = CivilityAccess.of(ctx);
      const ids = [...new Set(keys.map((k) => k.id).filter(isUuid))];
      const found = ids.length
        ? await rows<{ id: string; village_code: string; year: number | null; minutes: number }>(
            ctx.dataSource,
            `SELECT r.id::text AS id, r.village_code, y.year, coalesce(sum(h.minutes), 0)::int AS minutes
             FROM resident_ref r CROSS JOIN unnest($2::int[]) AS y(year)
             LEFT JOIN volunteer_hours h ON h.resident_id = r.id AND h.served_on >= make_date(y.year, 1, 1) AND h.served_on < make_date(y.year + 1, 1, 1)
             WHERE r.id = ANY($1::uuid[]) GROUP BY r.id, r.village_code, y.year`,
            [ids, [...new Set(keys.map((k) => k.year))]],
          )
        : [];
      const map = new Map(found.map((r) => [`${r.id}|${r.year}`, r]));
      return keys.map((k) => {
        const r = map.get(`${k.id.toLowerCase()}|${k.year}`);
        if (!r || !access.canSee(r.village_code)) return null;
        if (access.isResident && ctx.actor.residentId?.toLowerCase() !== k.id.toLowerCase()) return null;
        return r.minutes / 60;
      });
    },
    (k) => `${k.id}|${k.year}`,
  );
}

/**
 * 德治统计 activities held, volunteer hours served and star households (one star or more) in each
 * region (scope-narrowed) in a year: the civility counters (`civility-counter.ts`), one statement
 * per year asked for in a request, a few rows by primary key whatever the size of the county.
 */
export function civilityStatsLoader(ctx: RequestContext) {
  return ctx.loaders.get<{ code: string; year: number }, CivilityStats>(
    'civility:stats',
    async (keys) => {
      const access = CivilityAccess.of(ctx);
      const prefixes = keys.map((k) => access.listPrefix(k.code));
      const byYear = new Map<number, Map<string, Record<'activities' | 'minutes' | 'stars', number>>>();
      for (const year of new Set(keys.map((k) => k.year))) {
        const wanted = keys.flatMap((k, i) => (k.year === year && prefixes[i] !== null ? [prefixes[i] as string] : []));
        if (wanted.length > 0) byYear.set(year, await readPrefixCounters(ctx.dataSource, CIVILITY_COUNTER, wanted, year));
      }
      return keys.map((k, i) => {
        const prefix = prefixes[i];
        const r = prefix === null ? undefined : byYear.get(k.year)?.get(prefix);
        return Object.assign(new CivilityStats(), { activities: r?.activities ?? 0, volunteerHours: (r?.minutes ?? 0) / 60, starHouseholds: r?.stars ?? 0 });
      });
    },
    (k) => `${k.code}|${k.year}`,
  );
}

/** Practice stations under a region (scope-narrowed). */
export async function practiceStations(ctx: RequestContext, regionCode: string): Promise<PracticeStation[]> {
  const prefix = CivilityAccess.of(ctx).listPrefix(regionCode);
  if (prefix === null) return [];
  const found = await rows<PracticeStation>(ctx.dataSource, `SELECT id::text AS id, region_code AS "regionCode", level, name FROM practice_station WHERE region_code LIKE $1 ORDER BY region_code`, [`${prefix}%`]);
  return found.map((s) => Object.assign(new PracticeStation(), { ...s, level: s.level as PracticeStationLevel }));
}
