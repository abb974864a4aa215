import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** 片区 a zone grouping grids within a village ("村(社区)—网格—片区"). */
@Entity({ name: 'zone' })
@ObjectType('Zone', { description: '片区（村内网格的分组）/ Zone: a group of grids within a village' })
export class Zone {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;
}
