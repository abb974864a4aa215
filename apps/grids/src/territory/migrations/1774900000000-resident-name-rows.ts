import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `resident_name_rows(tokens, pattern, village_prefix)`: the rows (`ctid`s) of the residents whose
 * `name_tokens` hold every token, whose lower-cased name matches the `LIKE` pattern and whose
 * village code starts with the prefix — what `searchResidents(name:)` looks up, read through the GIN
 * index of `name_tokens`.
 *
 * Behind the county wall (requests as `XZ_DB_APP_ROLE`, row-level security on `resident`) PostgreSQL
 * applies the wall's condition before any condition of the query that is not leakproof, and neither
 * `@>` on arrays nor `LIKE` is: the index cannot be used and a search reads every resident of the
 * table (a parallel sequential scan of 1.58 M rows, about 0.6 s). The function runs as its owner
 * (SECURITY DEFINER, the role that ran the migrations, whose policy sees every row), so its own
 * statement reads the index; it applies the wall itself — a caller other than the owner gets only
 * rows whose `county_code` starts with `xz.scope`, none without a scope — and the query then reads the
 * rows by `ctid` (a TID scan; `=` on tids is leakproof), the wall's policy applying to them as usual.
 * The function runs in the calling statement's snapshot (STABLE), so the `ctid`s it returns are those
 * of the row versions the statement sees; the query calls it once, as a sub-select.
 *
 * Its statement is planned with the values written in (PL/pgSQL `EXECUTE`), so the planner sees the
 * village prefix as a constant and can choose the village index (`text_pattern_ops`) when the prefix
 * is narrower than the name: a village cadre's search for a common surname reads the village's
 * residents, not the county's namesakes.
 *
 * Frozen SQL, written out here as it was when this migration was made.
 */
const CREATE_FUNCTION = `CREATE FUNCTION resident_name_rows(tokens text[], pattern text, village_prefix text) RETURNS tid[]
  LANGUAGE plpgsql STABLE SECURITY DEFINER PARALLEL SAFE SET search_path FROM CURRENT AS $fn$
DECLARE
  invoker text := CASE current_setting('role') WHEN 'none' THEN session_user::text ELSE current_setting('role') END;
  wall text := CASE WHEN invoker = current_user::text THEN '' ELSE nullif(current_setting('xz.scope', true), '') END;
  found tid[];
BEGIN
  IF wall IS NULL THEN
    RETURN '{}';
  END IF;
  EXECUTE format(
    $q$SELECT coalesce(array_agg(ctid), '{}') FROM resident
       WHERE name_tokens @> %L::text[] AND lower(name) LIKE %L ESCAPE '\\' AND village_code LIKE %L ESCAPE '\\' AND starts_with(county_code, %L)$q$,
    tokens, pattern, replace(replace(replace(village_prefix, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%', wall)
    INTO found;
  RETURN found;
END
$fn$`;

export class ResidentNameRows1774900000000 implements MigrationInterface {
  name = 'ResidentNameRows1774900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(CREATE_FUNCTION);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP FUNCTION resident_name_rows(text[], text, text)');
  }
}
