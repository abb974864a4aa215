import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `resident.name_tokens` becomes a plain column kept by triggers instead of a stored generated
 * column, so that the bulk import can write the tokens it computed once in Node during its check
 * (`storedNameTokens` in `name-tokens.ts`: the same tokens as `resident_name_tokens`, in the same
 * order) instead of the database calling the PL/pgSQL function for every row it writes.
 *
 * - An `INSERT` without tokens (every writer but the bulk import, and the import itself for a name
 *   whose characters have a case, which `lower()` may fold otherwise than Node) gets them from
 *   `resident_name_tokens(name)` in a `BEFORE INSERT` trigger; the trigger's `WHEN` is evaluated
 *   without calling any function, so a row that brings its tokens costs nothing more.
 * - An `UPDATE` that changes the name or the tokens always recomputes them from the name: no update
 *   can leave tokens that disagree with the name.
 *
 * The stored values are kept (`DROP EXPRESSION` does not rewrite the table); the GIN index stays.
 * The SQL is written out here as it was when this migration was made.
 */
const UP = [
  `ALTER TABLE resident ALTER COLUMN name_tokens DROP EXPRESSION`,
  `CREATE FUNCTION resident_name_tokens_fill() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  NEW.name_tokens := resident_name_tokens(NEW.name);
  RETURN NEW;
END
$fn$`,
  `CREATE TRIGGER resident_name_tokens_insert BEFORE INSERT ON resident FOR EACH ROW WHEN (NEW.name_tokens IS NULL) EXECUTE FUNCTION resident_name_tokens_fill()`,
  `CREATE TRIGGER resident_name_tokens_update BEFORE UPDATE OF name, name_tokens ON resident FOR EACH ROW
     WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.name_tokens IS DISTINCT FROM OLD.name_tokens) EXECUTE FUNCTION resident_name_tokens_fill()`,
];

const DOWN = [
  `DROP TRIGGER resident_name_tokens_update ON resident`,
  `DROP TRIGGER resident_name_tokens_insert ON resident`,
  `DROP FUNCTION resident_name_tokens_fill()`,
  `DROP INDEX resident_name_tokens_idx`,
  `ALTER TABLE resident DROP COLUMN name_tokens`,
  `ALTER TABLE resident ADD COLUMN name_tokens text[] GENERATED ALWAYS AS (resident_name_tokens(name)) STORED`,
  `CREATE INDEX resident_name_tokens_idx ON resident USING gin (name_tokens)`,
];

export class ResidentNameTokensPlain1774600000000 implements MigrationInterface {
  name = 'ResidentNameTokensPlain1774600000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of UP) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of DOWN) await q.query(sql);
  }
}
