import { writeFileSync } from 'node:fs';
import { subgraph as grids } from '@xiangzhi/grids';
import { startTestPlatform } from '@xiangzhi/testing';

it('dumps the seeded grids demo', async () => {
  const platform = await startTestPlatform({ subgraphs: [grids], seed: true });
  try {
    const ds = platform.subgraphs.grids.db.dataSource;
    const out: string[] = [];
    const dump = async (label: string, sql: string) => {
      const rows = (await ds.query(sql)) as Record<string, unknown>[];
      out.push(`## ${label} ${rows.length}`);
      for (const r of rows) out.push(Object.values(r).map((v) => (v instanceof Date ? v.toISOString() : String(v))).join('|'));
    };
    await dump('resident', `SELECT id, household_id, village_code, name, gender, birth_date::text, id_number, phone, relation_to_head FROM resident ORDER BY id`);
    await dump('household', `SELECT id, village_code, grid_id, number, address, head_resident_id, member_id FROM household ORDER BY id`);
    await dump('grid', `SELECT id, code, village_code, name, zone_id FROM grid ORDER BY id`);
    await dump('zone', `SELECT id, village_code, name FROM zone ORDER BY id`);
    await dump('grid_worker', `SELECT id, grid_id, role, resident_id, name, phone FROM grid_worker ORDER BY id`);
    await dump('region', `SELECT code, name FROM region ORDER BY code`);
    writeFileSync(process.env.DUMP_FILE ?? '/tmp/grids-dump.txt', out.join('\n'));
  } finally {
    await platform.stop();
  }
});
