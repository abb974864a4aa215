/**
 * 姓名检索词 what `searchResidents(name:)` looks up: every character and every pair of adjacent
 * characters of a name, lower-cased (`resident.name_tokens`, a stored generated column under a GIN
 * index, computed by the database function `resident_name_tokens` — see the grids migrations
 * 1772000000001 and 1774100000000 — which also lists each single character). A Chinese
 * name is two to four characters and is searched by one or two of them (a surname, a given name), too
 * short for trigrams; a search for a text looks up its own pairs (or its one character), which every
 * name containing the text holds, then the exact `LIKE` re-checks the candidates.
 */
export function nameTokens(text: string): string[] {
  const chars = [...text.toLowerCase()];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(1).map((c, i) => `${chars[i]}${c}`))];
}
