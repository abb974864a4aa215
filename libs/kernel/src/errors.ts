import { GraphQLError } from 'graphql';

/** Stable error codes every client may rely on (`extensions.code`). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  POLICY_VIOLATION = 'POLICY_VIOLATION',
  PLUGIN_NOT_ENABLED = 'PLUGIN_NOT_ENABLED',
}

/** A message in both languages; users read 中文 first, then English. */
export interface BilingualText {
  zh: string;
  en: string;
}

/** One failed rule, as returned by a policy (eligibility, pay band, grid sizing…). */
export interface RuleViolation {
  /** Stable rule code, e.g. `AGE_LIMIT`. */
  rule: string;
  zh: string;
  en: string;
  /** Which policy decided (plugin name or `baseline`). */
  source?: string;
}

export interface XzErrorDetails {
  field?: string;
  violations?: RuleViolation[];
  [key: string]: unknown;
}

/** Formats bilingual text as one message: `中文 (English)`. */
export function bilingual(text: BilingualText): string {
  return `${text.zh} (${text.en})`;
}

/** A user-facing GraphQL error with a stable code and a bilingual message. */
export class XzError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, text: BilingualText, details: XzErrorDetails = {}) {
    super(bilingual(text), {
      extensions: { code, messageZh: text.zh, messageEn: text.en, ...details },
    });
    this.code = code;
  }
}

export function badInput(zh: string, en: string, details: XzErrorDetails = {}): XzError {
  return new XzError(ErrorCode.BAD_USER_INPUT, { zh, en }, details);
}

export function unauthenticated(): XzError {
  return new XzError(ErrorCode.UNAUTHENTICATED, {
    zh: '未登录或令牌无效',
    en: 'Not authenticated or the token is invalid',
  });
}

export function forbidden(zh: string, en: string, details: XzErrorDetails = {}): XzError {
  return new XzError(ErrorCode.FORBIDDEN, { zh, en }, details);
}

export function notFound(entityZh: string, entityEn: string, key: string): XzError {
  return new XzError(
    ErrorCode.NOT_FOUND,
    { zh: `${entityZh}不存在：${key}`, en: `${entityEn} not found: ${key}` },
    { key },
  );
}

export function conflict(zh: string, en: string, details: XzErrorDetails = {}): XzError {
  return new XzError(ErrorCode.CONFLICT, { zh, en }, details);
}

/** A policy refused the operation; every failed rule is listed, not only the first. */
export function policyViolation(violations: RuleViolation[]): XzError {
  const zh = violations.map((v) => v.zh).join('；');
  const en = violations.map((v) => v.en).join('; ');
  return new XzError(
    ErrorCode.POLICY_VIOLATION,
    { zh: `不符合规则：${zh}`, en: `Policy violated: ${en}` },
    { violations },
  );
}

export function pluginNotEnabled(plugin: string, countyCode: string): XzError {
  return new XzError(
    ErrorCode.PLUGIN_NOT_ENABLED,
    {
      zh: `插件 ${plugin} 未在区县 ${countyCode} 启用`,
      en: `Plugin ${plugin} is not enabled for county ${countyCode}`,
    },
    { plugin, countyCode },
  );
}
