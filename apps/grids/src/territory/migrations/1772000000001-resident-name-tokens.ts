import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SQL function behind the generated column (characters are code points, like `nameTokens` in
 * `name-tokens.ts`), written out here as it was when this migration was made.
 */
export const NAME_TOKENS_FUNCTION = `CREATE OR REPLACE FUNCTION resident_name_tokens(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(DISTINCT t), '{}') FROM (
      SELECT substr(lower(name), i, 1) AS t FROM generate_series(1, length(name)) AS i
      UNION ALL
      SELECT substr(lower(name), i, 2) FROM generate_series(1, length(name) - 1) AS i
    ) AS tokens
  $fn$`;

/**
 * Residents are found by name through `name_tokens` (every character and pair of characters of the
 * name, see `name-tokens.ts`), a stored generated column with a GIN index: any write — a mutation, a
 * set-based import — fills it, and a search reads the index instead of scanning the county.
 */
export class ResidentNameTokens1772000000001 implements MigrationInterface {
  name = 'ResidentNameTokens1772000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(NAME_TOKENS_FUNCTION);
    await q.query(`ALTER TABLE resident ADD COLUMN name_tokens text[] GENERATED ALWAYS AS (resident_name_tokens(name)) STORED`);
    await q.query(`CREATE INDEX resident_name_tokens_idx ON resident USING gin (name_tokens)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX resident_name_tokens_idx');
    await q.query('ALTER TABLE resident DROP COLUMN name_tokens');
    await q.query('DROP FUNCTION resident_name_tokens(text)');
  }
}
