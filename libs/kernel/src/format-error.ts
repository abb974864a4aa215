import type { GraphQLFormattedError } from 'graphql';
import { ErrorCode, bilingual } from './errors';
import { inputValidationError, isClassValidatorError, toInputViolations } from './validation';

function errorCode(error: unknown): string | undefined {
  let cur: unknown = error;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 4; depth += 1) {
    const c = cur as { code?: unknown; driverError?: unknown; originalError?: unknown };
    if (typeof c.code === 'string') return c.code;
    cur = c.driverError ?? c.originalError;
  }
  return undefined;
}

/**
 * Turns every error a client sees into one with a stable `extensions.code` and a bilingual
 * message; database and programming errors are not leaked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const code = formatted.extensions?.code;
  // type-graphql's own ArgumentValidationError (raw class-validator errors). Errors already
  // formatted — ours, or a subgraph's answer passing through the gateway — keep their details.
  const validation = (original as { extensions?: { validationErrors?: unknown[] } })?.extensions?.validationErrors;
  if (Array.isArray(validation) && validation.length > 0 && validation.every(isClassValidatorError)) {
    const error = inputValidationError(toInputViolations(validation));
    return { ...formatted, message: error.message, extensions: { ...formatted.extensions, ...error.extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  if (code && code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const pgCode = errorCode(original);
  if (pgCode === '23505') {
    return {
      message: bilingual({ zh: '记录已存在（唯一性冲突）', en: 'The record already exists (unique constraint)' }),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.CONFLICT },
    };
  }
  if (pgCode === '23514' || pgCode === '22P02' || pgCode === '22007' || pgCode === '22008') {
    return {
      message: bilingual({ zh: '输入的值不符合要求', en: 'An input value is not acceptable' }),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  if (pgCode === '23503') {
    return {
      message: bilingual({ zh: '引用的记录不存在', en: 'A referenced record does not exist' }),
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    };
  }
  return {
    message: bilingual({ zh: '服务器内部错误', en: 'Internal server error' }),
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
