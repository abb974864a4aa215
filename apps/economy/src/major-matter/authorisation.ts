import { badInput, isUuid, type RequestContext } from '@xiangzhi/kernel';
import { majorMatterPolicyPoint, type MajorMatterSubject } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';

/** An act that may need an adopted major matter (四议两公开) of its village. */
export interface AuthorisationRequest {
  /** The village the act is for (12-digit code). */
  villageCode: string;
  /** What the act is. */
  subject: MajorMatterSubject;
  /** Its amount in fen (a contract's total over its term, a distribution's surplus, a project's funding). */
  amountFen: bigint;
  /** The major matter the caller names as authorising it. */
  matterId?: string | null;
  /** The input field that carries `matterId`, named in errors (default `majorMatterId`). */
  field?: string;
}

const SUBJECT_TITLES: Record<MajorMatterSubject, { zh: string; en: string }> = {
  DISTRIBUTION: { zh: '收益分配', en: 'distribution' },
  CONTRACT: { zh: '合同', en: 'contract' },
  PROJECT: { zh: '项目', en: 'project' },
};

function yuan(fen: bigint): string {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  return `${neg ? '-' : ''}${(abs / 100n).toString()}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/**
 * Refuses (BAD_USER_INPUT) an act above the county's amount threshold (`economy.majorMatter` policy
 * resolved for the village's county, `thresholdFen(subject)`) without an adopted major matter of that
 * village authorising that subject. Rules: `MAJOR_MATTER_REQUIRED` (no matter named),
 * `MAJOR_MATTER_NOT_FOUND`, `MAJOR_MATTER_OTHER_VILLAGE`, `MAJOR_MATTER_OTHER_SUBJECT`,
 * `MAJOR_MATTER_NOT_ADOPTED` (resolution not (yet) passed, or rejected), `MAJOR_MATTER_AMOUNT_EXCEEDED`
 * (the act is larger than the amount the matter was adopted for). An act at or below the threshold
 * passes whatever `matterId` says. Reads with the caller's transaction manager (locks the matter row
 * `FOR SHARE` so that it cannot change before the caller commits); writes nothing.
 *
 * Takes the request context first (`ctx`, for `ctx.policies`): call it as
 * `await requireAdoptedMatter(ctx, manager, { villageCode, subject: 'DISTRIBUTION', amountFen, matterId, field: 'input.majorMatterId' })`.
 */
export async function requireAdoptedMatter(ctx: Pick<RequestContext, 'policies'>, manager: EntityManager, request: AuthorisationRequest): Promise<void> {
  const field = request.field ?? 'majorMatterId';
  const subject = SUBJECT_TITLES[request.subject];
  const threshold = ctx.policies.get(majorMatterPolicyPoint, request.villageCode).thresholdFen(request.subject);
  if (request.amountFen <= threshold) return;
  const matterId = request.matterId ?? null;
  const over = { zh: `${subject.zh}金额 ${yuan(request.amountFen)} 元超过本县四议两公开门槛 ${yuan(threshold)} 元`, en: `the ${subject.en} amount ${yuan(request.amountFen)} CNY is above the county's major-matter threshold of ${yuan(threshold)} CNY` };
  if (matterId === null) {
    throw badInput(`${over.zh}，须经已通过的四议两公开事项授权：${field} 未给出`, `${over.en}: an adopted major matter (四议两公开) must authorise it; ${field} is missing`, {
      field,
      rule: 'MAJOR_MATTER_REQUIRED',
      value: null,
    });
  }
  const rows = isUuid(matterId)
    ? ((await manager.query(`SELECT village_code, subject, outcome, amount_fen::text AS amount_fen FROM major_matter WHERE id = $1 FOR SHARE`, [matterId])) as {
        village_code: string;
        subject: MajorMatterSubject;
        outcome: string;
        amount_fen: string;
      }[])
    : [];
  const matter = rows[0];
  if (!matter) {
    throw badInput(`四议两公开事项不存在：${field} = ${matterId}`, `No such major matter: ${field} = ${matterId}`, { field, rule: 'MAJOR_MATTER_NOT_FOUND', value: matterId });
  }
  if (matter.village_code !== request.villageCode) {
    throw badInput(
      `四议两公开事项属于另一个村（${matter.village_code}），不能授权本村（${request.villageCode}）的${subject.zh}：${field} = ${matterId}`,
      `The major matter belongs to another village (${matter.village_code}) and cannot authorise a ${subject.en} of ${request.villageCode}: ${field} = ${matterId}`,
      { field, rule: 'MAJOR_MATTER_OTHER_VILLAGE', value: matterId },
    );
  }
  if (matter.subject !== request.subject) {
    throw badInput(
      `四议两公开事项授权的是${SUBJECT_TITLES[matter.subject].zh}，不是${subject.zh}：${field} = ${matterId}`,
      `The major matter authorises a ${SUBJECT_TITLES[matter.subject].en}, not a ${subject.en}: ${field} = ${matterId}`,
      { field, rule: 'MAJOR_MATTER_OTHER_SUBJECT', value: matterId },
    );
  }
  if (matter.outcome !== 'ADOPTED') {
    throw badInput(
      `${over.zh}，所引四议两公开事项尚未经村民（代表）会议决议通过（${matter.outcome === 'REJECTED' ? '已被否决' : '程序未完成'}）：${field} = ${matterId}`,
      `${over.en}, and the major matter named has not been adopted by a villagers' (representatives') meeting (${matter.outcome === 'REJECTED' ? 'it was rejected' : 'its procedure is not complete'}): ${field} = ${matterId}`,
      { field, rule: 'MAJOR_MATTER_NOT_ADOPTED', value: matterId },
    );
  }
  const authorised = BigInt(matter.amount_fen);
  if (request.amountFen > authorised) {
    throw badInput(
      `${subject.zh}金额 ${yuan(request.amountFen)} 元超过四议两公开事项决议的金额 ${yuan(authorised)} 元：${field} = ${matterId}`,
      `The ${subject.en} amount ${yuan(request.amountFen)} CNY is above the ${yuan(authorised)} CNY the major matter was adopted for: ${field} = ${matterId}`,
      { field, rule: 'MAJOR_MATTER_AMOUNT_EXCEEDED', value: matterId },
    );
  }
}
