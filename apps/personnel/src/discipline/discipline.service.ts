import { badInput, groupByKey, mutateOnce, notFound, onceById, type RequestContext } from '@xiangzhi/kernel';
import { DisciplinaryKind, DISCIPLINARY_CATEGORY_TITLES, DISCIPLINARY_KINDS, effectEndsOn, effectMonths, inEffectOn } from '@xiangzhi/personnel-api';
import { randomUUID } from 'node:crypto';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MANAGER_ROLES, PersonnelAccess } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { cadreOf } from '../shared/loaders';
import { recordEvent } from '../shared/outbox';
import { DisciplinarySanction } from './discipline.entity';
import type { RecordDisciplinarySanctionInput } from './discipline.inputs';

/** 处分名称 e.g. 党纪处分：严重警告 / Party disciplinary sanction: serious warning. */
export function disciplinaryTitle(kind: DisciplinaryKind): { zh: string; en: string } {
  const info = DISCIPLINARY_KINDS[kind];
  const category = DISCIPLINARY_CATEGORY_TITLES[info.category];
  return { zh: `${category.zh}：${info.zh}`, en: `${category.en}: ${info.en}` };
}

/**
 * 登记党纪政务处分 records a sanction a Party or supervisory organ decided (county and township
 * managers, inside their scope; audited). The period of effect is the statutory one of the kind
 * (`DISCIPLINARY_KINDS`) unless the decision states another; 留党察看 needs its probation period (1 or
 * 2 years) and lasts it plus two years; expulsions have no end. The date decided cannot be in the future.
 */
export async function recordDisciplinarySanction(ctx: RequestContext, input: RecordDisciplinarySanctionInput): Promise<DisciplinarySanction> {
  const cadre = await cadreOf(ctx, input.cadreId);
  const access = PersonnelAccess.of(ctx);
  // outside the caller's scope, a cadre answers as a missing one
  if (!access.canSee(cadre.villageCode)) throw notFound('干部', 'Cadre', input.cadreId);
  access.requireWrite(cadre.villageCode, MANAGER_ROLES);
  requireNotFuture(input.decidedOn, 'decidedOn', { zh: '处分决定日期', en: 'date decided' });
  const organ = input.organ.trim();
  if (!organ) throw badInput('作出决定的机关不能为空：organ', 'The organ that decided cannot be blank: organ', { field: 'organ', rule: 'NOT_BLANK', value: input.organ });
  const info = DISCIPLINARY_KINDS[input.kind];
  const probationYears = input.probationYears ?? null;
  if (input.kind === DisciplinaryKind.PARTY_PROBATION && probationYears === null) {
    throw badInput('留党察看须写明察看期（1或2年）：probationYears', 'Probation within the Party needs its probation period (1 or 2 years): probationYears', {
      field: 'probationYears',
      rule: 'PROBATION_REQUIRED',
      value: null,
    });
  }
  if (input.kind !== DisciplinaryKind.PARTY_PROBATION && probationYears !== null) {
    throw badInput(`只有留党察看有察看期，${info.zh}不填：probationYears = ${probationYears}`, `Only probation within the Party has a probation period, not ${info.en}: probationYears = ${probationYears}`, {
      field: 'probationYears',
      rule: 'PROBATION_NOT_APPLICABLE',
      value: probationYears,
    });
  }
  const given = input.effectMonths ?? null;
  if (given !== null && info.months === null) {
    throw badInput(`${info.zh}没有影响期限（无期限），不能填写影响期：effectMonths = ${given}`, `${info.en} has no end, so no period of effect can be given: effectMonths = ${given}`, {
      field: 'effectMonths',
      rule: 'EFFECT_NOT_APPLICABLE',
      value: given,
    });
  }
  const months = given ?? effectMonths(input.kind, probationYears);
  const endsOn = effectEndsOn(input.decidedOn, months);
  const basis = given !== null ? `处分决定写明影响期${given}个月` : info.basis;
  return mutateOnce(
    ctx,
    onceById('recordDisciplinarySanction', input, (id) => ctx.dataSource.manager.findOneByOrFail(DisciplinarySanction, { id })),
    {
      action: 'recordDisciplinarySanction',
      targetType: 'DisciplinarySanction',
      regionCode: cadre.villageCode,
      targetId: (s) => s.id,
      payload: { cadreId: cadre.id, kind: input.kind, organ, decidedOn: input.decidedOn, effectMonths: months },
    },
    async (manager) => {
      const sanction = manager.create(DisciplinarySanction, {
        id: randomUUID(),
        countyCode: cadre.countyCode,
        villageCode: cadre.villageCode,
        cadreId: cadre.id,
        category: info.category,
        kind: input.kind,
        organ,
        decidedOn: input.decidedOn,
        probationYears,
        effectMonths: months,
        effectEndsOn: endsOn,
        effectBasis: basis,
        note: input.note?.trim() || null,
        recordedBy: ctx.actor.id,
      });
      await manager.insert(DisciplinarySanction, sanction);
      await recordEvent(manager, 'personnel.discipline.recorded', {
        cadreId: cadre.id,
        sanctionId: sanction.id,
        kind: input.kind,
        category: info.category,
        decidedOn: input.decidedOn,
        effectEndsOn: endsOn,
      });
      return manager.findOneByOrFail(DisciplinarySanction, { id: sanction.id });
    },
  );
}

/** Per-request loader of a cadre's disciplinary sanctions, earliest first. */
export function disciplinarySanctionsByCadreLoader(ctx: RequestContext): DataLoader<string, DisciplinarySanction[]> {
  return ctx.loaders.get<string, DisciplinarySanction[]>('discipline:byCadre', async (cadreIds) => {
    const rows = await ctx.dataSource.getRepository(DisciplinarySanction).find({ where: { cadreId: In([...cadreIds]) }, order: { decidedOn: 'ASC', createdAt: 'ASC' } });
    return groupByKey(cadreIds, rows, (r) => r.cadreId);
  });
}

/** Whether a recorded sanction is in effect on `date`. */
export function sanctionInEffect(s: Pick<DisciplinarySanction, 'decidedOn' | 'effectEndsOn'>, date: string): boolean {
  return inEffectOn(s.decidedOn, s.effectEndsOn, date);
}
