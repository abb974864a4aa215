import { assertRegionCode, countyOf, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import type { LongshanQihuaConfig } from './config';
import { configFor } from './shared/access';

@ObjectType('LongshanQihuaParameter', { description: '龙山七化：一个数值参数 / Longshan: one numeric parameter' })
export class LongshanQihuaParameter {
  @Field(() => String, { description: '键（分组.名称，如 attendance.villageWorkdayHours）/ Key (group.name, e.g. attendance.villageWorkdayHours)' })
  key!: string;

  @Field(() => Float, { nullable: true, description: '值（为空表示不限）/ Value (null: none)' })
  value!: number | null;
}

@ObjectType('LongshanQihuaTextParameter', { description: '龙山七化：一个文字或列表参数 / Longshan: one text or list parameter' })
export class LongshanQihuaTextParameter {
  @Field(() => String, { description: '键（分组.名称，如 eligibility.fullTimeSecretaryMinEducation）/ Key (group.name, e.g. eligibility.fullTimeSecretaryMinEducation)' })
  key!: string;

  @Field(() => [String], { description: '值 / Values' })
  values!: string[];
}

@ObjectType('LongshanQihuaNamedItem', { description: '龙山七化：有代码的条目（情形、联审部门）/ Longshan: a coded item (situation, vetting department)' })
export class LongshanQihuaNamedItem {
  @Field(() => String, { description: '代码 / Code' })
  code!: string;

  @Field(() => String, { description: '中文名称 / Chinese name' })
  zh!: string;

  @Field(() => String, { description: '英文名称 / English name' })
  en!: string;
}

@ObjectType('LongshanQihuaSettings', { description: '龙山七化全职化管理：区县参数 / Longshan Seven-Way Full-Time Cadres: the county parameters' })
export class LongshanQihuaSettings {
  @Field(() => String, { description: '区县代码 / County code' })
  countyCode!: string;

  @Field(() => [LongshanQihuaParameter], { description: '数值参数 / Numeric parameters' })
  parameters!: LongshanQihuaParameter[];

  @Field(() => [LongshanQihuaTextParameter], { description: '文字与列表参数（学历、等次）/ Text and list parameters (education levels, ratings)' })
  textParameters!: LongshanQihuaTextParameter[];

  @Field(() => [LongshanQihuaNamedItem], { description: '不宜担任“两委”成员的情形（十种情形）/ The disqualifying situations (the ten situations)' })
  situations!: LongshanQihuaNamedItem[];

  @Field(() => [LongshanQihuaNamedItem], { description: '联审部门 / The joint-vetting departments' })
  vettingDepartments!: LongshanQihuaNamedItem[];
}

/** Numeric (and null) leaves as `group.name` keys; text and string-list leaves apart; the two coded lists left to their own fields. */
export function flattenConfig(config: LongshanQihuaConfig): { numbers: LongshanQihuaParameter[]; texts: LongshanQihuaTextParameter[] } {
  const numbers: LongshanQihuaParameter[] = [];
  const texts: LongshanQihuaTextParameter[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value === null || typeof value === 'number') numbers.push(Object.assign(new LongshanQihuaParameter(), { key: prefix, value }));
    else if (typeof value === 'string' || typeof value === 'boolean') texts.push(Object.assign(new LongshanQihuaTextParameter(), { key: prefix, values: [String(value)] }));
    else if (Array.isArray(value)) {
      if (value.every((v) => typeof v === 'string')) texts.push(Object.assign(new LongshanQihuaTextParameter(), { key: prefix, values: value as string[] }));
    } else if (typeof value === 'object') {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) walk(prefix ? `${prefix}.${k}` : k, v);
    }
  };
  walk('', config);
  return { numbers, texts };
}

const named = (items: { code: string; zh: string; en: string }[]) => items.map((i) => Object.assign(new LongshanQihuaNamedItem(), { code: i.code, zh: i.zh, en: i.en }));

@Resolver()
export class LongshanQihuaSettingsResolver {
  @Query(() => LongshanQihuaSettings, {
    nullable: true,
    description: '龙山七化全职化管理：某区县启用的参数；未启用的区县返回 PLUGIN_NOT_ENABLED / Longshan Seven-Way Full-Time Cadres: a county’s parameters; PLUGIN_NOT_ENABLED where it is not enabled',
  })
  longshanQihuaSettings(
    @Arg('regionCode', () => String, { description: '区县或其下任一区划代码 / The county or any region in it' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): LongshanQihuaSettings {
    assertRegionCode(regionCode, 'regionCode');
    const config = configFor(ctx, regionCode);
    requireInScope(ctx.actor, regionCode);
    const { numbers, texts } = flattenConfig(config);
    return Object.assign(new LongshanQihuaSettings(), {
      countyCode: countyOf(regionCode) ?? regionCode,
      parameters: numbers,
      textParameters: texts,
      situations: named(config.eligibility.situations),
      vettingDepartments: named(config.eligibility.vettingDepartments),
    });
  }
}
