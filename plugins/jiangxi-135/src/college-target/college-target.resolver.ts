import {
  assertRegionCode,
  badInput,
  forbidden,
  isWithin,
  levelOf,
  regionPrefix,
  RegionLevel,
  requireRole,
  Role,
  todayInChina,
  type RequestContext,
} from '@xiangzhi/kernel';
import { EDUCATION_ORDER, isCollegeOrHigher, PERSONNEL_TABLES, personnelType, type RegionKeyShape } from '@xiangzhi/personnel-api';
import { Arg, Ctx, Field, Float, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { PLUGIN_NAME, type Jiangxi135Config } from '../config';
import { collegeProgress, type TownshipCollegeProgress } from './college-target';

/** Who may read the progress: county and township managers and auditors. */
export const COLLEGE_TARGET_READER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.AUDITOR];

/** A Region reference the gateway completes from grids (name, level…); personnel knows the code only. */
function regionRef(code: string): RegionKeyShape {
  const cls = personnelType('Region') as new () => RegionKeyShape;
  return Object.assign(new cls(), { code });
}

@ObjectType('JiangxiCollegeTargetTownship', { description: '江西135试点：一个乡镇的村干部学历提升进度 / Jiangxi 135 pilot: one township’s progress towards the college-education target' })
export class JiangxiCollegeTargetTownship {
  @Field(() => String, { description: '乡镇（街道）区划代码 / Township division code' })
  townshipCode!: string;

  @Field(() => personnelType('Region'), { description: '乡镇（名称等由网格子图提供）/ The township (name and the rest from the grids subgraph)' })
  township!: RegionKeyShape;

  @Field(() => Int, { description: '在任村干部数 / Serving village cadres' })
  servingCadres!: number;

  @Field(() => Int, { description: '其中大专及以上学历 / Of those, college-educated or higher' })
  collegeCadres!: number;

  @Field(() => Float, { description: '大专及以上占比（0–1）/ College-educated share (0–1)' })
  share!: number;

  @Field(() => Float, { description: '目标占比（默认0.7）/ Target share (0.7 by default)' })
  target!: number;

  @Field(() => Boolean, { description: '是否已达标 / Whether the target is met' })
  met!: boolean;

  @Field(() => Int, { description: '按现有人数还差几名大专及以上学历干部 / More college-educated cadres needed with today’s numbers' })
  shortfall!: number;
}

@ObjectType('JiangxiCollegeTargetReport', {
  description: '江西135试点：“三年内大专以上学历村干部占比达到70%以上”的进度 / Jiangxi 135 pilot: progress towards “≥ 70% college-educated village cadres within three years”',
})
export class JiangxiCollegeTargetReport {
  @Field(() => String, { description: '查询的区县或乡镇代码 / The county or township asked about' })
  regionCode!: string;

  @Field(() => Float, { description: '目标占比 / Target share' })
  targetShare!: number;

  @Field(() => Int, { description: '目标年度（试点2023年起三年）/ Year the target is due (the pilot began in 2023, plus three years)' })
  deadlineYear!: number;

  @Field(() => Int, { description: '距目标年度还有几年（当年为0，已过为负）/ Years left until the deadline (0 in that year, negative after it)' })
  yearsLeft!: number;

  @Field(() => Int, { description: '合计在任村干部 / Serving village cadres in all' })
  servingCadres!: number;

  @Field(() => Int, { description: '合计大专及以上 / College-educated or higher in all' })
  collegeCadres!: number;

  @Field(() => Float, { description: '合计占比 / Share in all' })
  share!: number;

  @Field(() => Boolean, { description: '合计是否达标 / Whether the whole region meets the target' })
  met!: boolean;

  @Field(() => Int, { description: '达标的乡镇数 / Townships meeting the target' })
  townshipsMet!: number;

  @Field(() => [JiangxiCollegeTargetTownship], { description: '各乡镇（有在任村干部的），按代码排列 / Each township with serving cadres, by code' })
  townships!: JiangxiCollegeTargetTownship[];
}

const toTownship = (p: TownshipCollegeProgress): JiangxiCollegeTargetTownship =>
  Object.assign(new JiangxiCollegeTargetTownship(), { ...p, township: regionRef(p.townshipCode) });

@Resolver()
export class JiangxiCollegeTargetResolver {
  @Query(() => JiangxiCollegeTargetReport, {
    nullable: true,
    description:
      '江西135试点：区县或乡镇村干部学历提升进度，按乡镇统计在任村干部、大专及以上人数、占比与是否达标（县、乡镇管理人员和审计）；未启用的区县返回 PLUGIN_NOT_ENABLED / ' +
      'Jiangxi 135 pilot: progress of a county or township towards the college-education target, per township: serving cadres, college-educated, share, met (county and township managers, auditors); PLUGIN_NOT_ENABLED where not enabled',
  })
  async jiangxiCollegeTarget(
    @Arg('regionCode', () => String, { description: '区县或乡镇区划代码 / County or township division code' }) regionCode: string,
    @Ctx() ctx: RequestContext,
  ): Promise<JiangxiCollegeTargetReport> {
    assertRegionCode(regionCode, 'regionCode');
    const config = ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, regionCode).collegeTarget;
    requireRole(ctx.actor, ...COLLEGE_TARGET_READER_ROLES);
    const level = levelOf(regionCode);
    if (level !== RegionLevel.COUNTY && level !== RegionLevel.TOWNSHIP) {
      throw badInput(`须为区县或乡镇区划代码：${regionCode}`, `A county or township division code is required: ${regionCode}`, { field: 'regionCode' });
    }
    const scope = ctx.actor.scope;
    const prefix = isWithin(regionCode, scope) ? regionPrefix(regionCode) : isWithin(scope, regionCode) ? regionPrefix(scope) : null;
    if (prefix === null) throw forbidden(`无权访问辖区（${ctx.actor.scope}）以外的区域`, `You may only access regions inside your scope ${ctx.actor.scope}`, { scope: ctx.actor.scope });
    const college = EDUCATION_ORDER.filter(isCollegeOrHigher);
    const rows: { township: string; serving: number; college: number }[] = await ctx.dataSource.query(
      `SELECT substr(village_code, 1, 9) || '000' AS township,
              count(*)::int AS serving,
              count(*) FILTER (WHERE education_level = ANY($2::text[]))::int AS college
         FROM ${PERSONNEL_TABLES.cadre.table}
        WHERE village_code LIKE $1 AND status <> 'LEFT'
        GROUP BY 1
        ORDER BY 1`,
      [`${prefix}%`, college],
    );
    const townships = rows.map((r) => collegeProgress(r.township, Number(r.serving), Number(r.college), config));
    const serving = townships.reduce((s, t) => s + t.servingCadres, 0);
    const collegeCount = townships.reduce((s, t) => s + t.collegeCadres, 0);
    const all = collegeProgress(regionCode, serving, collegeCount, config);
    return Object.assign(new JiangxiCollegeTargetReport(), {
      regionCode,
      targetShare: config.targetShare,
      deadlineYear: config.deadlineYear,
      yearsLeft: config.deadlineYear - Number(todayInChina().slice(0, 4)),
      servingCadres: serving,
      collegeCadres: collegeCount,
      share: all.share,
      met: all.met,
      townshipsMet: townships.filter((t) => t.met).length,
      townships: townships.map(toTownship),
    });
  }
}
