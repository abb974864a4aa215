import { badInput, notFound, type RequestContext, type RuleViolation } from '@xiangzhi/kernel';
import { type CandidateFacts, eligibilityPolicyPoint, type EducationLevel, type KinRelation, type ServingRelative } from '@xiangzhi/personnel-api';
import type { EntityManager } from 'typeorm';
import type { Post } from '../post/post.entity';
import { Cadre, CadreStatus, type DeclaredRelative, type Gender } from './cadre.entity';
import type { CandidateInput } from './cadre.inputs';

/** The person an eligibility check or an appointment is about, whether already a cadre or not. */
export interface Candidate {
  /** The existing cadre record (`cadreId`), or null for a new person. */
  existing: Cadre | null;
  name: string;
  gender: Gender;
  birthDate: string;
  educationLevel: EducationLevel;
  partyJoinDate: string | null;
  residentId: string | null;
  closeRelatives: DeclaredRelative[];
}

/** What the eligibility check found: every failed rule (stamped with the policy) and the facts it used. */
export interface EligibilityOutcome {
  source: string;
  violations: RuleViolation[];
  reappointment: boolean;
  servingRelatives: ServingRelative[];
  candidate: Candidate;
}

const PERSON_FIELDS = ['name', 'gender', 'birthDate', 'educationLevel', 'partyJoinDate', 'residentId', 'closeRelatives'] as const;
const REQUIRED_FOR_NEW = ['name', 'gender', 'birthDate', 'educationLevel'] as const;

const lower = (id: string | null | undefined): string | null => (id ? id.toLowerCase() : null);

/**
 * The candidate of `input`: the existing cadre (`cadreId`: must exist, serve in the post's village
 * and be ACTIVE; the person's facts come from the record) or a new person (name, gender, birth
 * date and education required; a resident who already serves must be named by `cadreId`).
 */
export async function resolveCandidate(manager: EntityManager, input: CandidateInput, post: Post): Promise<Candidate> {
  if (input.cadreId) {
    const given = PERSON_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null);
    if (given.length > 0) {
      throw badInput(
        `给出已有干部（cadreId）时不再填写个人信息：${given.join('、')}`,
        `Give either an existing cadre (cadreId) or the person’s facts, not both: ${given.join(', ')}`,
        { field: given[0] },
      );
    }
    const cadre = await manager.findOneBy(Cadre, { id: input.cadreId });
    if (!cadre) throw notFound('干部', 'Cadre', input.cadreId);
    if (cadre.villageCode !== post.villageCode) {
      // Say only that the cadre does not serve here: where they serve may lie outside the caller's scope.
      throw badInput(`该干部不在本村（${post.villageCode}）任职，不能任本村岗位`, `The cadre does not serve in ${post.villageCode}, so cannot take its posts`, { field: 'cadreId' });
    }
    if (cadre.status !== CadreStatus.ACTIVE) {
      throw badInput(`干部当前状态为${cadre.status}，只有在职干部可以任职`, `The cadre is ${cadre.status}; only an ACTIVE cadre can be appointed`, { field: 'cadreId' });
    }
    return {
      existing: cadre,
      name: cadre.name,
      gender: cadre.gender,
      birthDate: cadre.birthDate,
      educationLevel: cadre.educationLevel,
      partyJoinDate: cadre.partyJoinDate,
      residentId: cadre.residentId,
      closeRelatives: cadre.closeRelatives ?? [],
    };
  }
  const missing = REQUIRED_FOR_NEW.filter((f) => input[f] === undefined || input[f] === null);
  if (missing.length > 0) {
    throw badInput(`新人选须填写：${missing.join('、')}（或给出已有干部 cadreId）`, `A new candidate needs: ${missing.join(', ')} (or give an existing cadre, cadreId)`, { field: missing[0] });
  }
  const name = (input.name as string).trim();
  if (!name) throw badInput('姓名不能为空', 'The name cannot be blank', { field: 'name' });
  const residentId = lower(input.residentId);
  if (residentId) {
    const serving = await manager
      .getRepository(Cadre)
      .createQueryBuilder('c')
      .where('c.resident_id = :residentId AND c.status <> :left', { residentId, left: CadreStatus.LEFT })
      .getOne();
    if (serving && serving.villageCode === post.villageCode) {
      throw badInput(`该居民已是本村在任干部（${serving.id}），请以 cadreId 任职`, `The resident is already a serving cadre of this village (${serving.id}); appoint them by cadreId`, { field: 'residentId', cadreId: serving.id });
    }
    if (serving) {
      // Serving elsewhere, possibly outside the caller's scope: do not say where or which record.
      throw badInput('该居民已在其他村（社区）任干部，须先离任', 'The resident already serves as a cadre of another village and must leave that post first', { field: 'residentId' });
    }
  }
  return {
    existing: null,
    name,
    gender: input.gender as Gender,
    birthDate: input.birthDate as string,
    educationLevel: input.educationLevel as EducationLevel,
    partyJoinDate: input.partyJoinDate ?? null,
    residentId,
    closeRelatives: (input.closeRelatives ?? []).map((r) => ({ name: r.name.trim(), relation: r.relation, residentId: lower(r.residentId) })),
  };
}

/** 连任 whether the candidate (their cadre record, or any record of the same resident) held a post of this category before. */
async function heldCategoryBefore(manager: EntityManager, candidate: Candidate, post: Post): Promise<boolean> {
  const cadreId = candidate.existing?.id ?? null;
  if (!cadreId && !candidate.residentId) return false;
  const [row] = (await manager.query(
    `SELECT EXISTS (
       SELECT 1 FROM post_assignment pa
         JOIN post p ON p.id = pa.post_id
         JOIN cadre c ON c.id = pa.cadre_id
        WHERE p.category = $1 AND (c.id = $2::uuid OR c.resident_id = $3::uuid)
     ) AS held`,
    [post.category, cadreId, candidate.residentId],
  )) as { held: boolean }[];
  return row?.held === true;
}

function parseRelatives(value: unknown): DeclaredRelative[] {
  const list = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? (list as DeclaredRelative[]) : [];
}

/**
 * 任职回避 cadres holding a post in the post's village who are close relatives of the candidate,
 * matched both ways: a serving cadre's resident among the candidate's declared relatives, or the
 * candidate's resident among a serving cadre's declared relatives (relation as declared).
 */
async function servingRelativesOf(manager: EntityManager, candidate: Candidate, post: Post): Promise<ServingRelative[]> {
  const declared = new Map<string, KinRelation>();
  for (const r of candidate.closeRelatives) if (r.residentId) declared.set(r.residentId.toLowerCase(), r.relation);
  const own = candidate.residentId?.toLowerCase() ?? null;
  if (declared.size === 0 && !own) return [];
  const rows = (await manager.query(
    `SELECT c.id, c.name, c.resident_id, c.close_relatives, p.title
       FROM post p JOIN cadre c ON c.id = p.holder_id
      WHERE p.village_code = $1 AND p.active AND c.status <> 'LEFT'
      ORDER BY c.name, c.id, p.code`,
    [post.villageCode],
  )) as { id: string; name: string; resident_id: string | null; close_relatives: unknown; title: string }[];
  const found = new Map<string, ServingRelative>();
  for (const row of rows) {
    if (row.id === candidate.existing?.id) continue;
    let relation = row.resident_id ? declared.get(row.resident_id.toLowerCase()) : undefined;
    if (!relation && own) relation = parseRelatives(row.close_relatives).find((r) => r.residentId?.toLowerCase() === own)?.relation;
    if (!relation) continue;
    const seen = found.get(row.id);
    if (seen) seen.postTitle = `${seen.postTitle}、${row.title}`;
    else found.set(row.id, { cadreId: row.id, name: row.name, relation, postTitle: row.title });
  }
  return [...found.values()];
}

/**
 * 党纪政务处分 still in effect on `asOf` on the candidate: on their cadre record, or on any record of the
 * same resident (a former cadre of another village). Such a sanction is the disqualifying situation
 * `PARTY_DISCIPLINE` (受党纪政务处分尚在影响期内) of the baseline and the county models.
 */
async function disciplineInEffect(manager: EntityManager, candidate: Candidate, asOf: string): Promise<boolean> {
  const cadreId = candidate.existing?.id ?? null;
  if (!cadreId && !candidate.residentId) return false;
  const [row] = (await manager.query(
    `SELECT EXISTS (
       SELECT 1 FROM disciplinary_sanction d JOIN cadre c ON c.id = d.cadre_id
        WHERE (c.id = $1::uuid OR c.resident_id = $2::uuid) AND d.decided_on <= $3 AND (d.effect_ends_on IS NULL OR d.effect_ends_on > $3)
     ) AS found`,
    [cadreId, candidate.residentId, asOf],
  )) as { found: boolean }[];
  return row?.found === true;
}

/** The situation a disciplinary sanction in effect raises. */
export const DISCIPLINE_SITUATION = 'PARTY_DISCIPLINE';

/**
 * 任职资格审查 the eligibility check shared by `checkEligibility` (a query) and `appointCadre`: the
 * county's eligibility policy applied to the candidate's facts, re-appointment and serving
 * relatives. Reads only (with `manager`: the request's, or the appointment's transaction).
 */
export async function evaluateEligibility(
  ctx: RequestContext,
  manager: EntityManager,
  input: CandidateInput,
  post: Post,
  asOf: string,
): Promise<EligibilityOutcome> {
  const candidate = await resolveCandidate(manager, input, post);
  const reappointment = await heldCategoryBefore(manager, candidate, post);
  const servingRelatives = await servingRelativesOf(manager, candidate, post);
  const disciplined = await disciplineInEffect(manager, candidate, asOf);
  const facts: CandidateFacts = {
    birthDate: candidate.birthDate,
    educationLevel: candidate.educationLevel,
    partyMember: candidate.partyJoinDate !== null,
    partyJoinDate: candidate.partyJoinDate,
    situations: [...new Set([...input.situations.map((s) => s.trim()).filter(Boolean), ...(disciplined ? [DISCIPLINE_SITUATION] : [])])],
    vetting: input.vetting.map((v) => ({ department: v.department.trim(), passed: v.passed, note: v.note ?? null })),
    reappointment,
    exceptional: input.exceptional,
  };
  const { policy, source } = ctx.policies.resolve(eligibilityPolicyPoint, post.villageCode);
  const violations = policy
    .check(facts, { post: { code: post.code, title: post.title, category: post.category, villageCode: post.villageCode }, asOf, servingRelatives })
    .map((v) => ({ ...v, source }));
  return { source, violations, reappointment, servingRelatives, candidate };
}
