/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as economy } from '@xiangzhi/economy';
import { subgraph as grids } from '@xiangzhi/grids';
import { DEMO_COUNTIES, demoUuid, demoVillages } from '@xiangzhi/demo';
import { withCheckChar } from '@xiangzhi/economy-api';
import { createLogger, Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import { seedGovernanceDemo } from '../../apps/economy/src/seed/governance';

/**
 * The governance demo data: every kind of record there, some overdue, deterministic and idempotent.
 * To stay quick the spec runs the governance part alone on what it stands on, arranged directly: the
 * region projection and an organisation for each village of 七星关区 (the other counties' villages get
 * disclosures, matters and projects, and no registers — they have no organisation here).
 */
describe('economy governance demo data', () => {
  let platform: TestPlatform;
  const { ok } = graphqlClient<Record<string, any>>(() => platform);
  const count = rowCounter(() => platform.subgraphs.economy.db.dataSource);
  const qixingguan: Actor = { id: 'demo-admin', roles: [Role.COUNTY_ADMIN], scope: '520502000000' };

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, economy] });
    const ds = platform.subgraphs.economy.db.dataSource;
    const county = DEMO_COUNTIES.find((c) => c.code === '520502000000')!;
    const villages = demoVillages(county);
    await ds.query(
      `INSERT INTO region_ref (code, name, level, parent_code, valid_from) SELECT code, name, 'VILLAGE', parent_code, '2000-01-01' FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, name, parent_code)`,
      [villages.map((v) => v.code), villages.map((v) => v.name), villages.map((v) => v.parentCode)],
    );
    await ds.query(
      `INSERT INTO collective_organization (id, county_code, village_code, name, credit_code, founded_on, development_model)
       SELECT id::uuid, '520502000000', code, name, credit, '2018-01-01', 'RESOURCE' FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, code, name, credit)`,
      [villages.map((v) => demoUuid(`spec:org:${v.code}`)), villages.map((v) => v.code), villages.map((v) => `${v.name}股份经济合作社`), villages.map((v, i) => withCheckChar(`N2520502MA${String(i).padStart(7, '0')}`))],
    );
    await seedGovernanceDemo({ dataSource: ds, logger: createLogger('governance-demo-spec') });
  }, 240_000);
  afterAll(() => platform?.stop());

  it('has disclosures with some overdue, matters at every step, leases with unpaid instalments, projects in every status, one alliance per county', async () => {
    const q = (sql: string) => platform.subgraphs.economy.db.dataSource.query(sql) as Promise<any[]>;
    expect((await q(`SELECT DISTINCT step FROM major_matter ORDER BY step`)).map((r) => r.step).sort()).toEqual(['DECISION_PUBLISHED', 'DELIBERATED', 'PROPOSED', 'RESOLVED', 'RESULT_PUBLISHED', 'REVIEWED']);
    expect((await q(`SELECT DISTINCT outcome FROM major_matter`)).map((r) => r.outcome).sort()).toEqual(['ADOPTED', 'PENDING', 'REJECTED']);
    expect((await q(`SELECT DISTINCT status FROM weak_village_project`)).map((r) => r.status).sort()).toEqual(['APPROVED', 'COMPLETED', 'EVALUATED', 'IN_PROGRESS', 'PROPOSED']);
    expect(await count('village_alliance')).toBe(DEMO_COUNTIES.length);
    expect(await count('disclosure', 'published_on > due_on')).toBeGreaterThan(0);
    expect(await count('lease_instalment', 'paid_fen < amount_fen')).toBeGreaterThan(0);
    // every contract above the threshold carries an adopted contract matter of its village
    expect(await count('lease_contract c', `total_fen > 5000000 AND NOT EXISTS (SELECT 1 FROM major_matter m WHERE m.id = c.major_matter_id AND m.outcome = 'ADOPTED' AND m.subject = 'CONTRACT' AND m.village_code = c.village_code)`)).toBe(0);
  });

  it('answers the overdue reports for a whole county in one statement each', async () => {
    const disclosures = await countQueries(platform.subgraphs.economy, () =>
      ok(qixingguan, `query { overdueDisclosures(regionCode: "520502000000", asOf: "2026-01-20", since: "2025-08-01") { villageCode kind period dueOn publishedOn } }`),
    );
    expect(disclosures.count).toBe(1);
    expect(disclosures.result.overdueDisclosures.length).toBeGreaterThan(0);
    const payments = await countQueries(platform.subgraphs.economy, () => ok(qixingguan, `query { overduePayments(regionCode: "520502000000", asOf: "2026-06-01") { contractId outstanding } }`));
    expect(payments.count).toBe(1);
    expect(payments.result.overduePayments.length).toBeGreaterThan(0);
  });

  it('seeds again without a change', async () => {
    const tables = ['disclosure', 'major_matter', 'major_matter_step', 'collective_asset', 'collective_resource', 'lease_contract', 'lease_instalment', 'lease_payment', 'weak_village_project', 'village_alliance', 'village_alliance_member'];
    const before = await Promise.all(tables.map((t) => count(t)));
    await seedGovernanceDemo({ dataSource: platform.subgraphs.economy.db.dataSource, logger: createLogger('governance-demo-spec') });
    expect(await Promise.all(tables.map((t) => count(t)))).toEqual(before);
  }, 300_000);
});
