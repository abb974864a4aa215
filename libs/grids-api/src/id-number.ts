/**
 * 公民身份号码 resident ID numbers (GB 11643-1999): 6-digit address code, 8-digit birth date
 * (YYYYMMDD), 3-digit sequence (odd for men, even for women), and a mod-11 check character
 * (ISO 7064 MOD 11-2) that may be `X`. Pure functions: no database, no clock unless given.
 */

/** Weights of the 17 body digits (2^(18-i) mod 11). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each value of the weighted sum mod 11. */
const CHECK_CHARS = '10X98765432';

/** Why an ID number was refused; stable codes for clients and tests. */
export type IdNumberRule = 'ID_LENGTH' | 'ID_FORMAT' | 'ID_ADDRESS_CODE' | 'ID_BIRTH_DATE' | 'ID_CHECK_DIGIT';

export type IdNumberGender = 'MALE' | 'FEMALE';

export interface ValidIdNumber {
  valid: true;
  /** The number normalised (trimmed, upper-case `X`). */
  idNumber: string;
  /** 6-digit address code (GB/T 2260 county code at the time of issue). */
  addressCode: string;
  /** Birth date as `YYYY-MM-DD`. */
  birthDate: string;
  /** From the sequence code: odd = male, even = female. */
  gender: IdNumberGender;
}

export interface InvalidIdNumber {
  valid: false;
  rule: IdNumberRule;
  zh: string;
  en: string;
}

export type IdNumberCheck = ValidIdNumber | InvalidIdNumber;

/** Trims and upper-cases (a lower-case `x` check character is accepted as `X`). */
export function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

/** The check character for the first 17 digits of an ID number. */
export function idNumberCheckDigit(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new Error(`an ID number body is 17 digits: ${body17}`);
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(body17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function invalid(rule: IdNumberRule, zh: string, en: string): InvalidIdNumber {
  return { valid: false, rule, zh, en };
}

/**
 * Validates an 18-character resident ID number against GB 11643: length, digits, a numeric
 * address code, a real birth date not in the future (and not before 1900), and the check character.
 * `today` (default: now) makes the future-date rule testable.
 */
export function validateIdNumber(input: string, today: Date = new Date()): IdNumberCheck {
  const id = normalizeIdNumber(input);
  if (id.length !== 18) {
    return invalid('ID_LENGTH', `身份证号码应为18位，实际为${id.length}位`, `An ID number has 18 characters, got ${id.length}`);
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return invalid('ID_FORMAT', '身份证号码前17位应为数字，末位为数字或X', 'An ID number is 17 digits followed by a digit or X');
  }
  const addressCode = id.slice(0, 6);
  if (addressCode[0] === '0') {
    return invalid('ID_ADDRESS_CODE', `身份证号码地址码无效：${addressCode}`, `Invalid address code in ID number: ${addressCode}`);
  }
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (year < 1900 || !isCalendarDate(year, month, day)) {
    return invalid('ID_BIRTH_DATE', `身份证号码出生日期无效：${id.slice(6, 14)}`, `Invalid birth date in ID number: ${id.slice(6, 14)}`);
  }
  if (birthDate > isoDay(today)) {
    return invalid('ID_BIRTH_DATE', `身份证号码出生日期晚于今天：${birthDate}`, `Birth date in ID number is in the future: ${birthDate}`);
  }
  const expected = idNumberCheckDigit(id.slice(0, 17));
  if (id[17] !== expected) {
    return invalid('ID_CHECK_DIGIT', '身份证号码校验码错误', 'Wrong check character in ID number');
  }
  return { valid: true, idNumber: id, addressCode, birthDate, gender: Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE' };
}

/** True when `idNumber` passes every GB 11643 rule. */
export function isValidIdNumber(idNumber: string, today?: Date): boolean {
  return validateIdNumber(idNumber, today).valid;
}

/**
 * Builds a valid ID number (for demo data and tests): address code, birth date `YYYY-MM-DD`,
 * sequence 0–999 (parity decides the gender the number encodes).
 */
export function composeIdNumber(addressCode: string, birthDate: string, sequence: number): string {
  if (!/^[1-9]\d{5}$/.test(addressCode)) throw new Error(`address code must be 6 digits: ${addressCode}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) throw new Error(`birth date must be YYYY-MM-DD: ${birthDate}`);
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) throw new Error(`sequence must be 0–999: ${sequence}`);
  const body = `${addressCode}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${body}${idNumberCheckDigit(body)}`;
}
