import type { RuleViolation } from '@xiangzhi/kernel';
import type { LongshanQihuaConfig } from '../config';

/**
 * 有荣誉 the amount of one honour award must lie within the county's range (seed: 每项荣誉奖励3千至5万元);
 * returns the violation, or none.
 */
export function honourAmountViolations(amount: number, awards: LongshanQihuaConfig['awards']): RuleViolation[] {
  if (amount >= awards.honourMin && amount <= awards.honourMax) return [];
  return [
    {
      rule: 'LONGSHAN_HONOUR_AMOUNT',
      zh: `每项荣誉奖励须在${awards.honourMin}–${awards.honourMax}元之间（申报${amount}元）`,
      en: `an honour award must lie within ${awards.honourMin}–${awards.honourMax} (given ${amount})`,
    },
  ];
}

/** BAD_USER_INPUT text when a yearly award's payment month precedes its year; null when fine. */
export function paidBeforeYear(month: string, year: number): { zh: string; en: string } | null {
  if (Number(month.slice(0, 4)) >= year) return null;
  return { zh: `发放月份${month}早于奖励年度${year}年`, en: `The month paid ${month} precedes the award's year ${year}` };
}
