import { ResidentStatus } from '@xiangzhi/grids-api';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { BeforeInsert, BeforeUpdate, Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { idNumberHash } from './id-number-hash';

/** 性别 gender, as the ID number encodes it. */
export enum ResidentGender {
  MALE = 'MALE',
  FEMALE = 'FEMALE',
}

registerEnumType(ResidentGender, {
  name: 'ResidentGender',
  description: '性别 / Gender',
  valuesConfig: { MALE: { description: '男 / Male' }, FEMALE: { description: '女 / Female' } },
});

registerEnumType(ResidentStatus, {
  name: 'ResidentStatus',
  description: '居民状态 / Resident status',
  valuesConfig: {
    LIVING: { description: '在册 / Living in the village' },
    DECEASED: { description: '已故 / Deceased' },
    MOVED_OUT: { description: '已迁出 / Moved out' },
  },
});

/** 与户主关系 relation to the head of household. */
export enum RelationToHead {
  HEAD = 'HEAD',
  SPOUSE = 'SPOUSE',
  CHILD = 'CHILD',
  CHILD_IN_LAW = 'CHILD_IN_LAW',
  GRANDCHILD = 'GRANDCHILD',
  PARENT = 'PARENT',
  GRANDPARENT = 'GRANDPARENT',
  SIBLING = 'SIBLING',
  OTHER = 'OTHER',
}

registerEnumType(RelationToHead, {
  name: 'RelationToHead',
  description: '与户主关系 / Relation to the head of household',
  valuesConfig: {
    HEAD: { description: '户主 / Head of household' },
    SPOUSE: { description: '配偶 / Spouse' },
    CHILD: { description: '子女 / Child' },
    CHILD_IN_LAW: { description: '儿媳、女婿 / Child-in-law' },
    GRANDCHILD: { description: '孙子女、外孙子女 / Grandchild' },
    PARENT: { description: '父母 / Parent' },
    GRANDPARENT: { description: '祖父母、外祖父母 / Grandparent' },
    SIBLING: { description: '兄弟姐妹 / Sibling' },
    OTHER: { description: '其他 / Other' },
  },
});

/** 居民 a registered resident of a household. ID and phone numbers are exposed masked or audited. */
@Entity({ name: 'resident' })
@ObjectType('Resident', { description: '居民 / Resident' })
@Directive('@key(fields: "id")')
export class Resident {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '所属村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Column({ name: 'county_code', type: 'text' })
  countyCode!: string;

  @Column({ name: 'name', type: 'text' })
  @Field(() => String, { description: '姓名 / Name' })
  name!: string;

  @Column({ name: 'gender', type: 'text' })
  @Field(() => ResidentGender, { description: '性别 / Gender' })
  gender!: ResidentGender;

  /** Birth date; with the masked ID number it would reveal the whole number, so it is personal data too. */
  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  /** 18-character GB 11643 number; never a plain GraphQL field. */
  @Column({ name: 'id_number', type: 'text' })
  idNumber!: string;

  /** Keyed hash of the ID number (`id-number-hash.ts`): what `searchResidents(idNumber:)` looks up; filled on every write. */
  @Column({ name: 'id_number_hash', type: 'text' })
  idNumberHash!: string;

  @BeforeInsert()
  @BeforeUpdate()
  fillIdNumberHash(): void {
    if (typeof this.idNumber === 'string') this.idNumberHash = idNumberHash(this.idNumber);
  }

  @Column({ name: 'phone', type: 'text', nullable: true })
  phone!: string | null;

  @Column({ name: 'relation_to_head', type: 'text' })
  @Field(() => RelationToHead, { description: '与户主关系 / Relation to the head of household' })
  relationToHead!: RelationToHead;

  @Column({ name: 'status', type: 'text', default: ResidentStatus.LIVING })
  @Field(() => ResidentStatus, { description: '状态（在册、已故、已迁出）/ Status (living, deceased, moved out)' })
  status!: ResidentStatus;

  @Column({ name: 'status_date', type: 'date', nullable: true })
  @Field(() => GraphQLLocalDate, { nullable: true, description: '状态生效日期（在册为空）/ Date the status took effect (empty while living)' })
  statusDate!: string | null;

  @VersionColumn({ name: 'version', type: 'int' })
  @Field(() => Int, { description: '版本号（乐观锁）/ Version (optimistic locking)' })
  version!: number;
}
