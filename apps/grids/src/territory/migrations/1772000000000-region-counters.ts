import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTED_TABLES, counterTriggerFunction, counterTriggers, rebuildRegionCounters, type CountedTable } from '../region/region-counter';

/**
 * 区划计数 `region_counter`: households, residents and grids per village, township and county prefix,
 * kept by statement-level triggers with transition tables on the counted tables (see
 * `region-counter.ts`), and filled from a full count of what is already recorded.
 */
export class RegionCounters1772000000000 implements MigrationInterface {
  name = 'RegionCounters1772000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE region_counter (
      prefix text PRIMARY KEY CHECK (prefix ~ '^(\\d{6}|\\d{9}|\\d{12})$'),
      households bigint NOT NULL DEFAULT 0,
      residents bigint NOT NULL DEFAULT 0,
      grids bigint NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE INDEX region_counter_prefix_idx ON region_counter USING btree (prefix text_pattern_ops)`);
    for (const table of Object.keys(COUNTED_TABLES) as CountedTable[]) {
      await q.query(counterTriggerFunction(table));
      for (const trigger of counterTriggers(table)) await q.query(trigger);
    }
    await rebuildRegionCounters(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(COUNTED_TABLES) as CountedTable[]) {
      for (const op of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER ${table}_counter_${op} ON ${table}`);
      await q.query(`DROP FUNCTION region_counter_${table}()`);
    }
    await q.query('DROP TABLE region_counter');
  }
}
