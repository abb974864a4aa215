import { type DemoRegion, featuredVillages } from './catalogue';
import { dayOf, fullName, givenName, mobile, surname } from './names';
import { demoUuid, Rng } from './random';

/**
 * 演示人口 the people of a featured village: its zones and grids, households with their members
 * (ids, names, gender, birth dates, phones), and who staffs each grid. Every subgraph's seed that
 * needs the demo residents derives them from here, so that records of different subgraphs name the
 * same people with the same ids. Deterministic: the same output on every run and machine.
 */

/** How a featured village's grid is populated. */
export interface DemoGridPlan {
  households: number;
  /** Households linked to each grid member (the rest of the grid stays unlinked). */
  memberLoads: number[];
  hasLeader: boolean;
}

/** 与户主关系 a member's relation to the head of the household. */
export type DemoRelation = 'HEAD' | 'SPOUSE' | 'CHILD' | 'PARENT';

/** One person of a demo household. */
export interface DemoPerson {
  /** Resident id (`demoUuid('resident:<village>:<household number>:<index>')`). */
  id: string;
  householdId: string;
  villageCode: string;
  gridId: string;
  name: string;
  gender: 'MALE' | 'FEMALE';
  /** `YYYY-MM-DD` */
  birthDate: string;
  phone: string | null;
  relation: DemoRelation;
  /**
   * The drawn start (0–499) of the person's ID-number sequence code: the grids seed composes the
   * GB 11643 number from it (sequence `seed × 2 + sex`, moving on while a number is taken).
   */
  idNumberSeed: number;
}

/** One demo household: its members, head first. */
export interface DemoHousehold {
  id: string;
  /** `0001`… within the village */
  number: string;
  gridId: string;
  /** e.g. `桃园村1组7号` */
  address: string;
  headResidentId: string;
  members: DemoPerson[];
}

/** A grid member (网格员): a resident of the grid or just a name and phone, with the households linked to them. */
export interface DemoGridMember {
  /** 1… within the grid */
  seq: number;
  residentId: string | null;
  name: string;
  phone: string;
  householdIds: string[];
}

/** One grid of a featured village. */
export interface DemoGrid {
  /** 1… within the village */
  seq: number;
  id: string;
  /** 15 digits: the village code + 3-digit sequence */
  code: string;
  /** `第1网格`… */
  name: string;
  zoneId: string;
  households: DemoHousehold[];
  /** 网格长 (the first household's head), null for a grid deliberately without one. */
  leader: { residentId: string; name: string; phone: string } | null;
  members: DemoGridMember[];
}

/** The demo people of a featured village. */
export interface DemoVillagePopulation {
  village: DemoRegion;
  zones: { id: string; name: string }[];
  grids: DemoGrid[];
}

/** The featured village whose grids deliberately break the sizing policy (`validateGrids` has findings). */
export function unevenDemoVillage(): DemoRegion {
  return featuredVillages()[2];
}

/** ~50 households per grid, five members of ~10 households each (national baseline). */
function evenPlan(rng: Rng): DemoGridPlan[] {
  return [0, 1, 2].map(() => {
    const households = rng.int(48, 52);
    const base = Math.floor(households / 5);
    const extra = households % 5;
    return { households, memberLoads: [0, 1, 2, 3, 4].map((i) => base + (i < extra ? 1 : 0)), hasLeader: true };
  });
}

/** Deliberately uneven: an oversized grid with an overloaded member, a small grid without a leader. */
const UNEVEN_PLAN: readonly DemoGridPlan[] = [
  { households: 82, memberLoads: [20, 12, 12, 12, 12, 12], hasLeader: true },
  { households: 50, memberLoads: [10, 10, 10, 10, 10], hasLeader: true },
  { households: 24, memberLoads: [4, 20], hasLeader: false },
];

/** The grid plans of a featured village (three grids; `unevenDemoVillage()` gets the uneven plan). */
export function demoGridPlans(village: DemoRegion): DemoGridPlan[] {
  if (village.code === unevenDemoVillage().code) return UNEVEN_PLAN.map((g) => ({ ...g, memberLoads: [...g.memberLoads] }));
  return evenPlan(new Rng(`plan:${village.code}`));
}

/** Id of a featured village's demo grid number `seq` (1…). */
export function demoGridId(villageCode: string, seq: number): string {
  return demoUuid(`grid:${villageCode}:${seq}`);
}

const ZONE_NAMES = ['第一片区', '第二片区'] as const;

/**
 * The people of a featured village (see `DemoVillagePopulation`): two zones, grids by
 * `demoGridPlans`, households of a head, often a spouse, up to two children and sometimes a parent
 * (heads born 1950–1990), and the grid staff. One random stream per village, drawn in a fixed order.
 */
export function demoVillagePopulation(village: DemoRegion): DemoVillagePopulation {
  const rng = new Rng(village.code);
  const zones = ZONE_NAMES.map((name) => ({ id: demoUuid(`zone:${village.code}:${name}`), name }));
  const grids: DemoGrid[] = [];
  let householdNo = 0;
  demoGridPlans(village).forEach((plan, gi) => {
    const seq = gi + 1;
    const gridId = demoGridId(village.code, seq);
    const grid: DemoGrid = {
      seq,
      id: gridId,
      code: `${village.code}${String(seq).padStart(3, '0')}`,
      name: `第${seq}网格`,
      zoneId: zones[gi < 2 ? 0 : 1].id,
      households: [],
      leader: null,
      members: [],
    };
    grids.push(grid);
    const heads: { residentId: string; name: string; phone: string }[] = [];
    for (let h = 0; h < plan.households; h += 1) {
      householdNo += 1;
      const number = String(householdNo).padStart(4, '0');
      const householdId = demoUuid(`household:${village.code}:${number}`);
      const family = surname(rng);
      const headMale = rng.chance(0.8);
      const headYear = rng.int(1950, 1990);
      const sketch: { relation: DemoRelation; male: boolean; year: number; name: string }[] = [
        { relation: 'HEAD', male: headMale, year: headYear, name: `${family}${givenName(rng, headMale)}` },
      ];
      if (rng.chance(0.75)) {
        sketch.push({ relation: 'SPOUSE', male: !headMale, year: headYear + rng.int(-4, 4), name: fullName(rng, !headMale) });
      }
      const children = rng.int(0, 2);
      for (let c = 0; c < children; c += 1) {
        const male = rng.chance(0.5);
        sketch.push({ relation: 'CHILD', male, year: Math.min(2023, headYear + rng.int(22, 34)), name: `${family}${givenName(rng, male)}` });
      }
      if (headYear >= 1970 && rng.chance(0.2)) {
        sketch.push({ relation: 'PARENT', male: false, year: headYear - rng.int(22, 30), name: fullName(rng, false) });
      }
      const members = sketch.map((p, pi): DemoPerson => {
        const birthDate = dayOf(rng, p.year);
        const phone = p.year <= 2005 && rng.chance(0.8) ? mobile(rng) : null;
        const idNumberSeed = rng.int(0, 499);
        const person: DemoPerson = {
          id: demoUuid(`resident:${village.code}:${number}:${pi}`),
          householdId,
          villageCode: village.code,
          gridId,
          name: p.name,
          gender: p.male ? 'MALE' : 'FEMALE',
          birthDate,
          phone,
          relation: p.relation,
          idNumberSeed,
        };
        // the head's contact phone for grid work (a number is drawn when the head has none)
        if (pi === 0) heads.push({ residentId: person.id, name: person.name, phone: phone ?? mobile(rng) });
        return person;
      });
      grid.households.push({ id: householdId, number, gridId, address: `${village.name}${seq}组${h + 1}号`, headResidentId: members[0].id, members });
    }
    grid.leader = plan.hasLeader ? heads[0] : null;
    let next = 0;
    plan.memberLoads.forEach((load, mi) => {
      // every other member is a resident of the grid (a household head), the others just a name and phone
      const asResident = mi % 2 === 0 ? heads[Math.min(heads.length - 1, 1 + mi)] : null;
      const male = rng.chance(0.5);
      const name = asResident?.name ?? fullName(rng, male);
      const phone = asResident?.phone ?? mobile(rng);
      const householdIds: string[] = [];
      for (let k = 0; k < load && next < grid.households.length; k += 1) householdIds.push(grid.households[next++].id);
      grid.members.push({ seq: mi + 1, residentId: asResident?.residentId ?? null, name, phone, householdIds });
    });
  });
  return { village, zones, grids };
}

/** Every person of a featured village, household by household (heads first). */
export function demoResidents(village: DemoRegion): DemoPerson[] {
  return demoVillagePopulation(village).grids.flatMap((g) => g.households.flatMap((h) => h.members));
}
