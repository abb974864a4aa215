import { badInput, countyOf, isRegionCode, type RequestContext } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';

/** A day of the work calendar that is not an ordinary Monday–Friday working day or weekend day. */
@ObjectType('WorkCalendarDay', { description: '工作日历中的特殊日（节假日、调休上班日、本县自定日）/ A special day of the work calendar (holiday, weekend day worked, county day)' })
export class WorkCalendarDay {
  @Field(() => GraphQLLocalDate, { description: '日期 / Date' })
  date!: string;

  @Field(() => Boolean, { description: '是否工作日 / Whether it is a working day' })
  workday!: boolean;

  @Field(() => String, { nullable: true, description: '节假日名称（中文）；非节假日为空 / Holiday name in Chinese; null when not a holiday' })
  holidayZh!: string | null;

  @Field(() => String, { nullable: true, description: '节假日名称（英文）/ Holiday name in English; null when not a holiday' })
  holidayEn!: string | null;

  @Field(() => Boolean, { description: '调休上班（周末上班）/ A weekend day worked in place of a holiday day' })
  adjustedWorkday!: boolean;

  @Field(() => Boolean, { description: '由本县部署配置自定 / Set by the county in the deployment config' })
  countyOverride!: boolean;
}

/** 工作日历 one year of a county's work calendar. */
@ObjectType('WorkCalendarYear', { description: '区县某年的工作日历（法定节假日、调休及本县自定日）/ A county’s work calendar for a year (public holidays, weekend days worked, county days)' })
export class WorkCalendarYear {
  @Field(() => String, { description: '区县区划代码（12位）/ County division code (12 digits)' })
  countyCode!: string;

  @Field(() => Int, { description: '年份 / Year' })
  year!: number;

  @Field(() => String, { description: '数据来源（中文）/ Source of the national dates, in Chinese' })
  sourceZh!: string;

  @Field(() => String, { description: '数据来源（英文）/ Source of the national dates, in English' })
  sourceEn!: string;

  @Field(() => Boolean, {
    description: '暂定：当年放假安排通知尚未录入，仅含法定节日本身 / Provisional: the year’s State Council notice is not entered yet; statutory days only',
  })
  provisional!: boolean;

  @Field(() => Int, { description: '全年工作日天数 / Working days in the year' })
  workdays!: number;

  @Field(() => [WorkCalendarDay], { description: '特殊日（节假日、调休上班日、本县自定日），按日期 / Special days (holidays, weekend days worked, county days), by date' })
  days!: WorkCalendarDay[];
}

/** 工作日历 read-only view of the work calendar the personnel rules use. */
@Resolver()
export class WorkCalendarResolver {
  @Query(() => WorkCalendarYear, {
    description:
      '区县某年的工作日历：法定节假日、调休上班日和本县在部署配置中自定的日子；考勤坐班、值班覆盖按此判断工作日和休息日。没有数据的年份答 BAD_USER_INPUT（CALENDAR_YEAR_UNKNOWN）/ ' +
      'A county’s work calendar for a year: public holidays, weekend days worked and the county’s own days from the deployment config; duty and coverage use it. A year without data answers BAD_USER_INPUT (CALENDAR_YEAR_UNKNOWN)',
  })
  workCalendar(
    @Arg('countyCode', () => String, { description: '区县区划代码（6位或12位）/ County division code (6 or 12 digits)' }) countyCode: string,
    @Arg('year', () => Int, { description: '年份 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): WorkCalendarYear {
    const full = /^\d{6}$/.test(countyCode) ? `${countyCode}000000` : countyCode;
    if (!isRegionCode(full) || countyOf(full) !== full) {
      throw badInput(`须为区县级区划代码：${countyCode}`, `A county division code is required: ${countyCode}`, { field: 'countyCode', value: countyCode });
    }
    const calendar = ctx.policies.calendar;
    const data = calendar.year(year, 'year');
    const all = calendar.daysOf(year, full);
    const days = all
      .filter((d) => d.holiday !== null || d.adjustedWorkday || d.countyOverride)
      .map((d) => Object.assign(new WorkCalendarDay(), { date: d.date, workday: d.workday, holidayZh: d.holiday?.zh ?? null, holidayEn: d.holiday?.en ?? null, adjustedWorkday: d.adjustedWorkday, countyOverride: d.countyOverride }));
    return Object.assign(new WorkCalendarYear(), {
      countyCode: full,
      year,
      sourceZh: data.source.zh,
      sourceEn: data.source.en,
      provisional: data.provisional,
      workdays: all.filter((d) => d.workday).length,
      days,
    });
  }
}
