import { badInput, countyOf, isRegionCode, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';

/** One parameter of an enabled plugin, as the deployment sets it (or the plugin's default). */
@ObjectType('CountyPluginParameter', { description: '插件参数 / A plugin parameter' })
export class CountyPluginParameter {
  @Field(() => String, { description: '参数名 / Parameter name' })
  key!: string;

  @Field(() => String, { description: '参数值（JSON）/ Parameter value (JSON)' })
  value!: string;
}

/** A plugin a county enables, with its parameters. */
@ObjectType('CountyPlugin', { description: '区县启用的插件及其参数 / A plugin a county enables, with its parameters' })
export class CountyPlugin {
  @Field(() => String, { description: '插件名 / Plugin name' })
  name!: string;

  @Field(() => String, { description: '插件版本 / Plugin version' })
  version!: string;

  @Field(() => String, { description: '名称（中文）/ Title in Chinese' })
  titleZh!: string;

  @Field(() => String, { description: '名称（英文）/ Title in English' })
  titleEn!: string;

  @Field(() => [CountyPluginParameter], { description: '参数（部署配置所设，未设的取插件默认值）/ Parameters (as the deployment sets them, the plugin’s defaults otherwise)' })
  parameters!: CountyPluginParameter[];
}

/** 已启用插件 read-only view of the plugins a county enables (the deployment config, as validated at boot). */
@Resolver()
export class CountyPluginsResolver {
  @Query(() => [CountyPlugin], {
    description:
      '某区域所在区县启用的插件及参数（只读，按部署配置的顺序；未启用插件的区县为空，按全国基线执行）/ ' +
      'The plugins the county of a region enables, with their parameters (read-only, in the deployment’s order; empty for a county on the national baseline)',
  })
  countyPlugins(
    @Arg('regionCode', () => ID, { description: '区县或其下任一区域的区划代码 / Division code of the county or of any region in it' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): CountyPlugin[] {
    const full = /^\d{6}$/.test(regionCode) ? `${regionCode}000000` : regionCode;
    if (!isRegionCode(full) || countyOf(full) === null) {
      throw badInput(`须为区县或其下区域的区划代码：${regionCode}`, `A division code of a county or of a region in it is required: ${regionCode}`, { field: 'regionCode', value: regionCode });
    }
    return ctx.policies.enabledPlugins(full).map(({ plugin, config }) =>
      Object.assign(new CountyPlugin(), {
        name: plugin.name,
        version: plugin.version,
        titleZh: plugin.title.zh,
        titleEn: plugin.title.en,
        parameters: Object.entries((config ?? {}) as Record<string, unknown>).map(([key, value]) => Object.assign(new CountyPluginParameter(), { key, value: JSON.stringify(value) })),
      }),
    );
  }
}
