import { InProcessEventBus, outboxFeature, recordOutboxEvents } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, countQueries, startPluginTestPlatform, type PluginTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import plugin, { longshanQihuaConfig } from '../index';
import { collectiveShareItems, collectiveShareProblems } from './collective-share';

/**
 * 村集体经济提成 end to end: `economy.income.recorded` events on the bus (from an economy outbox, see
 * `economyOutbox` below) reach the plugin's consumer in personnel, which projects the
 * village's operating income; `computePayroll` pays
 * each cadre their share as a component naming its rule — in the enabling county only.
 */

/**
 * The economy subgraph's outbox table (`economy_event`), created with the kernel's own outbox
 * migration in the personnel test database and registered with the platform's in-process bus as
 * economy's start registers it: events written to it with `recordOutboxEvents` reach the plugin's
 * consumer through the real consumer runtime (`drainEvents`: positions, processed ids, ordering).
 * Used because economy does not yet compose with personnel in one test process (fields added to the
 * shared grids stubs are picked up by every subgraph's schema there).
 */
export async function economyOutbox(platform: TestPlatform): Promise<DataSource> {
  const dataSource = platform.subgraphs.personnel.db.dataSource;
  const [migration] = outboxFeature({ table: 'economy_event', migrationTimestamp: 1769000000009 }).migrations;
  const runner = dataSource.createQueryRunner();
  try {
    await new migration().up(runner);
  } finally {
    await runner.release();
  }
  if (!(platform.events instanceof InProcessEventBus)) throw new Error('economyOutbox needs the in-process bus');
  platform.events.registerOutbox({ table: 'economy_event', subgraph: 'economy', dataSource });
  return dataSource;
}

interface Component {
  kind: string;
  amount: number;
  decision: { policy: string; rule: string; zh: string };
  data: { key: string; value: string }[];
}
interface Payroll {
  computePayroll: { records: { cadre: { id: string }; components: Component[] }[] };
}

const NINE = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));
const TEMPLATE = `mutation ($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } } }`;
const APPOINT = `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`;
const COMPUTE = `mutation ($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
  records { cadre { id } components { kind amount decision { policy rule zh } data { key value } } } } }`;
const MONTH = '2025-11';
const ORG = '7a1c0e52-6f0b-4c43-9d1e-000000000001';
const CONTROL_ORG = '7a1c0e52-6f0b-4c43-9d1e-000000000002';
const V = [1, 2, 3, 4, 5].map((n) => `7a1c0e52-6f0b-4c43-9d1e-00000000010${n}`);

describe('longshan-qihua collective-economy share (economy events → personnel payroll)', () => {
  let p: PluginTestPlatform;
  let economy: DataSource;

  /** Applies the county's template and appoints one cadre per listed post. */
  async function team(village: string, county: string, posts: string[]): Promise<string[]> {
    const as = actors.countyAdmin(county);
    const created = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string }[] } }>(as, TEMPLATE, { v: village });
    const ids: string[] = [];
    for (const [i, code] of posts.entries()) {
      const post = created.applyPostTemplate.created.find((x) => x.code === code)!;
      const data = await p.client.ok<{ appointCadre: { cadre: { id: string } } }>(as, APPOINT, {
        i: { postId: post.id, name: `干部${i + 1}`, gender: 'MALE', birthDate: '1995-01-01', educationLevel: 'BACHELOR', partyJoinDate: '2012-07-01', vetting: NINE, startDate: '2024-01-01' },
      });
      ids.push(data.appointCadre.cadre.id);
    }
    return ids;
  }

  const shareOf = (payroll: Payroll, cadreId: string) =>
    payroll.computePayroll.records.find((r) => r.cadre.id === cadreId)!.components.filter((c) => c.decision.rule === 'LONGSHAN_COLLECTIVE_SHARE');

  let cadres: string[];
  let controlCadres: string[];

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [personnel] });
    economy = await economyOutbox(p);
    cadres = await team(p.county.village(1), p.county.code, ['secretary', 'longshan.fullTimeSecretary', 'longshan.auxiliaryPolice']);
    controlCadres = await team(p.control.village(1), p.control.code, ['secretary']);
    const village = p.county.village(1);
    const other = p.control.village(1);
    const income = (organizationId: string, villageCode: string, voucherId: string, month: number, fen: string, monthTotalFen: string) =>
      ({ organizationId, villageCode, year: 2025, month, voucherId, operatingIncomeFen: fen, monthTotalFen });
    // November 2025, as the ledger reports it: 30,000.00, then 17,345.67, then a reversal of 5,000.00 — 42,345.67;
    // October 99,999.00; the control county's village 80,000.00
    await economy.transaction(async (m) => {
      await recordOutboxEvents(m, 'economy_event', 'economy.income.recorded', [
        income(ORG, village, V[0], 11, '3000000', '3000000'),
        income(ORG, village, V[1], 11, '1734567', '4734567'),
        income(ORG, village, V[2], 11, '-500000', '4234567'),
        income(ORG, village, V[3], 10, '9999900', '9999900'),
        income(CONTROL_ORG, other, V[4], 11, '8000000', '8000000'),
      ]);
      await recordOutboxEvents(m, 'economy_event', 'economy.period.closed', [{ organizationId: ORG, villageCode: village, year: 2025, month: 11, closedOn: '2025-12-05' }]);
    });
    await p.drainEvents();
  }, 180_000);
  afterAll(() => p?.stop());

  it('projects the operating income of enabling counties only, the month total after each voucher', async () => {
    const rows: { village_code: string; year: number; month: number; month_total_fen: string }[] = await p.subgraphs.personnel.db.dataSource.query(
      `SELECT village_code, year, month, month_total_fen::text FROM longshan_collective_income ORDER BY month`,
    );
    expect(rows).toEqual([
      { village_code: p.county.village(1), year: 2025, month: 10, month_total_fen: '9999900' },
      { village_code: p.county.village(1), year: 2025, month: 11, month_total_fen: '4234567' },
    ]);
  });

  it('rebuilds the projection from the events to the same totals', async () => {
    const read = () => p.subgraphs.personnel.db.dataSource.query(`SELECT organization_id, village_code, year, month, month_total_fen::text FROM longshan_collective_income ORDER BY month`);
    const before = await read();
    await p.subgraphs.personnel.consumers.rebuild('longshan-collective-income');
    await p.drainEvents();
    expect(await read()).toEqual(before);
  });

  it('pays each cadre of the village 5% of the month’s operating income split equally, as a DEVELOPMENT component naming its rule', async () => {
    const payroll = await p.client.ok<Payroll>(actors.countyAdmin(p.county.code), COMPUTE, { v: p.county.village(1), m: MONTH });
    // 4,234,567 fen × 500 ÷ 10,000 = 211,728 fen; ÷ 3 = 70,576 each
    for (const id of cadres) {
      const [share, ...more] = shareOf(payroll, id);
      expect(more).toEqual([]);
      expect(share).toMatchObject({ kind: 'DEVELOPMENT', amount: 705.76, decision: { policy: 'longshan-qihua', rule: 'LONGSHAN_COLLECTIVE_SHARE' } });
      expect(share.decision.zh).toContain('42345.67元×5%=2117.28元，本月3名干部平分，每人705.76元');
      expect(Object.fromEntries(share.data.map((d) => [d.key, d.value]))).toMatchObject({ operatingIncomeFen: '4234567', basisPoints: '500', poolFen: '211728' });
    }
  });

  it('caps a share at the monthly cap per cadre (October: 99,999.00 × 5% ÷ 3 > 1,000)', async () => {
    const payroll = await p.client.ok<Payroll>(actors.countyAdmin(p.county.code), COMPUTE, { v: p.county.village(1), m: '2025-10' });
    expect(shareOf(payroll, cadres[0])).toEqual([expect.objectContaining({ amount: 1000 })]);
    expect(shareOf(payroll, cadres[0])[0].decision.zh).toContain('按上限发放');
  });

  it('gives a county that has not enabled the plugin no share, whatever its village earned', async () => {
    const payroll = await p.client.ok<Payroll>(actors.countyAdmin(p.control.code), COMPUTE, { v: p.control.village(1), m: MONTH });
    expect(shareOf(payroll, controlCadres[0])).toEqual([]);
    expect(payroll.computePayroll.records[0].components.every((c) => c.decision.policy !== 'longshan-qihua')).toBe(true);
  });

  it('reads the village’s income in one statement for the whole payroll', async () => {
    const { statements } = await countQueries(p.subgraphs.personnel, () =>
      p.client.ok(actors.countyAdmin(p.county.code), COMPUTE, { v: p.county.village(1), m: MONTH }),
    );
    expect(statements.filter((sql) => sql.includes('longshan_collective_income'))).toHaveLength(1);
  });
});

describe('collective share arithmetic and parameters', () => {
  const params = longshanQihuaConfig.parse({}).collectiveShare;

  it('splits the pool to the fen, the leftover fen to the first cadres', () => {
    // 100,001 fen × 5% = 5,000 fen (5,000.05 floored); ÷ 3 = 1,666 r 2
    const items = collectiveShareItems(100_001n, ['a', 'b', 'c'], params, '2025-11');
    expect(['a', 'b', 'c'].map((id) => items.get(id)![0].amount)).toEqual([16.67, 16.67, 16.66]);
  });

  it('pays nothing for a month without income, after reversals, or at a rate of 0', () => {
    expect(collectiveShareItems(0n, ['a'], params, '2025-11').size).toBe(0);
    expect(collectiveShareItems(-500n, ['a'], params, '2025-11').size).toBe(0);
    expect(collectiveShareItems(1_000_000n, ['a'], { ...params, basisPoints: 0 }, '2025-11').size).toBe(0);
  });

  it('reports a rate with a cap of 0 as contradictory', () => {
    expect(collectiveShareProblems(longshanQihuaConfig.parse({ collectiveShare: { monthlyCapPerCadre: 0 } }))).toEqual([
      expect.objectContaining({ key: 'collectiveShare.monthlyCapPerCadre' }),
    ]);
    expect(collectiveShareProblems(longshanQihuaConfig.parse({}))).toEqual([]);
  });
});
