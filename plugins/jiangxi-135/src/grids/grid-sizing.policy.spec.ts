import { DefaultGridSizingPolicy, type GridWithCounts } from '@xiangzhi/grids-api';
import { jiangxi135Config } from '../config';
import { JiangxiGridSizingPolicy } from './grid-sizing.policy';

/** A grid of `households` in village `village` (…200+ a villagers' committee, …001–199 a community). */
function grid(id: string, households: number, memberLoads: number[], village = '360722101200'): GridWithCounts {
  const linked = memberLoads.reduce((a, b) => a + b, 0);
  return {
    gridId: id,
    gridCode: `${village}${id.padStart(3, '0')}`,
    gridName: `第${id}网格`,
    households,
    hasLeader: true,
    members: memberLoads.map((n, i) => ({ workerId: `${id}-m${i + 1}`, name: `网格员${i + 1}`, households: n })),
    unlinkedHouseholds: Math.max(0, households - linked),
  };
}

describe('JiangxiGridSizingPolicy (about 50 households a grid, about 10 a grid member)', () => {
  const policy = new JiangxiGridSizingPolicy(jiangxi135Config.parse({}).grid);

  it('extends the baseline with the seed’s numbers: 50 households per grid, 10 per member', () => {
    expect(policy).toBeInstanceOf(DefaultGridSizingPolicy);
    expect(policy.targets).toEqual({ householdsPerGrid: 50, householdsPerMember: 10, tolerance: 0.2 });
  });

  it('accepts a villager group of 50 households with five members of 10, and flags one of 70', () => {
    expect(policy.evaluate([grid('1', 50, [10, 10, 10, 10, 10])])).toEqual([]);
    const big = policy.evaluate([grid('2', 70, [10, 10, 10, 10, 10, 10, 10])]);
    expect(big.map((f) => [f.rule, f.expectedMax])).toEqual([['GRID_TOO_LARGE', 60]]);
  });

  it('flags a grid member linked to 14 households (about 10: at most 12)', () => {
    const findings = policy.evaluate([grid('1', 50, [14, 12, 8, 8, 8])]);
    expect(findings.map((f) => [f.rule, f.workerId, f.actual])).toEqual([['MEMBER_OVERLOADED', '1-m1', 14]]);
  });

  it('lets a grid in a community be larger (中心社区适当扩大): 70 households pass, 96 do not', () => {
    const community = '360722101001';
    expect(policy.evaluate([grid('3', 70, [10, 10, 10, 10, 10, 10, 10], community)])).toEqual([]);
    const findings = policy.evaluate([grid('4', 96, [12, 12, 12, 12, 12, 12, 12, 12], community)]);
    expect(findings.map((f) => [f.rule, f.expectedMin, f.expectedMax])).toEqual([['GRID_TOO_LARGE', 40, 90]]);
    expect(findings[0].zh).toContain('约75户');
  });

  it('keeps a community grid of the ordinary size acceptable (适当扩大 raises the ceiling only): 50 and 40 pass, 39 is too small', () => {
    const community = '360722101001';
    expect(policy.evaluate([grid('5', 50, [10, 10, 10, 10, 10], community)])).toEqual([]);
    expect(policy.evaluate([grid('6', 40, [10, 10, 10, 10], community)])).toEqual([]);
    const small = policy.evaluate([grid('7', 39, [10, 10, 10, 9], community)]);
    expect(small.map((f) => [f.rule, f.actual, f.expectedMin, f.expectedMax])).toEqual([['GRID_TOO_SMALL', 39, 40, 90]]);
  });

  it('takes a county’s own numbers', () => {
    const tuned = new JiangxiGridSizingPolicy(jiangxi135Config.parse({ grid: { householdsPerGrid: 40, householdsPerMember: 8 } }).grid);
    expect(tuned.targets).toMatchObject({ householdsPerGrid: 40, householdsPerMember: 8 });
    expect(tuned.evaluate([grid('1', 50, [10, 10, 10, 10, 10])]).map((f) => f.rule)).toContain('GRID_TOO_LARGE');
  });
});
