import { assertRegionCode, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { PLUGIN_NAME, type LongshanQihuaConfig } from './config';

@ObjectType('LongshanQihuaSettings', { description: '龙山七化全职化管理：区县参数 / Longshan Seven-Way Full-Time Cadres: the county parameters' })
export class LongshanQihuaSettings {
  @Field(() => String, { description: '区县代码 / County code' })
  countyCode!: string;

  @Field(() => [LongshanQihuaParameter], { description: '参数 / Parameters' })
  parameters!: LongshanQihuaParameter[];
}

@ObjectType('LongshanQihuaParameter', { description: '一个参数 / One parameter' })
export class LongshanQihuaParameter {
  @Field(() => String, { description: '键 / Key' })
  key!: string;

  @Field(() => Float, { description: '值 / Value' })
  value!: number;
}

@Resolver()
export class LongshanQihuaSettingsResolver {
  @Query(() => LongshanQihuaSettings, {
    description: '龙山七化全职化管理：某区县启用的参数；未启用的区县返回 PLUGIN_NOT_ENABLED / Longshan Seven-Way Full-Time Cadres: a county’s parameters; PLUGIN_NOT_ENABLED where it is not enabled',
  })
  longshanQihuaSettings(
    @Arg('regionCode', () => String, { description: '区县或其下任一区划代码 / The county or any region in it' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): LongshanQihuaSettings {
    assertRegionCode(regionCode, 'regionCode');
    requireInScope(ctx.actor, regionCode);
    const config = ctx.policies.configOf<LongshanQihuaConfig>(PLUGIN_NAME, regionCode);
    return Object.assign(new LongshanQihuaSettings(), {
      countyCode: `${regionCode.slice(0, 6)}000000`,
      parameters: Object.entries(config).map(([key, value]) => ({ key, value: Number(value) })),
    });
  }
}
