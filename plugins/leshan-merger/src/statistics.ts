/**
 * 村建制调整统计 the arithmetic of the seed's figures: averages and changes in per cent with two
 * decimals, truncated toward zero as the seed's are (196 → 124 villages: −36.73 %; average
 * registered population 1,403 → 2,089: +48.89 %; average area 3.55 → 5.32 km²: +49.85 %;
 * 德昌县 137 → 65: −52.55 %). Exact integer arithmetic: no floats.
 */

/** A ratio of integers (an average: total over count). */
export interface Ratio {
  numerator: bigint;
  denominator: bigint;
}

function formatHundredths(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

/** Change from `before` to `after` in per cent with two decimals, truncated toward zero (`"-36.73"`); null when `before` is zero. */
export function changePercent(before: Ratio | bigint, after: Ratio | bigint): string | null {
  const b: Ratio = typeof before === 'bigint' ? { numerator: before, denominator: 1n } : before;
  const a: Ratio = typeof after === 'bigint' ? { numerator: after, denominator: 1n } : after;
  if (b.numerator === 0n || b.denominator === 0n || a.denominator === 0n) return null;
  // (a/ad − b/bd) / (b/bd) = (a·bd − b·ad) / (b·ad); BigInt division truncates toward zero
  const hundredths = ((a.numerator * b.denominator - b.numerator * a.denominator) * 10_000n) / (b.numerator * a.denominator);
  return formatHundredths(hundredths);
}

/** An average with two decimals, truncated (`total / count`), as a decimal string; null for no villages. */
export function average(total: bigint, count: bigint, scale = 1n): string | null {
  if (count === 0n) return null;
  return formatHundredths((total * 100n) / (count * scale));
}

/** km² with two decimals from hectares (100 ha = 1 km²): the decimal string of an average area. */
export function averageAreaKm2(totalHectares: bigint, count: bigint): string | null {
  return average(totalHectares, count, 100n);
}

/** Parses a two-decimal string (`"3.55"`) into hundredths (355n). */
export function hundredths(text: string): bigint {
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) throw new RangeError(`not a decimal with at most two places: ${text}`);
  const v = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -v : v;
}
