/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as legal } from '@xiangzhi/legal';
import { graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/**
 * The legal demo on the grids demo, through the gateway: the must-show queries on Xinfeng (360722),
 * a few 无诉村, villages without an advisor, and a second seed that writes nothing.
 */
const xinfeng = '360722000000';
const admin: Actor = { id: 'demo-admin', roles: [Role.COUNTY_ADMIN], scope: xinfeng };

let platform: TestPlatform;
const { ok } = graphqlClient<Record<string, any>>(() => platform);
const rows = rowCounter(() => platform.subgraphs.legal.db.dataSource);
const TABLES = ['legal_advisor', 'legal_advisor_assignment', 'legal_service_record', 'legal_aid_application', 'dispute', 'dispute_party', 'dispute_mediation', 'dispute_escalation', 'petition', 'lawsuit_count', 'safe_village_designation', 'legal_event'];

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, legal], seed: true });
}, 240_000);

afterAll(() => platform?.stop());

describe('legal demo data', () => {
  it('answers the must-show queries for Xinfeng', async () => {
    const data = await ok(admin, `{ region(code: "${xinfeng}") { ruleOfLaw(year: 2025) { disputes petitions lawsuits mediatedRate designations } } legalAdvisorCoverage(regionCode: "${xinfeng}") { villages covered villagesWithoutAdvisor { code name } } }`);
    const r = data.region.ruleOfLaw;
    expect(r.disputes).toBe(await rows('dispute', `village_code LIKE '360722%' AND opened_on BETWEEN '2025-01-01' AND '2025-12-31'`));
    expect(r.petitions).toBe(await rows('petition', `village_code LIKE '360722%' AND received_on BETWEEN '2025-01-01' AND '2025-12-31'`));
    expect(r.lawsuits).toBeGreaterThan(0);
    expect(r.mediatedRate).toBeGreaterThan(0);
    expect(r.mediatedRate).toBeLessThan(1);
    expect(r.designations).toBeGreaterThanOrEqual(2);
    expect(r.designations).toBeLessThan(data.legalAdvisorCoverage.villages / 5);
    const c = data.legalAdvisorCoverage;
    expect(c.villagesWithoutAdvisor.length).toBeGreaterThan(0);
    expect(c.covered).toBe(c.villages - c.villagesWithoutAdvisor.length);
    expect(c.covered / c.villages).toBeGreaterThan(0.85);
    expect(c.villagesWithoutAdvisor[0].name).not.toBe('');
  });

  it('has disputes at every tier and outcome, some overdue, and legal aid decided both ways', async () => {
    for (const tier of ['VILLAGE', 'TOWNSHIP', 'COUNTY']) expect(await rows('dispute', 'tier = $1', [tier])).toBeGreaterThan(0);
    for (const outcome of ['MEDIATED', 'WITHDRAWN', 'REFERRED_TO_COURT', 'REFERRED_TO_ARBITRATION']) expect(await rows('dispute', 'outcome = $1', [outcome])).toBeGreaterThan(0);
    expect(await rows('dispute', `status = 'OPEN' AND deadline < CURRENT_DATE`)).toBeGreaterThan(0);
    expect(await rows('dispute', `status = 'OPEN' AND deadline >= CURRENT_DATE`)).toBeGreaterThan(0);
    expect(await rows('dispute', `outcome = 'MEDIATED' AND NOT EXISTS (SELECT 1 FROM dispute_mediation m WHERE m.dispute_id = dispute.id AND m.result = 'AGREEMENT')`)).toBe(0);
    expect(await rows('legal_aid_application', `status = 'GRANTED'`)).toBeGreaterThan(0);
    expect(await rows('legal_aid_application', `status = 'REFUSED'`)).toBeGreaterThan(0);
    const designated = await ok(admin, `{ safeVillageDesignations(regionCode: "${xinfeng}", year: 2025, designatedOnly: true) { villageCode reasonsFor { rule } reasonsAgainst { rule } } }`);
    expect(designated.safeVillageDesignations.length).toBeGreaterThanOrEqual(2);
    expect(designated.safeVillageDesignations.every((d: any) => d.reasonsAgainst.length === 0 && d.reasonsFor.length === 3)).toBe(true);
  });

  it('seeds again without writing anything', async () => {
    const before = await Promise.all(TABLES.map((t) => rows(t)));
    await platform.subgraphs.legal.seed();
    expect(await Promise.all(TABLES.map((t) => rows(t)))).toEqual(before);
  });
});
