import type { RequestContext } from '@xiangzhi/kernel';
import { personnelType, type PostShape } from '@xiangzhi/personnel-api';
import { Ctx, FieldResolver, registerEnumType, Resolver, Root } from 'type-graphql';
import { PLUGIN_NAME, type Jiangxi135Config } from '../config';
import { JiangxiPostClass, postClassOf } from './post-class';

registerEnumType(JiangxiPostClass, {
  name: 'JiangxiPostClass',
  description: '江西135试点：大岗位制岗位类别 / Jiangxi 135 pilot: post class of the big-post system (大岗位制)',
  valuesConfig: {
    PRINCIPAL: { description: '正职岗（党组织书记兼村（居）委会主任，“一肩挑”）/ Principal post (Party secretary, also committee director)' },
    DEPUTY: { description: '副职岗（副书记、副主任、村务监督委员会主任）/ Deputy post (deputy secretary, deputy director, supervision chair)' },
    MEMBER: { description: '委员岗（两委委员）/ Committee member post' },
  },
});

/** 大岗位制 the class the plugin adds to Post (computed from the post's code or category: no reads). */
@Resolver(() => personnelType('Post'))
export class JiangxiPostClassResolver {
  @FieldResolver(() => JiangxiPostClass, {
    nullable: true,
    description:
      '江西135试点：大岗位制岗位类别（按定岗模板代码，其余岗位按类别：书记、主任为正职岗，监委会主任为副职岗，其余为委员岗）；未启用的区县返回 PLUGIN_NOT_ENABLED / ' +
      'Jiangxi 135 pilot: the post’s class (by its template code; other posts by category: secretary and director principal, supervision chair deputy, the rest member); PLUGIN_NOT_ENABLED where not enabled',
  })
  jiangxiPostClass(@Root() post: PostShape, @Ctx() ctx: RequestContext): JiangxiPostClass {
    ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, post.villageCode);
    return postClassOf(post);
  }
}
