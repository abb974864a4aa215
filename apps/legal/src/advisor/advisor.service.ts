import { checkReferences } from '@xiangzhi/grids-api';
import { badInput, byKey, conflict, countyOf, isRegionCode, isUniqueViolation, isUuid, isWithin, mutateOnce, RegionLevel, requireNotFuture, Role, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { certificateProblem } from '@xiangzhi/legal-api';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupByPrefix, LEGAL_MANAGER_ROLES, LEGAL_WRITER_ROLES, LegalAccess, missing, regionPatterns } from '../shared/access';
import { AdvisorAssignment, LegalAdvisor, ServiceRecord } from './advisor.entity';
import type { AssignLegalAdvisorInput, RecordLegalServiceInput, RegisterLegalAdvisorInput } from './advisor.inputs';

const ADVISOR = { zh: '法律顾问', en: 'Legal advisor' };

/** Whether the caller's scope and the advisor's county meet (advisors are public within the county: 村务公开). */
function seesAdvisor(ctx: RequestContext, a: LegalAdvisor): boolean {
  return isWithin(a.countyCode, ctx.actor.scope) || isWithin(ctx.actor.scope, a.countyCode);
}

/** Advisors by id (missing, not a UUID or of a county the caller does not meet: null). */
export function advisorLoader(ctx: RequestContext): DataLoader<string, LegalAdvisor | null> {
  return ctx.loaders.get<string, LegalAdvisor | null>('legal:advisor', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(LegalAdvisor).findBy({ id: In(valid) }) : [], (a) => a.id);
    return rows.map((a) => (a && seesAdvisor(ctx, a) ? a : null));
  });
}

/** 法律顾问（按标识）an advisor the caller may see, through the batch loader; NOT_FOUND when missing or of a county the caller does not meet. */
export async function readableAdvisor(ctx: RequestContext, id: string): Promise<LegalAdvisor> {
  const advisor = await advisorLoader(ctx).load(id);
  if (!advisor) throw missing(ADVISOR, id);
  return advisor;
}

/** Current assignments (on today) under each requested region, within the caller's scope: one statement per batch. */
export function currentAssignmentsLoader(ctx: RequestContext): DataLoader<string, AdvisorAssignment[]> {
  return ctx.loaders.get<string, AdvisorAssignment[]>('legal:currentAssignments', async (codes) => {
    const { prefixes, patterns } = regionPatterns(ctx, codes);
    if (patterns.length === 0) return codes.map(() => []);
    const today = todayInChina();
    const rows = await ctx.dataSource
      .getRepository(AdvisorAssignment)
      .createQueryBuilder('a')
      .where('a.village_code LIKE ANY(CAST(:patterns AS text[]))', { patterns })
      .andWhere('a.start_date <= :today AND (a.end_date IS NULL OR a.end_date >= :today)', { today })
      .orderBy('a.village_code', 'ASC')
      .addOrderBy('a.start_date', 'ASC')
      .getMany();
    return groupByPrefix(prefixes, rows, (a) => a.villageCode);
  });
}

/** 登记 registers an advisor after checking the practising-certificate number's form. */
export async function registerLegalAdvisor(ctx: RequestContext, input: RegisterLegalAdvisorInput): Promise<LegalAdvisor> {
  LegalAccess.of(ctx).requireWrite(input.countyCode, [Role.COUNTY_ADMIN]);
  const problem = certificateProblem(input.certificateNo, Number(todayInChina().slice(0, 4)));
  if (problem) {
    throw badInput(`律师执业证号格式不符：${problem.zh}：certificateNo = ${input.certificateNo}`, `Wrong practising-certificate number: ${problem.en}: certificateNo = ${input.certificateNo}`, {
      field: 'input.certificateNo',
      rule: problem.rule,
      value: input.certificateNo,
    });
  }
  await checkReferences(ctx.dataSource, { regions: [{ field: 'input.countyCode', code: input.countyCode, on: todayInChina(), level: RegionLevel.COUNTY }] });
  const repo = () => ctx.dataSource.getRepository(LegalAdvisor);
  try {
    return await mutateOnce(
      ctx,
      { operation: 'registerLegalAdvisor', key: input.idempotencyKey, input, idOf: (a: LegalAdvisor) => a.id, replay: async (id) => repo().findOneByOrFail({ id }) },
      { action: 'registerLegalAdvisor', targetType: 'LegalAdvisor', targetId: (a) => a.id, regionCode: input.countyCode, payload: { certificateNo: input.certificateNo } },
      async (manager) =>
        manager.getRepository(LegalAdvisor).save(
          manager.getRepository(LegalAdvisor).create({ countyCode: input.countyCode, name: input.name, lawFirm: input.lawFirm, certificateNo: input.certificateNo, maxVillages: input.maxVillages }),
        ),
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`该执业证号已登记：certificateNo = ${input.certificateNo}`, `An advisor with this certificate number is already registered: certificateNo = ${input.certificateNo}`, {
        field: 'input.certificateNo',
        rule: 'CERTIFICATE_TAKEN',
        value: input.certificateNo,
      });
    }
    throw error;
  }
}

/** 聘任 assigns an advisor to a village for a period; the same advisor and village may not overlap. */
export async function assignLegalAdvisor(ctx: RequestContext, input: AssignLegalAdvisorInput): Promise<AdvisorAssignment> {
  LegalAccess.of(ctx).requireWrite(input.villageCode, LEGAL_MANAGER_ROLES);
  if (input.endDate && input.endDate < input.startDate) {
    throw badInput(`截止日期不能早于起始日期（${input.startDate}）：endDate = ${input.endDate}`, `The last day cannot be before the first (${input.startDate}): endDate = ${input.endDate}`, {
      field: 'input.endDate',
      rule: 'PERIOD_REVERSED',
      value: input.endDate,
    });
  }
  const advisor = await readableAdvisor(ctx, input.advisorId);
  if (countyOf(input.villageCode) !== advisor.countyCode) {
    throw badInput(`该村不在法律顾问服务的区县（${advisor.countyCode}）：villageCode = ${input.villageCode}`, `The village is outside the advisor's county (${advisor.countyCode}): villageCode = ${input.villageCode}`, {
      field: 'input.villageCode',
      rule: 'VILLAGE_OUTSIDE_ADVISOR_COUNTY',
      value: input.villageCode,
    });
  }
  await checkReferences(ctx.dataSource, {
    regions: [{ field: 'input.villageCode', code: input.villageCode, on: input.endDate ? { from: input.startDate, to: input.endDate } : input.startDate, level: RegionLevel.VILLAGE }],
  });
  const repo = () => ctx.dataSource.getRepository(AdvisorAssignment);
  return mutateOnce(
    ctx,
    { operation: 'assignLegalAdvisor', key: input.idempotencyKey, input, idOf: (a: AdvisorAssignment) => a.id, replay: async (id) => repo().findOneByOrFail({ id }) },
    { action: 'assignLegalAdvisor', targetType: 'LegalAdvisor', targetId: () => input.advisorId, regionCode: input.villageCode, payload: { startDate: input.startDate, endDate: input.endDate ?? null } },
    async (manager) => {
      // one assignment write per advisor at a time: the overlap check below cannot race
      await manager.query(`SELECT id FROM legal_advisor WHERE id = $1 FOR UPDATE`, [advisor.id]);
      const overlapping = (await manager.query(
        `SELECT to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM legal_advisor_assignment
          WHERE advisor_id = $1 AND village_code = $2 AND start_date <= COALESCE($4::date, 'infinity'::date) AND COALESCE(end_date, 'infinity'::date) >= $3::date LIMIT 1`,
        [advisor.id, input.villageCode, input.startDate, input.endDate ?? null],
      )) as { start_date: string; end_date: string | null }[];
      if (overlapping.length > 0) {
        const o = overlapping[0];
        throw badInput(
          `该法律顾问在此村已有重叠的聘任（${o.start_date}至${o.end_date ?? '长期'}）：startDate = ${input.startDate}`,
          `The advisor already has an overlapping assignment to this village (${o.start_date} to ${o.end_date ?? 'open-ended'}): startDate = ${input.startDate}`,
          { field: 'input.startDate', rule: 'ASSIGNMENT_OVERLAP', value: input.startDate },
        );
      }
      return manager.getRepository(AdvisorAssignment).save(
        manager.getRepository(AdvisorAssignment).create({ advisorId: advisor.id, villageCode: input.villageCode, startDate: input.startDate, endDate: input.endDate ?? null }),
      );
    },
  );
}

/** 服务记录 records a service the advisor gave a village they were assigned to on that day. */
export async function recordLegalService(ctx: RequestContext, input: RecordLegalServiceInput): Promise<ServiceRecord> {
  LegalAccess.of(ctx).requireWrite(input.villageCode, LEGAL_WRITER_ROLES);
  requireNotFuture(input.serviceDate, 'input.serviceDate', { zh: '服务日期', en: 'service date' });
  const advisor = await readableAdvisor(ctx, input.advisorId);
  const assigned = (await ctx.dataSource.query(
    `SELECT 1 FROM legal_advisor_assignment WHERE advisor_id = $1 AND village_code = $2 AND start_date <= $3::date AND (end_date IS NULL OR end_date >= $3::date) LIMIT 1`,
    [advisor.id, input.villageCode, input.serviceDate],
  )) as unknown[];
  if (assigned.length === 0) {
    throw badInput(`该法律顾问在${input.serviceDate}未受聘于此村：villageCode = ${input.villageCode}`, `The advisor was not assigned to this village on ${input.serviceDate}: villageCode = ${input.villageCode}`, {
      field: 'input.villageCode',
      rule: 'ADVISOR_NOT_ASSIGNED',
      value: input.villageCode,
    });
  }
  const repo = () => ctx.dataSource.getRepository(ServiceRecord);
  return mutateOnce(
    ctx,
    { operation: 'recordLegalService', key: input.idempotencyKey, input, idOf: (r: ServiceRecord) => r.id, replay: async (id) => repo().findOneByOrFail({ id }) },
    { action: 'recordLegalService', targetType: 'LegalAdvisor', targetId: () => advisor.id, regionCode: input.villageCode, payload: { kind: input.kind, minutes: input.minutes } },
    async (manager) =>
      manager.getRepository(ServiceRecord).save(
        manager.getRepository(ServiceRecord).create({
          advisorId: advisor.id,
          villageCode: input.villageCode,
          serviceDate: input.serviceDate,
          kind: input.kind,
          minutes: input.minutes,
          consultations: input.consultations,
          note: input.note ?? '',
        }),
      ),
  );
}

/** What the coverage report finds. */
export interface CoverageFacts {
  on: string;
  villages: { code: string; name: string; covered: boolean }[];
  overloaded: { advisorId: string; villages: number; maxVillages: number }[];
}

/**
 * 覆盖情况 of a region on a day: every valid village (from `region_ref`) with whether a current
 * assignment covers it (one statement), and advisors assigned there whose current villages exceed
 * their load (one grouped statement).
 */
export async function coverage(ctx: RequestContext, regionCode: string, on: string): Promise<CoverageFacts> {
  if (!isRegionCode(regionCode)) throw badInput(`区划代码须为12位数字：regionCode = ${regionCode}`, `A division code has 12 digits: regionCode = ${regionCode}`, { field: 'regionCode', rule: 'REGION_CODE_FORMAT', value: regionCode });
  const prefix = LegalAccess.of(ctx).listPrefix(regionCode);
  if (prefix === null) LegalAccess.of(ctx).requireRead(regionCode);
  const pattern = `${prefix ?? regionCode}%`;
  const villages = (await ctx.dataSource.query(
    `SELECT r.code, r.name, EXISTS (SELECT 1 FROM legal_advisor_assignment a WHERE a.village_code = r.code AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)) AS covered
       FROM region_ref r
      WHERE r.level = 'VILLAGE' AND r.code LIKE $1 AND NOT r.retired AND r.valid_from <= $2::date AND (r.valid_to IS NULL OR r.valid_to > $2::date)
      ORDER BY r.code`,
    [pattern, on],
  )) as { code: string; name: string; covered: boolean }[];
  const overloaded = (await ctx.dataSource.query(
    `SELECT l.id::text AS advisor_id, l.max_villages, count(DISTINCT a.village_code)::int AS villages
       FROM legal_advisor l JOIN legal_advisor_assignment a ON a.advisor_id = l.id AND a.start_date <= $2::date AND (a.end_date IS NULL OR a.end_date >= $2::date)
      WHERE l.id IN (SELECT advisor_id FROM legal_advisor_assignment WHERE village_code LIKE $1 AND start_date <= $2::date AND (end_date IS NULL OR end_date >= $2::date))
      GROUP BY l.id, l.max_villages
     HAVING count(DISTINCT a.village_code) > l.max_villages
      ORDER BY l.id`,
    [pattern, on],
  )) as { advisor_id: string; max_villages: number; villages: number }[];
  return {
    on,
    villages: villages.map((v) => ({ code: v.code, name: v.name, covered: v.covered === true || String(v.covered) === 'true' })),
    overloaded: overloaded.map((o) => ({ advisorId: o.advisor_id, villages: Number(o.villages), maxVillages: Number(o.max_villages) })),
  };
}

/** One advisor's services in a month, per village (one grouped statement). */
export async function monthlyServices(
  ctx: RequestContext,
  advisorId: string,
  month: string,
): Promise<{ advisor: LegalAdvisor; rows: { villageCode: string; records: number; visits: number; consultations: number; minutes: number }[] }> {
  const advisor = await readableAdvisor(ctx, advisorId);
  const from = `${month}-01`;
  const rows = (await ctx.dataSource.query(
    `SELECT village_code, count(*)::int AS records, count(*) FILTER (WHERE kind = 'VISIT')::int AS visits, COALESCE(sum(consultations), 0)::int AS consultations, COALESCE(sum(minutes), 0)::int AS minutes
       FROM legal_service_record WHERE advisor_id = $1 AND service_date >= $2::date AND service_date < ($2::date + interval '1 month')
      GROUP BY village_code ORDER BY village_code`,
    [advisor.id, from],
  )) as { village_code: string; records: number; visits: number; consultations: number; minutes: number }[];
  const access = LegalAccess.of(ctx);
  return {
    advisor,
    rows: rows
      .filter((r) => access.canSee(r.village_code))
      .map((r) => ({ villageCode: r.village_code, records: Number(r.records), visits: Number(r.visits), consultations: Number(r.consultations), minutes: Number(r.minutes) })),
  };
}
