import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';

/**
 * 事件办理情况 the grids subgraph's `IncidentHandling`, declared in personnel so that the head-goose
 * index can `@requires` it. Type-level `@external`: personnel never resolves these fields, the gateway
 * fetches them from grids and passes them in the entity representation. Name and descriptions are
 * the grids subgraph's (a shared value type, not the plugin's own).
 */
@ObjectType('IncidentHandling', {
  description: '事件办理情况（本年度，按北京时间；仅统计调用者辖区内的）/ Incident handling in the current calendar year (China time), counting only what the caller may see',
})
@Directive('@external')
export class ExternalIncidentHandling {
  @Field(() => Int, { description: '本年度上报的事件数 / Incidents reported this year' })
  total!: number;

  @Field(() => Int, { description: '其中已关闭（已评价）的 / Of those, closed with the resident’s rating' })
  closed!: number;

  @Field(() => Int, {
    description: '其中到期应办结的（已办结、已关闭，或办理期限已过；不含不予受理）/ Of those, the ones due by now: resolved or closed, or past their deadline (rejected ones excluded)',
  })
  due!: number;

  @Field(() => Int, { description: '其中按期办结的（办结时间不晚于办理期限；群众评价关闭的时间不计）/ Of those, resolved no later than their deadline (when the resident rated it does not count)' })
  closedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '已关闭事件的群众平均评价（1–5，无评价时为空）/ Residents’ average rating of the closed incidents (1–5; empty when none)' })
  averageRating!: number | null;
}

/** 指标 one part of a head-goose index. */
@ObjectType('JiangxiHeadGoosePart', { description: '江西135试点：头雁指数的一项指标 / Jiangxi 135 pilot: one part of the head-goose index' })
export class JiangxiHeadGoosePart {
  @Field(() => String, {
    description:
      '指标代码（ANNUAL_APPRAISAL 年度考核、TRAINING 教育培训、PARTY_POINTS 党员积分、INCIDENT_ON_TIME 事件按期办结、INCIDENT_RATING 群众评价、' +
      'DISPUTES_RESOLVED 矛盾纠纷化解、CIVILITY_LISTS 乡风文明红黑榜、DISCLOSURE_ON_TIME 三务按时公开、COLLECTIVE_INCOME 村集体经济）/ ' +
      'Part code (ANNUAL_APPRAISAL, TRAINING, PARTY_POINTS, INCIDENT_ON_TIME, INCIDENT_RATING, DISPUTES_RESOLVED, CIVILITY_LISTS, DISCLOSURE_ON_TIME, COLLECTIVE_INCOME)',
  })
  code!: string;

  @Field(() => String, { description: '指标名称（中文）/ Title in Chinese' })
  title!: string;

  @Field(() => String, { description: '指标名称（英文）/ Title in English' })
  titleEn!: string;

  @Field(() => Float, { description: '权重（各项之和为1）/ Weight (the weights add up to 1)' })
  weight!: number;

  @Field(() => Float, { nullable: true, description: '得分（0–100；无数据时为空，不计入指数）/ Value 0–100 (empty without data; then left out of the index)' })
  value!: number | null;

  @Field(() => String, { description: '计算依据（中文）/ What the value comes from, in Chinese' })
  basis!: string;

  @Field(() => String, { description: '计算依据（英文）/ What the value comes from, in English' })
  basisEn!: string;
}

/** 头雁指数 a village Party secretary's head-goose index. */
@ObjectType('JiangxiHeadGooseIndex', {
  description:
    '江西135试点：村党组织书记“头雁指数”（0–100，年度考核、培训、党员积分来自干部子图，事件办理来自网格子图）/ ' +
    'Jiangxi 135 pilot: a village Party secretary’s head-goose index (0–100; appraisal, training and Party points from personnel, incident handling from grids)',
})
export class JiangxiHeadGooseIndex {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Field(() => Int, { description: '统计年度（北京时间）/ Year counted (China time)' })
  year!: number;

  @Field(() => ID, { description: '村党组织书记（干部标识）/ The village Party secretary (cadre id)' })
  secretaryId!: string;

  @Field(() => String, { description: '书记姓名 / Secretary’s name' })
  secretaryName!: string;

  @Field(() => Float, { nullable: true, description: '头雁指数（0–100，一位小数；各项均无数据时为空）/ The index (0–100, one decimal; empty when no part has data)' })
  index!: number | null;

  @Field(() => [JiangxiHeadGoosePart], { description: '各项指标及权重 / The parts with their weights' })
  parts!: JiangxiHeadGoosePart[];
}
