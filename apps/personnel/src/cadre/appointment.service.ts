import { badInput, conflict, countyOf, isUniqueViolation, mutate, mutateOnce, notFound, onceById, policyViolation, type RequestContext, type Role } from '@xiangzhi/kernel';
import { DepartureType, honorPolicyPoint, rankPolicyPoint, yearsBetween } from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import { Post, PostAssignment } from '../post/post.entity';
import { checkReferences } from '@xiangzhi/grids-api';
import { MANAGER_ROLES, PersonnelAccess } from '../shared/access';
import { requireNotFuture } from '../shared/checks';
import { stamp } from '../shared/decision';
import { lockCadreRow } from '../shared/locks';
import { staleVersion } from '../shared/stale';
import { cadreLoader, postLoader } from '../shared/loaders';
import { recordEvent } from '../shared/outbox';
import { Cadre, CadreStatus, Talent, TalentStatus } from './cadre.entity';
import type { AppointCadreInput, CheckEligibilityInput, DischargeCadreInput } from './cadre.inputs';
import { AppointmentResult, DepartureHonor, DischargeResult, EligibilityResult, RuleViolationView } from './cadre.types';
import { evaluateEligibility } from './eligibility.service';
import { talentLoader } from './cadre.loaders';
import { todayInChina } from './today';

const DEPARTURE_ZH: Record<DepartureType, string> = {
  NORMAL: '正常离任',
  RESIGNED: '辞职',
  DISMISSED: '免职',
  HARD_EXIT: '刚性退出',
  DECEASED: '在职去世',
};

/** A post the caller may manage (appoint to, edit): NOT_FOUND, or FORBIDDEN outside scope or without a manager role. */
export async function managedPost(ctx: RequestContext, postId: string): Promise<Post> {
  const post = await postLoader(ctx).load(postId);
  if (!post) throw notFound('岗位', 'Post', postId);
  PersonnelAccess.of(ctx).requireWrite(post.villageCode, MANAGER_ROLES);
  return post;
}

/** 任职资格审查 (query): every failed rule of the county's eligibility policy; writes nothing. */
export async function checkEligibility(ctx: RequestContext, input: CheckEligibilityInput): Promise<EligibilityResult> {
  const post = await managedPost(ctx, input.postId);
  const outcome = await evaluateEligibility(ctx, ctx.dataSource.manager, input, post, input.asOf ?? todayInChina());
  return Object.assign(new EligibilityResult(), {
    eligible: outcome.violations.length === 0,
    policy: outcome.source,
    reappointment: outcome.reappointment,
    violations: outcome.violations.map((v) => Object.assign(new RuleViolationView(), { rule: v.rule, zh: v.zh, en: v.en, policy: v.source ?? outcome.source })),
  });
}

function vacancyConflict(post: Post, holder: Cadre | null) {
  const who = holder ? `${holder.name}（${holder.id}）` : (post.holderId ?? '');
  return conflict(`岗位「${post.title}」已由${who}担任，须先免职`, `Post “${post.title}” is held by ${holder ? holder.name : 'someone'} (${post.holderId}); discharge them first`, {
    holderId: post.holderId,
    holderName: holder?.name ?? null,
  });
}

/** Checks (with the transaction's manager) that the post is active, vacant and, when asked, still at the version read. */
async function requireVacantPost(manager: EntityManager, post: Post, expectedVersion: number | null | undefined): Promise<Post> {
  const current = await manager.findOneBy(Post, { id: post.id });
  if (!current) throw notFound('岗位', 'Post', post.id);
  if (!current.active) throw conflict(`岗位「${current.title}」已停用`, `Post “${current.title}” is no longer active`, { postId: current.id });
  if (expectedVersion && current.version !== expectedVersion) {
    throw staleVersion({ zh: '岗位', en: 'post' }, expectedVersion, current.version);
  }
  if (current.holderId) throw vacancyConflict(current, await manager.findOneBy(Cadre, { id: current.holderId }));
  return current;
}

/**
 * 任职 appoints a candidate to a vacant post: the same eligibility check as `checkEligibility`
 * (POLICY_VIOLATION listing every failed rule, before anything is written), then the cadre record
 * (new, or the existing ACTIVE one), an open assignment with the vetting, the post's holder and the
 * talent-pool entry, in one transaction. A stale post version, a post already held or a concurrent
 * appointment to the same post is a CONFLICT.
 */
export async function appointCadre(ctx: RequestContext, input: AppointCadreInput): Promise<AppointmentResult> {
  const post = await managedPost(ctx, input.postId);
  requireNotFuture(input.startDate, 'startDate', { zh: '任职起始日期', en: 'start date' });
  const access = PersonnelAccess.of(ctx);
  if (input.talentId) {
    const talent = await talentLoader(ctx).load(input.talentId);
    if (!talent) throw notFound('人才库人员', 'Talent-pool entry', input.talentId);
    access.requireVisible(talent.villageCode);
    if (talent.status !== TalentStatus.ACTIVE) {
      throw badInput(`人才库人员状态为${talent.status}，不能任用`, `The talent-pool entry is ${talent.status} and cannot be appointed`, { field: 'talentId' });
    }
  }
  const village = post.villageCode;
  await checkReferences(ctx.dataSource, {
    regions: [{ field: 'postId', code: village, on: input.startDate }],
    residents: [
      ...(input.residentId ? [{ field: 'residentId', id: input.residentId, living: true }] : []),
      ...(input.closeRelatives ?? []).flatMap((r, i) => (r.residentId ? [{ field: `closeRelatives[${i}].residentId`, id: r.residentId }] : [])),
    ],
  });
  try {
    return await mutateOnce(
      ctx,
      onceById(
        'appointCadre',
        input,
        async (id) => {
          const assignment = await ctx.dataSource.manager.findOneByOrFail(PostAssignment, { id });
          const [cadre, post] = await Promise.all([ctx.dataSource.manager.findOneByOrFail(Cadre, { id: assignment.cadreId }), ctx.dataSource.manager.findOneByOrFail(Post, { id: assignment.postId })]);
          return Object.assign(new AppointmentResult(), { cadre, post, assignment });
        },
        (r) => r.assignment.id,
      ),
      { action: 'appointCadre', targetType: 'Cadre', regionCode: village, targetId: (r) => r.cadre.id, payload: { postId: post.id, startDate: input.startDate, talentId: input.talentId ?? null } },
      async (manager) => {
        const current = await requireVacantPost(manager, post, input.expectedPostVersion);
        // an existing cadre is read under its row lock: a discharge committed meanwhile is seen, one
        // starting now waits for this appointment (and then ends it with the cadre's other posts)
        if (input.cadreId) await lockCadreRow(manager, input.cadreId);
        const outcome = await evaluateEligibility(ctx, manager, input, current, input.startDate);
        if (outcome.violations.length > 0) throw policyViolation(outcome.violations);
        const c = outcome.candidate;
        let cadre: Cadre;
        if (c.existing) {
          const fullTime = c.existing.fullTime || current.fullTime;
          const updates: Partial<Cadre> = fullTime !== c.existing.fullTime ? { fullTime } : {};
          if (input.talentId) updates.talentId = input.talentId;
          if (Object.keys(updates).length > 0) {
            const done = await manager
              .createQueryBuilder()
              .update(Cadre)
              .set({ ...updates, version: () => 'version + 1' })
              .where('id = :id AND version = :version', { id: c.existing.id, version: c.existing.version })
              .execute();
            if (!done.affected) throw staleCadre(undefined, c.existing.version);
          }
          cadre = (await manager.findOneBy(Cadre, { id: c.existing.id })) as Cadre;
        } else {
          cadre = await manager.save(
            manager.create(Cadre, {
              countyCode: countyOf(village) as string,
              villageCode: village,
              residentId: c.residentId,
              name: c.name,
              gender: c.gender,
              birthDate: c.birthDate,
              educationLevel: c.educationLevel,
              partyMember: c.partyJoinDate !== null,
              partyJoinDate: c.partyJoinDate,
              status: CadreStatus.ACTIVE,
              fullTime: current.fullTime,
              serviceStart: input.startDate,
              closeRelatives: c.closeRelatives,
              rankLevel: ctx.policies.get(rankPolicyPoint, village).initialLevel(),
              talentId: input.talentId ?? null,
              departureType: null,
              departureDate: null,
              departureReason: null,
              honor: null,
              honorPayment: null,
            }),
          );
        }
        const assignment = await manager.save(
          manager.create(PostAssignment, {
            countyCode: current.countyCode,
            villageCode: village,
            postId: current.id,
            cadreId: cadre.id,
            startDate: input.startDate,
            endDate: null,
            endReason: null,
            vetting: { policy: outcome.source, departments: input.vetting.map((v) => ({ department: v.department.trim(), passed: v.passed, note: v.note ?? null })) },
          }),
        );
        const held = await manager
          .createQueryBuilder()
          .update(Post)
          .set({ holderId: cadre.id, version: () => 'version + 1' })
          .where('id = :id AND version = :version AND holder_id IS NULL', { id: current.id, version: current.version })
          .execute();
        if (!held.affected) throw conflict('岗位已被他人修改或已有人任职，请刷新后重试', 'The post was changed or filled by someone else; reload and retry', { postId: current.id });
        if (input.talentId) {
          const taken = await manager
            .createQueryBuilder()
            .update(Talent)
            .set({ status: TalentStatus.APPOINTED, cadreId: cadre.id, version: () => 'version + 1' })
            .where('id = :id AND status = :active', { id: input.talentId, active: TalentStatus.ACTIVE })
            .execute();
          if (!taken.affected) throw conflict('人才库人员已被任用或出库', 'The talent-pool entry was appointed or removed meanwhile', { talentId: input.talentId });
        }
        await recordEvent(manager, 'personnel.cadre.appointed', { cadreId: cadre.id, postId: current.id, villageCode: village, date: input.startDate });
        const updatedPost = (await manager.findOneBy(Post, { id: current.id })) as Post;
        return Object.assign(new AppointmentResult(), { cadre, post: updatedPost, assignment });
      },
    );
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict('该岗位或该人员已被同时任职，请刷新后重试', 'The post or the person was appointed concurrently; reload and retry', { postId: post.id });
    }
    throw error;
  }
}

/** A cadre the caller may manage: NOT_FOUND, or FORBIDDEN outside scope or without one of `roles`. */
export async function managedCadre(ctx: RequestContext, cadreId: string, roles: readonly Role[] = MANAGER_ROLES): Promise<Cadre> {
  const cadre = await cadreLoader(ctx).load(cadreId);
  if (!cadre) throw notFound('干部', 'Cadre', cadreId);
  PersonnelAccess.of(ctx).requireWrite(cadre.villageCode, roles);
  return cadre;
}

export function staleCadre(current: number | undefined, expected: number) {
  return staleVersion({ zh: '干部档案', en: 'cadre record' }, expected, current);
}

/**
 * 离任 discharges a cadre: every open assignment ends, the posts fall vacant, the record is marked
 * LEFT with the departure, and the county's honour policy decides the honour from the departure
 * type, whole years of service and disciplinary sanctions (stored with the policy that decided).
 */
export async function dischargeCadre(ctx: RequestContext, input: DischargeCadreInput): Promise<DischargeResult> {
  const cadre = await managedCadre(ctx, input.cadreId);
  if (cadre.status === CadreStatus.LEFT) throw badInput(`干部已于${cadre.departureDate}离任`, `The cadre already left on ${cadre.departureDate}`, { field: 'cadreId' });
  if (cadre.version !== input.expectedVersion) throw staleCadre(cadre.version, input.expectedVersion);
  requireNotFuture(input.date, 'date', { zh: '离任日期', en: 'departure date' });
  if (input.date < cadre.serviceStart) {
    throw badInput(`离任日期不能早于任职起始日期${cadre.serviceStart}`, `The departure date cannot precede the start of service ${cadre.serviceStart}`, { field: 'date' });
  }
  const reason = input.reason.trim();
  if (!reason) throw badInput('离任原因不能为空', 'The reason cannot be blank', { field: 'reason' });
  const { policy, source } = ctx.policies.resolve(honorPolicyPoint, cadre.villageCode);
  return mutate(
    ctx,
    { action: 'dischargeCadre', targetType: 'Cadre', regionCode: cadre.villageCode, targetId: () => cadre.id, payload: { departureType: input.departureType, date: input.date } },
    async (manager) => {
      const [open] = (await manager.query(`SELECT max(start_date)::text AS latest FROM post_assignment WHERE cadre_id = $1 AND end_date IS NULL`, [cadre.id])) as { latest: string | null }[];
      if (open?.latest && input.date < open.latest) {
        throw badInput(`离任日期不能早于最近一次任职日期${open.latest}`, `The departure date cannot precede the latest appointment ${open.latest}`, { field: 'date' });
      }
      // 纪律处分 during service: sanctions an attendance policy counted as disciplinary, and the 党纪政务处分
      // recorded with a decision date from the start of service to the departure
      const [sanctions] = (await manager.query(
        `SELECT (SELECT count(*) FROM sanction WHERE cadre_id = $1 AND disciplinary)::int
              + (SELECT count(*) FROM disciplinary_sanction WHERE cadre_id = $1 AND decided_on BETWEEN $2 AND $3)::int AS n`,
        [cadre.id, cadre.serviceStart, input.date],
      )) as { n: number }[];
      const decided = policy.onDeparture({
        departureType: input.departureType,
        serviceYears: Math.max(0, yearsBetween(cadre.serviceStart, input.date)),
        disciplinarySanctions: Number(sanctions?.n ?? 0),
      });
      const honor = stamp(source, { honor: decided.honor, payment: decided.payment, rule: decided.rule, zh: decided.zh, en: decided.en });
      const done = await manager
        .createQueryBuilder()
        .update(Cadre)
        .set({
          status: CadreStatus.LEFT,
          departureType: input.departureType,
          departureDate: input.date,
          departureReason: reason,
          honor,
          honorPayment: honor.payment,
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id: cadre.id, version: input.expectedVersion })
        .execute();
      if (!done.affected) throw staleCadre(undefined, input.expectedVersion);
      await manager
        .createQueryBuilder()
        .update(PostAssignment)
        .set({ endDate: input.date, endReason: `${DEPARTURE_ZH[input.departureType]}：${reason}` })
        .where('cadre_id = :id AND end_date IS NULL', { id: cadre.id })
        .execute();
      await manager.createQueryBuilder().update(Post).set({ holderId: null, version: () => 'version + 1' }).where('holder_id = :id', { id: cadre.id }).execute();
      await recordEvent(manager, 'personnel.cadre.discharged', { cadreId: cadre.id, villageCode: cadre.villageCode, departureType: input.departureType, date: input.date });
      const left = (await manager.findOneBy(Cadre, { id: cadre.id })) as Cadre;
      return Object.assign(new DischargeResult(), { cadre: left, honor: DepartureHonor.of(honor) });
    },
  );
}
