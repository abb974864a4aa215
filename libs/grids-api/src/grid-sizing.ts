import { createExtensionPoint } from '@xiangzhi/kernel';

/**
 * 网格划分规则 grid sizing: how many households a grid and a grid member (网格员) should cover.
 * National baseline ("因地制宜、规模适度"): about 50 households per grid, each grid member linked
 * to about 10 households, one grid leader (网格长) per grid. Counties may bind their own policy.
 */
export interface GridSizingTargets {
  /** 每个网格户数目标 target households per grid */
  householdsPerGrid: number;
  /** 每名网格员联系户数目标 target households linked to one grid member */
  householdsPerMember: number;
  /** 容差 relative tolerance around both targets (0.2 = ±20%) */
  tolerance: number;
}

/** One grid member and how many households are linked to them. */
export interface GridMemberCount {
  workerId: string;
  name: string;
  households: number;
}

/** What a policy sees of one grid: counts only, no personal data. */
export interface GridWithCounts {
  gridId: string;
  gridCode: string;
  gridName: string;
  /** households assigned to the grid */
  households: number;
  /** whether the grid has a grid leader */
  hasLeader: boolean;
  /** grid members (网格员), leader excluded */
  members: GridMemberCount[];
  /** households of the grid not linked to any grid member */
  unlinkedHouseholds: number;
}

/** Rule codes of the baseline policy; plugins may report their own codes too. */
export type BaselineGridSizingRule =
  | 'GRID_TOO_LARGE'
  | 'GRID_TOO_SMALL'
  | 'GRID_WITHOUT_LEADER'
  | 'GRID_WITHOUT_MEMBERS'
  | 'MEMBER_OVERLOADED'
  | 'MEMBER_UNDERLOADED'
  | 'HOUSEHOLDS_UNLINKED';

/** One grid or member outside the policy. */
export interface GridSizingFinding {
  /** stable rule code, e.g. `GRID_TOO_LARGE` */
  rule: string;
  zh: string;
  en: string;
  gridId: string;
  /** the grid member concerned, for member rules */
  workerId: string | null;
  /** the measured number (households, members…) */
  actual: number;
  /** accepted range, when the rule has one */
  expectedMin: number | null;
  expectedMax: number | null;
}

/** The `grids.gridSizing` extension point's interface. `evaluate` must be pure. */
export interface GridSizingPolicy {
  readonly targets: GridSizingTargets;
  evaluate(grids: readonly GridWithCounts[]): GridSizingFinding[];
}

/** 网格规模规则 extension point: bind an implementation in a plugin's `policies`. */
export const gridSizingPolicyPoint = createExtensionPoint<GridSizingPolicy>({
  id: 'grids.gridSizing',
  subgraph: 'grids',
  title: { zh: '网格规模规则', en: 'Grid sizing policy' },
});

/** Accepted range `[min, max]` around a target with a relative tolerance. */
export function toleranceRange(target: number, tolerance: number): { min: number; max: number } {
  // round away binary noise first (10 × 1.2 = 12.000000000000002)
  const clean = (x: number) => Math.round(x * 1e6) / 1e6;
  return { min: Math.floor(clean(target * (1 - tolerance))), max: Math.ceil(clean(target * (1 + tolerance))) };
}

/**
 * National baseline: ~50 households per grid and ~10 per grid member (Jiangxi 135 pilot plan:
 * "按照50户左右规模划分网格…每名网格员联系10户左右农户"; Suyu: 72 villages in 370 grids),
 * one grid leader per grid, every household linked to a member. Tolerance defaults to ±20%.
 */
export class DefaultGridSizingPolicy implements GridSizingPolicy {
  readonly targets: GridSizingTargets;

  constructor(targets: Partial<GridSizingTargets> = {}) {
    this.targets = {
      householdsPerGrid: targets.householdsPerGrid ?? 50,
      householdsPerMember: targets.householdsPerMember ?? 10,
      tolerance: targets.tolerance ?? 0.2,
    };
    const { householdsPerGrid, householdsPerMember, tolerance } = this.targets;
    if (!(householdsPerGrid > 0) || !(householdsPerMember > 0) || !(tolerance >= 0 && tolerance < 1)) {
      throw new Error(`invalid grid sizing targets: ${JSON.stringify(this.targets)}`);
    }
  }

  evaluate(grids: readonly GridWithCounts[]): GridSizingFinding[] {
    const { householdsPerGrid, householdsPerMember, tolerance } = this.targets;
    const grid = toleranceRange(householdsPerGrid, tolerance);
    const member = toleranceRange(householdsPerMember, tolerance);
    const findings: GridSizingFinding[] = [];
    for (const g of grids) {
      const at = { gridId: g.gridId, workerId: null };
      if (g.households > grid.max) {
        findings.push({
          ...at,
          rule: 'GRID_TOO_LARGE',
          zh: `网格“${g.gridName}”有${g.households}户，超过约${householdsPerGrid}户的规模（上限${grid.max}户），宜拆分`,
          en: `Grid "${g.gridName}" has ${g.households} households, above about ${householdsPerGrid} (max ${grid.max}); consider splitting it`,
          actual: g.households,
          expectedMin: grid.min,
          expectedMax: grid.max,
        });
      } else if (g.households < grid.min) {
        findings.push({
          ...at,
          rule: 'GRID_TOO_SMALL',
          zh: `网格“${g.gridName}”仅${g.households}户，低于约${householdsPerGrid}户的规模（下限${grid.min}户），宜合并`,
          en: `Grid "${g.gridName}" has only ${g.households} households, below about ${householdsPerGrid} (min ${grid.min}); consider merging it`,
          actual: g.households,
          expectedMin: grid.min,
          expectedMax: grid.max,
        });
      }
      if (!g.hasLeader) {
        findings.push({
          ...at,
          rule: 'GRID_WITHOUT_LEADER',
          zh: `网格“${g.gridName}”未设网格长`,
          en: `Grid "${g.gridName}" has no grid leader`,
          actual: 0,
          expectedMin: 1,
          expectedMax: 1,
        });
      }
      const needed = Math.ceil(g.households / member.max);
      if (g.households > 0 && g.members.length < needed) {
        findings.push({
          ...at,
          rule: 'GRID_WITHOUT_MEMBERS',
          zh: `网格“${g.gridName}”有${g.households}户，仅${g.members.length}名网格员，至少需要${needed}名`,
          en: `Grid "${g.gridName}" has ${g.households} households but only ${g.members.length} grid members; at least ${needed} needed`,
          actual: g.members.length,
          expectedMin: needed,
          expectedMax: null,
        });
      }
      for (const m of g.members) {
        const here = { gridId: g.gridId, workerId: m.workerId, actual: m.households, expectedMin: member.min, expectedMax: member.max };
        if (m.households > member.max) {
          findings.push({
            ...here,
            rule: 'MEMBER_OVERLOADED',
            zh: `网格员${m.name}联系${m.households}户，超过约${householdsPerMember}户（上限${member.max}户）`,
            en: `Grid member ${m.name} is linked to ${m.households} households, above about ${householdsPerMember} (max ${member.max})`,
          });
        } else if (m.households < member.min) {
          findings.push({
            ...here,
            rule: 'MEMBER_UNDERLOADED',
            zh: `网格员${m.name}仅联系${m.households}户，低于约${householdsPerMember}户（下限${member.min}户）`,
            en: `Grid member ${m.name} is linked to only ${m.households} households, below about ${householdsPerMember} (min ${member.min})`,
          });
        }
      }
      if (g.unlinkedHouseholds > 0) {
        findings.push({
          ...at,
          rule: 'HOUSEHOLDS_UNLINKED',
          zh: `网格“${g.gridName}”有${g.unlinkedHouseholds}户未联系到网格员`,
          en: `Grid "${g.gridName}" has ${g.unlinkedHouseholds} households not linked to any grid member`,
          actual: g.unlinkedHouseholds,
          expectedMin: 0,
          expectedMax: 0,
        });
      }
    }
    return findings;
  }
}
