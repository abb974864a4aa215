import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

/** 网格员角色 role of a grid worker. */
export enum GridWorkerRole {
  /** 网格长 grid leader (usually the villager group head or Party group head) */
  GRID_LEADER = 'GRID_LEADER',
  /** 网格员 grid member, linked to about 10 households */
  GRID_MEMBER = 'GRID_MEMBER',
}

registerEnumType(GridWorkerRole, {
  name: 'GridWorkerRole',
  description: '网格员角色 / Grid worker role',
  valuesConfig: {
    GRID_LEADER: { description: '网格长 / Grid leader' },
    GRID_MEMBER: { description: '网格员（联系约10户）/ Grid member (linked to about 10 households)' },
  },
});

/** 网格长/网格员 a grid worker: a resident of the village, or just a name and phone. */
@Entity({ name: 'grid_worker' })
@ObjectType('GridWorker', { description: '网格长或网格员 / Grid leader or grid member' })
@Directive('@key(fields: "id")')
export class GridWorker {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'grid_id', type: 'uuid' })
  gridId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'role', type: 'text' })
  @Field(() => GridWorkerRole, { description: '角色 / Role' })
  role!: GridWorkerRole;

  @Column({ name: 'resident_id', type: 'uuid', nullable: true })
  residentId!: string | null;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  /** Exposed (masked or audited) through a field resolver. */
  @Column({ name: 'phone', type: 'text', nullable: true })
  phone!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;
}
