import { assertRegionCode, badInput, conflict, countyOf, levelOf, mutate, mutateOnce, notFound, onceById, paginate, RegionLevel, todayInChina, type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { CadreStatus } from '../cadre/cadre.entity';
import { MANAGER_ROLES, PersonnelAccess, VILLAGE_WRITER_ROLES } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { emptyConnection } from '../shared/connection';
import { staleVersion } from '../shared/stale';
import { cadreLoader } from '../shared/loaders';
import { PartyMember, PartyOrganization, PartyOrganizationKind, PartyPointEntry } from './party.entity';
import type {
  CreatePartyOrganizationInput,
  PartyMembersArgs,
  RecordMemberPointsInput,
  RegisterMobileMemberInput,
  RegisterPartyMemberInput,
  ReturnMobileMemberInput,
  UpdatePartyOrganizationInput,
} from './party.inputs';
import { decodeMemberCursor, MEMBER_KEYS, memberLoader, organizationLoader } from './party.loaders';
import { checkReferences, checkRegions } from '@xiangzhi/grids-api';

/** 层级 rank of each kind: a parent must rank higher (a smaller number) than its children. */
export const KIND_RANK: Readonly<Record<PartyOrganizationKind, number>> = {
  [PartyOrganizationKind.COMMITTEE]: 0,
  [PartyOrganizationKind.GENERAL_BRANCH]: 1,
  [PartyOrganizationKind.BRANCH]: 2,
  [PartyOrganizationKind.GROUP]: 3,
};

export const KIND_ZH: Readonly<Record<PartyOrganizationKind, string>> = {
  [PartyOrganizationKind.COMMITTEE]: '党委',
  [PartyOrganizationKind.GENERAL_BRANCH]: '党总支',
  [PartyOrganizationKind.BRANCH]: '党支部',
  [PartyOrganizationKind.GROUP]: '党小组',
};

/** Kinds that may be built on a grid (支部建在网格上: 网格党支部, 片区/网格党小组). */
export const GRID_KINDS: readonly PartyOrganizationKind[] = [PartyOrganizationKind.BRANCH, PartyOrganizationKind.GROUP];

const ORGANISATION = { zh: '党组织', en: 'Party organisation' };
const MEMBER = { zh: '党员信息', en: 'Party member record' };

/** The township a village belongs to. */
function townshipOf(code: string): string {
  return `${code.slice(0, 9)}000`;
}

/** One organisation the caller may see: NOT_FOUND when there is none, FORBIDDEN outside the scope. */
export async function readableOrganization(ctx: RequestContext, id: string): Promise<PartyOrganization> {
  const org = await organizationLoader(ctx).load(id);
  if (!org) throw notFound('党组织', 'Party organisation', id);
  PersonnelAccess.of(ctx).requireVisible(org.regionCode, { zh: '党组织', en: 'Party organisation', key: id });
  return org;
}

/** One member the caller may see: NOT_FOUND when there is none, FORBIDDEN outside the scope. */
export async function readableMember(ctx: RequestContext, id: string): Promise<PartyMember> {
  const member = await memberLoader(ctx).load(id);
  if (!member) throw notFound('党员', 'Party member', id);
  PersonnelAccess.of(ctx).requireVisible(member.regionCode, { zh: '党员', en: 'Party member', key: id });
  return member;
}

/** The region of an organisation: a village or a township (BAD_USER_INPUT otherwise). */
function organizationRegion(code: string): RegionLevel {
  assertRegionCode(code, 'regionCode');
  const level = levelOf(code);
  if (level !== RegionLevel.VILLAGE && level !== RegionLevel.TOWNSHIP) {
    throw badInput(`党组织须设在村（社区）或乡镇：${code}`, `A Party organisation belongs to a village or a township: ${code}`, { field: 'regionCode' });
  }
  return level;
}

/** BAD_USER_INPUT unless `parent` may have a child of `kind` in `regionCode`. */
function checkParent(parent: PartyOrganization, kind: PartyOrganizationKind, regionCode: string): void {
  const sameRegion = parent.regionCode === regionCode;
  const townshipAbove = levelOf(regionCode) === RegionLevel.VILLAGE && parent.regionCode === townshipOf(regionCode);
  if (!sameRegion && !townshipAbove) {
    throw badInput(
      `上级党组织须在同一村（社区）或其所在乡镇：${parent.name}（${parent.regionCode}）`,
      `The parent organisation must be in the same village or the township above it: ${parent.name} (${parent.regionCode})`,
      { field: 'parentId', parentRegionCode: parent.regionCode },
    );
  }
  // Within a region the parent ranks higher; a village organisation may report to the township's
  // committee whatever its own kind (a 村党委 belongs to the 乡镇党委).
  const townshipCommittee = townshipAbove && parent.kind === PartyOrganizationKind.COMMITTEE;
  if (!townshipCommittee && KIND_RANK[parent.kind] >= KIND_RANK[kind]) {
    throw badInput(
      `${KIND_ZH[kind]}不能隶属于${KIND_ZH[parent.kind]}（上级须层级更高：党委＞党总支＞党支部＞党小组；村级党组织可隶属乡镇党委）`,
      `A ${kind} cannot belong to a ${parent.kind} (the parent must be of a higher kind: COMMITTEE > GENERAL_BRANCH > BRANCH > GROUP; a village organisation may belong to its township committee)`,
      { field: 'parentId', parentKind: parent.kind, kind },
    );
  }
}

/** BAD_USER_INPUT unless an organisation of `kind` in `regionCode` may be built on a grid. */
function checkGridKind(kind: PartyOrganizationKind, regionCode: string): void {
  if (!GRID_KINDS.includes(kind)) {
    throw badInput(`只有党支部、党小组可以建在网格上（当前为${KIND_ZH[kind]}）`, `Only a BRANCH or a GROUP may be built on a grid (this is a ${kind})`, {
      field: 'gridId',
      kind,
    });
  }
  if (levelOf(regionCode) !== RegionLevel.VILLAGE) {
    throw badInput('网格在村（社区）内，乡镇级党组织不能建在网格上', 'Grids lie inside villages: a township organisation cannot be built on one', { field: 'gridId' });
  }
}

/** BAD_USER_INPUT unless the cadre exists, is serving (ACTIVE) and serves in the organisation's region. */
async function checkSecretary(ctx: RequestContext, cadreId: string, regionCode: string): Promise<void> {
  const cadre = await cadreLoader(ctx).load(cadreId);
  if (!cadre) throw badInput(`书记人选不是登记在册的干部：${cadreId}`, `The secretary is not a registered cadre: ${cadreId}`, { field: 'secretaryCadreId' });
  if (cadre.status !== CadreStatus.ACTIVE) {
    throw badInput(`书记人选${cadre.name}不在职（${cadre.status}）`, `The secretary ${cadre.name} is not serving (${cadre.status})`, {
      field: 'secretaryCadreId',
      status: cadre.status,
    });
  }
  const serves = levelOf(regionCode) === RegionLevel.VILLAGE ? cadre.villageCode === regionCode : cadre.villageCode.startsWith(regionCode.slice(0, 9));
  if (!serves) {
    throw badInput(`书记人选${cadre.name}不在${regionCode}任职`, `The secretary ${cadre.name} does not serve in ${regionCode}`, {
      field: 'secretaryCadreId',
      villageCode: cadre.villageCode,
    });
  }
}

/** CONFLICT when another organisation is already built on the grid (the unique index catches races). */
async function checkGridFree(manager: EntityManager, gridId: string, self: string | null): Promise<void> {
  const holder = await manager.findOne(PartyOrganization, { where: { gridId } });
  if (holder && holder.id !== self) {
    throw conflict(`该网格已建有党组织：${holder.name}`, `The grid already carries a Party organisation: ${holder.name}`, { field: 'gridId', organizationId: holder.id });
  }
}

/** CONFLICT when the region already has an organisation of that name (the unique index catches races). */
async function checkNameFree(manager: EntityManager, regionCode: string, name: string, self: string | null): Promise<void> {
  const holder = await manager.findOne(PartyOrganization, { where: { regionCode, name } });
  if (holder && holder.id !== self) {
    throw conflict(`${regionCode}已有同名党组织：${name}`, `${regionCode} already has an organisation named ${name}`, { field: 'name', organizationId: holder.id });
  }
}

function cleanName(name: string, field = 'name'): string {
  const clean = name.trim();
  if (!clean) throw badInput('名称不能为空', 'The name cannot be blank', { field });
  return clean;
}

/**
 * 设立党组织 creates an organisation of a village or township: the parent in the same village (or
 * the township above it) and of a higher kind, branches and groups optionally on a grid (one
 * organisation per grid), the secretary a serving cadre of that village. Managers in scope.
 */
export async function createPartyOrganization(ctx: RequestContext, input: CreatePartyOrganizationInput): Promise<PartyOrganization> {
  organizationRegion(input.regionCode);
  const regionCode = input.regionCode;
  PersonnelAccess.of(ctx).requireWrite(regionCode, MANAGER_ROLES);
  const name = cleanName(input.name);
  const parentId = input.parentId ?? null;
  const gridId = input.gridId ?? null;
  const secretaryCadreId = input.secretaryCadreId ?? null;
  if (parentId) {
    const parent = await organizationLoader(ctx).load(parentId);
    if (!parent) throw badInput(`上级党组织不存在：${parentId}`, `No such parent organisation: ${parentId}`, { field: 'parentId' });
    checkParent(parent, input.kind, regionCode);
  }
  if (gridId) checkGridKind(input.kind, regionCode);
  if (secretaryCadreId) await checkSecretary(ctx, secretaryCadreId, regionCode);
  await checkRegions(ctx.dataSource, [{ field: 'regionCode', code: regionCode, on: todayInChina() }]);
  return mutateOnce(
    ctx,
    onceById('createPartyOrganization', input, (id) => ctx.dataSource.manager.findOneByOrFail(PartyOrganization, { id })),
    { action: 'createPartyOrganization', targetType: 'PartyOrganization', regionCode, targetId: (o) => o.id, payload: { name, kind: input.kind, parentId, gridId, secretaryCadreId } },
    async (manager) => {
      await checkNameFree(manager, regionCode, name, null);
      if (gridId) await checkGridFree(manager, gridId, null);
      const org = manager.create(PartyOrganization, { countyCode: countyOf(regionCode) as string, regionCode, name, kind: input.kind, parentId, gridId, secretaryCadreId, version: 1 });
      await manager.insert(PartyOrganization, org);
      return manager.findOneByOrFail(PartyOrganization, { id: org.id });
    },
  );
}

/**
 * 修改党组织 renames an organisation, moves it onto another grid or off its grid (null), or changes
 * its secretary. A stale `expectedVersion` answers CONFLICT and writes nothing. Managers in scope.
 */
export async function updatePartyOrganization(ctx: RequestContext, input: UpdatePartyOrganizationInput): Promise<PartyOrganization> {
  const current = await readableOrganization(ctx, input.id);
  PersonnelAccess.of(ctx).requireWrite(current.regionCode, MANAGER_ROLES);
  const changes: Partial<Pick<PartyOrganization, 'name' | 'gridId' | 'secretaryCadreId'>> = {};
  if (input.name !== undefined && input.name !== null) changes.name = cleanName(input.name);
  if (input.gridId !== undefined) {
    if (input.gridId) checkGridKind(current.kind, current.regionCode);
    changes.gridId = input.gridId;
  }
  if (input.secretaryCadreId !== undefined) {
    if (input.secretaryCadreId) await checkSecretary(ctx, input.secretaryCadreId, current.regionCode);
    changes.secretaryCadreId = input.secretaryCadreId;
  }
  if (Object.keys(changes).length === 0) {
    throw badInput('没有要修改的内容（名称、网格或书记）', 'Nothing to change: give a name, a grid or a secretary', { field: 'input' });
  }
  if (current.version !== input.expectedVersion) {
    throw staleVersion(ORGANISATION, input.expectedVersion, current.version);
  }
  return mutate(
    ctx,
    { action: 'updatePartyOrganization', targetType: 'PartyOrganization', regionCode: current.regionCode, targetId: (o) => o.id, payload: { ...changes, version: input.expectedVersion + 1 } },
    async (manager) => {
      if (changes.name) await checkNameFree(manager, current.regionCode, changes.name, current.id);
      if (changes.gridId) await checkGridFree(manager, changes.gridId, current.id);
      const result = await manager
        .createQueryBuilder()
        .update(PartyOrganization)
        .set({ ...changes, version: input.expectedVersion + 1 })
        .where('id = :id AND version = :version', { id: current.id, version: input.expectedVersion })
        .execute();
      if (!result.affected) {
        throw staleVersion(ORGANISATION, input.expectedVersion, undefined, { field: 'expectedVersion' });
      }
      return manager.findOneByOrFail(PartyOrganization, { id: current.id });
    },
  );
}

/**
 * 登记党员 registers a member with an organisation (joined not in the future; a resident is
 * registered once, else CONFLICT). Village record keepers in the organisation's scope.
 */
export async function registerPartyMember(ctx: RequestContext, input: RegisterPartyMemberInput): Promise<PartyMember> {
  const org = await readableOrganization(ctx, input.organizationId);
  PersonnelAccess.of(ctx).requireWrite(org.regionCode, VILLAGE_WRITER_ROLES);
  const name = cleanName(input.name);
  requireNotFuture(input.joinedOn, 'joinedOn', { zh: '入党日期', en: 'date joined' });
  const duty = input.duty?.trim() || null;
  const residentId = input.residentId ?? null;
  if (residentId) {
    const village = levelOf(org.regionCode) === RegionLevel.VILLAGE ? org.regionCode : undefined;
    await checkReferences(ctx.dataSource, { residents: [{ field: 'residentId', id: residentId, villageCode: village, living: true }] });
  }
  return mutateOnce(
    ctx,
    onceById('registerPartyMember', input, (id) => ctx.dataSource.manager.findOneByOrFail(PartyMember, { id })),
    {
      action: 'registerPartyMember',
      targetType: 'PartyMember',
      regionCode: org.regionCode,
      targetId: (m) => m.id,
      payload: { organizationId: org.id, residentId, joinedOn: input.joinedOn, status: input.status, duty },
    },
    async (manager) => {
      if (residentId) {
        const existing = await manager.findOne(PartyMember, { where: { residentId } });
        if (existing) {
          throw conflict(`该居民已登记为党员：${existing.name}`, `The resident is already registered as a Party member: ${existing.name}`, {
            field: 'residentId',
            memberId: existing.id,
          });
        }
      }
      const member = manager.create(PartyMember, {
        countyCode: org.countyCode,
        regionCode: org.regionCode,
        organizationId: org.id,
        residentId,
        name,
        joinedOn: input.joinedOn,
        status: input.status,
        mobile: false,
        currentLocation: null,
        duty,
        points: 0,
        version: 1,
      });
      await manager.insert(PartyMember, member);
      return manager.findOneByOrFail(PartyMember, { id: member.id });
    },
  );
}

/** Sets or clears a member's 流动党员 flag under optimistic locking. */
async function setMobile(ctx: RequestContext, memberId: string, expectedVersion: number, currentLocation: string | null): Promise<PartyMember> {
  const member = await readableMember(ctx, memberId);
  PersonnelAccess.of(ctx).requireWrite(member.regionCode, VILLAGE_WRITER_ROLES);
  const mobile = currentLocation !== null;
  if (!mobile && !member.mobile) {
    throw badInput(`${member.name}不是流动党员`, `${member.name} is not registered as a mobile member`, { field: 'memberId' });
  }
  if (member.version !== expectedVersion) {
    throw staleVersion(MEMBER, expectedVersion, member.version);
  }
  return mutate(
    ctx,
    {
      action: mobile ? 'registerMobileMember' : 'returnMobileMember',
      targetType: 'PartyMember',
      regionCode: member.regionCode,
      targetId: (m) => m.id,
      payload: { currentLocation, version: expectedVersion + 1 },
    },
    async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(PartyMember)
        .set({ mobile, currentLocation, version: expectedVersion + 1 })
        .where('id = :id AND version = :version', { id: member.id, version: expectedVersion })
        .execute();
      if (!result.affected) throw staleVersion(MEMBER, expectedVersion, undefined, { field: 'expectedVersion' });
      return manager.findOneByOrFail(PartyMember, { id: member.id });
    },
  );
}

/** 流动党员登记 marks a member as working away; the membership stays with the origin organisation. */
export function registerMobileMember(ctx: RequestContext, input: RegisterMobileMemberInput): Promise<PartyMember> {
  const location = input.currentLocation.trim();
  if (!location) throw badInput('现居地不能为空', 'The current location cannot be blank', { field: 'currentLocation' });
  return setMobile(ctx, input.memberId, input.expectedVersion, location);
}

/** 流动党员返乡 clears the mobile flag. */
export function returnMobileMember(ctx: RequestContext, input: ReturnMobileMemberInput): Promise<PartyMember> {
  return setMobile(ctx, input.memberId, input.expectedVersion, null);
}

/**
 * 党员积分 records one ledger entry and moves the balance by it in the same transaction, in SQL
 * (`points = points + n`) so concurrent entries never lose one another. The balance is a ledger
 * total, not an edit: it does not bump the member's version. Village record keepers in scope.
 */
export async function recordMemberPoints(ctx: RequestContext, input: RecordMemberPointsInput): Promise<PartyPointEntry> {
  const member = await readableMember(ctx, input.memberId);
  PersonnelAccess.of(ctx).requireWrite(member.regionCode, VILLAGE_WRITER_ROLES);
  requireNotFuture(input.date, 'date', { zh: '积分日期', en: 'date' });
  const reason = input.reason.trim();
  if (!reason) throw badInput('事由不能为空', 'The reason cannot be blank', { field: 'reason' });
  return mutateOnce(
    ctx,
    onceById('recordMemberPoints', input, (id) => ctx.dataSource.manager.findOneByOrFail(PartyPointEntry, { id })),
    {
      action: 'recordMemberPoints',
      targetType: 'PartyMember',
      regionCode: member.regionCode,
      targetId: () => member.id,
      payload: { date: input.date, points: input.points, reason },
    },
    async (manager) => {
      const entry = manager.create(PartyPointEntry, {
        countyCode: member.countyCode,
        memberId: member.id,
        entryDate: input.date,
        points: input.points,
        reason,
        recordedBy: ctx.actor.id,
      });
      await manager.insert(PartyPointEntry, entry);
      await manager.query('UPDATE party_member SET points = points + $1 WHERE id = $2', [input.points, member.id]);
      return manager.findOneByOrFail(PartyPointEntry, { id: entry.id });
    },
  );
}

/** 党员名册 members under a region (narrowed to the caller's scope), optionally of one organisation or only mobile ones. */
export async function listPartyMembers(ctx: RequestContext, args: PartyMembersArgs): Promise<ConnectionShape<PartyMember>> {
  assertRegionCode(args.regionCode, 'regionCode');
  const prefix = PersonnelAccess.of(ctx).listPrefix(args.regionCode);
  if (prefix === null) return emptyConnection();
  if (args.after) decodeMemberCursor(args.after);
  const qb = ctx.dataSource.getRepository(PartyMember).createQueryBuilder('m').where('m.region_code LIKE :prefix', { prefix: `${prefix}%` });
  if (args.organizationId) qb.andWhere('m.organization_id = :org', { org: args.organizationId });
  if (args.mobile !== undefined && args.mobile !== null) qb.andWhere('m.mobile = :mobile', { mobile: args.mobile });
  return paginate(qb, { first: args.first, after: args.after }, MEMBER_KEYS);
}
