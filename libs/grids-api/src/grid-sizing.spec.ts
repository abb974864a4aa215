import { DefaultGridSizingPolicy, toleranceRange, type GridWithCounts } from './grid-sizing';

function grid(id: string, households: number, memberLoads: number[], hasLeader = true): GridWithCounts {
  const linked = memberLoads.reduce((a, b) => a + b, 0);
  return {
    gridId: id,
    gridCode: `433130101201${id.padStart(3, '0')}`,
    gridName: `第${id}网格`,
    households,
    hasLeader,
    members: memberLoads.map((n, i) => ({ workerId: `${id}-m${i + 1}`, name: `网格员${id}-${i + 1}`, households: n })),
    unlinkedHouseholds: Math.max(0, households - linked),
  };
}

describe('DefaultGridSizingPolicy (national baseline: ~50 households per grid, ~10 per grid member)', () => {
  const policy = new DefaultGridSizingPolicy();

  it('uses the seed numbers as targets', () => {
    expect(policy.targets).toEqual({ householdsPerGrid: 50, householdsPerMember: 10, tolerance: 0.2 });
    expect(toleranceRange(50, 0.2)).toEqual({ min: 40, max: 60 });
    expect(toleranceRange(10, 0.2)).toEqual({ min: 8, max: 12 });
  });

  it('accepts a grid of 50 households with a leader and five members of 10 households each', () => {
    expect(policy.evaluate([grid('1', 50, [10, 10, 10, 10, 10])])).toEqual([]);
    expect(policy.evaluate([grid('2', 52, [11, 11, 10, 10, 10]), grid('3', 48, [9, 9, 10, 10, 10])])).toEqual([]);
  });

  it('flags a grid far above 50 households and a member far above 10', () => {
    const findings = policy.evaluate([grid('1', 82, [20, 12, 12, 12, 12, 12])]);
    expect(findings.map((f) => [f.rule, f.workerId, f.actual])).toEqual([
      ['GRID_TOO_LARGE', null, 82],
      ['GRID_WITHOUT_MEMBERS', null, 6],
      ['MEMBER_OVERLOADED', '1-m1', 20],
      ['HOUSEHOLDS_UNLINKED', null, 2],
    ]);
    expect(findings[0].zh).toContain('82户');
    expect(findings[0].en).toContain('82 households');
  });

  it('flags a small grid, a missing leader, too few members and an underloaded member', () => {
    const findings = policy.evaluate([grid('1', 24, [4, 20], false)]);
    expect(findings.map((f) => f.rule)).toEqual(['GRID_TOO_SMALL', 'GRID_WITHOUT_LEADER', 'MEMBER_UNDERLOADED', 'MEMBER_OVERLOADED']);
    const many = policy.evaluate([grid('2', 50, [25, 25])]);
    expect(many.map((f) => f.rule)).toEqual(['GRID_WITHOUT_MEMBERS', 'MEMBER_OVERLOADED', 'MEMBER_OVERLOADED']);
    expect(many[0]).toMatchObject({ actual: 2, expectedMin: 5 });
  });

  it('takes the tolerance (and targets) from its constructor', () => {
    const strict = new DefaultGridSizingPolicy({ tolerance: 0.05 });
    expect(strict.evaluate([grid('1', 60, [12, 12, 12, 12, 12])]).map((f) => f.rule)).toEqual([
      'GRID_TOO_LARGE',
      'GRID_WITHOUT_MEMBERS',
      'MEMBER_OVERLOADED',
      'MEMBER_OVERLOADED',
      'MEMBER_OVERLOADED',
      'MEMBER_OVERLOADED',
      'MEMBER_OVERLOADED',
    ]);
    const loose = new DefaultGridSizingPolicy({ tolerance: 0.5 });
    expect(loose.evaluate([grid('1', 70, [14, 14, 14, 14, 14])])).toEqual([]);
    expect(() => new DefaultGridSizingPolicy({ tolerance: 1.5 })).toThrow();
  });
});
