import { badInput, conflict, isUniqueViolation, mutate, mutateOnce, notFound, pageInfoOf, paginate, todayInChina, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { checkRegions } from '@xiangzhi/grids-api';
import { creditCodeProblem } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';
import { EconomyAccess, MANAGER_ROLES } from '../shared/access';
import { countyOfVillage, requireNotFuture, requireVillageCode } from '../shared/checks';
import { retryOnDuplicate } from '../shared/once';
import { staleVersion } from '../shared/stale';
import { CollectiveOrganization } from './organization.entity';
import type { CollectiveOrganizationsArgs, RegisterCollectiveOrganizationInput, UpdateCollectiveOrganizationInput } from './organization.inputs';
import { organizationLoader } from './organization.loaders';

export const ORGANISATION = { zh: '村集体经济组织', en: 'Collective economic organisation' };

/** What runs inside the registration's transaction after the row is written (the ledger sets up the standard chart). */
export type RegistrationHook = (manager: EntityManager, organization: CollectiveOrganization) => Promise<void>;
const registrationHooks: RegistrationHook[] = [];

/** Adds work to every registration's transaction (called once at module load by the features that need it). */
export function onOrganizationRegistered(hook: RegistrationHook): void {
  if (!registrationHooks.includes(hook)) registrationHooks.push(hook);
}

/** Runs the registration hooks (the standard chart…) for an organisation written by another path (a village merger). */
export async function runRegistrationHooks(manager: EntityManager, organization: CollectiveOrganization): Promise<void> {
  for (const hook of registrationHooks) await hook(manager, organization);
}

/** One organisation the caller may see: NOT_FOUND when there is none or it lies outside the caller's scope. */
export async function readableOrganization(ctx: RequestContext, id: string): Promise<CollectiveOrganization> {
  const org = await organizationLoader(ctx).load(id);
  if (!org) throw notFound(ORGANISATION.zh, ORGANISATION.en, id);
  return org;
}

/** BAD_USER_INPUT naming the field, rule and value unless the credit code is well formed with the right check character. */
export function requireCreditCode(code: string, field = 'creditCode'): void {
  const problem = creditCodeProblem(code);
  if (!problem) return;
  if (problem.rule === 'CREDIT_CODE_FORMAT') {
    throw badInput(
      `统一社会信用代码格式不符（18位，数字及除I、O、Z、S、V外的大写字母）：${field} = ${code}`,
      `A unified social credit code is 18 digits and capital letters other than I, O, Z, S, V: ${field} = ${code}`,
      { field, rule: problem.rule, value: code },
    );
  }
  throw badInput(
    `统一社会信用代码校验位错误（应为 ${problem.expected}）：${field} = ${code}`,
    `The check character of the unified social credit code is wrong (it should be ${problem.expected}): ${field} = ${code}`,
    { field, rule: problem.rule, value: code, expected: problem.expected },
  );
}

async function requireCreditCodeFree(db: EntityManager | RequestContext['dataSource'], code: string, exceptId: string | null): Promise<void> {
  const rows = (await db.query(`SELECT id FROM collective_organization WHERE credit_code = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`, [code, exceptId])) as unknown[];
  if (rows.length > 0) throw creditCodeTaken(code);
}

function creditCodeTaken(code: string): Error {
  return conflict(`统一社会信用代码已被登记：creditCode = ${code}`, `The unified social credit code is already registered: creditCode = ${code}`, {
    field: 'creditCode',
    rule: 'CREDIT_CODE_TAKEN',
    value: code,
  });
}

/** The parent of a merged collective: visible, in the same county, not the organisation itself nor below it. */
async function checkParent(ctx: RequestContext, parentId: string, villageCode: string, selfId: string | null): Promise<void> {
  const parent = await organizationLoader(ctx).load(parentId);
  if (!parent) {
    throw badInput(`上级组织不存在：parentId = ${parentId}`, `Parent organisation not found: parentId = ${parentId}`, { field: 'parentId', rule: 'PARENT_UNKNOWN', value: parentId });
  }
  if (parent.countyCode !== countyOfVillage(villageCode)) {
    throw badInput(`上级组织须在同一区县：parentId = ${parentId}`, `The parent organisation must be in the same county: parentId = ${parentId}`, { field: 'parentId', rule: 'PARENT_OTHER_COUNTY', value: parentId });
  }
  if (selfId !== null) {
    let cursor: CollectiveOrganization | null = parent;
    for (let depth = 0; cursor && depth < 16; depth += 1) {
      if (cursor.id === selfId) {
        throw badInput(`上级组织不能是本组织或其下属组织：parentId = ${parentId}`, `The parent cannot be the organisation itself or one below it: parentId = ${parentId}`, {
          field: 'parentId',
          rule: 'PARENT_CYCLE',
          value: parentId,
        });
      }
      cursor = cursor.parentId ? await organizationLoader(ctx).load(cursor.parentId) : null;
    }
  }
}

/**
 * 登记 registers an organisation (county and township managers, inside their scope): a village code
 * grids knows and that is valid today, a correct credit code not yet registered, a founding date
 * not in the future, an optional parent in the same county. The standard chart of accounts is set
 * up in the same transaction. An idempotency key makes a retry return the first registration.
 */
export async function registerCollectiveOrganization(ctx: RequestContext, input: RegisterCollectiveOrganizationInput): Promise<CollectiveOrganization> {
  requireVillageCode(input.villageCode);
  EconomyAccess.of(ctx).requireWrite(input.villageCode, MANAGER_ROLES);
  const name = input.name.trim();
  if (!name) throw badInput('名称不能为空：name', 'The name cannot be empty: name', { field: 'name', rule: 'NAME_EMPTY', value: input.name });
  requireCreditCode(input.creditCode);
  requireNotFuture(input.foundedOn, 'foundedOn', { zh: '成立日期', en: 'founding date' });
  await checkRegions(ctx.dataSource, [{ field: 'villageCode', code: input.villageCode, on: todayInChina() }]);
  if (input.parentId) await checkParent(ctx, input.parentId, input.villageCode, null);
  return retryOnDuplicate(input.idempotencyKey, ['CREDIT_CODE_TAKEN'], () => mutateOnce(
    ctx,
    { operation: 'registerCollectiveOrganization', key: input.idempotencyKey, input, idOf: (o) => o.id, replay: (id) => readableOrganization(ctx, id) },
    { action: 'registerCollectiveOrganization', targetType: 'CollectiveOrganization', regionCode: input.villageCode, targetId: (o) => o.id, payload: { name, creditCode: input.creditCode } },
    async (manager) => {
      await requireCreditCodeFree(manager, input.creditCode, null);
      let org: CollectiveOrganization;
      try {
        const rows = (await manager.query(
          `INSERT INTO collective_organization (county_code, village_code, name, credit_code, founded_on, development_model, parent_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [countyOfVillage(input.villageCode), input.villageCode, name, input.creditCode, input.foundedOn, input.developmentModel, input.parentId ?? null],
        )) as { id: string }[];
        org = await manager.findOneByOrFail(CollectiveOrganization, { id: rows[0].id });
      } catch (error) {
        if (isUniqueViolation(error)) throw creditCodeTaken(input.creditCode);
        throw error;
      }
      await runRegistrationHooks(manager, org);
      return org;
    },
  ));
}

/** 修改 changes name, development model, status or parent, sending the version read (CONFLICT when stale). */
export async function updateCollectiveOrganization(ctx: RequestContext, input: UpdateCollectiveOrganizationInput): Promise<CollectiveOrganization> {
  const current = await readableOrganization(ctx, input.id);
  EconomyAccess.of(ctx).requireWrite(current.villageCode, MANAGER_ROLES);
  const changes: Partial<Pick<CollectiveOrganization, 'name' | 'developmentModel' | 'status' | 'parentId'>> = {};
  if (input.name) changes.name = input.name.trim();
  if (input.developmentModel) changes.developmentModel = input.developmentModel;
  if (input.status) changes.status = input.status;
  if (input.parentId) {
    await checkParent(ctx, input.parentId, current.villageCode, current.id);
    changes.parentId = input.parentId;
  }
  if (Object.keys(changes).length === 0) {
    throw badInput('没有要修改的内容（名称、发展模式、状态或上级组织）', 'Nothing to change: give a name, a development model, a status or a parent', { field: 'input', rule: 'NOTHING_TO_CHANGE' });
  }
  if (current.version !== input.expectedVersion) throw staleVersion(ORGANISATION, input.expectedVersion, current.version, { field: 'expectedVersion' });
  return mutate(
    ctx,
    { action: 'updateCollectiveOrganization', targetType: 'CollectiveOrganization', regionCode: current.villageCode, targetId: (o) => o.id, payload: { ...changes, version: input.expectedVersion + 1 } },
    async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(CollectiveOrganization)
        .set({ ...changes, version: input.expectedVersion + 1 })
        .where('id = :id AND version = :version', { id: current.id, version: input.expectedVersion })
        .execute();
      if (!result.affected) throw staleVersion(ORGANISATION, input.expectedVersion, undefined, { field: 'expectedVersion' });
      return manager.findOneByOrFail(CollectiveOrganization, { id: current.id });
    },
  );
}

/** 组织列表 the organisations under a region (narrowed to the caller's scope), by village code, name and id; two statements whatever the page size. */
export async function listCollectiveOrganizations(ctx: RequestContext, args: CollectiveOrganizationsArgs): Promise<ConnectionShape<CollectiveOrganization>> {
  const prefix = EconomyAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return { edges: [], nodes: [], totalCount: 0, pageInfo: pageInfoOf([], false) };
  const qb = ctx.dataSource.getRepository(CollectiveOrganization).createQueryBuilder('o').where('o.village_code LIKE :pattern', { pattern: `${prefix}%` });
  return paginate(qb, args, [
    { column: 'o.village_code', value: (o) => o.villageCode },
    { column: 'o.name', value: (o) => o.name },
    { column: 'o.id', value: (o) => o.id },
  ]);
}
