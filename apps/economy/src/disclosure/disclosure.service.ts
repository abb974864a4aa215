import { randomUUID } from 'node:crypto';
import { badInput, boundedBatchLimit, boundedGroups, byKey, conflict, forbidden, groupByKey, hasRole, isUuid, isUniqueViolation, mutate, mutateOnce, notFound, paginate, Role, WRITER_ROLES, type ConnectionShape, type ListBound, type RequestContext, type WorkCalendar } from '@xiangzhi/kernel';
import { disclosurePolicyPoint, periodsEndingBetween, periodSpan, type DisclosureRequirement } from '@xiangzhi/economy-api';
import { checkReferences } from '@xiangzhi/grids-api';
import { recordEvents } from '../events/outbox';
import { BOOKKEEPER_ROLES, EconomyAccess } from '../shared/access';
import { countyOfVillage, requireNotBefore, requireNotFuture, requireVillageCode } from '../shared/checks';
import { retryOnDuplicate } from '../shared/once';
import { staleVersion } from '../shared/stale';
import { Disclosure, DisclosureKind, DisclosureObjection, KIND_TITLES, type DisclosureDue, type OverdueDisclosure } from './disclosure.entity';
import type { AnswerObjectionInput, DisclosuresArgs, ObjectToDisclosureInput, OverdueDisclosuresArgs, PublishDisclosureInput } from './disclosure.inputs';

const RECORD = { zh: '三务公开', en: 'disclosure' };
const OBJECTION = { zh: '异议', en: 'objection' };

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * 截止日 the due day of a period: `dueDay` of the month after the period's last day; when that is not
 * a working day in the county (a weekend or a statutory holiday, the county's own days included), the
 * next working day — an adjusted working day (调休上班, a Saturday or Sunday worked) counts as one.
 */
export function dueDate(calendar: WorkCalendar, countyCode: string, periodLast: string, dueDay: number): string {
  const next = addDays(periodLast, 1);
  let day = `${next.slice(0, 8)}${String(dueDay).padStart(2, '0')}`;
  while (!calendar.isWorkday(day, countyCode)) day = addDays(day, 1);
  return day;
}

function requirementOf(ctx: RequestContext, villageCode: string, kind: DisclosureKind): DisclosureRequirement | null {
  return ctx.policies.get(disclosurePolicyPoint, villageCode).requirements().find((r) => r.kind === kind) ?? null;
}

/** Disclosures by id, one statement per batch. */
export function disclosureLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, Disclosure | null>('economy.disclosure', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(Disclosure).createQueryBuilder('d').where('d.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

/** Objections of many disclosures, one statement per batch. */
export function objectionsLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, DisclosureObjection[]>('economy.disclosureObjections', async (ids) => {
    const rows = await ctx.dataSource.getRepository(DisclosureObjection).createQueryBuilder('o').where('o.disclosure_id IN (:...ids)', { ids: [...ids] }).orderBy('o.raised_on').addOrderBy('o.id').getMany();
    return groupByKey(ids, rows, (r) => r.disclosureId);
  });
}

export async function readableDisclosure(ctx: RequestContext, id: string): Promise<Disclosure> {
  const d = await disclosureLoader(ctx).load(id);
  if (!d || !EconomyAccess.of(ctx).canSee(d.villageCode)) throw notFound(RECORD.zh, RECORD.en, id);
  return d;
}

export async function listDisclosures(ctx: RequestContext, args: DisclosuresArgs): Promise<ConnectionShape<Disclosure>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  const qb = ctx.dataSource.getRepository(Disclosure).createQueryBuilder('d');
  if (prefix === null) qb.where('false');
  else qb.where('d.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.kind) qb.andWhere('d.kind = :kind', { kind: args.kind });
  if (args.period) qb.andWhere('d.period = :period', { period: args.period });
  return paginate(qb, args, [
    { column: 'd.published_on', value: (d) => d.publishedOn },
    { column: 'd.id', value: (d) => d.id },
  ]);
}

/**
 * 发布 a disclosure: the period must be of the kind's frequency in the county's schedule, the date not
 * before the period begins nor in the future, one per village, kind and period (DISCLOSURE_EXISTS).
 * Records `economy.disclosure.published` (with whether it came after the due day).
 */
export async function publishDisclosure(ctx: RequestContext, input: PublishDisclosureInput): Promise<Disclosure> {
  requireVillageCode(input.villageCode, 'input.villageCode');
  EconomyAccess.of(ctx).requireWrite(input.villageCode, BOOKKEEPER_ROLES);
  const span = periodSpan(input.period);
  const requirement = requirementOf(ctx, input.villageCode, input.kind);
  if (!span) throw badInput(`期间格式应为 YYYY-MM 或 YYYY-Qn：input.period = ${input.period}`, `The period must be YYYY-MM or YYYY-Qn: input.period = ${input.period}`, { field: 'input.period', rule: 'PERIOD_FORMAT', value: input.period });
  if (requirement && requirement.frequency !== span.frequency) {
    const want = requirement.frequency === 'MONTHLY' ? { zh: '按月（YYYY-MM）', en: 'monthly (YYYY-MM)' } : { zh: '按季度（YYYY-Qn）', en: 'quarterly (YYYY-Qn)' };
    throw badInput(`本县${KIND_TITLES[input.kind].zh}${want.zh}公开：input.period = ${input.period}`, `The county discloses ${KIND_TITLES[input.kind].en} ${want.en}: input.period = ${input.period}`, {
      field: 'input.period',
      rule: 'PERIOD_FREQUENCY',
      value: input.period,
    });
  }
  requireNotFuture(input.publishedOn, 'input.publishedOn', { zh: '公开日期', en: 'publication date' });
  requireNotBefore(input.publishedOn, span.first, 'input.publishedOn', 'PUBLISHED_BEFORE_PERIOD', { zh: '公开日期早于期间开始', en: 'The publication date is before the period begins' });
  const county = countyOfVillage(input.villageCode);
  const dueOn = dueDate(ctx.policies.calendar, county, span.last, requirement?.dueDay ?? 10);
  await checkReferences(ctx.dataSource, { regions: [{ field: 'input.villageCode', code: input.villageCode, on: input.publishedOn }] });
  // a concurrent duplicate with the same key commits first and this call's check refuses: replay it
  return retryOnDuplicate(input.idempotencyKey, ['DISCLOSURE_EXISTS'], () => mutateOnce(
    ctx,
    { operation: 'publishDisclosure', key: input.idempotencyKey, input, idOf: (d) => d.id, replay: (id) => readableDisclosure(ctx, id) },
    { action: 'economy.disclosure.publish', targetType: 'Disclosure', targetId: (d) => d.id, regionCode: input.villageCode, payload: { kind: input.kind, period: input.period, items: input.items.length } },
    async (manager) => {
      const id = randomUUID();
      const existing = (await manager.query(`SELECT id FROM disclosure WHERE village_code = $1 AND kind = $2 AND period = $3`, [input.villageCode, input.kind, input.period])) as { id: string }[];
      if (existing.length > 0) throw exists(input);
      try {
        await manager.insert(Disclosure, {
          id,
          countyCode: county,
          villageCode: input.villageCode,
          kind: input.kind,
          period: input.period,
          year: Number(input.period.slice(0, 4)),
          title: input.title,
          storedItems: input.items.map((i) => ({ title: i.title, content: i.content, amountFen: i.amount === null || i.amount === undefined ? null : i.amount.toString() })),
          publishedOn: input.publishedOn,
          dueOn,
          publishedBy: ctx.actor.id,
          version: 1,
        });
      } catch (e) {
        if (isUniqueViolation(e)) throw exists(input);
        throw e;
      }
      await recordEvents(manager, 'economy.disclosure.published', [
        { disclosureId: id, villageCode: input.villageCode, year: Number(input.period.slice(0, 4)), kind: input.kind, period: input.period, publishedOn: input.publishedOn, overdue: input.publishedOn > dueOn },
      ]);
      return manager.findOneByOrFail(Disclosure, { id });
    },
  ));
}

function exists(input: PublishDisclosureInput) {
  return conflict(`本村该期间的${KIND_TITLES[input.kind].zh}已经发布：input.period = ${input.period}`, `The village has already published its ${KIND_TITLES[input.kind].en} for this period: input.period = ${input.period}`, {
    field: 'input.period',
    rule: 'DISCLOSURE_EXISTS',
    value: input.period,
  });
}

/** `overdueDisclosures` is bounded (MAX_LIST_ITEMS); beyond it, a smaller region or a later `since`. */
export const OVERDUE_DISCLOSURES: ListBound = { field: 'overdueDisclosures', instead: 'overdueDisclosures of each township or village, or a later since' };

/**
 * 逾期未公开 every village under the region (in scope, valid on `asOf`) × every period due between
 * `since` and the day before `asOf` without a disclosure by its due day (late ones with their date).
 * One grouped statement for the villages and periods (one more to find the counties when the region
 * is above a county); due days per county from its `economy.disclosure` schedule and work calendar.
 */
export async function overdueDisclosures(ctx: RequestContext, args: OverdueDisclosuresArgs): Promise<OverdueDisclosure[]> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return [];
  const since = args.since ?? `${args.asOf.slice(0, 4)}-01-01`;
  if (since > args.asOf) throw badInput(`起始日期晚于截至日期：since = ${since}`, `since is after asOf: since = ${since}`, { field: 'since', rule: 'SINCE_AFTER_AS_OF', value: since });
  let counties: string[];
  if (prefix.length >= 6) {
    counties = [`${prefix.slice(0, 6)}000000`];
  } else {
    const rows = (await ctx.dataSource.query(`SELECT code FROM region_ref WHERE level = 'COUNTY' AND code LIKE $1`, [`${prefix}%`])) as { code: string }[];
    counties = rows.map((r) => r.code);
  }
  const due: { county: string[]; kind: string[]; period: string[]; dueOn: string[] } = { county: [], kind: [], period: [], dueOn: [] };
  // a period ending up to ~2 months before `since` may still fall due after it
  const firstEnd = addDays(since, -75);
  for (const county of counties) {
    for (const r of ctx.policies.get(disclosurePolicyPoint, county).requirements()) {
      for (const p of periodsEndingBetween(r.frequency, firstEnd, args.asOf)) {
        // a due day moves forward by a holiday break at most (never more than 15 days): skip periods
        // nominally due well before `since` or not before `asOf` without asking the calendar
        const nominal = `${addDays(p.last, 1).slice(0, 8)}${String(r.dueDay).padStart(2, '0')}`;
        if (nominal < addDays(since, -15) || nominal >= args.asOf) continue;
        const dueOn = dueDate(ctx.policies.calendar, county, p.last, r.dueDay);
        if (dueOn >= since && dueOn < args.asOf) {
          due.county.push(county.slice(0, 6));
          due.kind.push(r.kind);
          due.period.push(p.period);
          due.dueOn.push(dueOn);
        }
      }
    }
  }
  if (due.kind.length === 0) return [];
  const read = (await ctx.dataSource.query(
    `WITH due AS (SELECT * FROM unnest($2::text[], $3::text[], $4::text[], $5::date[]) AS t(county, kind, period, due_on)),
          v AS (SELECT code, name FROM region_ref WHERE level = 'VILLAGE' AND code LIKE $1 AND valid_from <= $6::date AND (valid_to IS NULL OR valid_to > $6::date))
     SELECT v.code, v.name, due.kind, due.period, to_char(due.due_on, 'YYYY-MM-DD') AS due_on, to_char(min(d.published_on), 'YYYY-MM-DD') AS published_on
       FROM v JOIN due ON due.county = substr(v.code, 1, 6)
       LEFT JOIN disclosure d ON d.village_code = v.code AND d.kind = due.kind AND d.period = due.period
      GROUP BY v.code, v.name, due.kind, due.period, due.due_on
     HAVING min(d.published_on) IS NULL OR min(d.published_on) > due.due_on
      ORDER BY v.code, due.due_on, due.kind
      LIMIT $7`,
    [`${prefix}%`, due.county, due.kind, due.period, due.dueOn, args.asOf, boundedBatchLimit(1, OVERDUE_DISCLOSURES)],
  )) as { code: string; name: string; kind: DisclosureKind; period: string; due_on: string; published_on: string | null }[];
  const [bounded] = boundedGroups([read], false, OVERDUE_DISCLOSURES);
  if (bounded instanceof Error) throw bounded;
  return bounded.map((r) => ({
    villageCode: r.code,
    villageName: r.name,
    kind: r.kind,
    period: r.period,
    dueOn: r.due_on,
    publishedOn: r.published_on && r.published_on <= args.asOf ? r.published_on : null,
    daysOverdue: daysBetween(r.due_on, r.published_on && r.published_on <= args.asOf ? r.published_on : args.asOf),
  }));
}

export async function readableObjection(ctx: RequestContext, id: string): Promise<DisclosureObjection> {
  const row = isUuid(id) ? await ctx.dataSource.getRepository(DisclosureObjection).findOneBy({ id }) : null;
  if (!row || !EconomyAccess.of(ctx).canSee(row.villageCode)) throw notFound(OBJECTION.zh, OBJECTION.en, id);
  return row;
}

/**
 * 提出异议 a resident objects to a disclosure: the resident must be living and of the disclosure's
 * village (grids' projection); a resident may only object for themself; the answer is due after the
 * county's number of working days (`economy.disclosure`, county calendar).
 */
export async function objectToDisclosure(ctx: RequestContext, input: ObjectToDisclosureInput): Promise<DisclosureObjection> {
  const disclosure = await readableDisclosure(ctx, input.disclosureId);
  const access = EconomyAccess.of(ctx);
  access.requireWrite(disclosure.villageCode, [...WRITER_ROLES, Role.RESIDENT]);
  if (hasRole(ctx.actor, Role.RESIDENT) && !hasRole(ctx.actor, ...WRITER_ROLES) && access.residentId !== input.residentId) {
    throw forbidden('居民只能以本人名义提出异议', 'A resident may only object in their own name', { field: 'input.residentId' });
  }
  requireNotFuture(input.raisedOn, 'input.raisedOn', { zh: '提出日期', en: 'date raised' });
  requireNotBefore(input.raisedOn, disclosure.publishedOn, 'input.raisedOn', 'RAISED_BEFORE_PUBLISHED', { zh: '提出日期早于公开日期', en: 'The objection predates the disclosure' });
  await checkReferences(ctx.dataSource, { residents: [{ field: 'input.residentId', id: input.residentId, villageCode: disclosure.villageCode, living: true }] });
  const days = ctx.policies.get(disclosurePolicyPoint, disclosure.villageCode).objectionAnswerWorkdays();
  const answerDueOn = ctx.policies.calendar.addWorkdays(input.raisedOn, days, disclosure.villageCode);
  return mutateOnce(
    ctx,
    { operation: 'objectToDisclosure', key: input.idempotencyKey, input, idOf: (o) => o.id, replay: (id) => readableObjection(ctx, id) },
    { action: 'economy.disclosure.object', targetType: 'DisclosureObjection', targetId: (o) => o.id, regionCode: disclosure.villageCode, payload: { disclosureId: disclosure.id, answerDueOn } },
    async (manager) => {
      const id = randomUUID();
      await manager.insert(DisclosureObjection, {
        id,
        disclosureId: disclosure.id,
        villageCode: disclosure.villageCode,
        residentId: input.residentId,
        text: input.text,
        raisedOn: input.raisedOn,
        answerDueOn,
        answer: null,
        answeredOn: null,
        answeredBy: null,
        raisedBy: ctx.actor.id,
        version: 1,
      });
      return manager.findOneByOrFail(DisclosureObjection, { id });
    },
  );
}

/** 答复异议 once, by village staff, with the version read (CONFLICT when stale), not before it was raised. */
export async function answerObjection(ctx: RequestContext, input: AnswerObjectionInput): Promise<DisclosureObjection> {
  const seen = await readableObjection(ctx, input.id);
  EconomyAccess.of(ctx).requireWrite(seen.villageCode, BOOKKEEPER_ROLES);
  requireNotFuture(input.answeredOn, 'input.answeredOn', { zh: '答复日期', en: 'date answered' });
  requireNotBefore(input.answeredOn, seen.raisedOn, 'input.answeredOn', 'ANSWERED_BEFORE_RAISED', { zh: '答复日期早于提出日期', en: 'The answer predates the objection' });
  return mutate(ctx, { action: 'economy.disclosure.answer', targetType: 'DisclosureObjection', targetId: (o) => o.id, regionCode: seen.villageCode, payload: { answeredOn: input.answeredOn, late: input.answeredOn > seen.answerDueOn } }, async (manager) => {
    const row = await manager.getRepository(DisclosureObjection).createQueryBuilder('o').setLock('pessimistic_write').where('o.id = :id', { id: input.id }).getOneOrFail();
    if (row.version !== input.expectedVersion) throw staleVersion(OBJECTION, input.expectedVersion, row.version, { field: 'input.expectedVersion' });
    if (row.answer !== null) {
      throw badInput(`异议已于${row.answeredOn}答复：input.id = ${row.id}`, `The objection was already answered on ${row.answeredOn}: input.id = ${row.id}`, { field: 'input.id', rule: 'OBJECTION_ALREADY_ANSWERED', value: row.id });
    }
    await manager.query(`UPDATE disclosure_objection SET answer = $2, answered_on = $3, answered_by = $4, version = version + 1 WHERE id = $1`, [row.id, input.answer, input.answeredOn, ctx.actor.id]);
    return manager.findOneByOrFail(DisclosureObjection, { id: row.id });
  });
}


/** 公开日程 what the county of `regionCode` requires for the periods of `year`, with each due day (county calendar). */
export function disclosureSchedule(ctx: RequestContext, regionCode: string, year: number): DisclosureDue[] {
  EconomyAccess.of(ctx).requireVisible(regionCode);
  const county = `${regionCode.slice(0, 6)}000000`;
  return ctx.policies
    .get(disclosurePolicyPoint, county)
    .requirements()
    .flatMap((r) =>
      periodsEndingBetween(r.frequency, `${year}-01-01`, `${year}-12-31`).map((p) => ({
        kind: r.kind as DisclosureKind,
        period: p.period,
        dueOn: dueDate(ctx.policies.calendar, county, p.last, r.dueDay),
        content: `${r.zh} / ${r.en}`,
      })),
    )
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind));
}
