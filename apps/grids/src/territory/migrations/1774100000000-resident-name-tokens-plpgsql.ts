import type { MigrationInterface, QueryRunner } from 'typeorm';
// the SQL function it replaces, for `down` (a migration's own, fixed text)
import { NAME_TOKENS_FUNCTION } from './1772000000001-resident-name-tokens';

/**
 * `resident_name_tokens(name)`, the function behind the generated column `resident.name_tokens`,
 * rewritten as a PL/pgSQL loop over the name's characters: the same tokens (every character and
 * every pair of adjacent characters, lower-cased, each once) at about a third of the cost of the SQL
 * function with `generate_series` and `array_agg(DISTINCT …)` — that function was about a quarter of
 * the cost of writing a resident row in a bulk import. Only the order of the tokens differs (first
 * occurrence instead of sorted), which neither the GIN index nor `@>` looks at, so the rows already
 * stored keep their values and the table is not rewritten.
 */
const PLPGSQL = `CREATE OR REPLACE FUNCTION resident_name_tokens(name text) RETURNS text[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
DECLARE
  l text := lower(name);
  n int := coalesce(length(name), 0);
  tokens text[] := '{}';
  token text;
BEGIN
  FOR i IN 1..n LOOP
    token := substr(l, i, 1);
    IF NOT token = ANY (tokens) THEN tokens := tokens || token; END IF;
    IF i < n THEN
      token := substr(l, i, 2);
      IF NOT token = ANY (tokens) THEN tokens := tokens || token; END IF;
    END IF;
  END LOOP;
  RETURN tokens;
END
$fn$`;

export class ResidentNameTokensPlpgsql1774100000000 implements MigrationInterface {
  name = 'ResidentNameTokensPlpgsql1774100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(PLPGSQL);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(NAME_TOKENS_FUNCTION);
  }
}
