import type { ConfigProblem } from '@xiangzhi/kernel';
import { POST_CLASS_TITLES, POST_CLASSES, type SuyuSandingConfig } from './config';

/**
 * 参数一致性 what one county's Suyu parameters must satisfy together (each field alone is checked by
 * the schema), reported by `xz check`:
 * - the 优秀 quota and the 不称职 floor cannot both hold when together they exceed all rated cadres;
 * - the departure honour may not fall as the years of service rise (a longer service would earn less);
 * - on the 四岗20级 scale a higher post class pays at least what the class below it pays at the same
 *   grade (书记岗 ≥ 副职岗 ≥ 委员岗 ≥ 专职岗), at grade 1 and at the top grade.
 */
export function suyuConsistencyProblems(config: SuyuSandingConfig): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const { excellentQuota, incompetentFloor } = config.appraisal;
  if (incompetentFloor !== null && excellentQuota + incompetentFloor > 1) {
    out.push({
      key: 'appraisal.incompetentFloor',
      message: `优秀比例${excellentQuota}与不称职比例下限${incompetentFloor}之和超过1，二者无法同时满足 (the excellent quota ${excellentQuota} and the incompetent floor ${incompetentFloor} add up to more than 1: both cannot hold)`,
    });
  }
  config.honor.tiers.forEach((tier, i) => {
    const before = config.honor.tiers[i - 1];
    if (before && (tier.payment < before.payment || tier.stars < before.stars)) {
      out.push({
        key: `honor.tiers.${i}`,
        message: `任职满${tier.years}年的荣誉（${tier.stars}星、${tier.payment}元）低于满${before.years}年的（${before.stars}星、${before.payment}元） (the honour after ${tier.years} years (${tier.stars} stars, ${tier.payment}) is below the one after ${before.years} years (${before.stars} stars, ${before.payment}))`,
      });
    }
  });
  const { classes, grades } = config.payScale;
  const pay = (c: (typeof POST_CLASSES)[number], grade: number) => classes[c].grade1 + classes[c].step * (grade - 1);
  POST_CLASSES.forEach((c, i) => {
    const higher = POST_CLASSES[i - 1];
    if (!higher) return;
    const at = [1, grades].find((g) => pay(c, g) > pay(higher, g));
    if (at !== undefined) {
      const [lo, hi] = [POST_CLASS_TITLES[c], POST_CLASS_TITLES[higher]];
      out.push({
        key: `payScale.classes.${c}`,
        message: `${lo.zh}第${at}级月基本报酬${pay(c, at)}元高于${hi.zh}同级的${pay(higher, at)}元 (the ${lo.en} pays ${pay(c, at)} at grade ${at}, more than the ${hi.en}'s ${pay(higher, at)})`,
      });
    }
  });
  return out;
}
