/**
 * 脱敏 masking of personal data for roles that do not need it: an ID number keeps its 6-digit
 * address code and last 4 characters (`433130********123X`), a phone number its first 3 and
 * last 4 digits (`138****5678`).
 */

/** Masks an ID number: first 6 and last 4 characters kept, the rest replaced by `*`. */
export function maskIdNumber(idNumber: string): string {
  const id = idNumber.trim();
  if (id.length <= 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}

/** Masks a phone number: first 3 and last 4 characters kept (`138****5678`). */
export function maskPhone(phone: string): string {
  const p = phone.trim();
  if (p.length < 8) return '*'.repeat(p.length);
  return `${p.slice(0, 3)}${'*'.repeat(p.length - 7)}${p.slice(-4)}`;
}

/** Mainland mobile number (11 digits starting with 1), or a landline like `0743-1234567`. */
export function isValidPhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone) || /^0\d{2,3}-?\d{7,8}$/.test(phone);
}
