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
  it('weights appraisal 0.4, training 0.15, Party points 0.15, on-time handling 0.2 and rating 0.1', () => {
    expect(config.weights).toEqual({ appraisal: 0.4, training: 0.15, partyPoints: 0.15, incidentOnTime: 0.2, incidentRating: 0.1 });
    const { index, parts } = headGooseIndex(facts, config);
    expect(parts.map((p) => [p.code, p.weight, p.value])).toEqual([
      ['ANNUAL_APPRAISAL', 0.4, 90],
      ['TRAINING', 0.15, 80], // 4 of 5 days
      ['PARTY_POINTS', 0.15, 80], // 24 of 30 points
      ['INCIDENT_ON_TIME', 0.2, 70], // 7 of the 10 due (2 more reported, not yet due)
      ['INCIDENT_RATING', 0.1, 90], // 4.5 of 5
    ]);
    // 0.4×90 + 0.15×80 + 0.15×80 + 0.2×70 + 0.1×90 = 83
    expect(index).toBe(83);
  });

  it('caps each part at 100: more training or points than the target scores no more', () => {
    const { parts } = headGooseIndex({ ...facts, trainingDays: 12, partyPoints: { members: 3, average: 75 } }, config);
    expect(parts.find((p) => p.code === 'TRAINING')!.value).toBe(100);
    expect(parts.find((p) => p.code === 'PARTY_POINTS')!.value).toBe(100);
  });

  it('leaves out what cannot be measured and rescales the other weights', () => {
    const { index, parts } = headGooseIndex({ ...facts, incidents: { total: 0, closed: 0, due: 0, closedOnTime: 0, averageRating: null }, partyPoints: null }, config);
    expect(parts.filter((p) => p.value === null).map((p) => p.code)).toEqual(['PARTY_POINTS', 'INCIDENT_ON_TIME', 'INCIDENT_RATING']);
    // (0.4×90 + 0.15×80) ÷ 0.55 = 87.3
    expect(index).toBe(87.3);
    expect(headGooseIndex({ appraisal: null, trainingDays: 0, partyPoints: null, incidents: null }, { ...config, weights: { ...config.weights, training: 0, appraisal: 0.55 } }).index).toBeNull();
  });

  it('counts on-time handling against the incidents due by now, not those still within their deadline', () => {
    const early = headGooseIndex({ ...facts, incidents: { total: 10, closed: 2, due: 2, closedOnTime: 2, averageRating: 5 } }, config);
    expect(early.parts.find((p) => p.code === 'INCIDENT_ON_TIME')!.value).toBe(100);
    const nothingDue = headGooseIndex({ ...facts, incidents: { total: 3, closed: 0, due: 0, closedOnTime: 0, averageRating: null } }, config);
    expect(nothingDue.parts.find((p) => p.code === 'INCIDENT_ON_TIME')!.value).toBeNull();
  });

  it('drops a part whose weight a county sets to 0 (Party points are optional)', () => {
    const tuned = jiangxi135Config.parse({ headGoose: { weights: { appraisal: 0.5, training: 0.2, partyPoints: 0, incidentOnTime: 0.2, incidentRating: 0.1 } } }).headGoose;
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
