import { assertRegionCode, requireInScope, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, Float, ObjectType, Query, Resolver } from 'type-graphql';
import { PLUGIN_NAME, type Jiangxi135Config } from './config';

@ObjectType('Jiangxi135Settings', { description: '江西135党建引领乡村治理试点：区县参数 / Jiangxi 135 Pilot: the county parameters' })
export class Jiangxi135Settings {
  @Field(() => String, { description: '区县代码 / County code' })
  countyCode!: string;

  @Field(() => [Jiangxi135Parameter], { description: '参数 / Parameters' })
  parameters!: Jiangxi135Parameter[];
}

@ObjectType('Jiangxi135Parameter', { description: '一个参数 / One parameter' })
export class Jiangxi135Parameter {
  @Field(() => String, { description: '键 / Key' })
  key!: string;

  @Field(() => Float, { description: '值 / Value' })
  value!: number;
}

@Resolver()
export class Jiangxi135SettingsResolver {
  @Query(() => Jiangxi135Settings, {
    description: '江西135党建引领乡村治理试点：某区县启用的参数；未启用的区县返回 PLUGIN_NOT_ENABLED / Jiangxi 135 Pilot: a county’s parameters; PLUGIN_NOT_ENABLED where it is not enabled',
  })
  jiangxi135Settings(
    @Arg('regionCode', () => String, { description: '区县或其下任一区划代码 / The county or any region in it' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): Jiangxi135Settings {
    assertRegionCode(regionCode, 'regionCode');
    requireInScope(ctx.actor, regionCode);
    const config = ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, regionCode);
    return Object.assign(new Jiangxi135Settings(), {
      countyCode: `${regionCode.slice(0, 6)}000000`,
      parameters: Object.entries(config).map(([key, value]) => ({ key, value: Number(value) })),
    });
  }
}
