import { subgraph as personnel } from '@xiangzhi/personnel';
import { actors, startPluginTestPlatform, type CountyCodes, type PluginTestPlatform } from '@xiangzhi/testing';
import plugin from './index';

/**
 * Through the real gateway: 党纪政务处分 are recorded (kind, organ, date, statutory period of effect),
 * restricted to county and township managers and audited; a sanction during service withholds the
 * departure honour (Suyu's 20-year medal and the baseline certificate); a sanction in effect raises
 * Suyu's PARTY_DISCIPLINE exit situation and is a disqualifying situation at eligibility.
 */

const VETTED = ['区纪委监委', '区委组织部', '区委政法委', '区公安分局', '区检察院', '区法院', '区信访局', '区卫健委', '区农业农村局'].map((department) => ({ department, passed: true }));
const RECORD = `mutation ($i: RecordDisciplinarySanctionInput!) { recordDisciplinarySanction(input: $i) {
  id category kind organ decidedOn probationYears effectMonths effectEndsOn effectBasis titleZh titleEn inEffect cadre { id } } }`;
const DISCHARGE = `mutation ($i: DischargeCadreInput!) { dischargeCadre(input: $i) { honor { honor payment decision { policy rule zh } } } }`;
const CHECK = `query ($i: CheckEligibilityInput!) { checkEligibility(input: $i) { eligible violations { rule zh policy } } }`;

interface Recorded {
  id: string;
  category: string;
  kind: string;
  organ: string;
  decidedOn: string;
  probationYears: number | null;
  effectMonths: number | null;
  effectEndsOn: string | null;
  effectBasis: string;
  titleZh: string;
  titleEn: string;
  inEffect: boolean;
}

describe('disciplinary sanctions (gateway)', () => {
  let p: PluginTestPlatform;
  const posts: Record<string, { id: string; code: string; category: string }[]> = {};
  const admin = (c: CountyCodes) => actors.countyAdmin(c.code);

  async function postsOf(c: CountyCodes): Promise<{ id: string; code: string; category: string }[]> {
    const data = await p.client.ok<{ applyPostTemplate: { created: { id: string; code: string; category: string }[] } }>(
      admin(c),
      `mutation ($v: String!) { applyPostTemplate(villageCode: $v) { created { id code category } } }`,
      { v: c.village(1) },
    );
    return data.applyPostTemplate.created;
  }

  async function appoint(c: CountyCodes, index: number, name: string, startDate: string): Promise<{ id: string; version: number }> {
    const post = posts[c.code][index];
    const data = await p.client.ok<{ appointCadre: { cadre: { id: string; version: number } } }>(admin(c), `mutation ($i: AppointCadreInput!) { appointCadre(input: $i) { cadre { id version } } }`, {
      i: { postId: post.id, name, gender: 'MALE', birthDate: '1975-03-01', educationLevel: 'BACHELOR', partyJoinDate: '2000-07-01', vetting: VETTED, startDate },
    });
    return data.appointCadre.cadre;
  }

  const record = async (c: CountyCodes, i: Record<string, unknown>) => (await p.client.ok<{ recordDisciplinarySanction: Recorded }>(admin(c), RECORD, { i })).recordDisciplinarySanction;

  beforeAll(async () => {
    p = await startPluginTestPlatform({ plugin, subgraphs: [personnel] });
    posts[p.county.code] = await postsOf(p.county);
    posts[p.control.code] = await postsOf(p.control);
  }, 120000);
  afterAll(() => p?.stop());

  it('records each kind with its statutory period of effect, audited; probation needs its period; expulsion has no end', async () => {
    const cadre = await appoint(p.county, 0, '记录对象', '2020-01-02');
    const audits = await p.rows('personnel')('audit_log', "action = 'recordDisciplinarySanction'");
    const serious = await record(p.county, { cadreId: cadre.id, kind: 'PARTY_SERIOUS_WARNING', organ: '区纪委', decidedOn: '2026-03-01', note: '宿纪发〔2026〕1号' });
    expect(serious).toMatchObject({ category: 'PARTY', effectMonths: 18, effectEndsOn: '2027-09-01', titleZh: '党纪处分：严重警告', titleEn: 'Party disciplinary sanction: serious warning', inEffect: true });
    expect(serious.effectBasis).toMatch(/一年半/);
    expect(await record(p.county, { cadreId: cadre.id, kind: 'GOVERNMENT_DEMERIT', organ: '区监委', decidedOn: '2026-02-10' })).toMatchObject({
      category: 'GOVERNMENT',
      effectMonths: 12,
      effectEndsOn: '2027-02-10',
    });
    expect(await record(p.county, { cadreId: cadre.id, kind: 'PARTY_WARNING', organ: '区纪委', decidedOn: '2024-01-31' })).toMatchObject({ effectMonths: 12, effectEndsOn: '2025-01-31', inEffect: false });
    expect(await record(p.county, { cadreId: cadre.id, kind: 'PARTY_PROBATION', organ: '区纪委', decidedOn: '2026-01-05', probationYears: 2 })).toMatchObject({
      probationYears: 2,
      effectMonths: 48,
      effectEndsOn: '2030-01-05',
    });
    expect(await record(p.county, { cadreId: cadre.id, kind: 'PARTY_EXPULSION', organ: '区纪委', decidedOn: '2026-05-05' })).toMatchObject({ effectMonths: null, effectEndsOn: null, inEffect: true });
    expect(await p.rows('personnel')('audit_log', "action = 'recordDisciplinarySanction'")).toBe(audits + 5);
    const listed = await p.client.ok<{ cadre: { disciplinarySanctions: { kind: string }[] } }>(admin(p.county), `query ($id: ID!) { cadre(id: $id) { disciplinarySanctions { kind } } }`, { id: cadre.id });
    expect(listed.cadre.disciplinarySanctions.map((s) => s.kind)).toEqual(['PARTY_WARNING', 'PARTY_PROBATION', 'GOVERNMENT_DEMERIT', 'PARTY_SERIOUS_WARNING', 'PARTY_EXPULSION']);
  });

  it('refuses bad input, future dates, village roles and other counties, writing nothing', async () => {
    const cadre = await appoint(p.county, 1, '拒绝对象', '2020-01-02');
    const before = await p.rows('personnel')('disciplinary_sanction');
    const probation = await p.client.gql(admin(p.county), RECORD, { i: { cadreId: cadre.id, kind: 'PARTY_PROBATION', organ: '区纪委', decidedOn: '2026-01-05' } });
    expect(probation.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'probationYears', rule: 'PROBATION_REQUIRED' });
    const future = await p.client.gql(admin(p.county), RECORD, { i: { cadreId: cadre.id, kind: 'PARTY_WARNING', organ: '区纪委', decidedOn: '2030-01-01' } });
    expect(future.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'decidedOn', rule: 'DATE_IN_FUTURE', value: '2030-01-01' });
    const expulsion = await p.client.gql(admin(p.county), RECORD, { i: { cadreId: cadre.id, kind: 'GOVERNMENT_EXPULSION', organ: '区监委', decidedOn: '2026-01-05', effectMonths: 12 } });
    expect(expulsion.errors![0].extensions).toMatchObject({ field: 'effectMonths', rule: 'EFFECT_NOT_APPLICABLE' });
    const village = await p.client.gql(actors.villageCadre(p.county.village(1)), RECORD, { i: { cadreId: cadre.id, kind: 'PARTY_WARNING', organ: '区纪委', decidedOn: '2026-01-05' } });
    expect(p.client.codeOf(village)).toBe('FORBIDDEN');
    const elsewhere = await p.client.gql(admin(p.control), RECORD, { i: { cadreId: cadre.id, kind: 'PARTY_WARNING', organ: '区纪委', decidedOn: '2026-01-05' } });
    expect(p.client.codeOf(elsewhere)).toBe('NOT_FOUND');
    expect(await p.rows('personnel')('disciplinary_sanction')).toBe(before);
  });

  it('a sanction during service withholds the Suyu 20-year honour and the baseline certificate; without one the honour is given', async () => {
    const clean = await appoint(p.county, 2, '无处分者', '2005-01-04');
    const sanctioned = await appoint(p.county, 3, '受处分者', '2005-01-04');
    await record(p.county, { cadreId: sanctioned.id, kind: 'GOVERNMENT_WARNING', organ: '区监委', decidedOn: '2010-05-01' });
    const discharge = (id: string, version: number, c = p.county) =>
      p.client.ok<{ dischargeCadre: { honor: { honor: string | null; payment: number; decision: { policy: string; rule: string; zh: string } } } }>(admin(c), DISCHARGE, {
        i: { cadreId: id, expectedVersion: version, departureType: 'NORMAL', date: '2026-11-30', reason: '任期届满' },
      });
    expect((await discharge(clean.id, clean.version)).dischargeCadre.honor).toMatchObject({ payment: 20000, decision: { policy: 'suyu-sanding', rule: 'SUYU_HONOR_TIER' } });
    const withheld = (await discharge(sanctioned.id, sanctioned.version)).dischargeCadre.honor;
    expect(withheld).toMatchObject({ honor: null, payment: 0, decision: { policy: 'suyu-sanding', rule: 'SUYU_HONOR_SANCTIONED' } });
    expect(withheld.decision.zh).toMatch(/1次党政纪处分/);

    const control = await appoint(p.control, 0, '基线受处分者', '2005-01-04');
    await record(p.control, { cadreId: control.id, kind: 'PARTY_WARNING', organ: '县纪委', decidedOn: '2012-03-01' });
    expect((await discharge(control.id, control.version, p.control)).dischargeCadre.honor).toMatchObject({ honor: null, decision: { policy: 'baseline', rule: 'HONOR_SANCTIONED' } });
  });

  it('Suyu: a sanction in effect raises the PARTY_DISCIPLINE exit situation (flags and review); an expired one does not; it cannot be flagged by hand', async () => {
    const cadre = await appoint(p.county, 4, '影响期内者', '2019-01-02');
    const expired = await appoint(p.county, 5, '期满者', '2019-01-02');
    const sanction = await record(p.county, { cadreId: cadre.id, kind: 'PARTY_WARNING', organ: '区纪委', decidedOn: '2026-06-01' });
    await record(p.county, { cadreId: expired.id, kind: 'GOVERNMENT_WARNING', organ: '区监委', decidedOn: '2024-01-10' });
    type Flags = { cadre: { suyuExitFlags: { id: string; situation: string; foundOn: string; flaggedBy: string }[] } };
    const FLAGS = `query ($id: ID!) { cadre(id: $id) { suyuExitFlags { id situation foundOn flaggedBy } } }`;
    expect((await p.client.ok<Flags>(admin(p.county), FLAGS, { id: cadre.id })).cadre.suyuExitFlags).toEqual([
      { id: sanction.id, situation: 'PARTY_DISCIPLINE', foundOn: '2026-06-01', flaggedBy: `disciplinary-sanction:${sanction.id}` },
    ]);
    expect((await p.client.ok<Flags>(admin(p.county), FLAGS, { id: expired.id })).cadre.suyuExitFlags).toEqual([]);
    const review = await p.client.ok<{ suyuExitReview: { nodes: { id: string }[] } }>(admin(p.county), `query ($r: String!) { suyuExitReview(regionCode: $r) { nodes { id } } }`, { r: p.county.village(1) });
    expect(review.suyuExitReview.nodes.map((n) => n.id)).toContain(cadre.id);
    expect(review.suyuExitReview.nodes.map((n) => n.id)).not.toContain(expired.id);
    const byHand = await p.client.gql(admin(p.county), `mutation ($i: FlagSuyuExitSituationInput!) { flagSuyuExitSituation(input: $i) { id } }`, {
      i: { cadreId: expired.id, situation: 'PARTY_DISCIPLINE', foundOn: '2026-06-01', note: '受处分' },
    });
    expect(byHand.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'situation', rule: 'RAISED_BY_SANCTION' });

    // eligibility: the sanction in effect is the disqualifying situation, until its period ends
    const other = posts[p.county.code].find((x, i) => i > 5 && x.category !== 'PARTY_SECRETARY')!;
    const check = (asOf: string) =>
      p.client.ok<{ checkEligibility: { eligible: boolean; violations: { rule: string; zh: string; policy: string }[] } }>(admin(p.county), CHECK, { i: { postId: other.id, cadreId: cadre.id, vetting: VETTED, asOf } });
    const during = (await check('2026-12-01')).checkEligibility;
    expect(during.eligible).toBe(false);
    expect(during.violations).toEqual([expect.objectContaining({ rule: 'SUYU_EXIT_SITUATION', policy: 'suyu-sanding', zh: expect.stringContaining('党纪政务处分') })]);
    expect((await check('2027-06-01')).checkEligibility).toMatchObject({ eligible: true, violations: [] });
  });

  it('baseline eligibility: a sanction in effect is the disqualifying situation PARTY_DISCIPLINE', async () => {
    const cadre = await appoint(p.control, 1, '基线影响期内者', '2019-01-02');
    await record(p.control, { cadreId: cadre.id, kind: 'GOVERNMENT_MAJOR_DEMERIT', organ: '县监委', decidedOn: '2026-02-01' });
    const other = posts[p.control.code][2];
    const res = await p.client.ok<{ checkEligibility: { eligible: boolean; violations: { rule: string; zh: string; policy: string }[] } }>(admin(p.control), CHECK, {
      i: { postId: other.id, cadreId: cadre.id, vetting: VETTED, asOf: '2026-12-01' },
    });
    expect(res.checkEligibility.violations).toEqual([{ rule: 'DISQUALIFYING_SITUATION', zh: '存在不宜提名情形：受党纪政务处分尚在影响期内', policy: 'baseline' }]);
  });
});
