import { composeIdNumber } from '@xiangzhi/grids-api';
import { DEMO_COUNTIES, demoRegions, featuredVillages, type DemoRegion } from '@xiangzhi/demo';
import { countyOf, type SubgraphModule } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { checkRegionImport, upsertRegions } from '../territory';
import { dayOf, demoUuid, givenName, mobile, Rng, surname } from './people';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** Provinces and prefectures above the demo counties (real division codes). */
export const DEMO_PARENT_REGIONS: readonly { code: string; name: string }[] = [
  { code: '320000000000', name: '江苏省' },
  { code: '321300000000', name: '宿迁市' },
  { code: '430000000000', name: '湖南省' },
  { code: '433100000000', name: '湘西土家族苗族自治州' },
  { code: '510000000000', name: '四川省' },
  { code: '511100000000', name: '乐山市' },
  { code: '513400000000', name: '凉山彝族自治州' },
  { code: '520000000000', name: '贵州省' },
  { code: '520500000000', name: '毕节市' },
];

/** The date the demo codes are valid from (the catalogue's year). */
export const DEMO_VALID_FROM = '2024-01-01';

/** The featured village whose grids deliberately break the sizing policy (`validateGrids` has findings). */
export function unevenDemoVillage(): DemoRegion {
  return featuredVillages()[2];
}

interface GridPlan {
  households: number;
  /** households linked to each member (the rest of the grid stays unlinked) */
  memberLoads: number[];
  hasLeader: boolean;
}

/** ~50 households per grid, five members of ~10 households each (national baseline). */
function evenPlan(rng: Rng): GridPlan[] {
  return [0, 1, 2].map(() => {
    const households = rng.int(48, 52);
    const base = Math.floor(households / 5);
    const extra = households % 5;
    return { households, memberLoads: [0, 1, 2, 3, 4].map((i) => base + (i < extra ? 1 : 0)), hasLeader: true };
  });
}

/** Deliberately uneven: an oversized grid with an overloaded member, a small grid without a leader. */
const UNEVEN_PLAN: GridPlan[] = [
  { households: 82, memberLoads: [20, 12, 12, 12, 12, 12], hasLeader: true },
  { households: 50, memberLoads: [10, 10, 10, 10, 10], hasLeader: true },
  { households: 24, memberLoads: [4, 20], hasLeader: false },
];

const ROWS_PER_STATEMENT = 500;

/** Multi-row `INSERT … ON CONFLICT DO NOTHING`, 500 rows a statement. Returns rows inserted. */
async function insertRows(m: EntityManager, table: string, columns: string[], rows: unknown[][]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    const result = (await m.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING RETURNING 1 AS x`, params)) as unknown[];
    inserted += result.length;
  }
  return inserted;
}

interface VillageRows {
  zones: unknown[][];
  grids: unknown[][];
  households: unknown[][];
  residents: unknown[][];
  workers: unknown[][];
  /** [householdId, memberId, gridId] links */
  links: [string, string, string][];
}

const RELATIONS = { head: 'HEAD', spouse: 'SPOUSE', child: 'CHILD', parent: 'PARENT' } as const;

/** Builds one featured village's demo rows (deterministic: the same rows every run). */
function villageRows(village: DemoRegion, plan: GridPlan[], usedIds: Set<string>): VillageRows {
  const rng = new Rng(village.code);
  const county = countyOf(village.code) as string;
  const addressCode = county.slice(0, 6);
  const out: VillageRows = { zones: [], grids: [], households: [], residents: [], workers: [], links: [] };
  const zoneIds = ['第一片区', '第二片区'].map((name) => {
    const id = demoUuid(`zone:${village.code}:${name}`);
    out.zones.push([id, village.code, county, name]);
    return id;
  });
  const idNumber = (birthDate: string, male: boolean): string => {
    let base = rng.int(0, 499);
    for (;;) {
      const id = composeIdNumber(addressCode, birthDate, base * 2 + (male ? 1 : 0));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
      base = (base + 1) % 500;
    }
  };
  let householdNo = 0;
  plan.forEach((g, gi) => {
    const seq = gi + 1;
    const gridId = demoUuid(`grid:${village.code}:${seq}`);
    out.grids.push([gridId, `${village.code}${String(seq).padStart(3, '0')}`, village.code, county, `第${seq}网格`, zoneIds[gi < 2 ? 0 : 1]]);
    const heads: { residentId: string; name: string; phone: string }[] = [];
    const householdIds: string[] = [];
    for (let h = 0; h < g.households; h += 1) {
      householdNo += 1;
      const number = String(householdNo).padStart(4, '0');
      const householdId = demoUuid(`household:${village.code}:${number}`);
      householdIds.push(householdId);
      const family = surname(rng);
      const headMale = rng.chance(0.8);
      const headYear = rng.int(1950, 1990);
      const members: { relation: string; male: boolean; year: number; name: string }[] = [
        { relation: RELATIONS.head, male: headMale, year: headYear, name: `${family}${givenName(rng, headMale)}` },
      ];
      if (rng.chance(0.75)) {
        members.push({ relation: RELATIONS.spouse, male: !headMale, year: headYear + rng.int(-4, 4), name: `${surname(rng)}${givenName(rng, !headMale)}` });
      }
      const children = rng.int(0, 2);
      for (let c = 0; c < children; c += 1) {
        const male = rng.chance(0.5);
        members.push({ relation: RELATIONS.child, male, year: Math.min(2023, headYear + rng.int(22, 34)), name: `${family}${givenName(rng, male)}` });
      }
      if (headYear >= 1970 && rng.chance(0.2)) {
        members.push({ relation: RELATIONS.parent, male: false, year: headYear - rng.int(22, 30), name: `${surname(rng)}${givenName(rng, false)}` });
      }
      let headId = '';
      members.forEach((p, pi) => {
        const residentId = demoUuid(`resident:${village.code}:${number}:${pi}`);
        const birthDate = dayOf(rng, p.year);
        const phone = p.year <= 2005 && rng.chance(0.8) ? mobile(rng) : null;
        out.residents.push([residentId, householdId, village.code, county, p.name, p.male ? 'MALE' : 'FEMALE', birthDate, idNumber(birthDate, p.male), phone, p.relation]);
        if (pi === 0) {
          headId = residentId;
          heads.push({ residentId, name: p.name, phone: phone ?? mobile(rng) });
        }
      });
      out.households.push([householdId, village.code, county, gridId, number, `${village.name}${seq}组${h + 1}号`, headId]);
    }
    if (g.hasLeader) {
      const leader = heads[0];
      out.workers.push([demoUuid(`worker:${gridId}:leader`), gridId, village.code, county, 'GRID_LEADER', leader.residentId, leader.name, leader.phone]);
    }
    let next = 0;
    g.memberLoads.forEach((load, mi) => {
      const workerId = demoUuid(`worker:${gridId}:member:${mi + 1}`);
      // every other member is a resident of the grid (a household head), the others just a name and phone
      const asResident = mi % 2 === 0 ? heads[Math.min(heads.length - 1, 1 + mi)] : null;
      const male = rng.chance(0.5);
      out.workers.push([
        workerId,
        gridId,
        village.code,
        county,
        'GRID_MEMBER',
        asResident?.residentId ?? null,
        asResident?.name ?? `${surname(rng)}${givenName(rng, male)}`,
        asResident?.phone ?? mobile(rng),
      ]);
      for (let k = 0; k < load && next < householdIds.length; k += 1) out.links.push([householdIds[next++], workerId, gridId]);
    });
  });
  return out;
}

/**
 * 演示数据 the grids demo: every region of the demo catalogue (≈1,300, with the provinces and
 * prefectures above the counties), and for each featured village two zones, three grids of about
 * 50 households with a grid leader and five grid members of about 10 households each, households
 * and residents with valid GB 11643 ID numbers (address code = the county's). One village
 * (`unevenDemoVillage()`) is deliberately uneven so that `validateGrids` reports findings.
 * Idempotent: stable ids, `ON CONFLICT DO NOTHING`, the same data every run.
 */
export async function seedGridsDemo({ dataSource, logger }: SeedContext): Promise<void> {
  const started = Date.now();
  const catalogue = [...DEMO_PARENT_REGIONS.map((r) => ({ code: r.code, name: r.name })), ...demoRegions().map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode }))];
  const { records, problems } = checkRegionImport(catalogue, () => false);
  if (problems.length) throw new Error(`demo region catalogue is invalid: ${problems.map((p) => `${p.code} ${p.en}`).join('; ')}`);
  const regions = await upsertRegions(dataSource, records, { validFrom: DEMO_VALID_FROM, onConflict: 'ignore' });
  logger.info({ regions: records.length, inserted: regions.inserted, counties: DEMO_COUNTIES.length, ms: Date.now() - started }, 'grids demo: regions');

  const uneven = unevenDemoVillage().code;
  const usedIds = new Set<string>();
  const totals = { zones: 0, grids: 0, households: 0, residents: 0, workers: 0 };
  await dataSource.transaction(async (m) => {
    for (const village of featuredVillages()) {
      const rows = villageRows(village, village.code === uneven ? UNEVEN_PLAN : evenPlan(new Rng(`plan:${village.code}`)), usedIds);
      totals.zones += await insertRows(m, 'zone', ['id', 'village_code', 'county_code', 'name'], rows.zones);
      totals.grids += await insertRows(m, 'grid', ['id', 'code', 'village_code', 'county_code', 'name', 'zone_id'], rows.grids);
      totals.households += await insertRows(m, 'household', ['id', 'village_code', 'county_code', 'grid_id', 'number', 'address', 'head_resident_id'], rows.households);
      totals.residents += await insertRows(
        m,
        'resident',
        ['id', 'household_id', 'village_code', 'county_code', 'name', 'gender', 'birth_date', 'id_number', 'phone', 'relation_to_head'],
        rows.residents,
      );
      totals.workers += await insertRows(m, 'grid_worker', ['id', 'grid_id', 'village_code', 'county_code', 'role', 'resident_id', 'name', 'phone'], rows.workers);
      for (let start = 0; start < rows.links.length; start += ROWS_PER_STATEMENT) {
        const chunk = rows.links.slice(start, start + ROWS_PER_STATEMENT);
        const params = chunk.flat();
        const values = chunk.map((_, i) => `($${i * 3 + 1}::uuid, $${i * 3 + 2}::uuid, $${i * 3 + 3}::uuid)`).join(', ');
        // link only households still unlinked and still in the member's grid (re-seeding never undoes later edits)
        await m.query(
          `UPDATE household h SET member_id = v.member_id FROM (VALUES ${values}) AS v(id, member_id, grid_id) WHERE h.id = v.id AND h.member_id IS NULL AND h.grid_id = v.grid_id`,
          params,
        );
      }
      logger.info({ village: village.code, name: village.name, households: rows.households.length, residents: rows.residents.length }, 'grids demo: village');
    }
  });
  logger.info({ ...totals, ms: Date.now() - started }, 'grids demo: done (rows inserted this run)');
}
