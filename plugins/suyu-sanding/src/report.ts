import type { SuyuSandingConfig } from './config';

/** One serving cadre as the county report sees them. */
export interface ProfileCadre {
  /** Whole years on the report date. */
  age: number;
  /** 大专及以上 college education or higher. */
  college: boolean;
  /** Categories of the posts held. */
  categories: string[];
}

/** Figures of one group of cadres (secretaries, or members of the two committees). */
export interface GroupFigures {
  count: number;
  /** Average whole-year age, one decimal as the seed reports it (40.4); null for an empty group. */
  averageAge: number | null;
  /** Share (0–1, four decimals) with college education or higher. */
  collegeShare: number;
  targetAverageAge: number | null;
  targetCollegeShare: number | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The figures of one group against its targets. */
export function groupFigures(members: readonly ProfileCadre[], target: { averageAge: number; collegeShare: number } | null): GroupFigures {
  const count = members.length;
  const ages = members.reduce((s, m) => s + m.age, 0);
  const college = members.filter((m) => m.college).length;
  return {
    count,
    averageAge: count ? round(ages / count, 1) : null,
    collegeShare: count ? round(college / count, 4) : 0,
    targetAverageAge: target?.averageAge ?? null,
    targetCollegeShare: target?.collegeShare ?? null,
  };
}

/**
 * 干部队伍情况 the seed's cadre figures: secretaries (cadres holding a post of a secretary category)
 * and members of the two committees (cadres holding a post of a committee category), each with
 * average age and college share, beside the county's targets.
 */
export function cadreProfile(cadres: readonly ProfileCadre[], config: SuyuSandingConfig): { secretaries: GroupFigures; committeeMembers: GroupFigures } {
  const { secretaryCategories, committeeCategories } = config.profile;
  const holds = (cats: readonly string[]) => (c: ProfileCadre) => c.categories.some((x) => cats.includes(x));
  const targets = config.reportTargets;
  return {
    secretaries: groupFigures(cadres.filter(holds(secretaryCategories)), targets?.secretaries ?? null),
    committeeMembers: groupFigures(cadres.filter(holds(committeeCategories)), targets?.committeeMembers ?? null),
  };
}

/** One current village (村、社区) with the grids and zones drawn in it. */
export interface ZoningVillage {
  grids: number;
  zones: number;
}

/** 治理片区化 figures: villages divided into grids, grids, zones, grids per such village, and targets. */
export interface ZoningFigures {
  /** Villages (村、社区) divided into grids (the seed's "72个涉农的村(社区)"). */
  villages: number;
  /** Every current village and community of the region. */
  villagesTotal: number;
  grids: number;
  zones: number;
  /** Grids per village divided into grids, two decimals; null when none is. */
  gridsPerVillage: number | null;
  targetVillages: number | null;
  targetGrids: number | null;
  targetGridsPerVillage: number | null;
}

/** The zoning figures of a region's villages (seed: 72 villages → 370 grids, 5.14 a village). */
export function zoningFigures(villages: readonly ZoningVillage[], config: SuyuSandingConfig): ZoningFigures {
  const gridded = villages.filter((v) => v.grids > 0).length;
  const grids = villages.reduce((s, v) => s + v.grids, 0);
  const zones = villages.reduce((s, v) => s + v.zones, 0);
  const t = config.reportTargets;
  return {
    villages: gridded,
    villagesTotal: villages.length,
    grids,
    zones,
    gridsPerVillage: gridded ? round(grids / gridded, 2) : null,
    targetVillages: t?.villages ?? null,
    targetGrids: t?.grids ?? null,
    targetGridsPerVillage: t && t.villages > 0 ? round(t.grids / t.villages, 2) : null,
  };
}
