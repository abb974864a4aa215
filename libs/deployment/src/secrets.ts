/** Development secrets: used only by the embedded platform (and `xz token`) outside production. */
export const DEVELOPMENT_SECRETS = Object.freeze({
  jwtSecret: 'xiangzhi-development-jwt-secret--not-for-production',
  internalSecret: 'xiangzhi-development-internal-secret--not-for-production',
});

export interface Secrets {
  /** Signs and verifies client tokens (`Authorization: Bearer`), env `XZ_JWT_SECRET`. */
  jwtSecret: string;
  /** Shared by the gateway and the subgraphs for the forwarded actor (`x-xz-actor`), env `XZ_INTERNAL_SECRET`. */
  internalSecret: string;
  /**
   * During a rotation, the secret being replaced (`XZ_JWT_SECRET_PREVIOUS`): client tokens signed
   * with it are still accepted; nothing is signed with it.
   */
  previousJwtSecret?: string;
  /** During a rotation, the internal secret being replaced (`XZ_INTERNAL_SECRET_PREVIOUS`), accepted by the subgraphs. */
  previousInternalSecret?: string;
  /** `env` when both came from the environment, `development` when the development defaults apply. */
  source: 'env' | 'development';
}

export class SecretsError extends Error {
  constructor(problems: string[]) {
    super(`密钥配置无效 (secrets are not configured):\n  - ${problems.join('\n  - ')}`);
    this.name = 'SecretsError';
  }
}

const MIN_PRODUCTION_LENGTH = 32;

/**
 * Reads `XZ_JWT_SECRET` and `XZ_INTERNAL_SECRET`. When they are absent the development defaults
 * apply, but only in embedded mode (`npm start`, `xz token`) and never with `NODE_ENV=production`;
 * in production both must be set, at least 32 characters, distinct, and not the development values.
 * During a rotation `XZ_JWT_SECRET_PREVIOUS` and `XZ_INTERNAL_SECRET_PREVIOUS` name the secrets
 * being replaced (verified, never signed with; the same production rules apply).
 */
export function resolveSecrets(options: { embedded: boolean; env?: NodeJS.ProcessEnv }): Secrets {
  const env = options.env ?? process.env;
  const production = env.NODE_ENV === 'production';
  const jwtSecret = env.XZ_JWT_SECRET?.trim() || undefined;
  const internalSecret = env.XZ_INTERNAL_SECRET?.trim() || undefined;
  const previousJwtSecret = env.XZ_JWT_SECRET_PREVIOUS?.trim() || undefined;
  const previousInternalSecret = env.XZ_INTERNAL_SECRET_PREVIOUS?.trim() || undefined;
  const problems: string[] = [];
  if (!jwtSecret || !internalSecret) {
    if (options.embedded && !production && !jwtSecret && !internalSecret) {
      return { ...DEVELOPMENT_SECRETS, source: 'development' };
    }
    for (const [name, value] of [
      ['XZ_JWT_SECRET', jwtSecret],
      ['XZ_INTERNAL_SECRET', internalSecret],
    ] as const) {
      if (!value) problems.push(`${name}: 未设置 (not set)${production ? '; NODE_ENV=production 时不使用开发默认值 (development defaults are refused in production)' : ''}`);
    }
    throw new SecretsError(problems);
  }
  if (production) {
    for (const [name, value, dev] of [
      ['XZ_JWT_SECRET', jwtSecret, DEVELOPMENT_SECRETS.jwtSecret],
      ['XZ_INTERNAL_SECRET', internalSecret, DEVELOPMENT_SECRETS.internalSecret],
      ['XZ_JWT_SECRET_PREVIOUS', previousJwtSecret, DEVELOPMENT_SECRETS.jwtSecret],
      ['XZ_INTERNAL_SECRET_PREVIOUS', previousInternalSecret, DEVELOPMENT_SECRETS.internalSecret],
    ] as const) {
      if (value === undefined) continue;
      if (value === dev || value === DEVELOPMENT_SECRETS.jwtSecret || value === DEVELOPMENT_SECRETS.internalSecret) {
        problems.push(`${name}: 生产环境不得使用开发密钥 (the development secret is refused in production)`);
      } else if (value.length < MIN_PRODUCTION_LENGTH) {
        problems.push(`${name}: 至少 ${MIN_PRODUCTION_LENGTH} 个字符 (must be at least ${MIN_PRODUCTION_LENGTH} characters in production)`);
      }
    }
    if (jwtSecret === internalSecret) problems.push('XZ_JWT_SECRET, XZ_INTERNAL_SECRET: 两个密钥不得相同 (the two secrets must differ)');
    if (problems.length > 0) throw new SecretsError(problems);
  }
  if (previousJwtSecret !== undefined && (previousJwtSecret === internalSecret || previousJwtSecret === previousInternalSecret)) {
    problems.push('XZ_JWT_SECRET_PREVIOUS: 不得与内部密钥相同 (must differ from the internal secrets)');
  }
  if (previousInternalSecret !== undefined && previousInternalSecret === jwtSecret) {
    problems.push('XZ_INTERNAL_SECRET_PREVIOUS: 不得与 JWT 密钥相同 (must differ from XZ_JWT_SECRET)');
  }
  if (problems.length > 0) throw new SecretsError(problems);
  return { jwtSecret, internalSecret, previousJwtSecret, previousInternalSecret, source: 'env' };
}
