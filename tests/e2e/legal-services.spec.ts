/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, signInternalToken, todayInChina, type Actor } from '@xiangzhi/kernel';
import { subgraph as legal } from '@xiangzhi/legal';
import { codeOf, countQueries, graphqlClient, rowCounter, startTestPlatform, TEST_SECRETS, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { buildASTSchema, isEnumType, isInputObjectType, isObjectType, parse } from 'graphql';
import { randomUUID } from 'node:crypto';

/**
 * Legal advisors and their coverage, legal aid, legal-service requests, petitions and lawsuits, the
 * 三源共治 statistics and the safe-village designations, behind the gateway beside grids.
 */
const county = '990202000000';
const townshipA = '990202101000';
const townshipB = '990202102000';
const villages = ['990202101201', '990202101202', '990202101203', '990202102201'];
const [v1, v2, v3, v4] = villages;

const admin: Actor = { id: 'svc-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const officer: Actor = { id: 'svc-officer', roles: [Role.TOWNSHIP_OFFICER], scope: townshipA };
const cadre1: Actor = { id: 'svc-cadre-1', roles: [Role.VILLAGE_CADRE], scope: v1 };
const residents = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
const resident1: Actor = { id: 'svc-resident-1', roles: [Role.RESIDENT], scope: v1, residentId: residents[0] };

let platform: TestPlatform;
const { gql, ok } = graphqlClient<Record<string, any>>(() => platform);
const rows = rowCounter(() => platform.subgraphs.legal.db.dataSource);

/** Posts straight to the legal subgraph as the gateway would (for `_entities`). */
async function subgraphQuery(actor: Actor, query: string, variables: Record<string, unknown>): Promise<any> {
  const res = await fetch(platform.subgraphs.legal.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-xz-actor': signInternalToken(actor, TEST_SECRETS.internalSecret) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}
const thisYear = Number(todayInChina().slice(0, 4));
const lastYear = thisYear - 1;

/** 1 (type) 36 (Jiangxi) 07 (city) 2015 (first practice) 1 (full-time) 0 (male) + sequence. */
const certificate = (seq: number): string => `13607201510${String(seq).padStart(6, '0')}`;

const REGISTER = `mutation($i: RegisterLegalAdvisorInput!) { registerLegalAdvisor(input: $i) { id name certificateNo maxVillages } }`;
const ASSIGN = `mutation($i: AssignLegalAdvisorInput!) { assignLegalAdvisor(input: $i) { id villageCode startDate endDate advisor { id } } }`;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, legal] });
  const { village } = testFixtures(platform);
  for (const code of villages) await village({ code });
  await platform.subgraphs.legal.db.dataSource.query(
    `INSERT INTO resident_ref (id, village_code, status) VALUES ($1, $5, 'LIVING'), ($2, $5, 'LIVING'), ($3, $6, 'LIVING'), ($4, $7, 'LIVING')`,
    [...residents, v1, v2, v4],
  );
}, 120_000);

afterAll(() => platform?.stop());

describe('一村一法律顾问', () => {
  let advisor: any;
  let busy: any;

  it('refuses a practising-certificate number of the wrong form, naming the rule, and writes nothing', async () => {
    const cases: [string, string][] = [
      ['1360720151012345', 'CERTIFICATE_FORMAT'],
      ['23607201510123456', 'CERTIFICATE_TYPE'],
      ['19907201510123456', 'CERTIFICATE_PROVINCE'],
      [`1360799991012345${'6'}`, 'CERTIFICATE_YEAR'],
      ['13607201500123456', 'CERTIFICATE_CATEGORY'],
      ['13607201512123456', 'CERTIFICATE_SEX'],
    ];
    for (const [certificateNo, rule] of cases) {
      const res = await gql(admin, REGISTER, { i: { countyCode: county, name: '刘律师', lawFirm: '某律师事务所', certificateNo } });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.certificateNo', rule, value: certificateNo });
      expect(res.errors?.[0].message).toMatch(/^律师执业证号格式不符.*\(Wrong practising-certificate number/);
    }
    expect(await rows('legal_advisor')).toBe(0);
  });

  it('assigns advisors to villages, refuses an overlapping period, and reports the villages without an advisor and advisors over their load', async () => {
    advisor = (await ok(admin, REGISTER, { i: { countyCode: county, name: '刘律师', lawFirm: '赣鄱律师事务所', certificateNo: certificate(1) } })).registerLegalAdvisor;
    busy = (await ok(admin, REGISTER, { i: { countyCode: county, name: '陈律师', lawFirm: '章贡律师事务所', certificateNo: certificate(2), maxVillages: 1 } })).registerLegalAdvisor;
    expect(codeOf(await gql(admin, REGISTER, { i: { countyCode: county, name: '重复', lawFirm: 'x', certificateNo: certificate(1) } }))).toBe('CONFLICT');
    await ok(officer, ASSIGN, { i: { advisorId: advisor.id, villageCode: v1, startDate: '2024-01-01', endDate: `${thisYear}-12-31` } });
    const before = await rows('legal_advisor_assignment');
    const overlap = await gql(officer, ASSIGN, { i: { advisorId: advisor.id, villageCode: v1, startDate: `${thisYear}-06-01` } });
    expect(overlap.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.startDate', rule: 'ASSIGNMENT_OVERLAP' });
    expect(overlap.errors?.[0].message).toContain('(The advisor already has an overlapping assignment');
    expect(await rows('legal_advisor_assignment')).toBe(before);
    // the next period, right after, is fine
    await ok(officer, ASSIGN, { i: { advisorId: advisor.id, villageCode: v1, startDate: `${thisYear + 1}-01-01`, idempotencyKey: 'assign-v1-next' } });
    await ok(officer, ASSIGN, { i: { advisorId: busy.id, villageCode: v2, startDate: '2024-01-01' } });
    await ok(admin, ASSIGN, { i: { advisorId: busy.id, villageCode: v4, startDate: '2024-01-01' } });
    const report = (await ok(admin, `query($r: String!) { legalAdvisorCoverage(regionCode: $r) { villages covered villagesWithoutAdvisor { code name } overloadedAdvisors { villages maxVillages advisor { name } } } }`, { r: county })).legalAdvisorCoverage;
    expect(report).toEqual({
      villages: 4,
      covered: 3,
      villagesWithoutAdvisor: [{ code: v3, name: '203村' }],
      overloadedAdvisors: [{ villages: 2, maxVillages: 1, advisor: { name: '陈律师' } }],
    });
    const region = await ok(cadre1, `query($c: ID!) { region(code: $c) { legalAdvisors { villageCode advisor { name lawFirm } } } }`, { c: townshipA });
    expect(region.region.legalAdvisors).toEqual([{ villageCode: v1, advisor: { name: '刘律师', lawFirm: '赣鄱律师事务所' } }]);
  });

  it('records services and reports them per month', async () => {
    const rec = `mutation($i: RecordLegalServiceInput!) { recordLegalService(input: $i) { id minutes } }`;
    await ok(cadre1, rec, { i: { advisorId: advisor.id, villageCode: v1, serviceDate: `${lastYear}-03-05`, kind: 'VISIT', minutes: 180, consultations: 6 } });
    await ok(cadre1, rec, { i: { advisorId: advisor.id, villageCode: v1, serviceDate: `${lastYear}-03-20`, kind: 'LECTURE', minutes: 90, consultations: 0 } });
    const notAssigned = await gql(admin, rec, { i: { advisorId: advisor.id, villageCode: v3, serviceDate: `${lastYear}-03-05`, kind: 'VISIT', minutes: 60 } });
    expect(notAssigned.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'ADVISOR_NOT_ASSIGNED' });
    const report = (await ok(admin, `query($a: ID!, $m: String!) { legalAdvisorMonthlyReport(advisorId: $a, month: $m) { records visits consultations hours villages { villageCode minutes } } }`, { a: advisor.id, m: `${lastYear}-03` })).legalAdvisorMonthlyReport;
    expect(report).toEqual({ records: 2, visits: 1, consultations: 6, hours: '4.5', villages: [{ villageCode: v1, minutes: 270 }] });
  });
});

describe('法律援助 and 掌上法律服务', () => {
  const APPLY = `mutation($i: ApplyForLegalAidInput!) { applyForLegalAid(input: $i) { id status eligible meansTestWaived version assessmentReasons { rule } } }`;
  const DECIDE = `mutation($i: DecideLegalAidInput!) { decideLegalAid(input: $i) { id status decidedBy decisionReasons { rule zh } } }`;

  it('assesses by the baseline: 低保 without a means test, others by income, catalogues checked; decides with reasons both ways', async () => {
    const dibao = (await ok(resident1, APPLY, { i: { applicantResidentId: residents[0], matter: '工伤赔偿代理', kind: 'REPRESENTATION', basis: 'MINIMUM_LIVING_ALLOWANCE' } })).applyForLegalAid;
    expect(dibao).toMatchObject({ status: 'PENDING', eligible: true, meansTestWaived: true, assessmentReasons: [{ rule: 'MEANS_TEST_WAIVED' }] });
    const rich = (await ok(cadre1, APPLY, { i: { applicantResidentId: residents[1], matter: '合同纠纷', kind: 'REPRESENTATION', basis: 'MEANS_TEST', monthlyIncomePerHead: '2500.00' } })).applyForLegalAid;
    expect(rich).toMatchObject({ eligible: false, meansTestWaived: false, assessmentReasons: [{ rule: 'MEANS_TEST_ABOVE_THRESHOLD' }] });
    const notary = (await ok(cadre1, APPLY, { i: { applicantResidentId: residents[1], matter: '遗嘱公证', kind: 'NOTARISATION', catalogueCode: 'WILL', basis: 'THREE_CATEGORIES' } })).applyForLegalAid;
    expect(notary.assessmentReasons.map((r: any) => r.rule)).toEqual(['MEANS_TEST_WAIVED', 'IN_FEE_WAIVER_CATALOGUE']);
    const outside = (await ok(cadre1, APPLY, { i: { applicantResidentId: residents[1], matter: '房产评估', kind: 'FORENSIC_APPRAISAL', catalogueCode: 'REAL_ESTATE', basis: 'THREE_CATEGORIES' } })).applyForLegalAid;
    expect(outside).toMatchObject({ eligible: false, assessmentReasons: [{ rule: 'MEANS_TEST_WAIVED' }, { rule: 'NOT_IN_FEE_WAIVER_CATALOGUE' }] });
    const otherVillage = await gql(resident1, APPLY, { i: { applicantResidentId: residents[1], matter: 'x', kind: 'ADVICE', basis: 'MEANS_TEST' } });
    expect(codeOf(otherVillage)).toBe('FORBIDDEN');

    const noReasons = await gql(officer, DECIDE, { i: { applicationId: dibao.id, expectedVersion: 1, granted: true, reasons: [] } });
    expect(noReasons.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reasons', rule: 'DECISION_REASONS_REQUIRED' });
    expect(await rows('legal_aid_application', `id = $1 AND status = 'PENDING'`, [dibao.id])).toBe(1);
    const granted = (await ok(officer, DECIDE, { i: { applicationId: dibao.id, expectedVersion: 1, granted: true, reasons: [{ rule: 'MEANS_TEST_WAIVED', note: '低保户，免经济困难审查' }] } })).decideLegalAid;
    expect(granted).toMatchObject({ status: 'GRANTED', decidedBy: officer.id, decisionReasons: [{ rule: 'MEANS_TEST_WAIVED', zh: '低保户，免经济困难审查' }] });
    const ineligible = await gql(officer, DECIDE, { i: { applicationId: rich.id, expectedVersion: 1, granted: true, reasons: [{ rule: 'DISCRETION', note: '酌情' }] } });
    expect(ineligible.errors?.[0].extensions).toMatchObject({ code: 'POLICY_VIOLATION', violations: [{ rule: 'MEANS_TEST_ABOVE_THRESHOLD', source: 'baseline' }] });
    const refused = (await ok(officer, DECIDE, { i: { applicationId: rich.id, expectedVersion: 1, granted: false, reasons: [{ rule: 'MEANS_TEST_ABOVE_THRESHOLD', note: '人均收入高于标准' }] } })).decideLegalAid;
    expect(refused.status).toBe('REFUSED');
    const own = await subgraphQuery(resident1, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { legalAidApplications { id status } } } }`, {
      r: [{ __typename: 'Resident', id: residents[0] }, { __typename: 'Resident', id: residents[1] }],
    });
    expect(own.data._entities).toEqual([{ legalAidApplications: [{ id: dibao.id, status: 'GRANTED' }] }, { legalAidApplications: [] }]);
    const cadreView = await subgraphQuery(cadre1, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Resident { legalAidApplications { id } } } }`, {
      r: [{ __typename: 'Resident', id: residents[1] }],
    });
    expect(cadreView.data._entities[0].legalAidApplications.map((a: any) => a.id).sort()).toEqual([rich.id, notary.id, outside.id].sort());
    const catalogue = (await ok(resident1, `query($c: String!) { legalAidCatalogue(regionCode: $c) { monthlyThreshold source notarialMatters { code } forensicKinds { code } } }`, { c: v1 })).legalAidCatalogue;
    expect(catalogue).toMatchObject({ monthlyThreshold: '1800.00', source: 'baseline' });
    expect(catalogue.notarialMatters).toHaveLength(21);
    expect(catalogue.forensicKinds).toHaveLength(5);
  });

  it('gives a one-tap request a working-day deadline and answers it', async () => {
    const req = (await ok(resident1, `mutation($i: RequestLegalServiceInput!) { requestLegalService(input: $i) { id status deadline overdue version } }`, { i: { residentId: residents[0], category: 'CONSULTATION', text: '土地流转合同怎么签？' } })).requestLegalService;
    expect(req).toMatchObject({ status: 'OPEN', overdue: false, version: 1 });
    expect(req.deadline > todayInChina()).toBe(true);
    const answered = (await ok(cadre1, `mutation($i: AnswerLegalServiceRequestInput!) { answerLegalServiceRequest(input: $i) { status answer overdue } }`, { i: { requestId: req.id, expectedVersion: 1, answer: '请法律顾问审查合同条款' } })).answerLegalServiceRequest;
    expect(answered).toEqual({ status: 'ANSWERED', answer: '请法律顾问审查合同条款', overdue: false });
  });
});

describe('三源共治 statistics and 无诉村', () => {
  const OPEN = `mutation($i: OpenDisputeInput!) { openDispute(input: $i) { id version } }`;
  const parties = (r: string) => [{ residentId: r, name: '甲', role: 'APPLICANT' }, { name: '乙', role: 'RESPONDENT' }];

  it('counts disputes, petitions and lawsuits of a year per region with one statement, and designates the villages that qualify', async () => {
    // v1: a dispute closed as mediated, a petition to the township → qualifies
    const d1 = (await ok(cadre1, OPEN, { i: { villageCode: v1, category: 'FAMILY', summary: '赡养', riskLevel: 'LOW', openedOn: `${lastYear}-04-01`, parties: parties(residents[0]) } })).openDispute;
    await ok(cadre1, `mutation($i: RecordMediationInput!) { recordMediation(input: $i) { id } }`, { i: { disputeId: d1.id, mediator: '调解员', heldOn: `${lastYear}-04-03`, result: 'AGREEMENT', agreement: '子女轮流赡养' } });
    await ok(cadre1, `mutation($i: CloseDisputeInput!) { closeDispute(input: $i) { id } }`, { i: { disputeId: d1.id, expectedVersion: 2, outcome: 'MEDIATED', closedOn: `${lastYear}-04-03` } });
    const PET = `mutation($i: RegisterPetitionInput!) { registerPetition(input: $i) { id deadline level } }`;
    const p1 = (await ok(cadre1, PET, { i: { villageCode: v1, petitionerName: '甲', level: 'TOWNSHIP', summary: '宅基地', receivedOn: `${lastYear}-05-01`, disputeId: d1.id } })).registerPetition;
    expect(p1.deadline).toBe(`${lastYear}-06-30`);
    // v2: a petition to the county and a lawsuit → not
    await ok(officer, PET, { i: { villageCode: v2, petitionerName: '丙', level: 'COUNTY', summary: '征地补偿', receivedOn: `${lastYear}-06-01` } });
    await ok(admin, `mutation($i: RecordLawsuitsInput!) { recordLawsuits(input: $i) { lawsuits } }`, { i: { villageCode: v2, year: lastYear, lawsuits: 2 } });
    // v4 (other township): an open dispute → not
    await ok(admin, OPEN, { i: { villageCode: v4, category: 'LAND', summary: '山林界址', riskLevel: 'HIGH', crimeRisk: true, openedOn: `${lastYear}-09-01`, parties: parties(residents[3]) } });
    const linked = await gql(cadre1, PET, { i: { villageCode: v2, petitionerName: 'x', level: 'VILLAGE', summary: 'x', disputeId: d1.id } });
    expect(codeOf(linked)).toBe('FORBIDDEN');

    const q = `query($c: ID!, $y: Int!) { region(code: $c) { ruleOfLaw(year: $y) { disputes petitions lawsuits mediatedRate escalations crimeRiskCases designations } } }`;
    const before = (await ok(admin, q, { c: county, y: lastYear })).region.ruleOfLaw;
    expect(before).toEqual({ disputes: 2, petitions: 2, lawsuits: 2, mediatedRate: 0.5, escalations: 0, crimeRiskCases: 1, designations: 0 });
    expect((await ok(cadre1, q, { c: v1, y: lastYear })).region.ruleOfLaw).toMatchObject({ disputes: 1, petitions: 1, lawsuits: 0, mediatedRate: 1 });

    const designations = (await ok(admin, `mutation($c: String!, $y: Int!) { computeSafeVillageDesignations(regionCode: $c, year: $y) { villageCode designated reasonsFor { rule } reasonsAgainst { rule } } }`, { c: county, y: lastYear })).computeSafeVillageDesignations;
    const byVillage = Object.fromEntries(designations.map((d: any) => [d.villageCode, d]));
    expect(byVillage[v1]).toEqual({ villageCode: v1, designated: true, reasonsFor: [{ rule: 'NO_LAWSUIT' }, { rule: 'NO_PETITION_ABOVE_TOWNSHIP' }, { rule: 'ALL_DISPUTES_CLOSED' }], reasonsAgainst: [] });
    expect(byVillage[v2].reasonsAgainst).toEqual([{ rule: 'LAWSUITS' }, { rule: 'PETITIONS_ABOVE_TOWNSHIP' }]);
    expect(byVillage[v3].designated).toBe(true);
    expect(byVillage[v4]).toMatchObject({ designated: false, reasonsAgainst: [{ rule: 'DISPUTES_OPEN' }] });
    expect(await rows('legal_event', `name = 'legal.designation.made'`)).toBe(4);
    // computing again changes nothing and announces nothing
    await ok(admin, `mutation($c: String!, $y: Int!) { computeSafeVillageDesignations(regionCode: $c, year: $y) { villageCode } }`, { c: county, y: lastYear });
    expect(await rows('legal_event', `name = 'legal.designation.made'`)).toBe(4);
    const listed = (await ok(cadre1, `query($c: String!, $y: Int!) { safeVillageDesignations(regionCode: $c, year: $y, designatedOnly: true) { villageCode kind } }`, { c: county, y: lastYear })).safeVillageDesignations;
    expect(listed).toEqual([{ villageCode: v1, kind: 'NO_LITIGATION_VILLAGE' }]);
    expect((await ok(admin, q, { c: county, y: lastYear })).region.ruleOfLaw.designations).toBe(2);

    const stats = (await ok(admin, `query($c: String!, $f: LocalDate!, $t: LocalDate!) { ruleOfLawStats(regionCode: $c, from: $f, to: $t) { regionCode disputes petitions lawsuits mediatedRate crimeRiskCases } }`, { c: county, f: `${lastYear}-01-01`, t: `${lastYear}-12-31` })).ruleOfLawStats;
    expect(stats).toEqual([
      { regionCode: townshipA, disputes: 1, petitions: 2, lawsuits: 2, mediatedRate: 1, crimeRiskCases: 0 },
      { regionCode: townshipB, disputes: 1, petitions: 0, lawsuits: 0, mediatedRate: 0, crimeRiskCases: 1 },
    ]);

    // the statistics of many regions (as the gateway asks for them: one _entities batch) cost the statements of one
    const sg = platform.subgraphs.legal;
    const stats4 = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Region { ruleOfLaw(year: ${lastYear}) { disputes petitions } } } }`;
    let stop = sg.db.queries.start();
    const single = await subgraphQuery(admin, stats4, { r: [{ __typename: 'Region', code: v1 }] });
    const oneCount = stop();
    stop = sg.db.queries.start();
    const all = await subgraphQuery(admin, stats4, { r: villages.map((code) => ({ __typename: 'Region', code })) });
    expect(stop()).toBe(oneCount);
    expect(single.data._entities).toEqual([{ ruleOfLaw: { disputes: 1, petitions: 1 } }]);
    expect(all.data._entities.map((e: any) => e.ruleOfLaw.disputes)).toEqual([1, 0, 0, 1]);
  });
});

describe('the legal schema', () => {
  it('describes every type, field, argument and enum value in both languages', async () => {
    const { data } = await subgraphQuery(admin, '{ _service { sdl } }', {});
    const schema = buildASTSchema(parse(`scalar _Any\nscalar FieldSet\nscalar link__Import\nenum link__Purpose { SECURITY EXECUTION }\ndirective @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA\ndirective @key(fields: FieldSet!, resolvable: Boolean = true) repeatable on OBJECT | INTERFACE\n${data._service.sdl}`), { assumeValidSDL: true });
    const missing: string[] = [];
    const bilingual = (text: string | null | undefined): boolean => typeof text === 'string' && /[\u4e00-\u9fff].*\/ ?[A-Za-z0-9]/s.test(text);
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('_') || type.name.startsWith('link__') || ['FieldSet', 'federation__FieldSet', 'LocalDate', 'String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!['Query', 'Mutation'].includes(type.name) && !bilingual(type.description)) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (field.name.startsWith('_')) continue;
          if (!bilingual(field.description)) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) if (!bilingual(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!bilingual(value.description)) missing.push(`${type.name}.${value.name}`);
    }
    expect(missing).toEqual([]);
  });
});

describe('legal-service requests beyond the bound', () => {
  const village = '990202102202';
  const many = 2001;
  const LIST = `query($r: String!) { legalServiceRequests(regionCode: $r) { id requestedOn } }`;
  const PAGE = `query($r: String!, $after: String, $last: Int, $before: String) {
    legalServiceRequestPage(regionCode: $r, first: 100, after: $after, last: $last, before: $before) {
      totalCount pageInfo { hasNextPage hasPreviousPage endCursor startCursor } nodes { id requestedOn } } }`;

  it('refuses legalServiceRequests over 2000 (BAD_USER_INPUT naming the field, the bound and legalServiceRequestPage) with as many statements as a short list, and answers 2000', async () => {
    const short = await countQueries(platform.subgraphs.legal, () => ok(admin, LIST, { r: v1 }));
    expect(short.result.legalServiceRequests.length).toBeGreaterThan(0);
    await platform.subgraphs.legal.db.dataSource.query(
      `INSERT INTO legal_service_request (village_code, resident_id, category, text, requested_on, deadline)
       SELECT $1, gen_random_uuid(), 'CONSULTATION', '咨询' || i, DATE '2025-01-01' + (i % 300), DATE '2025-01-15' + (i % 300) FROM generate_series(1, ${many}) AS i`,
      [village],
    );
    const over = await countQueries(platform.subgraphs.legal, () => gql(admin, LIST, { r: village }));
    expect(codeOf(over.result)).toBe('BAD_USER_INPUT');
    const error = over.result.errors?.[0];
    expect(error?.extensions).toMatchObject({ field: 'legalServiceRequests', max: 2000, instead: expect.stringContaining('legalServiceRequestPage') });
    expect(error?.message).toMatch(/legalServiceRequests 最多列出 2000 项.*legalServiceRequests lists at most 2000 items.*legalServiceRequestPage/s);
    expect(over.count).toBe(short.count);
    await platform.subgraphs.legal.db.dataSource.query(
      `DELETE FROM legal_service_request WHERE id = (SELECT id FROM legal_service_request WHERE village_code = $1 ORDER BY requested_on, id LIMIT 1)`,
      [village],
    );
    const full = await ok(admin, LIST, { r: village });
    expect(full.legalServiceRequests).toHaveLength(many - 1);
    const dates = full.legalServiceRequests.map((r: { requestedOn: string }) => r.requestedOn);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages legalServiceRequestPage forward through every request, oldest first, and last gives the newest', async () => {
    const seen: { id: string; requestedOn: string }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await ok(admin, PAGE, { r: village, after })).legalServiceRequestPage;
      expect(page.totalCount).toBe(many - 1);
      seen.push(...page.nodes);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(many - 1);
    expect(new Set(seen.map((r) => r.id)).size).toBe(many - 1);
    expect(seen.map((r) => r.requestedOn)).toEqual(seen.map((r) => r.requestedOn).sort());
    const newest = (await ok(admin, PAGE, { r: village, last: 5 })).legalServiceRequestPage;
    expect(newest.nodes).toEqual(seen.slice(-5));
    expect(newest.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = (await ok(admin, PAGE, { r: village, last: 5, before: newest.pageInfo.startCursor })).legalServiceRequestPage;
    expect(before.nodes).toEqual(seen.slice(-10, -5));
    expect(codeOf(await gql(admin, PAGE, { r: village, after: newest.pageInfo.endCursor, last: 5 }))).toBe('BAD_USER_INPUT');
    const outside = (await ok(cadre1, PAGE, { r: village })).legalServiceRequestPage;
    expect(outside).toMatchObject({ totalCount: 0, nodes: [] });
  });
});
