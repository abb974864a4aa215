import { subgraph as economy } from '@xiangzhi/economy';
import { withCheckChar } from '@xiangzhi/economy-api';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, todayInChina, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { graphqlClient, startTestPlatform, testFixtures, type GraphQLClient, type TestPlatform } from '@xiangzhi/testing';
import plugin from '../index';

/**
 * 测试场景 shared by the in-process and the NATS saga specs: one platform (grids, economy, personnel
 * and the plugin, enabled for 511102 and 513424) and demo-like villages of 乐山市市中区 built through
 * the gateway — territory, cadres, a grid, a household with two residents, a collective organisation
 * with vouchers and members — and the snapshots a merger must leave identical (economy) or restore.
 */

export const COUNTY = '511102000000';
export const admin: Actor = { id: 'admin-511102', roles: [Role.COUNTY_ADMIN], scope: COUNTY };

export interface Scenario {
  platform: TestPlatform;
  client: GraphQLClient;
  /** Builds a village: cadres, grid, household, residents, a collective with vouchers and members. */
  village: (code: string) => Promise<BuiltVillage>;
  settle: () => Promise<void>;
}

export interface BuiltVillage {
  code: string;
  cadres: { id: string; post: string; version: number }[];
  organizationId: string;
  residents: string[];
}

export async function startScenario(natsUrl?: string): Promise<Scenario> {
  const platform = await startTestPlatform({
    subgraphs: [grids, economy, personnel],
    plugins: [plugin],
    countyParams: { '511102': { 'leshan-merger': {} }, '513424': { 'leshan-merger': {} } },
    natsUrl,
  });
  const client = graphqlClient(platform);
  const fixtures = testFixtures(platform, '511102101201');
  let seq = 0;
  const month = todayInChina().slice(0, 7);
  const day = `${month}-01`;

  const village = async (code: string): Promise<BuiltVillage> => {
    const v = await fixtures.village({ code, cadres: 2, as: admin });
    const grid = await client.ok<{ createGrid: { id: string } }>(admin, `mutation($i: CreateGridInput!) { createGrid(input: $i) { id } }`, { i: { villageCode: code, name: '第一网格' } });
    const household = await client.ok<{ createHousehold: { id: string } }>(admin, `mutation($i: CreateHouseholdInput!) { createHousehold(input: $i) { id } }`, {
      i: { villageCode: code, number: '001', address: '一组1号', gridId: grid.createGrid.id },
    });
    const residents: string[] = [];
    for (const relation of ['HEAD', 'SPOUSE']) {
      seq += 1;
      const r = await client.ok<{ registerResident: { id: string } }>(admin, `mutation($i: RegisterResidentInput!) { registerResident(input: $i) { id } }`, {
        i: { householdId: household.createHousehold.id, name: `居民${seq}`, idNumber: composeIdNumber('511102', '1970-03-01', seq * 2), relationToHead: relation },
      });
      residents.push(r.registerResident.id);
    }
    await platform.drainEvents();
    const org = await client.ok<{ registerCollectiveOrganization: { id: string } }>(admin, `mutation($i: RegisterCollectiveOrganizationInput!) { registerCollectiveOrganization(input: $i) { id } }`, {
      i: { villageCode: code, name: `${code.slice(9)}村股份经济合作社`, creditCode: withCheckChar(`N2511102MF${code.slice(5)}`), foundedOn: '2019-06-01', developmentModel: 'ASSET' },
    });
    const organizationId = org.registerCollectiveOrganization.id;
    const post = (summary: string, debit: string, credit: string, amount: string) =>
      client.ok(admin, `mutation($i: PostVoucherInput!) { postVoucher(input: $i) { id } }`, {
        i: { organizationId, date: day, summary, lines: [{ accountCode: debit, debit: amount }, { accountCode: credit, credit: amount }] },
      });
    await post('村集体资本投入', '102', '301', '120000.00');
    await post('购入办公用房（应付）', '151', '202', '45678.90');
    await post('林木资产入账', '132', '301', '8800.50');
    await post('经营收入', '101', '501', '3210.00');
    for (const residentId of residents) {
      await client.ok(admin, `mutation($i: AdmitMemberInput!) { admitMember(input: $i) { id } }`, { i: { organizationId, residentId, admittedOn: day, shares: [{ shareClass: 'POPULATION', count: 1 }] } });
    }
    return { code, cadres: v.cadres.map((c) => ({ id: c.id, post: c.post.code, version: c.version })), organizationId, residents };
  };

  return { platform, client, village, settle: () => platform.drainEvents() };
}

/** 网格快照 what grids holds of the villages (regions, grids, households, residents, counters), by key. */
export async function gridsSnapshot(platform: TestPlatform, codes: string[]): Promise<unknown> {
  const q = (sql: string) => platform.subgraphs.grids.db.dataSource.query(sql, [codes]);
  return {
    regions: await q(`SELECT code, name, parent_code, valid_from::text, valid_to::text FROM region WHERE code = ANY($1::text[]) ORDER BY code`),
    grids: await q(`SELECT id, code, village_code, name, zone_id FROM grid WHERE village_code = ANY($1::text[]) ORDER BY id`),
    households: await q(`SELECT id, village_code, number, grid_id, head_resident_id FROM household WHERE village_code = ANY($1::text[]) ORDER BY id`),
    residents: await q(`SELECT id, village_code, household_id, status FROM resident WHERE village_code = ANY($1::text[]) ORDER BY id`),
    counters: await q(`SELECT prefix, households, residents, grids FROM region_counter WHERE prefix = ANY($1::text[]) OR prefix = '511102101' ORDER BY prefix`),
  };
}

const TRIAL = `query($o: ID!, $m: String!) { trialBalance(organizationId: $o, month: $m) {
  rows { accountCode accountName category openingDebit openingCredit periodDebit periodCredit closingDebit closingCredit } } }`;
const MEMBERS = `query($o: ID!) { members(organizationId: $o, first: 100) { totalCount nodes { id villageCode admittedOn resident { id } totalShares } } }`;

/** 集体经济快照 each organisation's full trial balance of the month and its member list, through the gateway. */
export async function economySnapshot(s: Scenario, organizationIds: string[]): Promise<unknown> {
  const month = todayInChina().slice(0, 7);
  const out: Record<string, unknown> = {};
  for (const o of organizationIds) {
    out[o] = { trial: await s.client.ok(admin, TRIAL, { o, m: month }), members: await s.client.ok(admin, MEMBERS, { o }) };
  }
  return out;
}

/** 组织状态 parent and status of organisations, through the gateway. */
export async function organizations(s: Scenario, ids: string[]): Promise<{ id: string; status: string; parent: { id: string } | null; villageCode: string }[]> {
  const out = [];
  for (const id of ids) {
    const data = await s.client.ok<{ collectiveOrganization: { id: string; status: string; parent: { id: string } | null; villageCode: string } }>(
      admin,
      `query($id: ID!) { collectiveOrganization(id: $id) { id status villageCode parent { id } } }`,
      { id },
    );
    out.push(data.collectiveOrganization);
  }
  return out;
}

const PLAN_FIELDS = `id status riskLevel version failedStep failureRule failureReason createsTarget targetCode
  sources { villageCode inventory { organizationId assetsFen liabilitiesFen resourcesFen } }
  candidates { id approved rejected } cadres { cadreId decision } steps { step state reason appliedAt compensatedAt }`;

export interface PlanView {
  id: string;
  status: string;
  riskLevel: string;
  version: number;
  failedStep: string | null;
  failureRule: string | null;
  failureReason: string | null;
  sources: { villageCode: string; inventory: { organizationId: string; assetsFen: string; liabilitiesFen: string; resourcesFen: string } | null }[];
  candidates: { id: string; approved: boolean; rejected: boolean }[];
  steps: { step: string; state: string; reason: string | null }[];
}

/** 备好方案 a complete, approved plan merging `villages` into a new `targetCode`: risks, four candidates through the four reviews, inventories, every cadre decided. */
export async function approvedPlan(s: Scenario, villages: BuiltVillage[], targetCode: string, creditSeq: string): Promise<PlanView> {
  const today = todayInChina();
  const created = await s.client.ok<{ createMergerPlan: PlanView }>(admin, `mutation($i: CreateMergerPlanInput!) { createMergerPlan(input: $i) { ${PLAN_FIELDS} } }`, {
    i: {
      sources: villages.map((v, i) => ({ villageCode: v.code, registeredPopulation: 1200 + i * 100, areaHectares: 300 + i * 50 })),
      targetCode,
      targetName: '新合村',
      effectiveDate: today,
      risks: [
        { description: '村民对村名变更有顾虑', level: 'LOW', mitigation: '召开村民大会说明' },
        { description: '集体资产处置', level: 'MEDIUM', mitigation: '四不变，原集体作为下属组织保留' },
      ],
      newOrganizationName: '新合村股份经济合作社',
      newOrganizationCreditCode: withCheckChar(`N2511102MF${creditSeq}`),
    },
  });
  const planId = created.createMergerPlan.id;
  const posts = ['secretary', 'organisation', 'director', 'clerk'];
  for (const [i, postCode] of posts.entries()) {
    const added = await s.client.ok<{ addMergerCandidate: PlanView }>(admin, `mutation($i: AddMergerCandidateInput!) { addMergerCandidate(input: $i) { candidates { id } } }`, {
      i: { planId, name: `候选人${i + 1}`, postCode },
    });
    const candidateId = added.addMergerCandidate.candidates[i].id;
    for (const level of ['VILLAGE', 'TOWNSHIP', 'DEPARTMENT_JOINT', 'COUNTY_LEADING_GROUP']) {
      await s.client.ok(admin, `mutation($i: ReviewMergerCandidateInput!) { reviewMergerCandidate(input: $i) { id } }`, {
        i: { candidateId, level, passed: true, reviewer: `${level}审核组`, reviewedOn: today },
      });
    }
  }
  for (const v of villages) await s.client.ok(admin, `mutation($p: ID!, $v: String!) { confirmMergerInventory(planId: $p, villageCode: $v) { id } }`, { p: planId, v: v.code });
  const [a, b, c] = villages;
  const decisions = [
    { cadre: a.cadres[0], decision: 'KEPT', postCode: 'secretary' },
    { cadre: a.cadres[1], decision: 'KEPT', postCode: 'organisation' },
    { cadre: b.cadres[0], decision: 'KEPT', postCode: 'director' },
    { cadre: b.cadres[1], decision: 'KEPT', postCode: 'clerk' },
    { cadre: c.cadres[0], decision: 'MOVED' },
    { cadre: c.cadres[1], decision: 'LEAVING', subsidyFen: '2000000' },
  ];
  for (const d of decisions) {
    await s.client.ok(admin, `mutation($i: DecideCadreDiversionInput!) { decideCadreDiversion(input: $i) { id } }`, {
      i: { planId, cadreId: d.cadre.id, decision: d.decision, postCode: d.postCode ?? null, subsidyFen: d.subsidyFen ?? null, talkedOn: today, talkedBy: '镇党委书记', talkSummary: '一对一谈心谈话，本人同意' },
    });
  }
  const plan = await readPlan(s, planId);
  const approved = await s.client.ok<{ approveMergerPlan: PlanView }>(admin, `mutation($p: ID!, $v: Int!) { approveMergerPlan(planId: $p, expectedVersion: $v) { ${PLAN_FIELDS} } }`, { p: planId, v: plan.version });
  return approved.approveMergerPlan;
}

export async function readPlan(s: Scenario, id: string): Promise<PlanView> {
  const data = await s.client.ok<{ mergerPlan: PlanView }>(admin, `query($id: ID!) { mergerPlan(id: $id) { ${PLAN_FIELDS} } }`, { id });
  return data.mergerPlan;
}

/** Executes the plan and lets the saga run to its end (EXECUTED or COMPENSATED) through the events. */
export async function execute(s: Scenario, planId: string): Promise<PlanView> {
  const started = await s.client.ok<{ executeMerger: PlanView }>(admin, `mutation($p: ID!) { executeMerger(planId: $p) { ${PLAN_FIELDS} } }`, { p: planId });
  if (started.executeMerger.status !== 'EXECUTING') throw new Error(`not executing: ${JSON.stringify(started.executeMerger)}`);
  // each round relays every outbox and drains every consumer: one saga step per round or so
  const deadline = Date.now() + 60_000;
  for (;;) {
    await s.settle();
    const plan = await readPlan(s, planId);
    if (plan.status === 'EXECUTED' || plan.status === 'COMPENSATED') return plan;
    if (Date.now() > deadline) throw new Error(`the saga did not end: ${JSON.stringify(plan)}`);
  }
}
