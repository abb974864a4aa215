import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';

/**
 * 村级记录基类 the columns every village-scoped record repeats, once: its id (a UUID the service
 * assigns), the county code (12 digits, `county_code`, leading the indexes a county is read by) and
 * the village code (`village_code`, the scope checks' prefix match). An entity extends it and adds
 * its own columns; TypeORM and type-graphql both inherit the decorated properties (a base class is
 * never a type of the graph itself: type-graphql emits only the types a schema reaches).
 *
 * @example
 * @Entity({ name: 'lease_contract' })
 * @ObjectType('LeaseContract', { description: '…' })
 * export class LeaseContract extends VersionedVillageRecord { … }
 */
@ObjectType({ description: '记录基类（不单独出现在图中）/ Base of records (never a type of the graph by itself)' })
export abstract class VillageRecord {
  @PrimaryColumn({ name: 'id', type: 'uuid' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '村（社区）代码 / Village division code' })
  villageCode!: string;
}

/**
 * 可编辑的村级记录 a village record people edit: `VillageRecord`'s columns plus the optimistic
 * concurrency version (an update names the version it read; another is CONFLICT), who created it and
 * when (`created_by`, `created_at`).
 */
@ObjectType({ description: '记录基类（不单独出现在图中）/ Base of records (never a type of the graph by itself)' })
export abstract class VersionedVillageRecord extends VillageRecord {
  @Column({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（修改时提交，防止覆盖他人修改）/ Version (sent with an update, so no one overwrites another’s change)' })
  version!: number;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Recorded at' })
  createdAt!: Date;
}
