import { ConnectionType, VersionedVillageRecord } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';
import { fenColumn } from '../shared/money';

/** 固定资产类别 categories of fixed assets. */
export enum AssetCategory {
  BUILDING = 'BUILDING',
  STRUCTURE = 'STRUCTURE',
  MACHINERY = 'MACHINERY',
  VEHICLE = 'VEHICLE',
  FACILITY = 'FACILITY',
  OTHER = 'OTHER',
}

/** 资源类别 kinds of resource. */
export enum ResourceKind {
  LAND = 'LAND',
  FOREST = 'FOREST',
  WATER = 'WATER',
  OTHER = 'OTHER',
}

registerEnumType(AssetCategory, {
  name: 'AssetCategory',
  description: '固定资产类别 / Category of fixed asset',
  valuesConfig: {
    BUILDING: { description: '房屋建筑物 / Buildings' },
    STRUCTURE: { description: '构筑物（水利、道路等）/ Structures (water works, roads…)' },
    MACHINERY: { description: '机器设备 / Machinery' },
    VEHICLE: { description: '运输工具 / Vehicles' },
    FACILITY: { description: '公益设施 / Public facilities' },
    OTHER: { description: '其他 / Other' },
  },
});

registerEnumType(ResourceKind, {
  name: 'ResourceKind',
  description: '集体资源类别 / Kind of collective resource',
  valuesConfig: {
    LAND: { description: '土地（耕地、建设用地等）/ Land' },
    FOREST: { description: '林地 / Forest' },
    WATER: { description: '水面 / Water' },
    OTHER: { description: '其他（荒山、荒沟等）/ Other (waste hills, gullies…)' },
  },
});

/** 固定资产 a fixed asset of a collective organisation. */
@Entity({ name: 'collective_asset' })
@ObjectType('CollectiveAsset', { description: '集体固定资产 / Fixed asset of a collective organisation' })
@Directive('@key(fields: "id")')
export class CollectiveAsset extends VersionedVillageRecord {
  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => ID, { description: '所属集体经济组织 / Organisation' })
  organizationId!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'category', type: 'text' })
  @Field(() => AssetCategory, { description: '类别 / Category' })
  category!: AssetCategory;

  @Column({ name: 'acquired_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '取得日期 / Date acquired' })
  acquiredOn!: string;

  @Column({ name: 'original_value_fen', type: 'bigint', transformer: fenColumn })
  @Field(() => MoneyScalar, { description: '原值（元）/ Original value (yuan)' })
  originalValue!: bigint;
}

/** 资源 a resource (land, forest, water…) of a collective organisation. */
@Entity({ name: 'collective_resource' })
@ObjectType('CollectiveResource', { description: '集体资源（土地、林地、水面等）/ Collective resource (land, forest, water…)' })
@Directive('@key(fields: "id")')
export class CollectiveResource extends VersionedVillageRecord {
  @Column({ name: 'organization_id', type: 'uuid' })
  @Field(() => ID, { description: '所属集体经济组织 / Organisation' })
  organizationId!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '名称 / Name' })
  name!: string;

  @Column({ name: 'kind', type: 'text' })
  @Field(() => ResourceKind, { description: '类别 / Kind' })
  kind!: ResourceKind;

  /** numeric(14,2): the driver answers a string such as `"12.50"`, never a float. */
  @Column({ name: 'area_mu', type: 'numeric', precision: 14, scale: 2 })
  @Field(() => String, { description: '面积（亩，两位小数的十进制字符串，如 "12.50"）/ Area in mu (decimal string with two decimals, e.g. "12.50")' })
  areaMu!: string;

  @Column({ name: 'contracted', type: 'boolean' })
  @Field(() => Boolean, { description: '是否已发包 / Whether contracted out' })
  contracted!: boolean;
}

export const CollectiveAssetConnection = ConnectionType(CollectiveAsset, 'CollectiveAsset', '集体固定资产 / Fixed assets');
export const CollectiveResourceConnection = ConnectionType(CollectiveResource, 'CollectiveResource', '集体资源 / Resources');
