import { decision, DepartureType, type DepartureFacts, type HonorDecision, type HonorPolicy } from '@xiangzhi/personnel-api';
import type { SuyuSandingConfig } from './config';

const STARS_ZH = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/**
 * 正常离任荣誉 "荣誉金" and the "星级豫美村干勋章": a cadre leaving normally after 5, 10, 15 or 20
 * years of service without a Party or administrative disciplinary sanction receives, once, the
 * honour payment and the medal of the highest tier reached; anyone else receives nothing, with the
 * reason.
 */
export class SuyuHonorPolicy implements HonorPolicy {
  constructor(private readonly config: SuyuSandingConfig) {}

  onDeparture(f: DepartureFacts): HonorDecision {
    const { medal, tiers } = this.config.honor;
    if (f.departureType !== DepartureType.NORMAL) {
      return { honor: null, payment: 0, ...decision('SUYU_HONOR_NOT_NORMAL', '非正常离任，不发放荣誉金和勋章', 'not a normal departure: no honour payment or medal') };
    }
    if (f.disciplinarySanctions > 0) {
      return {
        honor: null,
        payment: 0,
        ...decision(
          'SUYU_HONOR_SANCTIONED',
          `任职期间受过${f.disciplinarySanctions}次党政纪处分，不发放荣誉金和勋章`,
          `${f.disciplinarySanctions} disciplinary sanction(s) during service: no honour payment or medal`,
        ),
      };
    }
    const tier = [...tiers].reverse().find((t) => f.serviceYears >= t.years);
    if (!tier) {
      return {
        honor: null,
        payment: 0,
        ...decision('SUYU_HONOR_TOO_SHORT', `任职${f.serviceYears}年，不满${tiers[0].years}年`, `${f.serviceYears} years of service, under ${tiers[0].years}`),
      };
    }
    const stars = STARS_ZH[tier.stars] ?? String(tier.stars);
    return {
      honor: `${medal}（${stars}星）`,
      payment: tier.payment,
      ...decision(
        'SUYU_HONOR_TIER',
        `正常离任，任职${f.serviceYears}年（满${tier.years}年）且未受党政纪处分：一次性发放荣誉金${tier.payment}元，授予${stars}星${medal}`,
        `normal departure after ${f.serviceYears} years (${tier.years}-year tier) without disciplinary sanction: one-off honour payment of ${tier.payment} and the ${tier.stars}-star Suyu village cadre medal`,
      ),
    };
  }
}
