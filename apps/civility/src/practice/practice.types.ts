import { ResidentRef } from '../shared/grids-stubs';
import { IdempotentInput } from '@xiangzhi/kernel';
import { IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

/** 新时代文明实践阵地层级 */
export enum PracticeStationLevel {
  CENTRE = 'CENTRE',
  INSTITUTE = 'INSTITUTE',
  STATION = 'STATION',
}

registerEnumType(PracticeStationLevel, {
  name: 'PracticeStationLevel',
  description: '新时代文明实践阵地层级 / Level of a civilisation practice venue',
  valuesConfig: {
    CENTRE: { description: '县级文明实践中心 / County centre' },
    INSTITUTE: { description: '乡镇文明实践所 / Township institute' },
    STATION: { description: '村文明实践站 / Village station' },
  },
});

@ObjectType('PracticeStation', { description: '新时代文明实践中心、所、站 / Civilisation practice centre, institute or station' })
export class PracticeStation {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => String, { description: '所在区划（县、乡镇或村）/ Region (county, township or village)' })
  regionCode!: string;

  @Field(() => PracticeStationLevel, { description: '层级 / Level' })
  level!: PracticeStationLevel;

  @Field(() => String, { description: '名称 / Name' })
  name!: string;
}

@InputType('CreatePracticeStationInput', { description: '设立文明实践中心、所、站 / Set up a civilisation practice venue' })
export class CreatePracticeStationInput extends IdempotentInput {
  @Field(() => String, { description: '区划代码：县设中心、乡镇设所、村设站 / Region: a county has a centre, a township an institute, a village a station' })
  @IsString()
  regionCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

@ObjectType('PracticeTheme', { description: '月度文明实践主题 / Monthly practice theme' })
export class PracticeTheme {
  @Field(() => String, { description: '县 / County code' })
  countyCode!: string;

  @Field(() => String, { description: '月份 YYYY-MM / Month' })
  month!: string;

  @Field(() => String, { description: '主题 / Theme' })
  title!: string;
}

@InputType('SetPracticeThemeInput', { description: '设定月度主题（月月有主题）/ Set a month’s theme' })
export class SetPracticeThemeInput {
  @Field(() => String, { description: '县级区划代码 / County code' })
  @IsString()
  countyCode!: string;

  @Field(() => String, { description: '月份 YYYY-MM / Month' })
  @IsString()
  month!: string;

  @Field(() => String, { description: '主题 / Theme' })
  @IsString()
  @Length(1, 200)
  title!: string;
}

@ObjectType('PracticeActivity', { description: '文明实践活动 / Civilisation practice activity' })
export class PracticeActivity {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => ID, { description: '阵地 / Station' })
  stationId!: string;

  @Field(() => String, { description: '阵地所在区划 / Region of the station' })
  regionCode!: string;

  @Field(() => GraphQLLocalDate, { description: '活动日期 / Date held' })
  heldOn!: string;

  @Field(() => String, { description: '活动名称 / Title' })
  title!: string;

  @Field(() => String, { nullable: true, description: '当月主题（县设定）/ The month’s theme (set by the county)' })
  theme!: string | null;

  @Field(() => Int, { description: '参与人数 / Participants' })
  participants!: number;
}

@InputType('RecordActivityInput', { description: '登记文明实践活动 / Record a civilisation practice activity' })
export class RecordActivityInput extends IdempotentInput {
  @Field(() => ID, { description: '阵地 / Station' })
  @IsUUID()
  stationId!: string;

  @Field(() => GraphQLLocalDate, { description: '活动日期（不晚于今天）/ Date held (not after today)' })
  heldOn!: string;

  @Field(() => String, { description: '活动名称 / Title' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @Field(() => Int, { description: '参与人数 / Participants' })
  @IsInt()
  @Min(0)
  @Max(100000)
  participants!: number;
}

@ObjectType('VolunteerTeam', { description: '志愿服务队 / Volunteer team' })
export class VolunteerTeam {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => String, { description: '所属区划 / Region' })
  regionCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  name!: string;
}

@InputType('CreateVolunteerTeamInput', { description: '组建志愿服务队 / Form a volunteer team' })
export class CreateVolunteerTeamInput extends IdempotentInput {
  @Field(() => String, { description: '所属区划（村、乡镇或县）/ Region' })
  @IsString()
  regionCode!: string;

  @Field(() => String, { description: '名称 / Name' })
  @IsString()
  @Length(1, 100)
  name!: string;
}

@ObjectType('Volunteer', { description: '志愿者 / Volunteer' })
export class Volunteer {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => ID, { description: '志愿服务队 / Team' })
  teamId!: string;

  @Field(() => ResidentRef, { description: '居民 / Resident' })
  resident!: ResidentRef;

  @Field(() => String, { description: '居民所在村 / Village of the resident' })
  villageCode!: string;

  @Field(() => GraphQLLocalDate, { description: '加入日期 / Joined on' })
  joinedOn!: string;
}

@InputType('RegisterVolunteerInput', { description: '登记志愿者 / Register a volunteer' })
export class RegisterVolunteerInput extends IdempotentInput {
  @Field(() => ID, { description: '志愿服务队 / Team' })
  @IsUUID()
  teamId!: string;

  @Field(() => ID, { description: '居民（在册，在服务队区域内）/ Resident (living, inside the team’s region)' })
  @IsUUID()
  residentId!: string;

  @Field(() => GraphQLLocalDate, { description: '加入日期（不晚于今天）/ Joined on (not after today)' })
  joinedOn!: string;
}

@ObjectType('VolunteerHours', { description: '志愿服务时长记录 / Volunteer hours record' })
export class VolunteerHours {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Field(() => ID, { description: '志愿者 / Volunteer' })
  volunteerId!: string;

  @Field(() => ID, { nullable: true, description: '活动 / Activity' })
  activityId!: string | null;

  @Field(() => GraphQLLocalDate, { description: '服务日期 / Date served' })
  servedOn!: string;

  @Field(() => Float, { description: '时长（小时，精确到0.5）/ Hours (to the half hour)' })
  hours!: number;
}

@InputType('LogVolunteerHoursInput', { description: '登记志愿服务时长 / Log volunteer hours' })
export class LogVolunteerHoursInput extends IdempotentInput {
  @Field(() => ID, { description: '志愿者 / Volunteer' })
  @IsUUID()
  volunteerId!: string;

  @Field(() => GraphQLLocalDate, { description: '服务日期（不早于加入日期，不晚于今天）/ Date served (not before joining, not after today)' })
  servedOn!: string;

  @Field(() => Float, { description: '时长（小时，0.5–24，以0.5为单位）/ Hours (0.5–24, in half hours)' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(24)
  hours!: number;

  @Field(() => ID, { nullable: true, description: '活动（同日）/ Activity (held that day)' })
  @IsOptional()
  @IsUUID()
  activityId?: string | null;
}

@ObjectType('CivilityStats', { description: '德治统计（年度）/ Civility statistics of a year' })
export class CivilityStats {
  @Field(() => Int, { description: '文明实践活动数 / Practice activities held' })
  activities!: number;

  @Field(() => Float, { description: '志愿服务时长（小时）/ Volunteer hours' })
  volunteerHours!: number;

  @Field(() => Int, { description: '星级文明户户数（一星及以上）/ Star households (one star or more)' })
  starHouseholds!: number;
}
