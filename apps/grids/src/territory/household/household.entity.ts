import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** 住户 a household of a village, assigned to a grid and linked to a grid member. */
@Entity({ name: 'household' })
@ObjectType('Household', { description: '住户 / Household' })
@Directive('@key(fields: "id")')
export class Household {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'grid_id', type: 'uuid', nullable: true })
  gridId!: string | null;

  @Column({ name: 'number', type: 'text' })
  @Field(() => String, { description: '户号（村内唯一）/ Household number (unique within the village)' })
  number!: string;

  @Column({ name: 'address', type: 'text' })
  @Field(() => String, { description: '住址 / Address' })
  address!: string;

  @Column({ name: 'head_resident_id', type: 'uuid', nullable: true })
  headResidentId!: string | null;

  /** The grid member (网格员) the household is linked to. */
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;
}
