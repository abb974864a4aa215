/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import 'reflect-metadata';
import { Role, type Actor } from '@xiangzhi/kernel';
import { countQueries, graphqlClient, rowCounter, startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { Cadre, CadreStatus } from '../cadre/cadre.entity';
import type { Post } from '../post/post.entity';
import { arrangeRegions, assignPost, baselineScores, insertBaselinePosts, insertCadre, insertHolder } from '../testing/fixtures';
import { subgraph as personnel } from '../index';

/** Appraisals of Longshan villages; quotas and the rank review in two other counties of their own. */
const COUNTY = '433130000000';
const TOWNSHIP = '433130101000';
const VILLAGE = '433130101201';
const RATED_COUNTY = '433125000000';
const RATED_TOWNSHIP = '433125102000';
const RATED_VILLAGES = ['433125102201', '433125102202'];
const SMALL_COUNTY = '433126000000';

const countyAdmin: Actor = { id: 'admin-c', roles: [Role.COUNTY_ADMIN], scope: COUNTY };
const townshipOfficer: Actor = { id: 'officer-t', roles: [Role.TOWNSHIP_OFFICER], scope: TOWNSHIP };
const villageCadre: Actor = { id: 'cadre-v', roles: [Role.VILLAGE_CADRE], scope: VILLAGE };
const ratedAdmin: Actor = { id: 'admin-r', roles: [Role.COUNTY_ADMIN], scope: RATED_COUNTY };
const ratedOfficer: Actor = { id: 'officer-r', roles: [Role.TOWNSHIP_OFFICER], scope: RATED_TOWNSHIP };
const smallAdmin: Actor = { id: 'admin-s', roles: [Role.COUNTY_ADMIN], scope: SMALL_COUNTY };

const APPRAISAL = `id villageCode periodType period total provisionalRating finalRating policy version
  scores { dimension title weight score }
  ratingDecision { policy rule zh en } finalDecision { policy rule zh en } cadre { id name }`;
const RECORD = `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { ${APPRAISAL} } }`;
const FINALIZE = `mutation($t: String!, $y: Int!) { finalizeAnnualRatings(townshipCode: $t, year: $y) { townshipCode year policy ratings { ${APPRAISAL} } } }`;
const REVIEW = `mutation($c: String!, $y: Int!) { runRankReview(countyCode: $c, year: $y) {
  countyCode year policy changes { id year fromLevel toLevel decision { policy rule zh en } cadre { id name rankLevel } } } }`;

let platform: TestPlatform;
let ds: DataSource;
const count = rowCounter(() => ds);
/** The secretary (highest post) of VILLAGE, and a cadre holding no post. */
let secretary: Cadre;
let idle: Cadre;

const { gql, ok, codeOf } = graphqlClient<Record<string, any>>(() => platform);

/** A cadre holding a post of a village (the village's baseline posts are inserted once). */
const postsByVillage = new Map<string, Post[]>();
async function cadreWithPost(villageCode: string, name: string, postIndex: number, fields: Partial<Cadre> = {}): Promise<Cadre> {
  let posts = postsByVillage.get(villageCode);
  if (!posts) {
    posts = await insertBaselinePosts(ds, villageCode);
    postsByVillage.set(villageCode, posts);
  }
  return insertHolder(ds, posts[postIndex], { name, ...fields });
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [personnel] });
  ds = platform.subgraphs.personnel.db.dataSource;
  await arrangeRegions(ds, ['433125102201', '433125102202', '433125102203', '433126101201', '433130101201']);
  secretary = await cadreWithPost(VILLAGE, '张书记', 0);
  // the secretary also serves as director: the secretary's dimensions still apply (highest post)
  await assignPost(ds, postsByVillage.get(VILLAGE)![2], secretary);
  idle = await insertCadre(ds, { villageCode: VILLAGE, name: '闲置' });
}, 120000);

afterAll(() => platform?.stop());

describe('appraisalDimensions', () => {
  it('lists the baseline 德能勤绩廉 dimensions with their weights and the policy source', async () => {
    const data = await ok(villageCadre, `query($r: String!) { appraisalDimensions(regionCode: $r, category: PARTY_SECRETARY) { code title weight policy } }`, { r: VILLAGE });
    expect(data.appraisalDimensions).toEqual([
      { code: 'morality', title: '德', weight: 0.2, policy: 'baseline' },
      { code: 'ability', title: '能', weight: 0.2, policy: 'baseline' },
      { code: 'diligence', title: '勤', weight: 0.2, policy: 'baseline' },
      { code: 'results', title: '绩', weight: 0.3, policy: 'baseline' },
      { code: 'integrity', title: '廉', weight: 0.1, policy: 'baseline' },
    ]);
  });

  it('refuses a code above county level', async () => {
    const res = await gql(countyAdmin, `{ appraisalDimensions(regionCode: "430000000000", category: PARTY_SECRETARY) { code } }`, {});
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
  });
});

describe('recordAppraisal', () => {
  it('weights a monthly appraisal 20/20/20/30/10 and stores every score with its dimension', async () => {
    const data = await ok(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-03', scores: baselineScores([90, 80, 85, 70, 100]) } });
    const a = data.recordAppraisal;
    // 0.2×90 + 0.2×80 + 0.2×85 + 0.3×70 + 0.1×100 = 18 + 16 + 17 + 21 + 10
    expect(a.total).toBe(82);
    expect(a).toMatchObject({ periodType: 'MONTH', period: '2024-03', villageCode: VILLAGE, policy: 'baseline', version: 1, provisionalRating: null, ratingDecision: null, finalRating: null });
    expect(a.cadre).toEqual({ id: secretary.id, name: '张书记' });
    expect(a.scores).toEqual([
      { dimension: 'morality', title: '德', weight: 0.2, score: 90 },
      { dimension: 'ability', title: '能', weight: 0.2, score: 80 },
      { dimension: 'diligence', title: '勤', weight: 0.2, score: 85 },
      { dimension: 'results', title: '绩', weight: 0.3, score: 70 },
      { dimension: 'integrity', title: '廉', weight: 0.1, score: 100 },
    ]);
    const [row] = (await ds.query(`SELECT township_code, county_code, appraiser FROM appraisal WHERE id = $1`, [a.id])) as Record<string, string>[];
    expect(row).toEqual({ township_code: TOWNSHIP, county_code: COUNTY, appraiser: 'officer-t' });
  });

  it('gives an annual appraisal a provisional rating from the thresholds, with the rule and policy', async () => {
    const data = await ok(countyAdmin, RECORD, { i: { cadreId: secretary.id, periodType: 'YEAR', period: '2023', scores: baselineScores([95, 92, 88, 91, 90]) } });
    const a = data.recordAppraisal;
    // 19 + 18.4 + 17.6 + 27.3 + 9
    expect(a.total).toBe(91.3);
    expect(a.provisionalRating).toBe('EXCELLENT');
    expect(a.ratingDecision).toMatchObject({ policy: 'baseline', rule: 'RATING_THRESHOLD' });
    expect(a.ratingDecision.zh).toContain('优秀');
    expect(a.finalRating).toBeNull();
  });

  it('refuses scores that miss or invent a dimension, naming them, and writes nothing', async () => {
    const before = await count('appraisal', 'cadre_id = $1', [secretary.id]);
    const audits = await count('audit_log', `action IN ('recordAppraisal', 'reviseAppraisal')`, []);
    const res = await gql(townshipOfficer, RECORD, {
      i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-04', scores: [...baselineScores(80).filter((s) => s.dimension !== 'integrity'), { dimension: 'charisma', score: 70 }] },
    });
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0].extensions).toMatchObject({ missing: ['integrity'], unknown: ['charisma'] });
    expect(res.errors![0].message).toContain('integrity');
    expect(await count('appraisal', 'cadre_id = $1', [secretary.id])).toBe(before);
    expect(await count('audit_log', `action IN ('recordAppraisal', 'reviseAppraisal')`, [])).toBe(audits);
  });

  it('refuses a period that does not match its type, scores outside 0–100 and a cadre holding no post', async () => {
    const quarterAsMonth = await gql(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-Q2', scores: baselineScores(80) } });
    expect(codeOf(quarterAsMonth)).toBe('BAD_USER_INPUT');
    const yearAsQuarter = await gql(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'QUARTER', period: '2024', scores: baselineScores(80) } });
    expect(codeOf(yearAsQuarter)).toBe('BAD_USER_INPUT');
    const tooHigh = await gql(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'QUARTER', period: '2024-Q2', scores: baselineScores(80, { results: 101 }) } });
    expect(codeOf(tooHigh)).toBe('BAD_USER_INPUT');
    const noPost = await gql(townshipOfficer, RECORD, { i: { cadreId: idle.id, periodType: 'MONTH', period: '2024-03', scores: baselineScores(80) } });
    expect(codeOf(noPost)).toBe('BAD_USER_INPUT');
    expect(await count('appraisal', `period IN ('2024-Q2', '2024')`, [])).toBe(0);
  });

  it('lets only county and township managers in scope appraise', async () => {
    const cadre = await gql(villageCadre, RECORD, { i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-05', scores: baselineScores(80) } });
    expect(codeOf(cadre)).toBe('FORBIDDEN');
    const otherCounty = await gql(ratedAdmin, RECORD, { i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-05', scores: baselineScores(80) } });
    expect(codeOf(otherCounty)).toBe('NOT_FOUND'); // a cadre outside the scope: as a missing id
  });

  it('answers CONFLICT for a second appraisal of the same period, revises with expectedVersion, and refuses a stale version', async () => {
    const first = await ok(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'QUARTER', period: '2024-Q1', scores: baselineScores(80) } });
    expect(first.recordAppraisal).toMatchObject({ total: 80, version: 1 });
    const again = await gql(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'QUARTER', period: '2024-Q1', scores: baselineScores(90) } });
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors![0].message).toContain('expectedVersion');
    const revised = await ok(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'QUARTER', period: '2024-Q1', scores: baselineScores(90), expectedVersion: 1 } });
    expect(revised.recordAppraisal).toMatchObject({ id: first.recordAppraisal.id, total: 90, version: 2 });
    const stale = await gql(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'QUARTER', period: '2024-Q1', scores: baselineScores(70), expectedVersion: 1 } });
    expect(codeOf(stale)).toBe('CONFLICT');
    const [row] = (await ds.query(`SELECT total, version FROM appraisal WHERE id = $1`, [first.recordAppraisal.id])) as { total: string; version: number }[];
    expect({ total: Number(row.total), version: row.version }).toEqual({ total: 90, version: 2 });
  });

  it('lets exactly one of two concurrent revisions with the same expectedVersion through', async () => {
    const created = await ok(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-06', scores: baselineScores(75) } });
    const revise = (score: number) => gql(townshipOfficer, RECORD, { i: { cadreId: secretary.id, periodType: 'MONTH', period: '2024-06', scores: baselineScores(score), expectedVersion: 1 } });
    const results = await Promise.all([revise(85), revise(95)]);
    const codes = results.map((r) => codeOf(r) ?? 'OK').sort();
    expect(codes).toEqual(['CONFLICT', 'OK']);
    const winner = results.find((r) => !r.errors)!.data as Record<string, any>;
    const [row] = (await ds.query(`SELECT total, version FROM appraisal WHERE id = $1`, [created.recordAppraisal.id])) as { total: string; version: number }[];
    expect({ total: Number(row.total), version: row.version }).toEqual({ total: winner.recordAppraisal.total, version: 2 });
  });

  it('lists a cadre’s appraisals by period type through Cadre.appraisals', async () => {
    const data = await ok(villageCadre, `query($id: ID!) { cadre(id: $id) { all: appraisals { period } years: appraisals(periodType: YEAR) { period total provisionalRating } } }`, { id: secretary.id });
    expect(data.cadre.years).toEqual([{ period: '2023', total: 91.3, provisionalRating: 'EXCELLENT' }]);
    expect(data.cadre.all.map((a: { period: string }) => a.period)).toEqual(['2023', '2024-03', '2024-06', '2024-Q1']);
  });
});

describe('annual ratings and the rank review', () => {
  /** Ten rated cadres (four at 90 or more), plus one who left office with the best total. */
  const totals = [98, 95, 93, 91, 85, 80, 75, 72, 65, 55];
  let rated: Cadre[];
  let departed: Cadre;

  beforeAll(async () => {
    rated = [];
    for (const [i, total] of totals.entries()) {
      const level = total === 98 ? 6 : total === 55 ? 4 : total === 85 ? 3 : null;
      const cadre = await cadreWithPost(RATED_VILLAGES[i % 2], `干部${i + 1}`, Math.floor(i / 2), { rankLevel: level });
      await ok(ratedOfficer, RECORD, { i: { cadreId: cadre.id, periodType: 'YEAR', period: '2024', scores: baselineScores(total) } });
      rated.push(cadre);
    }
    departed = await cadreWithPost('433125102203', '已离任', 0);
    await ok(ratedOfficer, RECORD, { i: { cadreId: departed.id, periodType: 'YEAR', period: '2024', scores: baselineScores(99) } });
    await ds.getRepository(Cadre).update({ id: departed.id }, { status: CadreStatus.LEFT, departureDate: '2024-12-01' });
  }, 60000);

  it('limits 优秀 to 20% of the township’s rated cadres: the two best stay EXCELLENT, the other two become COMPETENT', async () => {
    const data = await ok(ratedOfficer, FINALIZE, { t: RATED_TOWNSHIP, y: 2024 });
    const result = data.finalizeAnnualRatings;
    expect(result).toMatchObject({ townshipCode: RATED_TOWNSHIP, year: 2024, policy: 'baseline' });
    expect(result.ratings.map((r: any) => r.cadre.id)).toEqual(rated.map((c) => c.id));
    expect(result.ratings.map((r: any) => [r.total, r.provisionalRating, r.finalRating])).toEqual([
      [98, 'EXCELLENT', 'EXCELLENT'],
      [95, 'EXCELLENT', 'EXCELLENT'],
      [93, 'EXCELLENT', 'COMPETENT'],
      [91, 'EXCELLENT', 'COMPETENT'],
      [85, 'COMPETENT', 'COMPETENT'],
      [80, 'COMPETENT', 'COMPETENT'],
      [75, 'COMPETENT', 'COMPETENT'],
      [72, 'COMPETENT', 'COMPETENT'],
      [65, 'BASIC', 'BASIC'],
      [55, 'INCOMPETENT', 'INCOMPETENT'],
    ]);
    expect(result.ratings.map((r: any) => r.finalDecision.rule)).toEqual([
      'EXCELLENT_WITHIN_QUOTA',
      'EXCELLENT_WITHIN_QUOTA',
      'EXCELLENT_QUOTA_EXCEEDED',
      'EXCELLENT_QUOTA_EXCEEDED',
      'RATING_THRESHOLD',
      'RATING_THRESHOLD',
      'RATING_THRESHOLD',
      'RATING_THRESHOLD',
      'RATING_THRESHOLD',
      'RATING_THRESHOLD',
    ]);
    for (const r of result.ratings) expect(r.finalDecision.policy).toBe('baseline');
    expect(result.ratings[2].finalDecision.zh).toContain('超出优秀名额（2名');
    const [{ final_rating }] = (await ds.query(`SELECT final_rating FROM appraisal WHERE cadre_id = $1`, [departed.id])) as { final_rating: string | null }[];
    expect(final_rating).toBeNull();
    const [event] = (await ds.query(`SELECT payload FROM personnel_event WHERE name = 'personnel.rating.finalized' ORDER BY id DESC LIMIT 1`)) as { payload: any }[];
    expect(event.payload).toMatchObject({ townshipCode: RATED_TOWNSHIP, year: 2024 });
    expect(event.payload.ratings).toHaveLength(10);
    expect(event.payload.ratings[0]).toEqual({ cadreId: rated[0].id, rating: 'EXCELLENT' });
  });

  it('recomputes the same ratings when run again, and shows them as Cadre.annualRating', async () => {
    const data = await ok(ratedAdmin, FINALIZE, { t: RATED_TOWNSHIP, y: 2024 });
    expect(data.finalizeAnnualRatings.ratings.map((r: any) => r.finalRating).filter((r: string) => r === 'EXCELLENT')).toHaveLength(2);
    const view = await ok(ratedOfficer, `query($a: ID!, $b: ID!) { a: cadre(id: $a) { annualRating(year: 2024) last: annualRating(year: 2023) } b: cadre(id: $b) { annualRating(year: 2024) } }`, { a: rated[0].id, b: rated[2].id });
    expect(view).toEqual({ a: { annualRating: 'EXCELLENT', last: null }, b: { annualRating: 'COMPETENT' } });
  });

  it('refuses to revise a finalized annual appraisal, a code that is not a township, and other scopes', async () => {
    const revise = await gql(ratedOfficer, RECORD, { i: { cadreId: rated[2].id, periodType: 'YEAR', period: '2024', scores: baselineScores(99), expectedVersion: 3 } });
    expect(codeOf(revise)).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(ratedAdmin, FINALIZE, { t: RATED_VILLAGES[0], y: 2024 }))).toBe('BAD_USER_INPUT');
    expect(codeOf(await gql(townshipOfficer, FINALIZE, { t: RATED_TOWNSHIP, y: 2024 }))).toBe('FORBIDDEN');
  });

  it('moves an EXCELLENT cadre up one level and an INCOMPETENT one down, with the rule and policy of each change', async () => {
    const data = await ok(ratedAdmin, REVIEW, { c: RATED_COUNTY, y: 2024 });
    const result = data.runRankReview;
    expect(result).toMatchObject({ countyCode: RATED_COUNTY, year: 2024, policy: 'baseline' });
    // every ACTIVE cadre of the county, the departed one excluded
    expect(result.changes).toHaveLength(10);
    const change = (c: Cadre) => result.changes.find((x: any) => x.cadre.id === c.id);
    expect(change(rated[0])).toMatchObject({ year: 2024, fromLevel: 6, toLevel: 5, decision: { policy: 'baseline', rule: 'RANK_UP_EXCELLENT' }, cadre: { rankLevel: 5 } });
    expect(change(rated[9])).toMatchObject({ fromLevel: 4, toLevel: 5, decision: { policy: 'baseline', rule: 'RANK_DOWN_INCOMPETENT' }, cadre: { rankLevel: 5 } });
    expect(change(rated[4])).toMatchObject({ fromLevel: 3, toLevel: 3, decision: { rule: 'RANK_KEPT' } });
    // unranked: starts from the initial level (fromLevel null); the 3rd best was capped to COMPETENT
    expect(change(rated[2])).toMatchObject({ fromLevel: null, toLevel: 6, decision: { rule: 'RANK_KEPT' } });
    expect(change(rated[1])).toMatchObject({ fromLevel: null, toLevel: 5, decision: { rule: 'RANK_UP_EXCELLENT' } });
    const view = await ok(ratedOfficer, `query($id: ID!) { cadre(id: $id) { rankLevel rank { level title monthlyPay } rankHistory { year fromLevel toLevel decision { rule } } } }`, { id: rated[0].id });
    expect(view.cadre).toEqual({ rankLevel: 5, rank: { level: 5, title: '五级', monthlyPay: 100 }, rankHistory: [{ year: 2024, fromLevel: 6, toLevel: 5, decision: { rule: 'RANK_UP_EXCELLENT' } }] });
  });

  it('answers CONFLICT when the year is reviewed again, and changes nothing', async () => {
    const res = await gql(ratedAdmin, REVIEW, { c: RATED_COUNTY, y: 2024 });
    expect(codeOf(res)).toBe('CONFLICT');
    expect(res.errors![0].message).toContain('already reviewed');
    expect(await count('rank_change', 'county_code = $1', [RATED_COUNTY])).toBe(10);
    const [{ rank_level }] = (await ds.query(`SELECT rank_level FROM cadre WHERE id = $1`, [rated[0].id])) as { rank_level: number }[];
    expect(rank_level).toBe(5);
  });

  it('is for county administrators only, and shows no rank for an unranked cadre', async () => {
    expect(codeOf(await gql(ratedOfficer, REVIEW, { c: RATED_COUNTY, y: 2025 }))).toBe('FORBIDDEN');
    expect(codeOf(await gql(ratedAdmin, REVIEW, { c: RATED_TOWNSHIP, y: 2025 }))).toBe('BAD_USER_INPUT');
    const view = await ok(countyAdmin, `query($id: ID!) { cadre(id: $id) { rank { level } rankHistory { year } } }`, { id: secretary.id });
    expect(view.cadre).toEqual({ rank: null, rankHistory: [] });
  });

  it('runs the same number of SQL statements for a county of 2 cadres as for one of 10', async () => {
    for (const [i, name] of ['甲', '乙'].entries()) await cadreWithPost('433126101201', name, i);
    const small = await countQueries(platform.subgraphs.personnel, () => ok(smallAdmin, `mutation { runRankReview(countyCode: "${SMALL_COUNTY}", year: 2023) { changes { id } } }`));
    const large = await countQueries(platform.subgraphs.personnel, () => ok(ratedAdmin, `mutation { runRankReview(countyCode: "${RATED_COUNTY}", year: 2023) { changes { id } } }`));
    expect(small.result.runRankReview.changes).toHaveLength(2);
    expect(large.result.runRankReview.changes).toHaveLength(10);
    expect(large.count).toBe(small.count);
  });
});
