import { subgraph as economy } from '@xiangzhi/economy';
import { withCheckChar } from '@xiangzhi/economy-api';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, countQueries, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin, { longshanQihuaConfig } from '../index';
import { collectiveShareItems, collectiveShareProblems } from './collective-share';

/**
 * 村集体经济提成 end to end: vouchers posted in the economy subgraph publish `economy.income.recorded`;
 * the plugin's consumer in personnel projects the village's operating income; `computePayroll` pays
 * each cadre their share as a component naming its rule — in the enabling county only.
 */

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
const REGISTER = `mutation($i: RegisterCollectiveOrganizationInput!) { registerCollectiveOrganization(input: $i) { id } }`;
const POST = `mutation($i: PostVoucherInput!) { postVoucher(input: $i) { id } }`;
const REVERSE = `mutation($i: ReverseVoucherInput!) { reverseVoucher(input: $i) { id } }`;

describe('longshan-qihua collective-economy share (economy events → personnel payroll)', () => {
  let p: PluginTestPlatform;
  let seq = 0;

  async function register(county: string, village: string): Promise<string> {
    seq += 1;
    const creditCode = withCheckChar(`N2${county.slice(0, 6)}MF${String(seq).padStart(7, '0')}`);
    const data = await p.client.ok<{ registerCollectiveOrganization: { id: string } }>(actors.countyAdmin(county), REGISTER, {
      i: { villageCode: village, name: `${village.slice(9)}村股份经济合作社`, creditCode, foundedOn: '2019-06-01', developmentModel: 'ASSET' },
    });
    return data.registerCollectiveOrganization.id;
  }

  /** Posts a voucher crediting `account` (501 经营收入 by default) with `amount` yuan. */
  async function income(county: string, organizationId: string, date: string, amount: string, account = '501'): Promise<string> {
    const data = await p.client.ok<{ postVoucher: { id: string } }>(actors.countyAdmin(county), POST, {
      i: { organizationId, date, summary: '收入', lines: [{ accountCode: '101', debit: amount }, { accountCode: account, credit: amount }] },
    });
    return data.postVoucher.id;
  }

  /** The kit's villages as grids' events would leave them in economy's region projection. */
  async function economyKnowsVillages(): Promise<void> {
    const rows = [p.county, p.control].flatMap((c) => [
      [c.code, 'COUNTY', null],
      [c.township(), 'TOWNSHIP', c.code],
      [c.village(), 'VILLAGE', c.township()],
    ]);
    await p.subgraphs.economy.db.dataSource.query(
      `INSERT INTO region_ref (code, name, level, parent_code, valid_from)
       SELECT r.code, r.code, r.level, r.parent, DATE '2000-01-01' FROM unnest($1::text[], $2::text[], $3::text[]) AS r(code, level, parent)
       ON CONFLICT (code) DO NOTHING`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])],
    );
  }

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
    p = await startPluginTestPlatform({ plugin, subgraphs: [personnel, economy] });
    await economyKnowsVillages();
    cadres = await team(p.county.village(1), p.county.code, ['secretary', 'longshan.fullTimeSecretary', 'longshan.auxiliaryPolice']);
    controlCadres = await team(p.control.village(1), p.control.code, ['secretary']);
    const org = await register(p.county.code, p.county.village(1));
    const controlOrg = await register(p.control.code, p.control.village(1));
    // November 2025 in the ledger: 30,000.00 operating income (501), 12,345.67 contracting income (502), a
    // mistaken 5,000.00 posting and its reversal — 42,345.67; a subsidy (521) is not operating income;
    // October 99,999.00; the control county's village 80,000.00
    await income(p.county.code, org, '2025-11-10', '30000.00');
    await income(p.county.code, org, '2025-11-12', '12345.67', '502');
    const mistaken = await income(p.county.code, org, '2025-11-14', '5000.00');
    await p.client.ok(actors.countyAdmin(p.county.code), REVERSE, { i: { voucherId: mistaken, date: '2025-11-20' } });
    await income(p.county.code, org, '2025-11-21', '50000.00', '521');
    await income(p.county.code, org, '2025-10-05', '99999.00');
    await income(p.control.code, controlOrg, '2025-11-10', '80000.00');
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
