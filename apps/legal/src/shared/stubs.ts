import { referenceResolver, type ReferenceResolver } from '@xiangzhi/kernel';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * The grids entities legal extends, as legal's own stub classes (only the key). type-graphql keeps
 * the fields a field resolver adds to a class in that class's global metadata, so a stub class
 * shared by several subgraphs in one process would carry every subgraph's fields into every schema
 * built after it; with classes of its own, legal's `Region` has legal's fields only.
 */

@ObjectType('Region', { description: '行政区划（12位统计用区划代码）/ Administrative region, keyed by its 12-digit statistical division code' })
@Directive('@key(fields: "code")')
export class LegalRegion {
  @Field(() => ID, { description: '12位区划代码 / 12-digit division code' })
  code!: string;

  static of(code: string): LegalRegion {
    return Object.assign(new LegalRegion(), { code });
  }
}

@ObjectType('Resident', { description: '居民 / Resident' })
@Directive('@key(fields: "id")')
export class LegalResident {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  static of(id: string): LegalResident {
    return Object.assign(new LegalResident(), { id });
  }
}

@ObjectType('Household', { description: '户 / Household' })
@Directive('@key(fields: "id")')
export class LegalHousehold {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;
}

@ObjectType('Grid', { description: '网格 / Grid' })
@Directive('@key(fields: "id")')
export class LegalGrid {
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;
}

/** `__resolveReference` for the stubs: the key is all legal needs; its field resolvers batch the rest. */
export const legalStubReferences: Record<string, ReferenceResolver> = {
  Region: referenceResolver<string, LegalRegion>({ key: (ref) => String(ref.code), load: async (codes) => codes.map((c) => LegalRegion.of(c)) }),
  Resident: referenceResolver<string, LegalResident>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => LegalResident.of(id)) }),
  Grid: referenceResolver<string, LegalGrid>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => Object.assign(new LegalGrid(), { id })) }),
  Household: referenceResolver<string, LegalHousehold>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => Object.assign(new LegalHousehold(), { id })) }),
};
