import { referenceResolver, type ReferenceResolver } from '@xiangzhi/kernel';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by the grids subgraph that personnel extends with its own fields
 * (`Region.cadres`, `Resident.cadre`, `Grid.partyBranch`…). Only the key lives here; personnel never
 * reads the grids database.
 */
@ObjectType('Region', { description: '行政区划（12位统计用区划代码）/ Administrative region, keyed by its 12-digit statistical division code' })
@Directive('@key(fields: "code")')
export class RegionRef {
  @Field(() => ID, { description: '12位区划代码 / 12-digit division code' })
  code!: string;

  static of(code: string): RegionRef {
    return Object.assign(new RegionRef(), { code });
  }
}

@ObjectType('Resident', { description: '居民 / Resident' })
@Directive('@key(fields: "id")')
export class ResidentRef {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  static of(id: string): ResidentRef {
    return Object.assign(new ResidentRef(), { id });
  }
}

@ObjectType('Grid', { description: '网格 / Grid' })
@Directive('@key(fields: "id")')
export class GridRef {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  static of(id: string): GridRef {
    return Object.assign(new GridRef(), { id });
  }
}

/** `__resolveReference` for the stubs: the key is all personnel needs; its field resolvers batch the rest. */
export const federationReferences: Record<string, ReferenceResolver> = {
  Region: referenceResolver<string, RegionRef>({ key: (ref) => String(ref.code), load: async (codes) => codes.map((c) => RegionRef.of(c)) }),
  Resident: referenceResolver<string, ResidentRef>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => ResidentRef.of(id)) }),
  Grid: referenceResolver<string, GridRef>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => GridRef.of(id)) }),
};
