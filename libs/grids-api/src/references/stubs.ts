import { referenceResolver, type ReferenceResolver } from '@xiangzhi/kernel';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * Entities owned by the grids subgraph that other subgraphs extend with their own fields
 * (`Region.cadres`, `Resident.cadre`, `Grid.partyBranch`, `Household.civility`…). Only the key lives
 * here; no other subgraph reads the grids database.
 *
 * Each subgraph makes its own classes with `gridsEntityStubs()` (once, in a module of its own):
 * type-graphql attaches field resolvers to the class they name, so a class shared by two subgraphs
 * would carry each one's fields into the other's schema when both run in one process.
 *
 * @example
 * // apps/economy/src/shared/grids-stubs.ts
 * const stubs = gridsEntityStubs();
 * export const RegionRef = stubs.RegionRef;
 * export type RegionRef = InstanceType<typeof RegionRef>;
 */
export function gridsEntityStubs() {
  @ObjectType('Region', { description: '行政区划（12位统计用区划代码）/ Administrative region, keyed by its 12-digit statistical division code' })
  @Directive('@key(fields: "code")')
  class RegionRef {
    @Field(() => ID, { description: '12位区划代码 / 12-digit division code' })
    code!: string;

    static of(code: string): RegionRef {
      return Object.assign(new RegionRef(), { code });
    }
  }

  @ObjectType('Resident', { description: '居民 / Resident' })
  @Directive('@key(fields: "id")')
  class ResidentRef {
    @Field(() => ID, { description: '标识 / Identifier' })
    id!: string;

    static of(id: string): ResidentRef {
      return Object.assign(new ResidentRef(), { id });
    }
  }

  @ObjectType('Grid', { description: '网格 / Grid' })
  @Directive('@key(fields: "id")')
  class GridRef {
    @Field(() => ID, { description: '标识 / Identifier' })
    id!: string;

    static of(id: string): GridRef {
      return Object.assign(new GridRef(), { id });
    }
  }

  @ObjectType('Household', { description: '户 / Household' })
  @Directive('@key(fields: "id")')
  class HouseholdRef {
    @Field(() => ID, { description: '标识 / Identifier' })
    id!: string;

    static of(id: string): HouseholdRef {
      return Object.assign(new HouseholdRef(), { id });
    }
  }

  /** `__resolveReference` for the stubs: the key is all an extending subgraph needs; its field resolvers batch the rest. */
  const references: Record<string, ReferenceResolver> = {
    Region: referenceResolver<string, RegionRef>({ key: (ref) => String(ref.code), load: async (codes) => codes.map((c) => RegionRef.of(c)) }),
    Resident: referenceResolver<string, ResidentRef>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => ResidentRef.of(id)) }),
    Grid: referenceResolver<string, GridRef>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => GridRef.of(id)) }),
    Household: referenceResolver<string, HouseholdRef>({ key: (ref) => String(ref.id), load: async (ids) => ids.map((id) => HouseholdRef.of(id)) }),
  };

  return { RegionRef, ResidentRef, GridRef, HouseholdRef, references };
}

/** A subgraph's set of grids entity stubs (see `gridsEntityStubs`). */
export type GridsEntityStubs = ReturnType<typeof gridsEntityStubs>;
