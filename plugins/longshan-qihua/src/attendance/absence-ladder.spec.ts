import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from '../index';

/**
 * Through the real gateway: the absence ladder (Longshan's 30% / month + 诫勉谈话 / quarter + removal,
 * and the baseline's reminder / admonishment / criticism) counts findings by date within the calendar
 * year. A back-dated finding arriving after a later one was sanctioned is refused (CONFLICT, rule FINDING_BACKDATED):
 * a decided sanction is final, so the order of entry can never make a January absence "the second".
 */

const NINE = ['县纪委监委', '县委组织部', '县委政法委', '县公安局', '县检察院', '县法院', '县信访局', '县卫健局', '县农业农村局'].map((department) => ({ department, passed: true }));
const FINDING = `mutation ($i: RecordInspectionFindingInput!) { recordInspectionFinding(input: $i) {
  finding { foundOn occurrenceInYear } sanction { measures deductionShare decision { policy rule } } } }`;
type Finding = { recordInspectionFinding: { finding: { foundOn: string; occurrenceInYear: number }; sanction: { measures: string[]; deductionShare: number; decision: { policy: string; rule: string } } } };

describe('absence ladder by date (gateway)', () => {
  let p: PluginTestPlatform;

  async function secretaryOf(county: 'county' | 'control'): Promise<string> {
    const codes = p[county];
    const admin = actors.countyAdmin(codes.code);
    const posts = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string }[] } }>(admin, `mutation ($v: String!) { applyPostTemplate(villageCode: $v) { created { id code } } }`, {
      v: codes.village(1),
    });
    const post = posts.applyPostTemplate.created.find((x) => x.code === 'secretary')!.id;
    const data = await p.client.ok<{ appointCadre: { cadre: { id: string } } }>(admin, `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id } } }`, {
      i: { postId: post, name: `${county}书记`, gender: 'FEMALE', birthDate: '1980-05-01', educationLevel: 'BACHELOR', partyJoinDate: '2004-07-01', vetting: NINE, startDate: '2024-01-02' },
    });
    return data.appointCadre.cadre.id;
  }

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [personnel] });
  }, 120000);
  afterAll(() => p?.stop());

  it('Longshan: a January finding entered after a November one is refused, naming the rule and the later finding; nothing is written', async () => {
    const cadreId = await secretaryOf('county');
    const officer = actors.townshipOfficer(p.county.township(1));
    const november = (await p.client.ok<Finding>(officer, FINDING, { i: { cadreId, date: '2026-11-10' } })).recordInspectionFinding;
    expect(november.finding.occurrenceInYear).toBe(1);
    expect(november.sanction).toMatchObject({ deductionShare: 0.3, decision: { policy: 'longshan-qihua', rule: 'LONGSHAN_ABSENCE_FIRST' } });

    const findings = await p.rows('personnel')('inspection_finding');
    const sanctions = await p.rows('personnel')('sanction');
    const january = await p.client.gql(officer, FINDING, { i: { cadreId, date: '2026-01-15' } });
    expect(p.client.codeOf(january)).toBe('CONFLICT');
    expect(january.errors![0].extensions).toMatchObject({ field: 'date', rule: 'FINDING_BACKDATED', value: '2026-01-15', latestFinding: '2026-11-10' });
    expect(january.errors![0].message).toMatch(/^擅自离岗按发现日期在年内计次.*2026-11-10.*Unreported absences are counted by date within the calendar year/s);
    expect(await p.rows('personnel')('inspection_finding')).toBe(findings);
    expect(await p.rows('personnel')('sanction')).toBe(sanctions);

    // a later date goes on counting: the second of 2026; another year starts again at 1
    const december = (await p.client.ok<Finding>(officer, FINDING, { i: { cadreId, date: '2026-11-20' } })).recordInspectionFinding;
    expect(december.finding.occurrenceInYear).toBe(2);
    expect(december.sanction.decision.rule).toBe('LONGSHAN_ABSENCE_SECOND');
    const lastYear = (await p.client.ok<Finding>(officer, FINDING, { i: { cadreId, date: '2025-06-03' } })).recordInspectionFinding;
    expect(lastYear.finding.occurrenceInYear).toBe(1);
    expect(lastYear.sanction.decision.rule).toBe('LONGSHAN_ABSENCE_FIRST');
  });

  it('the baseline ladder counts by date too: the back-dated finding is refused in a county without the plugin', async () => {
    const cadreId = await secretaryOf('control');
    const officer = actors.countyAdmin(p.control.code);
    const first = (await p.client.ok<Finding>(officer, FINDING, { i: { cadreId, date: '2026-11-10' } })).recordInspectionFinding;
    expect(first.sanction.decision).toEqual({ policy: 'baseline', rule: 'ABSENCE_FIRST' });
    const back = await p.client.gql(officer, FINDING, { i: { cadreId, date: '2026-01-15' } });
    expect(back.errors![0].extensions).toMatchObject({ code: 'CONFLICT', rule: 'FINDING_BACKDATED' });
    const second = (await p.client.ok<Finding>(officer, FINDING, { i: { cadreId, date: '2026-11-12' } })).recordInspectionFinding;
    expect(second.finding.occurrenceInYear).toBe(2);
    expect(second.sanction.decision.rule).toBe('ABSENCE_SECOND');
  });
});
