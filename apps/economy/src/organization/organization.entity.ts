import { ConnectionType } from '@xiangzhi/kernel';
import { DevelopmentModel, OrganizationStatus, type CollectiveOrganizationShape } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';

registerEnumType(DevelopmentModel, {
  name: 'DevelopmentModel',
  description: '集体经济发展模式 / Development model of a collective economy',
  valuesConfig: {
    LAND: { description: '经营土地型 / Land management' },
    ASSET: { description: '资产经营型 / Asset management' },
    RESOURCE: { description: '资源开发型 / Resource development' },
    CAPITAL: { description: '资本运作型 / Capital operation' },
    SERVICE: { description: '合作服务型 / Cooperative services' },
  },
});

registerEnumType(OrganizationStatus, {
  name: 'CollectiveOrganizationStatus',
  description: '集体经济组织状态 / Status of a collective economic organisation',
  valuesConfig: {
    ACTIVE: { description: '正常 / Active' },
    MERGED: { description: '已合并，作为下属组织继续存在（四不变）/ Merged: lives on as a sub-organisation' },
    DISSOLVED: { description: '已注销 / Dissolved' },
  },
});

/**
 * 村集体经济组织 a village's collective economic organisation (股份经济合作社/经济合作社), registered
 * with its unified social credit code. After a village merger the original collectives live on as
 * sub-organisations (`parentId`) of the new village's organisation: 四不变 (seed 002).
 */
@Entity({ name: 'collective_organization' })
@ObjectType('CollectiveOrganization', { description: '村集体经济组织 / Village collective economic organisation' })
@Directive('@key(fields: "id")')
export class CollectiveOrganization implements CollectiveOrganizationShape {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'county_code', type: 'text' })
  @Field(() => String, { description: '所属区县代码 / Division code of its county' })
  countyCode!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）代码 / Division code of its village' })
  villageCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'credit_code', type: 'text' })
  @Field(() => String, { description: '统一社会信用代码（GB 32100，18位）/ Unified social credit code (GB 32100, 18 characters)' })
  creditCode!: string;

  @Column({ name: 'founded_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '成立日期 / Date founded' })
  foundedOn!: string;

  @Column({ name: 'development_model', type: 'text' })
  @Field(() => DevelopmentModel, { description: '发展模式 / Development model' })
  developmentModel!: DevelopmentModel;

  @Column({ name: 'status', type: 'text', default: OrganizationStatus.ACTIVE })
  @Field(() => OrganizationStatus, { description: '状态 / Status' })
  status!: OrganizationStatus;

  /** The organisation it belongs to after a merger (四不变). */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 / Registered at' })
  createdAt!: Date;
}

export const CollectiveOrganizationConnection = ConnectionType(CollectiveOrganization, 'CollectiveOrganization', '村集体经济组织 / Collective economic organisations');
