import { RegionLevel } from '@xiangzhi/kernel';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政层级 / Administrative level',
  valuesConfig: {
    PROVINCE: { description: '省级 / Province' },
    CITY: { description: '地级（市、州）/ Prefecture (city, autonomous prefecture)' },
    COUNTY: { description: '县级（县、区）/ County (county, district)' },
    TOWNSHIP: { description: '乡级（乡、镇、街道）/ Township (township, town, street office)' },
    VILLAGE: { description: '村级（行政村、社区）/ Village (villagers’ or residents’ committee)' },
  },
});

/** 行政区划 a region identified by its 12-digit statistical division code (统计用区划代码). */
@Entity({ name: 'region' })
@ObjectType('Region', { description: '行政区划（12位统计用区划代码）/ Administrative region, keyed by its 12-digit statistical division code' })
@Directive('@key(fields: "code")')
export class Region {
  @PrimaryColumn({ name: 'code', type: 'text' })
  @Field(() => ID, { description: '12位区划代码 / 12-digit division code' })
  code!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'level', type: 'text' })
  @Field(() => RegionLevel, { description: '层级 / Level' })
  level!: RegionLevel;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '上级区划代码 / Parent division code' })
  parentCode!: string | null;

  /** 所属县级区划代码; null above county level. */
  @Column({ name: 'county_code', type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '所属县级区划代码（县级以上为空）/ Code of the containing county (empty above county level)' })
  countyCode!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '代码启用日期 / Date the code came into use' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '代码停用日期（为空表示现行）/ Date the code was retired (empty while current)' })
  validTo!: string | null;
}

/** 区划统计 counts of a region; the incidents feature adds `openIncidents`. Counts are limited to the caller's scope. */
@ObjectType('RegionStats', { description: '区划统计（仅统计调用者辖区内的数据）/ Region statistics (counting only what the caller may see)' })
export class RegionStats {
  /** The region the statistics are for (not a GraphQL field: field resolvers read it). */
  readonly regionCode: string;

  constructor(regionCode: string) {
    this.regionCode = regionCode;
  }
}
