import { todayInChina } from '@xiangzhi/kernel';
import longshan from '@xiangzhi/longshan-qihua';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';

/**
 * Through the real gateway: acts that must already have happened are refused with a future date (in
 * China) — appointment start, discharge, training, an appraisal of a period not yet ended, a payroll
 * for a month after the current one, check-ins — with BAD_USER_INPUT naming the field, the rule and
 * the value, and nothing written; leave, which is meant to be scheduled, may lie in the future.
 */

const NINE = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));

function shift(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

describe('future-dated acts (gateway)', () => {
  let p: PluginTestPlatform;
  let posts: Record<string, string>;
  let cadreId: string;
  const today = todayInChina();
  const tomorrow = shift(today, 1);
  const admin = () => actors.countyAdmin(p.control.code);
  const village = () => p.control.village(1);

  async function refused(query: string, variables: Record<string, unknown>, field: string, rule: string, value: string): Promise<void> {
    const res = await p.client.gql(admin(), query, variables);
    expect(p.client.codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field, rule, value });
    expect(res.errors![0].message).toMatch(new RegExp(`^[^A-Za-z]*${field} = ${value}.*${field} = ${value}`, 's'));
  }

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin: longshan, subgraphs: [personnel] });
    const created = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string }[] } }>(admin(), `mutation ($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } } }`, { v: village() });
    posts = Object.fromEntries(created.applyPostTemplate.created.map((x) => [x.code, x.id]));
    const appointed = await p.client.ok<{ appointCadre: { cadre: { id: string } } }>(admin(), `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`, {
      i: { postId: posts.secretary, name: '今书记', gender: 'MALE', birthDate: '1980-01-01', educationLevel: 'BACHELOR', partyJoinDate: '2005-07-01', vetting: NINE, startDate: '2020-03-01' },
    });
    cadreId = appointed.appointCadre.cadre.id;
  }, 120000);
  afterAll(() => p?.stop());

  it('refuses an appointment starting tomorrow and writes nothing', async () => {
    const cadres = await p.rows('personnel')('cadre');
    await refused(
      `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`,
      { i: { postId: posts.director, name: '明主任', gender: 'FEMALE', birthDate: '1985-01-01', educationLevel: 'BACHELOR', vetting: NINE, startDate: tomorrow } },
      'startDate',
      'DATE_IN_FUTURE',
      tomorrow,
    );
    expect(await p.rows('personnel')('cadre')).toBe(cadres);
  });

  it('refuses a discharge dated 2030-01-01: the cadre stays serving, no honour is decided', async () => {
    await refused(
      `mutation ($i: DischargeCadreInput!) { dischargeCadre(input: $i) { cadre { status } } }`,
      { i: { cadreId, expectedVersion: 1, departureType: 'NORMAL', date: '2030-01-01', reason: '任期届满' } },
      'date',
      'DATE_IN_FUTURE',
      '2030-01-01',
    );
    const cadre = await p.client.ok<{ cadre: { status: string; departureDate: string | null } }>(admin(), `query ($id: ID!) { cadre(id: $id) { status departureDate } }`, { id: cadreId });
    expect(cadre.cadre).toEqual({ status: 'ACTIVE', departureDate: null });
  });

  it('refuses training that has not started and a duty check-in for tomorrow', async () => {
    await refused(
      `mutation ($i: RecordTrainingInput!) { recordTraining(input: $i) { id } }`,
      { i: { cadreId, title: '村干部集中轮训', organizer: '县委组织部', startDate: tomorrow, days: 3 } },
      'startDate',
      'DATE_IN_FUTURE',
      tomorrow,
    );
    await refused(`mutation ($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }`, { i: { cadreId, date: tomorrow, hours: 4 } }, 'date', 'DATE_IN_FUTURE', tomorrow);
  });

  it('refuses an appraisal of a period not yet ended (this month, this year) and accepts last year', async () => {
    const APPRAISE = `mutation ($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { id period } }`;
    const scores = ['morality', 'ability', 'diligence', 'results', 'integrity'].map((dimension) => ({ dimension, score: 90 }));
    await refused(APPRAISE, { i: { cadreId, periodType: 'MONTH', period: today.slice(0, 7), scores } }, 'period', 'PERIOD_NOT_ENDED', today.slice(0, 7));
    await refused(APPRAISE, { i: { cadreId, periodType: 'YEAR', period: today.slice(0, 4), scores } }, 'period', 'PERIOD_NOT_ENDED', today.slice(0, 4));
    const lastYear = String(Number(today.slice(0, 4)) - 1);
    const done = await p.client.ok<{ recordAppraisal: { period: string } }>(admin(), APPRAISE, { i: { cadreId, periodType: 'YEAR', period: lastYear, scores } });
    expect(done.recordAppraisal.period).toBe(lastYear);
  });

  it('refuses a payroll for a month after the current one (2027-06 or next month) and computes the current month', async () => {
    const PAYROLL = `mutation ($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) { month } }`;
    const records = await p.rows('personnel')('pay_record');
    const next = nextMonth(today.slice(0, 7));
    await refused(PAYROLL, { v: village(), m: next }, 'month', 'MONTH_IN_FUTURE', next);
    if ('2027-06' > today.slice(0, 7)) await refused(PAYROLL, { v: village(), m: '2027-06' }, 'month', 'MONTH_IN_FUTURE', '2027-06');
    expect(await p.rows('personnel')('pay_record')).toBe(records);
    expect(p.client.codeOf(await p.client.gql(admin(), PAYROLL, { v: village(), m: today.slice(0, 7) }))).toBeUndefined();
  });

  it('accepts leave requested for future dates (it is meant to be scheduled)', async () => {
    const from = shift(today, 30);
    const leave = await p.client.ok<{ requestLeave: { status: string; fromDate: string } }>(admin(), `mutation ($i: RequestLeaveInput!) { requestLeave(input: $i) { status fromDate } }`, {
      i: { cadreId, fromDate: from, toDate: shift(from, 2), reason: '外出学习' },
    });
    expect(leave.requestLeave).toEqual({ status: 'REQUESTED', fromDate: from });
  });
});
