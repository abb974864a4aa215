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

/**
 * The tokens stored in `resident.name_tokens` for a name, as the database function
 * `resident_name_tokens` gives them (every character, then the pair it starts, each once, in order
 * of first occurrence), computed in Node so that the bulk import writes them instead of the database
 * computing them row by row (migration 1774600000000). Null when a character of the name has a case:
 * `lower()` in the database follows its locale, which Node does not know, so such a name is left to
 * the database's trigger. Characters are code points, as in the database.
 */
export function storedNameTokens(name: string): string[] | null {
  const chars = [...name];
  for (const c of chars) if (c.toLowerCase() !== c || c.toUpperCase() !== c) return null;
  const tokens: string[] = [];
  const seen = new Set<string>();
  const add = (token: string) => {
    if (seen.has(token)) return;
    seen.add(token);
    tokens.push(token);
  };
  for (let i = 0; i < chars.length; i += 1) {
    add(chars[i]);
    if (i + 1 < chars.length) add(chars[i] + chars[i + 1]);
  }
  return tokens;
}
