import { DefaultGridSizingPolicy, toleranceRange, type GridSizingFinding, type GridWithCounts } from '@xiangzhi/grids-api';
import type { JiangxiGridConfig } from '../config';

/** Whether a grid lies in a community (社区: the village part of its code is 001–199). */
export function isCommunityGrid(grid: Pick<GridWithCounts, 'gridCode'>): boolean {
  return Number(grid.gridCode.slice(9, 12)) < 200;
}

/**
 * 乡村网格化治理 the county's grid sizing: "以现有村民小组为基本单元，按照50户左右规模划分网格" — the
 * villager group (村民小组) is the base unit, so a grid is normally one group of about
 * `householdsPerGrid` households (50), each grid member linked to about `householdsPerMember` (10),
 * one grid leader (网格长, usually the group head) per grid. "人口集中的村民小组或中心社区适当扩大网格
 * 户数规模": a grid in a community MAY be up to `denseAreaFactor` times larger (assumption 1.5 → about
 * 75 households, at most 90), while a community grid of the ordinary size stays acceptable: its floor is
 * the ordinary one (40), only its ceiling is raised. A dense villager group over the ceiling is told to
 * split into several grids ("或划分为若干个网格"), which the baseline's GRID_TOO_LARGE finding already says.
 */
export class JiangxiGridSizingPolicy extends DefaultGridSizingPolicy {
  private readonly community: DefaultGridSizingPolicy;

  constructor(readonly config: JiangxiGridConfig) {
    super({ householdsPerGrid: config.householdsPerGrid, householdsPerMember: config.householdsPerMember, tolerance: config.tolerance });
    this.community = new DefaultGridSizingPolicy({
      householdsPerGrid: Math.round(config.householdsPerGrid * config.denseAreaFactor),
      householdsPerMember: config.householdsPerMember,
      tolerance: config.tolerance,
    });
  }

  override evaluate(grids: readonly GridWithCounts[]): GridSizingFinding[] {
    return grids.flatMap((g) => (isCommunityGrid(g) ? this.evaluateCommunity(g) : super.evaluate([g])));
  }

  /**
   * A community grid: the ordinary findings, except that the size range runs from the ordinary floor
   * to the enlarged ceiling (too large only above the enlarged ceiling, too small only below the
   * ordinary floor).
   */
  private evaluateCommunity(g: GridWithCounts): GridSizingFinding[] {
    const ordinary = super.evaluate([g]);
    const floor = toleranceRange(this.targets.householdsPerGrid, this.targets.tolerance).min;
    const ceiling = toleranceRange(this.community.targets.householdsPerGrid, this.community.targets.tolerance).max;
    const tooLarge = this.community
      .evaluate([g])
      .filter((f) => f.rule === 'GRID_TOO_LARGE')
      .map((f) => ({ ...f, expectedMin: floor }));
    const rest = ordinary
      .filter((f) => f.rule !== 'GRID_TOO_LARGE')
      .map((f) => (f.rule === 'GRID_TOO_SMALL' ? { ...f, expectedMax: ceiling } : f));
    return [...tooLarge, ...rest];
  }
}
