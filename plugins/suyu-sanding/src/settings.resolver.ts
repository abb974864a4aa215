import { assertRegionCode, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { PLUGIN_NAME, type SuyuSandingConfig } from './config';

@ObjectType('SuyuSandingSettings', { description: '宿豫三定四专五化：区县参数 / Suyu Sanding Sizhuan Wuhua: the county parameters' })
export class SuyuSandingSettings {
  @Field(() => String, { description: '区县代码 / County code' })
  countyCode!: string;

  @Field(() => [SuyuSandingParameter], { description: '参数 / Parameters' })
  parameters!: SuyuSandingParameter[];
}

@ObjectType('SuyuSandingParameter', { description: '一个参数 / One parameter' })
export class SuyuSandingParameter {
  @Field(() => String, { description: '键 / Key' })
  key!: string;

  @Field(() => Float, { description: '值 / Value' })
  value!: number;
}

@Resolver()
export class SuyuSandingSettingsResolver {
  @Query(() => SuyuSandingSettings, {
    description: '宿豫三定四专五化：某区县启用的参数；未启用的区县返回 PLUGIN_NOT_ENABLED / Suyu Sanding Sizhuan Wuhua: a county’s parameters; PLUGIN_NOT_ENABLED where it is not enabled',
  })
  suyuSandingSettings(
    @Arg('regionCode', () => String, { description: '区县或其下任一区划代码 / The county or any region in it' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): SuyuSandingSettings {
    assertRegionCode(regionCode, 'regionCode');
    requireInScope(ctx.actor, regionCode);
    const config = ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, regionCode);
    return Object.assign(new SuyuSandingSettings(), {
      countyCode: `${regionCode.slice(0, 6)}000000`,
      parameters: Object.entries(config).map(([key, value]) => ({ key, value: Number(value) })),
    });
  }
}
