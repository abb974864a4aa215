import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, TEST_COUNTY, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from '../index';

/**
 * Through the real gateway: Longshan's duty rules (6 hours a working day, one person every rest day)
 * follow the work calendar — public holidays are rest days needing cover, weekend days worked (调休)
 * are working days, a county's own holiday from the deployment config counts, and a year without
 * calendar data is refused rather than counted as Monday–Friday.
 */

const NINE = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));
const COVERAGE = `query ($v: String!, $f: LocalDate!, $t: LocalDate!) { dutyCoverage(villageCode: $v, from: $f, to: $t) {
  policy daysBelowRequired shortfalls { date requiredHours hours } uncoveredRestDays { date required onDuty } } }`;
type Coverage = {
  dutyCoverage: { policy: string; daysBelowRequired: number; shortfalls: { date: string; requiredHours: number; hours: number }[]; uncoveredRestDays: { date: string; required: number; onDuty: number }[] };
};

describe('longshan-qihua duty by the work calendar (gateway)', () => {
  let p: PluginTestPlatform;
  let secretary: string;
  const admin = () => actors.countyAdmin(p.county.code);

  beforeAll(async () => {
    p = await startPluginTestPlatform({
      plugin,
      subgraphs: [personnel],
      // the county's own holiday (deployment config counties.<code>.calendar)
      calendar: { [TEST_COUNTY.slice(0, 6)]: { holidays: [{ date: '2026-04-20', zh: '本县民族节日', en: 'County ethnic holiday' }], workdays: [] } },
    });
    const posts = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string }[] } }>(
      admin(),
      `mutation ($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } } }`,
      { v: p.county.village(1) },
    );
    const secretaryPost = posts.applyPostTemplate.created.find((x) => x.code === 'secretary')!.id;
    const appointed = await p.client.ok<{ appointCadre: { cadre: { id: string } } }>(admin(), `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`, {
      i: { postId: secretaryPost, name: '向书记', gender: 'MALE', birthDate: '1980-01-01', educationLevel: 'BACHELOR', partyJoinDate: '2005-07-01', vetting: NINE, startDate: '2025-01-02' },
    });
    secretary = appointed.appointCadre.cadre.id;
    const checkIn = (date: string, hours: number) =>
      p.client.ok(admin(), `mutation ($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }`, { i: { cadreId: secretary, date, hours } });
    // 2026-09-30 (Wed) and 2026-10-08/09 worked in full; nobody on duty during the National Day break
    // nor on Saturday 2026-10-10, a weekend day worked (调休上班)
    for (const date of ['2026-09-30', '2026-10-08', '2026-10-09']) await checkIn(date, 6);
    await checkIn('2026-04-17', 6);
    await checkIn('2026-04-21', 6);
  }, 120000);
  afterAll(() => p?.stop());

  it('National Day 2026-10-01..07 is no shortfall but needs rest-day cover; Saturday 2026-10-10 (调休) is a working day', async () => {
    const report = (await p.client.ok<Coverage>(admin(), COVERAGE, { v: p.county.village(1), f: '2026-09-30', t: '2026-10-11' })).dutyCoverage;
    expect(report.policy).toBe('longshan-qihua');
    expect(report.shortfalls).toEqual([{ date: '2026-10-10', requiredHours: 6, hours: 0 }]);
    expect(report.uncoveredRestDays.map((d) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-11']);
    expect(report.uncoveredRestDays[0]).toEqual({ date: '2026-10-01', required: 1, onDuty: 0 });
  });

  it("the county's own holiday from the deployment config is a rest day there, and an ordinary Monday in the control county", async () => {
    const here = (await p.client.ok<Coverage>(admin(), COVERAGE, { v: p.county.village(1), f: '2026-04-20', t: '2026-04-21' })).dutyCoverage;
    expect(here.shortfalls).toEqual([]);
    expect(here.uncoveredRestDays).toEqual([{ date: '2026-04-20', required: 1, onDuty: 0 }]);
    const calendar = await p.client.ok<{ workCalendar: { provisional: boolean; days: { date: string; workday: boolean; holidayZh: string | null; countyOverride: boolean }[] } }>(
      admin(),
      `query ($c: String!) { workCalendar(countyCode: $c, year: 2026) { provisional days { date workday holidayZh countyOverride } } }`,
      { c: p.county.code },
    );
    expect(calendar.workCalendar.provisional).toBe(false);
    expect(calendar.workCalendar.days).toContainEqual({ date: '2026-04-20', workday: false, holidayZh: '本县民族节日', countyOverride: true });
    expect(calendar.workCalendar.days).toContainEqual({ date: '2026-10-01', workday: false, holidayZh: '国庆节', countyOverride: false });
    expect(calendar.workCalendar.days).toContainEqual({ date: '2026-10-10', workday: true, holidayZh: null, countyOverride: false });
    const control = await p.client.ok<{ workCalendar: { days: { date: string }[] } }>(admin(), `query ($c: String!) { workCalendar(countyCode: $c, year: 2026) { days { date } } }`, { c: p.control.code });
    expect(control.workCalendar.days.map((d) => d.date)).not.toContain('2026-04-20');
  });

  it('refuses a period in a year without calendar data, naming the field, the rule and the year', async () => {
    const res = await p.client.gql(admin(), COVERAGE, { v: p.county.village(1), f: '2023-12-30', t: '2024-01-02' });
    expect(p.client.codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ field: 'from', rule: 'CALENDAR_YEAR_UNKNOWN', value: 2023 });
    expect(res.errors![0].message).toMatch(/^工作日历没有2023年的节假日数据.*no holiday data for 2023/s);
    const year = await p.client.gql(admin(), `query { workCalendar(countyCode: "${p.county.code}", year: 2030) { year } }`, {});
    expect(res.data).toBeNull();
    expect(year.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'year', rule: 'CALENDAR_YEAR_UNKNOWN' });
  });
});
