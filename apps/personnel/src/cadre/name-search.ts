import { pinyin } from 'pinyin-pro';

/** The longest search text (and the longest indexed part of a name). */
export const MAX_NAME_SEARCH_LENGTH = 10;

/** Lower case, without spaces and separators (`·`, `-`, `.`): how names and search texts are compared. */
export function normaliseNameText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·•．.\-_'’]/gu, '');
}

/**
 * 拼音首字母 the pinyin initials of a name: 张三丰 → `zsf`. The first character is read as a surname
 * (单 → s, not d); letters and digits in the name are kept as they are, lower case.
 */
export function nameInitials(name: string): string {
  const letters = pinyin(normaliseNameText(name), { pattern: 'first', toneType: 'none', type: 'array', surname: 'head', nonZh: 'consecutive' });
  return letters.join('').toLowerCase();
}

/** Every part (substring) of `text` up to MAX_NAME_SEARCH_LENGTH characters. */
function parts(text: string): string[] {
  const chars = Array.from(text);
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    for (let len = 1; len <= MAX_NAME_SEARCH_LENGTH && i + len <= chars.length; len += 1) out.add(chars.slice(i, i + len).join(''));
  }
  return [...out];
}

/**
 * The search terms of a name, stored in `cadre.name_terms` under a GIN index: every part of the name
 * (张三丰: 张, 三, 丰, 张三, 三丰, 张三丰) and of its initials (z, s, f, zs, sf, zsf). A search is one
 * indexed containment test (`name_terms @> ARRAY[text]`), never a scan, and finds a name by any part
 * of it or of its initials.
 */
export function nameSearchTerms(name: string): string[] {
  return [...new Set([...parts(normaliseNameText(name)), ...parts(nameInitials(name))])];
}
