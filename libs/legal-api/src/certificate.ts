/**
 * 律师执业证号 the 17-digit practising-certificate number of a lawyer (司法部律师执业证号编制规则):
 * - 1st digit: certificate text type, `1` for a lawyer's practising certificate (律师执业证/工作证);
 * - 2nd–3rd: the province of the practising firm (the first two digits of its GB/T 2260 code);
 * - 4th–5th: its city (prefecture) or, in a municipality, district code;
 * - 6th–9th: the year of first practice;
 * - 10th: practice category (1 专职, 2 兼职, 3 香港居民, 4 澳门居民, 5 台湾居民, 6 公职, 7 公司, 8 法律援助, 9 军队);
 * - 11th: sex (0 male, 1 female);
 * - 12th–17th: sequence number.
 * The checks are those that can be verified offline: length, digits, type, province, year (1979 to
 * this year), category and sex code.
 */
export interface CertificateProblem {
  rule: 'CERTIFICATE_FORMAT' | 'CERTIFICATE_TYPE' | 'CERTIFICATE_PROVINCE' | 'CERTIFICATE_YEAR' | 'CERTIFICATE_CATEGORY' | 'CERTIFICATE_SEX';
  zh: string;
  en: string;
}

/** GB/T 2260 province codes (first two digits). */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82',
];

/** The first problem with a practising-certificate number, or null when it has the right form. */
export function certificateProblem(value: string, thisYear: number): CertificateProblem | null {
  if (!/^\d{17}$/.test(value)) return { rule: 'CERTIFICATE_FORMAT', zh: '执业证号须为17位数字', en: 'A practising-certificate number has 17 digits' };
  if (value[0] !== '1') return { rule: 'CERTIFICATE_TYPE', zh: '执业证号第1位（证书类型）须为1', en: 'The 1st digit (certificate type) must be 1' };
  if (!PROVINCE_CODES.includes(value.slice(1, 3))) {
    return { rule: 'CERTIFICATE_PROVINCE', zh: `执业证号第2–3位不是省级区划代码：${value.slice(1, 3)}`, en: `Digits 2–3 are not a province code: ${value.slice(1, 3)}` };
  }
  const year = Number(value.slice(5, 9));
  if (year < 1979 || year > thisYear) {
    return { rule: 'CERTIFICATE_YEAR', zh: `执业证号第6–9位（首次执业年度）须在1979至${thisYear}之间：${year}`, en: `Digits 6–9 (year of first practice) must be 1979–${thisYear}: ${year}` };
  }
  if (value[9] === '0') return { rule: 'CERTIFICATE_CATEGORY', zh: '执业证号第10位（执业类别）须为1–9', en: 'The 10th digit (practice category) must be 1–9' };
  if (value[10] !== '0' && value[10] !== '1') return { rule: 'CERTIFICATE_SEX', zh: '执业证号第11位（性别）须为0或1', en: 'The 11th digit (sex) must be 0 or 1' };
  return null;
}
