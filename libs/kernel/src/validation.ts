import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import { getMetadataStorage as getTypeGraphQLMetadata, type ResolverData, type ValidatorFn } from 'type-graphql';
import { ErrorCode, XzError } from './errors';

/**
 * One failed input rule, as listed in `extensions.validationErrors` of a `BAD_USER_INPUT` error.
 * The shape is stable: `field` is the path of the input value (`input.hours`, `first`,
 * `input.rows[2].code`), `constraint` the class-validator constraint name (`max`, `isLength`…),
 * `value` the value given (JSON; objects and arrays are not echoed), `zh`/`en` the sentence.
 */
export interface InputViolation {
  field: string;
  constraint: string;
  value: string | number | boolean | null;
  zh: string;
  en: string;
}

/** class-validator's `ValidationError` (type-graphql's own `ArgumentValidationError` carries a list of them). */
export interface ValidationErrorLike {
  property: string;
  value?: unknown;
  target?: object;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

/** Whether `e` is one of class-validator's errors (rather than an already formatted violation). */
export function isClassValidatorError(e: unknown): e is ValidationErrorLike {
  return typeof e === 'object' && e !== null && typeof (e as { property?: unknown }).property === 'string';
}

function shownValue(value: unknown): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  return null;
}

function quoted(value: unknown): string {
  if (value === undefined) return '未给出 / none';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return `[${value.length}]`;
  return JSON.stringify(value)?.slice(0, 80) ?? String(value);
}

/** The parameters a constraint was declared with (e.g. `[24]` for `@Max(24)`), read from class-validator's metadata. */
function constraintParams(target: object | undefined, property: string, constraint: string): unknown[] {
  if (!target || typeof target !== 'object') return [];
  const ctor = (target as { constructor?: new () => object }).constructor;
  if (!ctor) return [];
  const metas = getMetadataStorage().getTargetValidationMetadatas(ctor, '', true, false);
  const meta = metas.find((m) => m.propertyName === property && (m.name === constraint || m.type === constraint));
  return (meta?.constraints as unknown[] | undefined) ?? [];
}

/** 中文 and English sentences for a constraint; unknown constraints fall back to class-validator's own message. */
function describe(constraint: string, params: unknown[], fallback: string): { zh: string; en: string } {
  const [a, b] = params;
  switch (constraint) {
    case 'max':
      return { zh: `须不大于 ${String(a)}`, en: `must not be greater than ${String(a)}` };
    case 'min':
      return { zh: `须不小于 ${String(a)}`, en: `must not be less than ${String(a)}` };
    case 'isLength':
      return b === undefined
        ? { zh: `长度须不少于 ${String(a)} 个字符`, en: `must be at least ${String(a)} characters long` }
        : { zh: `长度须为 ${String(a)}–${String(b)} 个字符`, en: `must be ${String(a)}–${String(b)} characters long` };
    case 'minLength':
      return { zh: `长度须不少于 ${String(a)} 个字符`, en: `must be at least ${String(a)} characters long` };
    case 'maxLength':
      return { zh: `长度须不超过 ${String(a)} 个字符`, en: `must be at most ${String(a)} characters long` };
    case 'isNotEmpty':
      return { zh: '不能为空', en: 'must not be empty' };
    case 'isInt':
      return { zh: '须为整数', en: 'must be an integer' };
    case 'isNumber': {
      const places = (a as { maxDecimalPlaces?: number } | undefined)?.maxDecimalPlaces;
      return places === undefined
        ? { zh: '须为有限数字', en: 'must be a finite number' }
        : { zh: `须为数字，最多 ${places} 位小数`, en: `must be a number with at most ${places} decimal places` };
    }
    case 'isPositive':
      return { zh: '须为正数', en: 'must be positive' };
    case 'isString':
      return { zh: '须为字符串', en: 'must be a string' };
    case 'isBoolean':
      return { zh: '须为布尔值', en: 'must be a boolean' };
    case 'isUuid':
      return { zh: '须为 UUID', en: 'must be a UUID' };
    case 'isEnum':
      return { zh: '须为允许的枚举值', en: 'must be one of the allowed values' };
    case 'isIn':
      return { zh: `须为以下之一：${(a as unknown[] | undefined)?.join('、') ?? ''}`, en: `must be one of: ${(a as unknown[] | undefined)?.join(', ') ?? ''}` };
    case 'arrayNotEmpty':
      return { zh: '不能为空列表', en: 'must not be an empty list' };
    case 'arrayMinSize':
      return { zh: `须至少有 ${String(a)} 项`, en: `must contain at least ${String(a)} items` };
    case 'arrayMaxSize':
      return { zh: `须不超过 ${String(a)} 项`, en: `must contain at most ${String(a)} items` };
    case 'matches':
      return { zh: '格式不符合要求', en: fallback };
    case 'isDateString':
    case 'isISO8601':
      return { zh: '须为有效日期', en: 'must be a valid date' };
    default:
      return { zh: `不符合规则 ${constraint}`, en: fallback };
  }
}

/** Flattens class-validator errors (nested inputs, list items) into violations with full paths. */
export function toInputViolations(errors: ValidationErrorLike[], prefix = ''): InputViolation[] {
  return errors.flatMap((e) => {
    const isIndex = /^\d+$/.test(e.property);
    const path = isIndex ? `${prefix}[${e.property}]` : prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([constraint, message]): InputViolation => {
      // class-validator messages start with the property name; the path replaces it.
      const fallback = message.startsWith(`${e.property} `) ? message.slice(e.property.length + 1) : message;
      const text = describe(constraint, constraintParams(e.target, e.property, constraint), fallback);
      const got = quoted(e.value);
      return {
        field: path,
        constraint,
        value: shownValue(e.value),
        zh: `${path} ${text.zh}（收到 ${got}）`,
        en: `${path} ${text.en} (got ${got})`,
      };
    });
    return [...own, ...toInputViolations(e.children ?? [], path)];
  });
}

/** The `BAD_USER_INPUT` error for a list of violations: every one named in both languages. */
export function inputValidationError(violations: InputViolation[]): XzError {
  return new XzError(
    ErrorCode.BAD_USER_INPUT,
    {
      zh: `输入校验失败：${violations.map((v) => v.zh).join('；')}`,
      en: `Input validation failed: ${violations.map((v) => v.en).join('; ')}`,
    },
    { validationErrors: violations },
  );
}

/** The GraphQL argument an input value was given as (`input`), or '' for `@Args` classes whose fields are arguments. */
function argumentName(argType: unknown, args: Record<string, unknown>, info: GraphQLResolveInfo | undefined): string {
  const storage = getTypeGraphQLMetadata();
  if (storage.argumentTypes.some((t) => t.target === argType)) return '';
  const inputName = storage.inputTypes.find((t) => t.target === argType)?.name;
  const field = info ? info.parentType.getFields()[info.fieldName] : undefined;
  if (field && inputName) {
    const arg = field.args.find((a) => getNamedType(a.type).name === inputName && args[a.name] !== undefined);
    if (arg) return arg.name;
  }
  const keys = Object.keys(args);
  return keys.length === 1 ? keys[0] : '';
}

/**
 * The schema's argument validator (type-graphql `validateFn`): class-validator with the same options
 * as type-graphql's own, but a failure names each field with its path, the rule and the value given.
 */
export const validateArguments: ValidatorFn = async (argValue: unknown, argType, resolverData: ResolverData) => {
  if (argValue === null || typeof argValue !== 'object') return;
  const name = argumentName(argType, resolverData.args as Record<string, unknown>, resolverData.info);
  const options = { forbidUnknownValues: false, skipMissingProperties: true };
  const violations: InputViolation[] = [];
  if (Array.isArray(argValue)) {
    for (const [i, item] of argValue.entries()) {
      if (item === null || typeof item !== 'object') continue;
      violations.push(...toInputViolations((await validate(item as object, options)) as ValidationError[], `${name}[${i}]`));
    }
  } else {
    violations.push(...toInputViolations((await validate(argValue, options)) as ValidationError[], name));
  }
  if (violations.length > 0) throw inputValidationError(violations);
};
