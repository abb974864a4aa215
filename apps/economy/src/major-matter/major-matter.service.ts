import { randomUUID } from 'node:crypto';
import { badInput, byKey, groupByKey, mutate, mutateOnce, notFound, paginate, isUuid, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { formatFen, majorMatterPolicyPoint } from '@xiangzhi/economy-api';
import { checkReferences } from '@xiangzhi/grids-api';
import type { EntityManager } from 'typeorm';
import { recordEvents } from '../events/outbox';
import { BOOKKEEPER_ROLES, EconomyAccess } from '../shared/access';
import { countyOfVillage, requireNotBefore, requireNotFuture, requireVillageCode } from '../shared/checks';
import { requireNotNegative } from '../shared/money';
import { staleVersion } from '../shared/stale';
import { MajorMatter, MajorMatterOutcome, MajorMatterStep, MajorMatterStepRecord, STEP_ORDER, STEP_TITLES } from './major-matter.entity';
import type { AdvanceMajorMatterInput, MajorMattersArgs, ProposeMajorMatterInput } from './major-matter.inputs';

const RECORD = { zh: '四议两公开事项', en: 'major matter' };

/** Roles that record the steps of a village's major matters (the village's own cadres and the township and county above). */
export const MATTER_WRITER_ROLES = BOOKKEEPER_ROLES;

/** 事项（按标识，批量）major matters by id, one statement per batch. */
export function matterLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, MajorMatter | null>('economy.majorMatter', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(MajorMatter).createQueryBuilder('m').where('m.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

/** 时间线 the steps of many matters, one statement per batch, in order. */
export function timelineLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, MajorMatterStepRecord[]>('economy.majorMatterTimeline', async (ids) => {
    const rows = await ctx.dataSource.getRepository(MajorMatterStepRecord).createQueryBuilder('s').where('s.matter_id IN (:...ids)', { ids: [...ids] }).orderBy('s.matter_id').addOrderBy('s.seq').getMany();
    return groupByKey(ids, rows, (r) => r.matterId);
  });
}

/** A matter the caller may see, or NOT_FOUND. */
export async function readableMatter(ctx: RequestContext, id: string): Promise<MajorMatter> {
  const matter = await matterLoader(ctx).load(id);
  if (!matter || !EconomyAccess.of(ctx).canSee(matter.villageCode)) throw notFound(RECORD.zh, RECORD.en, id);
  return matter;
}

/** 四议两公开事项列表 a region's matters (scope-narrowed), by date proposed; two statements whatever the page size. */
export async function listMajorMatters(ctx: RequestContext, args: MajorMattersArgs): Promise<ConnectionShape<MajorMatter>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  const qb = ctx.dataSource.getRepository(MajorMatter).createQueryBuilder('m');
  if (prefix === null) qb.where('false');
  else qb.where('m.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.step) qb.andWhere('m.step = :step', { step: args.step });
  if (args.outcome) qb.andWhere('m.outcome = :outcome', { outcome: args.outcome });
  return paginate(qb, args, [
    { column: 'm.proposed_on', value: (m) => m.proposedOn },
    { column: 'm.id', value: (m) => m.id },
  ]);
}

/** 提议 the Party branch proposes a matter: checked (village known and valid, amount not negative, date not future) before anything is written. */
export async function proposeMajorMatter(ctx: RequestContext, input: ProposeMajorMatterInput): Promise<MajorMatter> {
  requireVillageCode(input.villageCode, 'input.villageCode');
  EconomyAccess.of(ctx).requireWrite(input.villageCode, MATTER_WRITER_ROLES);
  requireNotNegative(input.amount, 'input.amount');
  requireNotFuture(input.proposedOn, 'input.proposedOn', { zh: '提议日期', en: 'proposal date' });
  await checkReferences(ctx.dataSource, { regions: [{ field: 'input.villageCode', code: input.villageCode, on: input.proposedOn }] });
  return mutateOnce(
    ctx,
    { operation: 'proposeMajorMatter', key: input.idempotencyKey, input, idOf: (m) => m.id, replay: (id) => readableMatter(ctx, id) },
    { action: 'economy.majorMatter.propose', targetType: 'MajorMatter', targetId: (m) => m.id, regionCode: input.villageCode, payload: { title: input.title, subject: input.subject, amount: formatFen(input.amount) } },
    async (manager) => {
      const id = randomUUID();
      await manager.insert(MajorMatter, {
        id,
        countyCode: countyOfVillage(input.villageCode),
        villageCode: input.villageCode,
        year: Number(input.proposedOn.slice(0, 4)),
        title: input.title,
        subject: input.subject,
        subjectId: input.subjectId ?? null,
        amount: input.amount,
        step: MajorMatterStep.PROPOSED,
        outcome: MajorMatterOutcome.PENDING,
        proposedOn: input.proposedOn,
        adoptedOn: null,
        version: 1,
        createdBy: ctx.actor.id,
      });
      await manager.insert(MajorMatterStepRecord, { id: randomUUID(), matterId: id, step: MajorMatterStep.PROPOSED, seq: 1, heldOn: input.proposedOn, note: input.note ?? null, recordedBy: ctx.actor.id });
      return (await manager.findOneByOrFail(MajorMatter, { id }));
    },
  );
}

interface Figures {
  membersEntitled: number;
  attendance: number;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
}

/** The resolution's figures, all given and consistent (attendance ≤ entitled, votes ≤ attendance), else BAD_USER_INPUT naming the field. */
function resolutionFigures(input: AdvanceMajorMatterInput): Figures {
  const given = (name: keyof Figures): number => {
    const value = input[name];
    if (value === null || value === undefined) {
      throw badInput(`村民（代表）会议决议须填写${name}：input.${name} 未给出`, `A resolution needs its figures: input.${name} is missing`, { field: `input.${name}`, rule: 'RESOLUTION_FIGURES_REQUIRED', value: null });
    }
    return value;
  };
  const f: Figures = { membersEntitled: given('membersEntitled'), attendance: given('attendance'), votesFor: given('votesFor'), votesAgainst: given('votesAgainst'), votesAbstain: given('votesAbstain') };
  if (f.attendance > f.membersEntitled) {
    throw badInput(`实到人数${f.attendance}多于应到人数${f.membersEntitled}：input.attendance = ${f.attendance}`, `Attendance ${f.attendance} is more than the ${f.membersEntitled} members entitled: input.attendance = ${f.attendance}`, {
      field: 'input.attendance',
      rule: 'ATTENDANCE_EXCEEDS_ENTITLED',
      value: f.attendance,
    });
  }
  const votes = f.votesFor + f.votesAgainst + f.votesAbstain;
  if (votes > f.attendance) {
    throw badInput(`票数合计${votes}（赞成${f.votesFor}、反对${f.votesAgainst}、弃权${f.votesAbstain}）多于实到人数${f.attendance}：input.votesFor = ${f.votesFor}`, `${votes} votes (${f.votesFor} for, ${f.votesAgainst} against, ${f.votesAbstain} abstaining) are more than the ${f.attendance} attending: input.votesFor = ${f.votesFor}`, {
      field: 'input.votesFor',
      rule: 'VOTES_EXCEED_ATTENDANCE',
      value: votes,
    });
  }
  return f;
}

/** The step recorded must be the very next one: `MAJOR_MATTER_STEP_SKIPPED`, `MAJOR_MATTER_STEP_REPEATED`, `MAJOR_MATTER_ENDED`. */
function requireNextStep(matter: MajorMatter, step: MajorMatterStep): void {
  const current = STEP_ORDER.indexOf(matter.step);
  const wanted = STEP_ORDER.indexOf(step);
  if (matter.outcome === MajorMatterOutcome.REJECTED) {
    throw badInput(`事项已被村民（代表）会议否决，程序终止：input.step = ${step}`, `The matter was rejected by the meeting; its procedure has ended: input.step = ${step}`, { field: 'input.step', rule: 'MAJOR_MATTER_ENDED', value: step });
  }
  if (wanted <= current) {
    throw badInput(`「${STEP_TITLES[step].zh}」已经完成，不能重复：input.step = ${step}`, `The step "${STEP_TITLES[step].en}" was already taken and cannot be repeated: input.step = ${step}`, {
      field: 'input.step',
      rule: 'MAJOR_MATTER_STEP_REPEATED',
      value: step,
    });
  }
  if (current === STEP_ORDER.length - 1) {
    throw badInput(`事项程序已全部完成：input.step = ${step}`, `The matter's procedure is complete: input.step = ${step}`, { field: 'input.step', rule: 'MAJOR_MATTER_ENDED', value: step });
  }
  if (wanted > current + 1) {
    const next = STEP_ORDER[current + 1];
    throw badInput(`不能跳过步骤：下一步应为「${STEP_TITLES[next].zh}」（${next}）：input.step = ${step}`, `No step may be skipped: the next step is "${STEP_TITLES[next].en}" (${next}): input.step = ${step}`, {
      field: 'input.step',
      rule: 'MAJOR_MATTER_STEP_SKIPPED',
      value: step,
      expected: next,
    });
  }
}

/**
 * 推进 the next step of a matter, audited. The row is locked and its version compared (CONFLICT when
 * stale); the step must be the very next; a resolution's figures are checked (attendance ≤ entitled,
 * votes ≤ attendance), a meeting without quorum is refused (rule `QUORUM_NOT_MET`: hold it again),
 * a resolution without a majority is recorded and ends the matter (REJECTED), an adopted one records
 * `economy.matter.adopted`.
 */
export async function advanceMajorMatter(ctx: RequestContext, input: AdvanceMajorMatterInput): Promise<MajorMatter> {
  const seen = await readableMatter(ctx, input.id);
  EconomyAccess.of(ctx).requireWrite(seen.villageCode, MATTER_WRITER_ROLES);
  requireNotFuture(input.heldOn, 'input.heldOn', { zh: '会议或公开日期', en: 'date held' });
  const figures = input.step === MajorMatterStep.RESOLVED ? resolutionFigures(input) : null;
  return mutate(ctx, { action: 'economy.majorMatter.advance', targetType: 'MajorMatter', targetId: (m) => m.id, regionCode: seen.villageCode, payload: { step: input.step, heldOn: input.heldOn, ...(figures ?? {}) } }, async (manager) => {
    const matter = await lockMatter(manager, input.id);
    if (matter.version !== input.expectedVersion) throw staleVersion(RECORD, input.expectedVersion, matter.version, { field: 'input.expectedVersion' });
    requireNextStep(matter, input.step);
    const previous = (await manager.query(`SELECT to_char(max(held_on), 'YYYY-MM-DD') AS last FROM major_matter_step WHERE matter_id = $1`, [matter.id])) as { last: string }[];
    if (previous[0]?.last) requireNotBefore(input.heldOn, previous[0].last, 'input.heldOn', 'STEP_BEFORE_PREVIOUS', { zh: '日期早于上一步', en: 'The date is before the previous step' });
    let outcome = matter.outcome;
    let decision: { rule: string; text: string } | null = null;
    if (figures) {
      const { policy, source } = ctx.policies.resolve(majorMatterPolicyPoint, matter.villageCode);
      const d = policy.decide(figures);
      if (!d.quorate) {
        throw badInput(`村民（代表）会议未达法定人数：${d.zh}：input.attendance = ${figures.attendance}`, `The villagers' (representatives') meeting was not quorate: ${d.en}: input.attendance = ${figures.attendance}`, {
          field: 'input.attendance',
          rule: 'QUORUM_NOT_MET',
          value: figures.attendance,
          source,
        });
      }
      outcome = d.adopted ? MajorMatterOutcome.ADOPTED : MajorMatterOutcome.REJECTED;
      decision = { rule: d.rule, text: `${d.zh} / ${d.en}` };
    }
    await manager.insert(MajorMatterStepRecord, {
      id: randomUUID(),
      matterId: matter.id,
      step: input.step,
      seq: STEP_ORDER.indexOf(input.step) + 1,
      heldOn: input.heldOn,
      note: input.note ?? null,
      membersEntitled: figures?.membersEntitled ?? null,
      attendance: figures?.attendance ?? null,
      votesFor: figures?.votesFor ?? null,
      votesAgainst: figures?.votesAgainst ?? null,
      votesAbstain: figures?.votesAbstain ?? null,
      decisionRule: decision?.rule ?? null,
      decisionText: decision?.text ?? null,
      recordedBy: ctx.actor.id,
    });
    const adoptedOn = outcome === MajorMatterOutcome.ADOPTED && matter.outcome !== MajorMatterOutcome.ADOPTED ? input.heldOn : matter.adoptedOn;
    await manager.query(`UPDATE major_matter SET step = $2, outcome = $3, adopted_on = $4, version = version + 1, updated_at = now() WHERE id = $1`, [matter.id, input.step, outcome, adoptedOn]);
    if (outcome === MajorMatterOutcome.ADOPTED && matter.outcome !== MajorMatterOutcome.ADOPTED) {
      await recordEvents(manager, 'economy.matter.adopted', [
        { matterId: matter.id, villageCode: matter.villageCode, year: matter.year, subject: matter.subject, amountFen: matter.amount.toString(), adoptedOn: input.heldOn },
      ]);
    }
    return manager.findOneByOrFail(MajorMatter, { id: matter.id });
  });
}

async function lockMatter(manager: EntityManager, id: string): Promise<MajorMatter> {
  const matter = await manager.getRepository(MajorMatter).createQueryBuilder('m').setLock('pessimistic_write').where('m.id = :id', { id }).getOne();
  if (!matter) throw notFound(RECORD.zh, RECORD.en, id);
  return matter;
}
