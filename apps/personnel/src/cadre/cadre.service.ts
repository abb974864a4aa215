import { badInput, countyOf, mutate, mutateOnce, notFound, onceById, paginate, requireRole, todayInChina, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { checkReferences } from '@xiangzhi/grids-api';
import { PersonnelAccess, TALENT_READER_ROLES, VILLAGE_WRITER_ROLES } from '../shared/access';
import { requireNotFuture, requireVillageCode } from '../shared/checks';
import { emptyConnection } from '../shared/connection';
import { staleVersion } from '../shared/stale';
import { Cadre, CadreStatus, Talent, TalentStatus, TrainingRecord } from './cadre.entity';
import type { AddTalentInput, CadresArgs, RecordTrainingInput, RemoveTalentInput, TalentsArgs, UpdateCadreInput } from './cadre.inputs';
import { talentLoader } from './cadre.loaders';
import { normaliseNameText } from './name-search';
import { managedCadre, staleCadre } from './appointment.service';

/** 干部名册 cadres under a region and in the caller's scope, by village, name and id. */
export async function listCadres(ctx: RequestContext, args: CadresArgs): Promise<ConnectionShape<Cadre>> {
  const prefix = PersonnelAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return emptyConnection();
  const qb = ctx.dataSource.getRepository(Cadre).createQueryBuilder('c').where('c.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.status) qb.andWhere('c.status = :status', { status: args.status });
  if (args.name) {
    // one indexed containment test on the name's parts (GIN on name_terms), never a LIKE scan
    const term = normaliseNameText(args.name);
    if (!term) throw badInput(`输入校验失败：name 不能只含空格或分隔符（收到 ${JSON.stringify(args.name)}）`, `Input validation failed: name must not be only spaces or separators (got ${JSON.stringify(args.name)})`, { field: 'name' });
    qb.andWhere('c.name_terms @> ARRAY[:term]::text[]', { term });
  }
  return paginate(qb, args, [
    { column: 'c.village_code', value: (c) => c.villageCode },
    { column: 'c.name', value: (c) => c.name },
    { column: 'c.id', value: (c) => c.id },
  ]);
}

/** 人才库 talent-pool entries under a region and in the caller's scope, by village, name and id. */
export async function listTalents(ctx: RequestContext, args: TalentsArgs): Promise<ConnectionShape<Talent>> {
  requireRole(ctx.actor, ...TALENT_READER_ROLES);
  const prefix = PersonnelAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return emptyConnection();
  const qb = ctx.dataSource.getRepository(Talent).createQueryBuilder('t').where('t.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.status) qb.andWhere('t.status = :status', { status: args.status });
  else qb.andWhere('t.status <> :removed', { removed: TalentStatus.REMOVED });
  return paginate(qb, args, [
    { column: 't.village_code', value: (t) => t.villageCode },
    { column: 't.name', value: (t) => t.name },
    { column: 't.id', value: (t) => t.id },
  ]);
}

/** 修改干部档案 education, Party membership, declared relatives, full time, ACTIVE ↔ SUSPENDED. */
export async function updateCadre(ctx: RequestContext, input: UpdateCadreInput): Promise<Cadre> {
  const cadre = await managedCadre(ctx, input.cadreId);
  if (cadre.status === CadreStatus.LEFT) throw badInput('已离任干部的档案不能修改', 'The record of a cadre who left cannot be changed', { field: 'cadreId' });
  if (cadre.version !== input.expectedVersion) throw staleCadre(cadre.version, input.expectedVersion);
  const set: Partial<Cadre> = {};
  if (input.educationLevel) set.educationLevel = input.educationLevel;
  if (input.partyJoinDate !== undefined) {
    if (input.partyJoinDate !== null && input.partyJoinDate < cadre.birthDate) {
      throw badInput('入党日期不能早于出生日期', 'The Party joining date cannot precede the birth date', { field: 'partyJoinDate' });
    }
    set.partyJoinDate = input.partyJoinDate;
    set.partyMember = input.partyJoinDate !== null;
  }
  if (input.closeRelatives) {
    set.closeRelatives = input.closeRelatives.map((r) => ({ name: r.name.trim(), relation: r.relation, residentId: r.residentId ? r.residentId.toLowerCase() : null }));
    await checkReferences(ctx.dataSource, {
      residents: input.closeRelatives.flatMap((r, i) => (r.residentId ? [{ field: `closeRelatives[${i}].residentId`, id: r.residentId }] : [])),
    });
  }
  if (input.fullTime !== undefined && input.fullTime !== null) set.fullTime = input.fullTime;
  if (input.status) {
    if (input.status === CadreStatus.LEFT) {
      throw badInput('离任请使用 dischargeCadre', 'Use dischargeCadre for a departure', { field: 'status' });
    }
    set.status = input.status;
  }
  return mutate(
    ctx,
    { action: 'updateCadre', targetType: 'Cadre', regionCode: cadre.villageCode, targetId: () => cadre.id, payload: { fields: Object.keys(set) } },
    async (manager) => {
      const done = await manager
        .createQueryBuilder()
        .update(Cadre)
        .set({ ...set, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: cadre.id, version: input.expectedVersion })
        .execute();
      if (!done.affected) throw staleCadre(undefined, input.expectedVersion);
      return (await manager.findOneBy(Cadre, { id: cadre.id })) as Cadre;
    },
  );
}

/** 培训登记 a training the cadre attended (village record keepers). */
export async function recordTraining(ctx: RequestContext, input: RecordTrainingInput): Promise<TrainingRecord> {
  const cadre = await managedCadre(ctx, input.cadreId, VILLAGE_WRITER_ROLES);
  const title = input.title.trim();
  const organizer = input.organizer.trim();
  if (!title) throw badInput('培训名称不能为空', 'The title cannot be blank', { field: 'title' });
  if (!organizer) throw badInput('举办单位不能为空', 'The organiser cannot be blank', { field: 'organizer' });
  if (!(input.days > 0)) throw badInput('培训天数须大于0', 'Days must be more than 0', { field: 'days' });
  requireNotFuture(input.startDate, 'startDate', { zh: '培训开始日期', en: 'training start date' });
  return mutateOnce(
    ctx,
    onceById('recordTraining', input, (id) => ctx.dataSource.manager.findOneByOrFail(TrainingRecord, { id })),
    { action: 'recordTraining', targetType: 'TrainingRecord', regionCode: cadre.villageCode, targetId: (t) => t.id, payload: { cadreId: cadre.id, days: input.days } },
    (manager) =>
      manager.save(
        manager.create(TrainingRecord, {
          countyCode: cadre.countyCode,
          villageCode: cadre.villageCode,
          cadreId: cadre.id,
          title,
          organizer,
          startDate: input.startDate,
          days: Math.round(input.days * 10) / 10,
        }),
      ),
  );
}

/** 人才入库 adds a person to a village's talent pool. */
export async function addTalent(ctx: RequestContext, input: AddTalentInput): Promise<Talent> {
  requireVillageCode(input.villageCode);
  PersonnelAccess.of(ctx).requireWrite(input.villageCode, VILLAGE_WRITER_ROLES);
  const name = input.name.trim();
  if (!name) throw badInput('姓名不能为空', 'The name cannot be blank', { field: 'name' });
  await checkReferences(ctx.dataSource, {
    regions: [{ field: 'villageCode', code: input.villageCode, on: todayInChina() }],
    residents: input.residentId ? [{ field: 'residentId', id: input.residentId, living: true }] : [],
  });
  return mutateOnce(
    ctx,
    onceById('addTalent', input, (id) => ctx.dataSource.manager.findOneByOrFail(Talent, { id })),
    { action: 'addTalent', targetType: 'Talent', regionCode: input.villageCode, targetId: (t) => t.id, payload: { kind: input.kind } },
    (manager) =>
      manager.save(
        manager.create(Talent, {
          countyCode: countyOf(input.villageCode) as string,
          villageCode: input.villageCode,
          residentId: input.residentId ? input.residentId.toLowerCase() : null,
          name,
          gender: input.gender,
          birthDate: input.birthDate,
          educationLevel: input.educationLevel,
          kind: input.kind,
          note: input.note?.trim() || null,
          status: TalentStatus.ACTIVE,
          cadreId: null,
        }),
      ),
  );
}

/** 人才出库 removes a person from the talent pool (only while in the pool). */
export async function removeTalent(ctx: RequestContext, input: RemoveTalentInput): Promise<Talent> {
  const talent = await talentLoader(ctx).load(input.talentId);
  if (!talent) throw notFound('人才库人员', 'Talent-pool entry', input.talentId);
  PersonnelAccess.of(ctx).requireWrite(talent.villageCode, VILLAGE_WRITER_ROLES);
  const stale = (current?: number) => staleVersion({ zh: '人才库记录', en: 'talent-pool entry' }, input.expectedVersion, current);
  if (talent.version !== input.expectedVersion) throw stale(talent.version);
  if (talent.status !== TalentStatus.ACTIVE) {
    throw badInput(`人才库人员状态为${talent.status}，不能出库`, `The talent-pool entry is ${talent.status} and cannot be removed`, { field: 'talentId' });
  }
  return mutate(
    ctx,
    { action: 'removeTalent', targetType: 'Talent', regionCode: talent.villageCode, targetId: () => talent.id },
    async (manager) => {
      const done = await manager
        .createQueryBuilder()
        .update(Talent)
        .set({ status: TalentStatus.REMOVED, version: () => 'version + 1' })
        .where('id = :id AND version = :version AND status = :active', { id: talent.id, version: input.expectedVersion, active: TalentStatus.ACTIVE })
        .execute();
      if (!done.affected) throw stale();
      return (await manager.findOneBy(Talent, { id: talent.id })) as Talent;
    },
  );
}
