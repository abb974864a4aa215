import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** 网格 a grid: about 50 households of one village, with a grid leader and grid members. */
@Entity({ name: 'grid' })
@ObjectType('Grid', { description: '网格（约50户，设网格长一名、网格员若干）/ Grid: about 50 households with one grid leader and several grid members' })
@Directive('@key(fields: "id")')
export class Grid {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  /** 15 digits: the village code followed by a 3-digit sequence (as CJ/T 349). */
  @Column({ name: 'code', type: 'text' })
  @Field(() => String, { description: '网格代码：村（社区）代码加3位顺序码 / Grid code: the village code followed by a 3-digit sequence' })
  code!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'zone_id', type: 'uuid', nullable: true })
  zoneId!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁，更新时提交）/ Version (optimistic locking; send it with updates)' })
  version!: number;
}
