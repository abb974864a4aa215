import { checkReferences } from '@xiangzhi/grids-api';
import { badInput, byKey, forbidden, hasRole, isUuid, mutate, mutateOnce, policyViolation, Role, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { legalAidPolicyPoint, LegalAidMatterKind, type LegalAidPolicy } from '@xiangzhi/legal-api';
import type DataLoader from 'dataloader';
import { In } from 'typeorm';
import { LEGAL_MANAGER_ROLES, LEGAL_WRITER_ROLES, LegalAccess, missing, staleVersion, visibleOnly, yuanToFen } from '../shared/access';
import { LegalAidApplication, LegalAidStatus } from './aid.entity';
import type { ApplyForLegalAidInput, DecideLegalAidInput } from './aid.inputs';

const APPLICATION = { zh: '法律援助申请', en: 'Legal-aid application' };

/** The legal-aid policy of a village's county. */
export function legalAidPolicyFor(ctx: Pick<RequestContext, 'policies'>, villageCode: string): { policy: LegalAidPolicy; source: string } {
  return ctx.policies.resolve(legalAidPolicyPoint, villageCode);
}

export function applicationLoader(ctx: RequestContext): DataLoader<string, LegalAidApplication | null> {
  return ctx.loaders.get<string, LegalAidApplication | null>('legal:aidApplication', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = byKey(ids, valid.length ? await ctx.dataSource.getRepository(LegalAidApplication).findBy({ id: In(valid) }) : [], (a) => a.id);
    return visibleOnly(ctx, rows, (a) => a.villageCode, (a) => a.applicantResidentId);
  });
}

/** A resident's applications, newest first, within the caller's scope (a resident sees their own). */
export function applicationsByResidentLoader(ctx: RequestContext): DataLoader<string, LegalAidApplication[]> {
  return ctx.loaders.get<string, LegalAidApplication[]>('legal:aidByResident', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await ctx.dataSource.getRepository(LegalAidApplication).find({ where: { applicantResidentId: In(valid) }, order: { appliedOn: 'DESC', id: 'ASC' } })
      : [];
    const access = LegalAccess.of(ctx);
    return ids.map((id) =>
      rows.filter((a) => a.applicantResidentId === id.toLowerCase() && access.canSee(a.villageCode) && (!access.residentOnly || a.applicantResidentId === access.ownResidentId)),
    );
  });
}

/** 申请 files an application; the county's policy assesses it at once (stored with it). */
export async function applyForLegalAid(ctx: RequestContext, input: ApplyForLegalAidInput): Promise<LegalAidApplication> {
  const resident = (await ctx.dataSource.query(`SELECT village_code FROM resident_ref WHERE id = $1::uuid`, [input.applicantResidentId])) as { village_code: string }[];
  const villageCode = resident[0]?.village_code ?? ctx.actor.scope;
  const access = LegalAccess.of(ctx);
  if (hasRole(ctx.actor, Role.RESIDENT) && !hasRole(ctx.actor, ...LEGAL_WRITER_ROLES)) {
    if (ctx.actor.residentId !== input.applicantResidentId) throw forbidden('居民只能为本人申请法律援助', 'A resident may apply for legal aid for themselves only');
  } else {
    access.requireWrite(villageCode, LEGAL_WRITER_ROLES);
  }
  await checkReferences(ctx.dataSource, { residents: [{ field: 'input.applicantResidentId', id: input.applicantResidentId, villageCode, living: true }] });
  const catalogued = input.kind === LegalAidMatterKind.NOTARISATION || input.kind === LegalAidMatterKind.FORENSIC_APPRAISAL;
  if (catalogued && !input.catalogueCode) {
    throw badInput('免费公证、司法鉴定须填写目录代码：catalogueCode 未给出', 'Notarisation and forensic appraisal need a catalogue code: catalogueCode is missing', {
      field: 'input.catalogueCode',
      rule: 'CATALOGUE_CODE_REQUIRED',
      value: null,
    });
  }
  const income = input.monthlyIncomePerHead ? yuanToFen(input.monthlyIncomePerHead, 'input.monthlyIncomePerHead') : null;
  const { policy, source } = legalAidPolicyFor(ctx, villageCode);
  const assessment = policy.assess({ villageCode, basis: input.basis, kind: input.kind, catalogueCode: catalogued ? (input.catalogueCode ?? null) : null, monthlyIncomePerHeadFen: income });
  const repo = () => ctx.dataSource.getRepository(LegalAidApplication);
  return mutateOnce(
    ctx,
    { operation: 'applyForLegalAid', key: input.idempotencyKey, input, idOf: (a: LegalAidApplication) => a.id, replay: async (id) => repo().findOneByOrFail({ id }) },
    { action: 'applyForLegalAid', targetType: 'LegalAidApplication', targetId: (a) => a.id, regionCode: villageCode, payload: { kind: input.kind, basis: input.basis, eligible: assessment.eligible } },
    async (manager) =>
      manager.getRepository(LegalAidApplication).save(
        manager.getRepository(LegalAidApplication).create({
          villageCode,
          applicantResidentId: input.applicantResidentId,
          matter: input.matter,
          kind: input.kind,
          catalogueCode: catalogued ? (input.catalogueCode ?? null) : null,
          basis: input.basis,
          monthlyIncomePerHeadFen: income === null ? null : income.toString(),
          assessment,
          policySource: source,
          status: LegalAidStatus.PENDING,
          decisionReasons: null,
          decidedBy: null,
          decidedOn: null,
          appliedOn: todayInChina(),
        }),
      ),
  );
}

/**
 * 审批 decides an application: reasons are required; aid the county's policy found ineligible
 * cannot be granted (POLICY_VIOLATION listing the policy's reasons).
 */
export async function decideLegalAid(ctx: RequestContext, input: DecideLegalAidInput): Promise<LegalAidApplication> {
  if (input.reasons.length === 0) {
    throw badInput('法律援助审批须附理由（至少一条规则代码与说明）：reasons 为空', 'A legal-aid decision needs reasons (at least one rule code and sentence): reasons is empty', {
      field: 'input.reasons',
      rule: 'DECISION_REASONS_REQUIRED',
      value: null,
    });
  }
  return mutate(ctx, { action: 'decideLegalAid', targetType: 'LegalAidApplication', targetId: (a) => a.id, payload: { granted: input.granted, reasons: input.reasons.map((r) => r.rule) } }, async (manager) => {
    const a = await manager.getRepository(LegalAidApplication).createQueryBuilder('a').setLock('pessimistic_write').where('a.id = :id', { id: input.applicationId }).getOne();
    if (!a || !LegalAccess.of(ctx).canSee(a.villageCode)) throw missing(APPLICATION, input.applicationId);
    LegalAccess.of(ctx).requireWrite(a.villageCode, LEGAL_MANAGER_ROLES);
    if (a.version !== input.expectedVersion) throw staleVersion(APPLICATION, input.expectedVersion, a.version);
    if (a.status !== LegalAidStatus.PENDING) {
      throw badInput(`该申请已审批（${a.status}）：applicationId = ${a.id}`, `The application was already decided (${a.status}): applicationId = ${a.id}`, {
        field: 'input.applicationId',
        rule: 'ALREADY_DECIDED',
        value: a.id,
      });
    }
    if (input.granted && !a.assessment.eligible) {
      throw policyViolation(a.assessment.reasons.filter((r) => !['MEANS_TEST_PASSED', 'MEANS_TEST_WAIVED', 'IN_FEE_WAIVER_CATALOGUE'].includes(r.rule)).map((r) => ({ ...r, source: a.policySource })));
    }
    const decisionReasons = input.reasons.map((r) => ({ rule: r.rule, zh: r.note, en: r.note }));
    const decidedOn = todayInChina();
    await manager.query(`UPDATE legal_aid_application SET status = $2, decision_reasons = $3::jsonb, decided_by = $4, decided_on = $5, version = version + 1 WHERE id = $1`, [
      a.id,
      input.granted ? LegalAidStatus.GRANTED : LegalAidStatus.REFUSED,
      JSON.stringify(decisionReasons),
      ctx.actor.id,
      decidedOn,
    ]);
    return manager.create(LegalAidApplication, { ...a, status: input.granted ? LegalAidStatus.GRANTED : LegalAidStatus.REFUSED, decisionReasons, decidedBy: ctx.actor.id, decidedOn, version: a.version + 1 });
  });
}
