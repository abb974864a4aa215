import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes of `resident` that no statement reads any more, each maintained on every write (a
 * county's import writes 1.58 M rows through them):
 *
 * - `resident_id_number_key`, the unique index of the ID number in plain text. Uniqueness is kept by
 *   `resident_id_number_hash_key`, the unique index of the keyed hash of the same normalised number
 *   (NOT NULL, filled on every write), through which every lookup by number goes (the search, the
 *   import's check, registering a resident). A changed hash key needs the column recomputed before
 *   the subgraph serves with it (see migration 1733050000000), which keeps the numbers unique too.
 * - `resident_name_idx`, a btree of the name (`text_pattern_ops`) for prefix matches: the name search
 *   reads the GIN index of `name_tokens` (migrations 1772000000001 and 1774900000000), and every
 *   list orders by village, household or the search's own rows.
 */
export class ResidentRedundantIndexes1775000000000 implements MigrationInterface {
  name = 'ResidentRedundantIndexes1775000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE resident DROP CONSTRAINT resident_id_number_key');
    await q.query('DROP INDEX resident_name_idx');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX resident_name_idx ON resident USING btree (name text_pattern_ops)');
    await q.query('ALTER TABLE resident ADD CONSTRAINT resident_id_number_key UNIQUE (id_number)');
  }
}
