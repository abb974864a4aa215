import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { InspectionFinding, Sanction } from './attendance.entity';

/** What `recordInspectionFinding` wrote: the finding and the sanction the county's policy decided. */
@ObjectType('InspectionFindingResult', { description: '督查发现及其处理决定 / An inspection finding and the sanction decided for it' })
export class InspectionFindingResult {
  @Field(() => InspectionFinding, { description: '督查发现 / The finding' })
  finding!: InspectionFinding;

  @Field(() => Sanction, { description: '处理决定 / The sanction' })
  sanction!: Sanction;
}

/** 坐班不足 one cadre short of the required hours on one day. */
@ObjectType('DutyShortfall', { description: '坐班时长不足（某干部某日）/ A cadre short of the required duty hours on a day' })
export class DutyShortfall {
  @Field(() => GraphQLLocalDate, { description: '日期 / Date' })
  date!: string;

  /** Resolved to `cadre` by a batched field resolver. */
  cadreId!: string;

  @Field(() => Float, { description: '应坐班小时数（考勤政策）/ Hours required (attendance policy)' })
  requiredHours!: number;

  @Field(() => Float, { description: '实际登记小时数 / Hours checked in' })
  hours!: number;
}

/** 休息日无人值班 a rest day with fewer cadres on duty than the policy requires. */
@ObjectType('UncoveredDay', { description: '休息日值班人数不足 / A rest day with fewer cadres on duty than required' })
export class UncoveredDay {
  @Field(() => GraphQLLocalDate, { description: '日期 / Date' })
  date!: string;

  @Field(() => Int, { description: '应值班人数（考勤政策）/ Cadres required on duty (attendance policy)' })
  required!: number;

  @Field(() => Int, { description: '实际登记坐班的人数 / Cadres who checked in' })
  onDuty!: number;
}

/** 坐班情况 how a village's duty at the service centre measured up to its county's policy over a period. */
@ObjectType('DutyCoverageReport', { description: '坐班值班情况（按区县考勤政策）/ Duty coverage of a village over a period (county attendance policy)' })
export class DutyCoverageReport {
  @Field(() => String, { description: '村（社区）/ Village' })
  villageCode!: string;

  @Field(() => GraphQLLocalDate, { description: '开始日期 / From' })
  from!: string;

  @Field(() => GraphQLLocalDate, { description: '结束日期（含）/ To (inclusive)' })
  to!: string;

  @Field(() => String, { description: '适用的考勤政策（插件名，或 baseline 表示全国基线）/ Attendance policy applied (plugin name, or baseline)' })
  policy!: string;

  @Field(() => Int, { description: '坐班不足的人日数（全职岗位在任干部，请假除外）/ Cadre-days below the required hours (full-time post holders, leave excepted)' })
  daysBelowRequired!: number;

  @Field(() => [DutyShortfall], { description: '坐班不足明细，按日期、干部排列 / Each cadre-day below the required hours, by date then cadre' })
  shortfalls!: DutyShortfall[];

  @Field(() => [UncoveredDay], { description: '值班人数不足的休息日 / Rest days with fewer cadres on duty than required' })
  uncoveredRestDays!: UncoveredDay[];
}
