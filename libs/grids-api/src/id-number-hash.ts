import { createHmac } from 'node:crypto';

/** The development key: used only outside production when `XZ_ID_HASH_SECRET` is unset. */
export const DEVELOPMENT_ID_HASH_SECRET = 'xiangzhi-development-id-number-hash-key';

/**
 * The key of the ID number hash: `XZ_ID_HASH_SECRET` (at least 16 characters); outside production a
 * development key when unset, in production (`NODE_ENV=production`) a missing key refuses the start.
 * Every subgraph that keeps ID number hashes (grids residents, personnel cadres) uses the same key.
 */
export function idHashSecret(env: NodeJS.ProcessEnv = process.env): string {
  const value = env.XZ_ID_HASH_SECRET;
  if (value === undefined || value === '') {
    if (env.NODE_ENV === 'production') {
      throw new Error('生产环境须设置 XZ_ID_HASH_SECRET（身份证号码检索密钥）(XZ_ID_HASH_SECRET, the ID number search key, must be set in production)');
    }
    return DEVELOPMENT_ID_HASH_SECRET;
  }
  if (value.length < 16) throw new Error('XZ_ID_HASH_SECRET must be at least 16 characters');
  return value;
}

/** An ID number as stored and searched: no spaces, upper-case check character `X`. */
export function normaliseIdNumber(idNumber: string): string {
  return idNumber.replace(/\s+/g, '').toUpperCase();
}

/**
 * The keyed hash an ID number is searched by (HMAC-SHA256 of the normalised number, hex): stored
 * under a unique index (`resident.id_number_hash`, `cadre.id_number_hash`), so a lookup by ID number
 * is one exact index probe and never compares plaintext numbers. Without the key nobody can test
 * guessed numbers against the column.
 */
export function idNumberHash(idNumber: string, secret: string = idHashSecret()): string {
  return createHmac('sha256', secret).update(normaliseIdNumber(idNumber), 'utf8').digest('hex');
}
