import { Field, ObjectType } from 'type-graphql';
import { PolicyDecision } from '../shared/decision';
import { Post } from './post.entity';

/** 定岗结果 what applying the county's post template did to a village. */
@ObjectType('ApplyPostTemplateResult', { description: '按模板设岗结果 / Result of applying the post template to a village' })
export class ApplyPostTemplateResult {
  @Field(() => String, { description: '模板名称 / Template name' })
  templateName!: string;

  @Field(() => PolicyDecision, { description: '决定依据（政策来源与规则 POST_TEMPLATE）/ The decision (policy source and rule POST_TEMPLATE)' })
  decision!: PolicyDecision;

  @Field(() => [Post], { description: '新设的岗位 / Posts created' })
  created!: Post[];

  @Field(() => [Post], { description: '已有的岗位（保持不变）/ Posts that already existed (kept as they were)' })
  existing!: Post[];
}
