import type { Decision } from '@xiangzhi/personnel-api';
import { Field, ObjectType } from 'type-graphql';

/** A decision as stored: the policy's rule and reasons, and which policy (plugin or `baseline`) decided. */
export interface StoredDecision extends Decision {
  policy: string;
}

/** Stamps a policy's decision with the policy that produced it (`source` from `PolicyRegistry.resolve`). */
export function stamp<D extends Decision>(source: string, d: D): D & { policy: string } {
  return { ...d, policy: source };
}

/** 决定依据 which policy and which rule produced a computed decision, and why. */
@ObjectType('PolicyDecision', { description: '决定依据：由哪一政策的哪条规则作出及理由 / Which policy and which rule produced a decision, and why' })
export class PolicyDecision {
  @Field(() => String, { description: '政策来源（插件名，或 baseline 表示全国基线）/ Policy source (plugin name, or baseline for the national default)' })
  policy!: string;

  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '理由（中文）/ Reason in Chinese' })
  zh!: string;

  @Field(() => String, { description: '理由（英文）/ Reason in English' })
  en!: string;

  static of(d: StoredDecision): PolicyDecision {
    return Object.assign(new PolicyDecision(), { policy: d.policy, rule: d.rule, zh: d.zh, en: d.en });
  }
}
