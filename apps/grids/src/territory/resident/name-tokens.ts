/**
 * 姓名检索词 what `searchResidents(name:)` looks up: every character and every pair of adjacent
 * characters of a name, lower-cased (`resident.name_tokens`, a stored generated column under a GIN
 * index, computed by the SQL function `resident_name_tokens` that mirrors `nameTokens`). A Chinese
 * name is two to four characters and is searched by one or two of them (a surname, a given name), too
 * short for trigrams; a search for a text looks up its own pairs (or its one character), which every
 * name containing the text holds, then the exact `LIKE` re-checks the candidates.
 */
export function nameTokens(text: string): string[] {
  const chars = [...text.toLowerCase()];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`))];
}

/** The SQL function behind the generated column; characters are code points, like `nameTokens`. */
export const NAME_TOKENS_FUNCTION = `CREATE OR REPLACE FUNCTION resident_name_tokens(name text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(array_agg(DISTINCT t), '{}') FROM (
      SELECT substr(lower(name), i, 1) AS t FROM generate_series(1, length(name)) AS i
      UNION ALL
      SELECT substr(lower(name), i, 2) FROM generate_series(1, length(name) - 1) AS i
    ) AS tokens
  $fn$`;
