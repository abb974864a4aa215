import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * 金额 money in the economy subgraph is never a float: integer fen (分) as `bigint` in SQL and in
 * TypeScript, and in GraphQL the `Money` scalar, a string of yuan with exactly two decimals
 * (`"1234.50"`, `"-3.07"`). These helpers convert between the two without floating point.
 */

/** What a yuan amount may look like as input: an optional minus, digits, and at most two decimals. */
export const YUAN_PATTERN = /^(-)?(\d{1,15})(?:\.(\d{1,2}))?$/;

/** Parses a yuan string (`"1234.5"`, `"1234.50"`, `"-0.07"`) into integer fen; null when malformed. */
export function tryParseYuan(text: string): bigint | null {
  const match = YUAN_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, minus, whole, decimals = ''] = match;
  const fen = BigInt(whole) * 100n + BigInt(decimals.padEnd(2, '0'));
  return minus && fen !== 0n ? -fen : fen;
}

/** Parses a yuan string into integer fen; throws a RangeError naming the text when malformed. */
export function parseYuan(text: string): bigint {
  const fen = tryParseYuan(text);
  if (fen === null) throw new RangeError(`Not a yuan amount with at most two decimals: ${JSON.stringify(text)}`);
  return fen;
}

/** Formats integer fen as yuan with exactly two decimals (`123450n` → `"1234.50"`, `-7n` → `"-0.07"`). */
export function formatFen(fen: bigint | number | string): string {
  const value = BigInt(fen);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${yuan.toString()}.${cents}`;
}

/** Integer fen from a whole number of yuan (`30000` → `3000000n`). */
export function yuanToFen(yuan: number | bigint): bigint {
  if (typeof yuan === 'number' && !Number.isSafeInteger(yuan)) throw new RangeError(`A whole number of yuan is required: ${yuan}`);
  return BigInt(yuan) * 100n;
}

/** The sum of fen amounts. */
export function sumFen(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

function serialize(value: unknown): string {
  if (typeof value === 'bigint') return formatFen(value);
  if (typeof value === 'string') {
    if (/^-?\d+$/.test(value)) return formatFen(BigInt(value));
    const fen = tryParseYuan(value);
    if (fen !== null) return formatFen(fen);
  }
  if (typeof value === 'number' && Number.isSafeInteger(value)) return formatFen(BigInt(value));
  throw new GraphQLError(`Money 只能输出整数分 / Money can only serialise integer fen: ${String(value)}`);
}

function parseValue(value: unknown): bigint {
  const fen = typeof value === 'string' ? tryParseYuan(value) : null;
  if (fen === null) {
    throw new GraphQLError(
      `金额须为元、最多两位小数的字符串（如 "1234.50"），收到 ${JSON.stringify(value)} / Money must be a string of yuan with at most two decimals (e.g. "1234.50"), got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT', rule: 'MONEY_FORMAT', value: typeof value === 'string' ? value : null } },
    );
  }
  return fen;
}

/**
 * `Money` 金额: a string of yuan with two decimals (`"1234.50"`). Output always has exactly two
 * decimals; input accepts at most two (`"12"`, `"12.5"`, `"12.50"`). Resolvers see integer fen (`bigint`).
 */
export const MoneyScalar = new GraphQLScalarType<bigint, string>({
  name: 'Money',
  description: '金额：以元为单位、保留两位小数的字符串（如 "1234.50"），内部以整数分计 / Money: a string of yuan with two decimals (e.g. "1234.50"), held as integer fen',
  serialize,
  parseValue,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) {
      throw new GraphQLError('金额须为字符串（如 "1234.50"）/ Money must be a string (e.g. "1234.50")', { extensions: { code: 'BAD_USER_INPUT', rule: 'MONEY_FORMAT' } });
    }
    return parseValue(ast.value);
  },
});
