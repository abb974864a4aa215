import { jiangxi135Config } from '../config';
import { headGooseIndex, type HeadGooseFacts } from './head-goose.index';

const config = jiangxi135Config.parse({}).headGoose;

const facts: HeadGooseFacts = {
  appraisal: { year: '2025', total: 90 },
  trainingDays: 4,
  partyPoints: { members: 12, average: 24 },
  incidents: { total: 12, closed: 8, due: 10, closedOnTime: 7, averageRating: 4.5 },
};

describe('headGooseIndex (头雁指数)', () => {
  it('weights appraisal 0.3, training 0.1, Party points 0.1, on-time handling 0.15, rating 0.05 and the governance indicators 0.1, 0.1, 0.05, 0.05', () => {
    expect(config.weights).toEqual({
      appraisal: 0.3,
      training: 0.1,
      partyPoints: 0.1,
      incidentOnTime: 0.15,
      incidentRating: 0.05,
      disputesResolved: 0.1,
      civilityLists: 0.1,
      disclosureOnTime: 0.05,
      collectiveIncome: 0.05,
    });
    const governance = { disputesOpened: 10, disputesClosed: 8, listsPublished: 4, listsClean: 3, disclosures: 8, disclosuresOnTime: 8, operatingIncomeFen: 6_000_000n };
    const { index, parts } = headGooseIndex({ ...facts, governance }, config);
    expect(parts.map((p) => [p.code, p.weight, p.value])).toEqual([
      ['ANNUAL_APPRAISAL', 0.3, 90],
      ['TRAINING', 0.1, 80], // 4 of 5 days
      ['PARTY_POINTS', 0.1, 80], // 24 of 30 points
      ['INCIDENT_ON_TIME', 0.15, 70], // 7 of the 10 due (2 more reported, not yet due)
      ['INCIDENT_RATING', 0.05, 90], // 4.5 of 5
      ['DISPUTES_RESOLVED', 0.1, 80], // 8 of 10 disputes closed
      ['CIVILITY_LISTS', 0.1, 75], // 3 of 4 lists without a black-list household
      ['DISCLOSURE_ON_TIME', 0.05, 100], // 8 of 8 on time
      ['COLLECTIVE_INCOME', 0.05, 60], // 60,000 of 100,000 CNY
    ]);
    // 27 + 8 + 8 + 10.5 + 4.5 + 8 + 7.5 + 5 + 3 = 81.5
    expect(index).toBe(81.5);
    expect(parts.find((p) => p.code === 'COLLECTIVE_INCOME')!.basis).toBe('本年度村集体经营性收入60000.00元（目标100000元）');
  });

  it('rescales to the personnel and grids parts when no governance event arrived for the village', () => {
    const { index, parts } = headGooseIndex(facts, config);
    expect(parts.filter((p) => p.value === null).map((p) => p.code)).toEqual(['DISPUTES_RESOLVED', 'CIVILITY_LISTS', 'DISCLOSURE_ON_TIME', 'COLLECTIVE_INCOME']);
    // (27 + 8 + 8 + 10.5 + 4.5) ÷ 0.7 = 82.86
    expect(index).toBe(82.9);
  });

  it('caps each part at 100: more training or points than the target scores no more', () => {
    const { parts } = headGooseIndex({ ...facts, trainingDays: 12, partyPoints: { members: 3, average: 75 } }, config);
    expect(parts.find((p) => p.code === 'TRAINING')!.value).toBe(100);
    expect(parts.find((p) => p.code === 'PARTY_POINTS')!.value).toBe(100);
  });

  it('leaves out what cannot be measured and rescales the other weights', () => {
    const { index, parts } = headGooseIndex({ ...facts, incidents: { total: 0, closed: 0, due: 0, closedOnTime: 0, averageRating: null }, partyPoints: null }, config);
    expect(parts.filter((p) => p.value === null).map((p) => p.code)).toEqual(['PARTY_POINTS', 'INCIDENT_ON_TIME', 'INCIDENT_RATING', 'DISPUTES_RESOLVED', 'CIVILITY_LISTS', 'DISCLOSURE_ON_TIME', 'COLLECTIVE_INCOME']);
    // (0.3×90 + 0.1×80) ÷ 0.4 = 87.5
    expect(index).toBe(87.5);
    expect(headGooseIndex({ appraisal: null, trainingDays: 0, partyPoints: null, incidents: null }, { ...config, weights: { ...config.weights, training: 0, appraisal: 0.55 } }).index).toBeNull();
  });

  it('counts on-time handling against the incidents due by now, not those still within their deadline', () => {
    const early = headGooseIndex({ ...facts, incidents: { total: 10, closed: 2, due: 2, closedOnTime: 2, averageRating: 5 } }, config);
    expect(early.parts.find((p) => p.code === 'INCIDENT_ON_TIME')!.value).toBe(100);
    const nothingDue = headGooseIndex({ ...facts, incidents: { total: 3, closed: 0, due: 0, closedOnTime: 0, averageRating: null } }, config);
    expect(nothingDue.parts.find((p) => p.code === 'INCIDENT_ON_TIME')!.value).toBeNull();
  });

  it('drops a part whose weight a county sets to 0 (Party points are optional)', () => {
    const tuned = jiangxi135Config.parse({
      headGoose: { weights: { appraisal: 0.5, training: 0.2, partyPoints: 0, incidentOnTime: 0.2, incidentRating: 0.1, disputesResolved: 0, civilityLists: 0, disclosureOnTime: 0, collectiveIncome: 0 } },
    }).headGoose;
    const { index, parts } = headGooseIndex(facts, tuned);
    expect(parts.map((p) => p.code)).not.toContain('PARTY_POINTS');
    // 0.5×90 + 0.2×80 + 0.2×70 + 0.1×90 = 84
    expect(index).toBe(84);
  });

  it('refuses weights that do not add up to 1', () => {
    expect(() => jiangxi135Config.parse({ headGoose: { weights: { appraisal: 0.9 } } })).toThrow(/add up to 1/);
  });

  it('explains each part in both languages', () => {
    const on = headGooseIndex(facts, config).parts.find((p) => p.code === 'INCIDENT_ON_TIME')!;
    expect(on.basis).toBe('本年度上报12件，到期应办结10件，按期办结7件');
    expect(on.basisEn).toBe('12 incidents this year, 10 due by now, 7 resolved on time');
  });
});
