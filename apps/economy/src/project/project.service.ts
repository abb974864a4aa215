import { randomUUID } from 'node:crypto';
import { badInput, byKey, groupByKey, isUuid, mutate, mutateOnce, notFound, paginate, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { formatFen, nextProjectStatus } from '@xiangzhi/economy-api';
import { checkReferences } from '@xiangzhi/grids-api';
import { requireAdoptedMatter } from '../major-matter/authorisation';
import { BOOKKEEPER_ROLES, EconomyAccess, MANAGER_ROLES } from '../shared/access';
import { countyOfVillage, requireNotBefore, requireNotFuture, requireVillageCode } from '../shared/checks';
import { requireNotNegative, requirePositive } from '../shared/money';
import { staleVersion } from '../shared/stale';
import { AllianceRole, ProjectStatus, VillageAlliance, VillageAllianceMember, WeakVillageProject } from './project.entity';
import type { AdvanceProjectInput, FormAllianceInput, ProjectsArgs, RegisterProjectInput } from './project.inputs';

const PROJECT = { zh: '薄弱村项目', en: 'project' };
const ALLIANCE = { zh: '联建', en: 'alliance' };

export function projectLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, WeakVillageProject | null>('economy.project', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(WeakVillageProject).createQueryBuilder('p').where('p.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

export function allianceLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, VillageAlliance | null>('economy.alliance', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await ctx.dataSource.getRepository(VillageAlliance).createQueryBuilder('a').where('a.id IN (:...ids)', { ids: valid }).getMany() : [];
    return byKey(ids, rows, (r) => r.id);
  });
}

export function allianceMembersLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, VillageAllianceMember[]>('economy.allianceMembers', async (ids) => {
    const rows = await ctx.dataSource.getRepository(VillageAllianceMember).createQueryBuilder('m').where('m.alliance_id IN (:...ids)', { ids: [...ids] }).orderBy('m.alliance_id').addOrderBy('m.role').addOrderBy('m.village_code').getMany();
    return groupByKey(ids, rows, (r) => r.allianceId);
  });
}

/** Projects each major matter authorised, one statement per batch. */
export function projectsByMatterLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, WeakVillageProject[]>('economy.projectsByMatter', async (ids) => {
    const rows = await ctx.dataSource.getRepository(WeakVillageProject).createQueryBuilder('p').where('p.major_matter_id IN (:...ids)', { ids: [...ids] }).orderBy('p.proposed_on').addOrderBy('p.id').getMany();
    return groupByKey(ids, rows, (r) => r.majorMatterId ?? '');
  });
}

export async function readableProject(ctx: RequestContext, id: string): Promise<WeakVillageProject> {
  const row = await projectLoader(ctx).load(id);
  if (!row || !EconomyAccess.of(ctx).canSee(row.villageCode)) throw notFound(PROJECT.zh, PROJECT.en, id);
  return row;
}

/** An alliance is visible to whoever sees its county (it spans villages). */
export async function readableAlliance(ctx: RequestContext, id: string): Promise<VillageAlliance> {
  const row = await allianceLoader(ctx).load(id);
  const access = EconomyAccess.of(ctx);
  const members = row ? await allianceMembersLoader(ctx).load(row.id) : [];
  if (!row || !members.some((m) => access.canSee(m.villageCode))) throw notFound(ALLIANCE.zh, ALLIANCE.en, id);
  return row;
}

export async function listProjects(ctx: RequestContext, args: ProjectsArgs): Promise<ConnectionShape<WeakVillageProject>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  const qb = ctx.dataSource.getRepository(WeakVillageProject).createQueryBuilder('p');
  if (prefix === null) qb.where('false');
  else qb.where('p.village_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.status) qb.andWhere('p.status = :status', { status: args.status });
  return paginate(qb, args, [
    { column: 'p.proposed_on', value: (p) => p.proposedOn },
    { column: 'p.id', value: (p) => p.id },
  ]);
}

/** Alliances with a village under the region (in scope), by name; one statement. */
export async function listAlliances(ctx: RequestContext, regionCode: string): Promise<VillageAlliance[]> {
  const prefix = EconomyAccess.of(ctx).listPrefix(regionCode);
  if (prefix === null) return [];
  return ctx.dataSource
    .getRepository(VillageAlliance)
    .createQueryBuilder('a')
    .where('EXISTS (SELECT 1 FROM village_alliance_member m WHERE m.alliance_id = a.id AND m.village_code LIKE :prefix)', { prefix: `${prefix}%` })
    .orderBy('a.name')
    .addOrderBy('a.id')
    .getMany();
}

/** 申报项目: village known, funding above zero, the alliance (when named) one the village belongs to, the major matter above the threshold. */
export async function registerProject(ctx: RequestContext, input: RegisterProjectInput): Promise<WeakVillageProject> {
  requireVillageCode(input.villageCode, 'input.villageCode');
  EconomyAccess.of(ctx).requireWrite(input.villageCode, BOOKKEEPER_ROLES);
  requirePositive(input.funding, 'input.funding');
  requireNotFuture(input.proposedOn, 'input.proposedOn', { zh: '申报日期', en: 'date proposed' });
  await checkReferences(ctx.dataSource, { regions: [{ field: 'input.villageCode', code: input.villageCode, on: input.proposedOn }] });
  if (input.allianceId) {
    const members = isUuid(input.allianceId) ? await allianceMembersLoader(ctx).load(input.allianceId) : [];
    if (!members.some((m) => m.villageCode === input.villageCode)) {
      throw badInput(`本村不是该联建的成员：input.allianceId = ${input.allianceId}`, `The village is not in that alliance: input.allianceId = ${input.allianceId}`, { field: 'input.allianceId', rule: 'ALLIANCE_NOT_MEMBER', value: input.allianceId });
    }
  }
  return mutateOnce(
    ctx,
    { operation: 'registerProject', key: input.idempotencyKey, input, idOf: (p) => p.id, replay: (id) => readableProject(ctx, id) },
    { action: 'economy.project.register', targetType: 'WeakVillageProject', targetId: (p) => p.id, regionCode: input.villageCode, payload: { name: input.name, funding: formatFen(input.funding) } },
    async (manager) => {
      await requireAdoptedMatter(ctx, manager, { villageCode: input.villageCode, subject: 'PROJECT', amountFen: input.funding, matterId: input.majorMatterId, field: 'input.majorMatterId' });
      const id = randomUUID();
      await manager.insert(WeakVillageProject, {
        id,
        countyCode: countyOfVillage(input.villageCode),
        villageCode: input.villageCode,
        name: input.name,
        fundingSource: input.fundingSource,
        funding: input.funding,
        status: ProjectStatus.PROPOSED,
        income: 0n,
        allianceId: input.allianceId ?? null,
        majorMatterId: input.majorMatterId ?? null,
        proposedOn: input.proposedOn,
        statusOn: input.proposedOn,
        version: 1,
        createdBy: ctx.actor.id,
      });
      return manager.findOneByOrFail(WeakVillageProject, { id });
    },
  );
}

/** 推进项目 to the next status only (PROJECT_STATUS_TRANSITION otherwise), with the version read; income only from completion on. */
export async function advanceProject(ctx: RequestContext, input: AdvanceProjectInput): Promise<WeakVillageProject> {
  const seen = await readableProject(ctx, input.id);
  EconomyAccess.of(ctx).requireWrite(seen.villageCode, BOOKKEEPER_ROLES);
  requireNotFuture(input.on, 'input.on', { zh: '日期', en: 'date' });
  if (input.income !== null && input.income !== undefined) {
    requireNotNegative(input.income, 'input.income');
    if (![ProjectStatus.COMPLETED, ProjectStatus.EVALUATED].includes(input.status)) {
      throw badInput(`完工或评估时才登记收益：input.income = ${formatFen(input.income)}`, `Income is recorded on completion or evaluation: input.income = ${formatFen(input.income)}`, { field: 'input.income', rule: 'INCOME_BEFORE_COMPLETION', value: formatFen(input.income) });
    }
  }
  return mutate(ctx, { action: 'economy.project.advance', targetType: 'WeakVillageProject', targetId: (p) => p.id, regionCode: seen.villageCode, payload: { status: input.status, on: input.on } }, async (manager) => {
    const row = await manager.getRepository(WeakVillageProject).createQueryBuilder('p').setLock('pessimistic_write').where('p.id = :id', { id: input.id }).getOneOrFail();
    if (row.version !== input.expectedVersion) throw staleVersion(PROJECT, input.expectedVersion, row.version, { field: 'input.expectedVersion' });
    const next = nextProjectStatus(row.status);
    if (next !== input.status) {
      throw badInput(
        next ? `项目状态只能由 ${row.status} 推进到 ${next}：input.status = ${input.status}` : `项目已评估，状态不能再变：input.status = ${input.status}`,
        next ? `A project moves from ${row.status} to ${next} only: input.status = ${input.status}` : `The project has been evaluated; its status cannot change: input.status = ${input.status}`,
        { field: 'input.status', rule: 'PROJECT_STATUS_TRANSITION', value: input.status, expected: next },
      );
    }
    requireNotBefore(input.on, row.statusOn, 'input.on', 'STATUS_BEFORE_PREVIOUS', { zh: '日期早于上一状态', en: 'The date is before the previous status' });
    await manager.query(`UPDATE weak_village_project SET status = $2, status_on = $3, income_fen = COALESCE($4::bigint, income_fen), version = version + 1 WHERE id = $1`, [
      row.id,
      input.status,
      input.on,
      input.income === null || input.income === undefined ? null : input.income.toString(),
    ]);
    return manager.findOneByOrFail(WeakVillageProject, { id: row.id });
  });
}

/** 组建联建: villages of one county, the lead not among the weak villages, each village once (ALLIANCE_VILLAGE_BOTH_ROLES, ALLIANCE_OTHER_COUNTY). */
export async function formAlliance(ctx: RequestContext, input: FormAllianceInput): Promise<VillageAlliance> {
  requireVillageCode(input.leadVillageCode, 'input.leadVillageCode');
  input.memberVillageCodes.forEach((c, i) => requireVillageCode(c, `input.memberVillageCodes[${i}]`));
  const county = countyOfVillage(input.leadVillageCode);
  EconomyAccess.of(ctx).requireWrite(county, MANAGER_ROLES);
  const both = input.memberVillageCodes.indexOf(input.leadVillageCode);
  if (both >= 0) {
    throw badInput(`同一村不能在同一联建中既牵头又作为薄弱村：input.memberVillageCodes[${both}] = ${input.leadVillageCode}`, `A village cannot both lead and follow in the same alliance: input.memberVillageCodes[${both}] = ${input.leadVillageCode}`, {
      field: `input.memberVillageCodes[${both}]`,
      rule: 'ALLIANCE_VILLAGE_BOTH_ROLES',
      value: input.leadVillageCode,
    });
  }
  const seen = new Set<string>();
  input.memberVillageCodes.forEach((c, i) => {
    if (seen.has(c)) throw badInput(`薄弱村重复：input.memberVillageCodes[${i}] = ${c}`, `A weak village is listed twice: input.memberVillageCodes[${i}] = ${c}`, { field: `input.memberVillageCodes[${i}]`, rule: 'ALLIANCE_VILLAGE_REPEATED', value: c });
    seen.add(c);
    if (countyOfVillage(c) !== county) {
      throw badInput(`联建村须在同一县（${county}）：input.memberVillageCodes[${i}] = ${c}`, `The villages of an alliance must be in one county (${county}): input.memberVillageCodes[${i}] = ${c}`, { field: `input.memberVillageCodes[${i}]`, rule: 'ALLIANCE_OTHER_COUNTY', value: c });
    }
  });
  requireNotFuture(input.foundedOn, 'input.foundedOn', { zh: '组建日期', en: 'date formed' });
  await checkReferences(ctx.dataSource, {
    regions: [{ field: 'input.leadVillageCode', code: input.leadVillageCode, on: input.foundedOn }, ...input.memberVillageCodes.map((c, i) => ({ field: `input.memberVillageCodes[${i}]`, code: c, on: input.foundedOn }))],
  });
  return mutateOnce(
    ctx,
    { operation: 'formAlliance', key: input.idempotencyKey, input, idOf: (a) => a.id, replay: (id) => readableAlliance(ctx, id) },
    { action: 'economy.alliance.form', targetType: 'VillageAlliance', targetId: (a) => a.id, regionCode: county, payload: { lead: input.leadVillageCode, members: input.memberVillageCodes } },
    async (manager) => {
      const id = randomUUID();
      await manager.insert(VillageAlliance, { id, countyCode: county, name: input.name, leadVillageCode: input.leadVillageCode, enterpriseName: input.enterpriseName, foundedOn: input.foundedOn, version: 1, createdBy: ctx.actor.id });
      await manager.insert(VillageAllianceMember, [
        { allianceId: id, villageCode: input.leadVillageCode, role: AllianceRole.LEAD },
        ...input.memberVillageCodes.map((c) => ({ allianceId: id, villageCode: c, role: AllianceRole.MEMBER })),
      ]);
      return manager.findOneByOrFail(VillageAlliance, { id });
    },
  );
}
