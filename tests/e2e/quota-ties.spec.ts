/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { graphqlClient, startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';

/**
 * A tie at the 优秀 quota's cut-off is not decided silently: `finalizeAnnualRatings` states the
 * tie-break rule (bilingual) and names the candidates tied at the cut-off, who was admitted and who
 * was not (national baseline: 20% of a township's rated cadres; the longer service goes first).
 */
describe('finalizeAnnualRatings: the tie-break at the quota’s cut-off', () => {
  let platform: TestPlatform;
  const { ok } = graphqlClient<Record<string, any>>(() => platform);
  const fixtures = testFixtures(() => platform);

  const RECORD = `mutation($i: RecordAppraisalInput!) { recordAppraisal(input: $i) { total provisionalRating } }`;
  const FINALIZE = `mutation($t: String!, $y: Int!) { finalizeAnnualRatings(townshipCode: $t, year: $y) {
    policy tieBreak { policy rule zh en } ties { quota total places tied { cadreId name admitted } }
    ratings { cadre { id } total finalRating } } }`;
  const scores = (score: number) => ['morality', 'ability', 'diligence', 'results', 'integrity'].map((dimension) => ({ dimension, score }));

  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  }, 120000);
  afterAll(() => platform?.stop());

  it('names the cadres tied for the one 优秀 place of five and admits the one with the longer service', async () => {
    const v = await fixtures.village({
      code: '990101101201',
      cadres: [
        { name: '张早任', startDate: '2012-05-01' },
        { name: '王晚任', startDate: '2018-03-01' },
        { name: '李中任', startDate: '2015-01-01' },
        { name: '赵称职', startDate: '2016-01-01' },
        { name: '刘称职', startDate: '2016-01-01' },
      ],
    });
    const [early, late, middle, c1, c2] = v.cadres;
    for (const [cadre, score] of [
      [late, 93],
      [early, 93],
      [middle, 93],
      [c1, 80],
      [c2, 75],
    ] as const) {
      const res = await ok(v.admin, RECORD, { i: { cadreId: cadre.id, periodType: 'YEAR', period: '2025', scores: scores(score) } });
      expect(res.recordAppraisal.total).toBe(score);
    }
    const { finalizeAnnualRatings: result } = await ok(v.admin, FINALIZE, { t: v.townshipCode, y: 2025 });
    // floor(5 × 20%) = 1 place, three at 93: the earliest start of service (2012) is admitted
    const rating = Object.fromEntries(result.ratings.map((r: any) => [r.cadre.id, r.finalRating]));
    expect([rating[early.id], rating[middle.id], rating[late.id]]).toEqual(['EXCELLENT', 'COMPETENT', 'COMPETENT']);
    expect(result.tieBreak).toEqual({
      policy: 'baseline',
      rule: 'TIE_LONGER_SERVICE',
      zh: '名额边界总分相同时，任职时间早（任职年限长）者优先；任职时间也相同时按干部标识顺序',
      en: 'equal totals at a quota’s cut-off: the earlier start of service (the longer service) goes first; with the same start, by cadre identifier',
    });
    expect(result.ties).toEqual([
      {
        quota: 'EXCELLENT_QUOTA',
        total: 93,
        places: 1,
        tied: [
          { cadreId: early.id, name: '张早任', admitted: true },
          { cadreId: middle.id, name: '李中任', admitted: false },
          { cadreId: late.id, name: '王晚任', admitted: false },
        ],
      },
    ]);
  });
});
