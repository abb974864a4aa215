import { composeIdNumber } from '@xiangzhi/grids-api';
import { DEMO_COUNTIES, demoRegions, demoUuid, demoVillagePopulation, featuredVillages, unevenDemoVillage, type DemoRegion } from '@xiangzhi/demo';
import { countyOf, type SubgraphModule } from '@xiangzhi/kernel';
import type { EntityManager } from 'typeorm';
import { RESIDENT_UPSERTED_PAYLOAD_SQL } from '../events/outbox';
import { checkRegionImport, upsertRegions } from '../territory';
import { idNumberHash } from '../territory/resident/id-number-hash';

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
  { code: '360000000000', name: '江西省' },
  { code: '360700000000', name: '赣州市' },
];

/** The date the demo codes are valid from (the catalogue's year). */
export const DEMO_VALID_FROM = '2024-01-01';

/** The featured village whose grids deliberately break the sizing policy (the plan lives in `@xiangzhi/demo`). */
export { unevenDemoVillage };

const ROWS_PER_STATEMENT = 500;

/**
 * Multi-row `INSERT … ON CONFLICT DO NOTHING`, 500 rows a statement. Returns rows inserted. `events`
 * is a CTE over the inserted rows (`ins`) that records their events in the outbox in the same statement.
 */
async function insertRows(m: EntityManager, table: string, columns: string[], rows: unknown[][], events?: string): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
    const insert = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`;
    const sql = events ? `WITH ins AS (${insert} RETURNING *), ${events} SELECT 1 AS x FROM ins` : `${insert} RETURNING 1 AS x`;
    const result = (await m.query(sql, params)) as unknown[];
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

/**
 * One featured village's demo rows, from the shared demo population (`@xiangzhi/demo`), so that other
 * subgraphs' demo records name the same residents. Deterministic: the same rows every run.
 */
function villageRows(village: DemoRegion, usedIds: Set<string>): VillageRows {
  const county = countyOf(village.code) as string;
  const addressCode = county.slice(0, 6);
  const population = demoVillagePopulation(village);
  const out: VillageRows = { zones: [], grids: [], households: [], residents: [], workers: [], links: [] };
  for (const zone of population.zones) out.zones.push([zone.id, village.code, county, zone.name]);
  // GB 11643 numbers: the sequence starts at the person's drawn seed and moves on while a number is taken
  const idNumber = (birthDate: string, male: boolean, seed: number): string => {
    let base = seed;
    for (;;) {
      const id = composeIdNumber(addressCode, birthDate, base * 2 + (male ? 1 : 0));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
      base = (base + 1) % 500;
    }
  };
  for (const grid of population.grids) {
    out.grids.push([grid.id, grid.code, village.code, county, grid.name, grid.zoneId]);
    for (const h of grid.households) {
      for (const p of h.members) {
        const number = idNumber(p.birthDate, p.gender === 'MALE', p.idNumberSeed);
        out.residents.push([p.id, h.id, village.code, county, p.name, p.gender, p.birthDate, number, idNumberHash(number), p.phone, p.relation]);
      }
      out.households.push([h.id, village.code, county, grid.id, h.number, h.address, h.headResidentId]);
    }
    if (grid.leader) {
      out.workers.push([demoUuid(`worker:${grid.id}:leader`), grid.id, village.code, county, 'GRID_LEADER', grid.leader.residentId, grid.leader.name, grid.leader.phone]);
    }
    for (const member of grid.members) {
      const workerId = demoUuid(`worker:${grid.id}:member:${member.seq}`);
      out.workers.push([workerId, grid.id, village.code, county, 'GRID_MEMBER', member.residentId, member.name, member.phone]);
      for (const householdId of member.householdIds) out.links.push([householdId, workerId, grid.id]);
    }
  }
  return out;
}

/**
 * 演示数据 the grids demo: every region of the demo catalogue (≈1,300, with the provinces and
 * prefectures above the counties), and for each featured village two zones, three grids of about
 * 50 households with a grid leader and five grid members of about 10 households each, households
 * and residents with valid GB 11643 ID numbers (address code = the county's). One village
 * (`unevenDemoVillage()`) is deliberately uneven so that `validateGrids` reports findings.
 * Regions and residents are written with their events in the outbox (`grids.region.upserted`,
 * `grids.resident.upserted`), as an import would, so other subgraphs' projections learn them.
 * Idempotent: stable ids, `ON CONFLICT DO NOTHING`, the same data every run (no event for a row already there).
 */
export async function seedGridsDemo({ dataSource, logger }: SeedContext): Promise<void> {
  const started = Date.now();
  const catalogue = [...DEMO_PARENT_REGIONS.map((r) => ({ code: r.code, name: r.name })), ...demoRegions().map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode }))];
  const { records, problems } = checkRegionImport(catalogue, () => false);
  if (problems.length) throw new Error(`demo region catalogue is invalid: ${problems.map((p) => `${p.code} ${p.en}`).join('; ')}`);
  const regions = await upsertRegions(dataSource, records, { validFrom: DEMO_VALID_FROM, onConflict: 'ignore' });
  logger.info({ regions: records.length, inserted: regions.inserted, counties: DEMO_COUNTIES.length, ms: Date.now() - started }, 'grids demo: regions');

  const usedIds = new Set<string>();
  const totals = { zones: 0, grids: 0, households: 0, residents: 0, workers: 0 };
  await dataSource.transaction(async (m) => {
    for (const village of featuredVillages()) {
      const rows = villageRows(village, usedIds);
      totals.zones += await insertRows(m, 'zone', ['id', 'village_code', 'county_code', 'name'], rows.zones);
      totals.grids += await insertRows(m, 'grid', ['id', 'code', 'village_code', 'county_code', 'name', 'zone_id'], rows.grids);
      totals.households += await insertRows(m, 'household', ['id', 'village_code', 'county_code', 'grid_id', 'number', 'address', 'head_resident_id'], rows.households);
      totals.residents += await insertRows(
        m,
        'resident',
        ['id', 'household_id', 'village_code', 'county_code', 'name', 'gender', 'birth_date', 'id_number', 'id_number_hash', 'phone', 'relation_to_head'],
        rows.residents,
        `ev AS (INSERT INTO grids_event (name, payload) SELECT 'grids.resident.upserted', ${RESIDENT_UPSERTED_PAYLOAD_SQL} FROM ins r ORDER BY r.id)`,
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
