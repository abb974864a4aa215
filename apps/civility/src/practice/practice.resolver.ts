import { RegionRef, ResidentRef } from '../shared/grids-stubs';
import type { RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import {
  civilityStatsLoader,
  createPracticeStation,
  createVolunteerTeam,
  logVolunteerHours,
  practiceStations,
  recordActivity,
  registerVolunteer,
  setPracticeTheme,
  volunteerHoursLoader,
} from './practice.service';
import {
  CivilityStats,
  CreatePracticeStationInput,
  CreateVolunteerTeamInput,
  LogVolunteerHoursInput,
  PracticeActivity,
  PracticeStation,
  PracticeTheme,
  RecordActivityInput,
  RegisterVolunteerInput,
  SetPracticeThemeInput,
  Volunteer,
  VolunteerHours,
  VolunteerTeam,
} from './practice.types';

/** 新时代文明实践 stations, themes, activities, volunteer teams, volunteers and hours. */
@Resolver(() => PracticeActivity)
export class PracticeResolver {
  @Mutation(() => PracticeStation, { description: '设立文明实践中心（县）、所（乡镇）、站（村）/ Set up a practice centre (county), institute (township) or station (village)' })
  createPracticeStation(@Arg('input', () => CreatePracticeStationInput, { description: '输入 / Input' }) input: CreatePracticeStationInput, @Ctx() ctx: RequestContext): Promise<PracticeStation> {
    return createPracticeStation(ctx, input);
  }

  @Mutation(() => PracticeTheme, { description: '设定月度主题（县、乡镇管理人员）/ Set a month’s practice theme (county and township managers)' })
  setPracticeTheme(@Arg('input', () => SetPracticeThemeInput, { description: '输入 / Input' }) input: SetPracticeThemeInput, @Ctx() ctx: RequestContext): Promise<PracticeTheme> {
    return setPracticeTheme(ctx, input);
  }

  @Mutation(() => PracticeActivity, { description: '登记文明实践活动（日期、阵地、参与人数；主题取县设定的当月主题）/ Record a practice activity (date, station, participants; the theme is the county’s theme of the month)' })
  recordActivity(@Arg('input', () => RecordActivityInput, { description: '输入 / Input' }) input: RecordActivityInput, @Ctx() ctx: RequestContext): Promise<PracticeActivity> {
    return recordActivity(ctx, input);
  }

  @Mutation(() => VolunteerTeam, { description: '组建志愿服务队 / Form a volunteer team' })
  createVolunteerTeam(@Arg('input', () => CreateVolunteerTeamInput, { description: '输入 / Input' }) input: CreateVolunteerTeamInput, @Ctx() ctx: RequestContext): Promise<VolunteerTeam> {
    return createVolunteerTeam(ctx, input);
  }

  @Mutation(() => Volunteer, { description: '登记志愿者（在册居民，在服务队区域内）/ Register a volunteer (a living resident inside the team’s region)' })
  registerVolunteer(@Arg('input', () => RegisterVolunteerInput, { description: '输入 / Input' }) input: RegisterVolunteerInput, @Ctx() ctx: RequestContext): Promise<Volunteer> {
    return registerVolunteer(ctx, input);
  }

  @Mutation(() => VolunteerHours, { description: '登记志愿服务时长（以0.5小时为单位）/ Log volunteer hours (in half hours)' })
  logVolunteerHours(@Arg('input', () => LogVolunteerHoursInput, { description: '输入 / Input' }) input: LogVolunteerHoursInput, @Ctx() ctx: RequestContext): Promise<VolunteerHours> {
    return logVolunteerHours(ctx, input);
  }
}

/** Region statistics of civility practice. */
@Resolver(() => RegionRef)
export class RegionPracticeResolver {
  @FieldResolver(() => CivilityStats, { description: '德治统计（年度：活动数、志愿服务时长、星级文明户数；辖区内）/ Civility statistics of a year (activities, volunteer hours, star households; in scope)' })
  civility(@Root() region: RegionRef, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<CivilityStats> {
    return civilityStatsLoader(ctx).load({ code: region.code, year });
  }

  @FieldResolver(() => [PracticeStation], { description: '辖区内的文明实践中心、所、站 / Practice venues in the region' })
  practiceStations(@Root() region: RegionRef, @Ctx() ctx: RequestContext): Promise<PracticeStation[]> {
    return practiceStations(ctx, region.code);
  }
}

/** `Resident.volunteerHours(year)`. */
@Resolver(() => ResidentRef)
export class ResidentVolunteerResolver {
  @FieldResolver(() => Float, { nullable: true, description: '年度志愿服务时长（小时；辖区外为空，居民只能看自己的）/ Volunteer hours of a year (null outside the caller’s scope; a resident sees their own only)' })
  volunteerHours(@Root() resident: ResidentRef, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<number | null> {
    return volunteerHoursLoader(ctx).load({ id: resident.id, year });
  }
}
