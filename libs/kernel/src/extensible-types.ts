import { Field, ObjectType } from 'type-graphql';
import type { ClassType } from './plugin';

/**
 * 可扩展类型 GraphQL object types a subgraph lets plugins add fields to (`Cadre`, `Region`…).
 *
 * A plugin cannot import a subgraph's classes (lint forbids it), yet a type-graphql field resolver
 * needs the class of the type it extends. So a subgraph names its extensible classes in its module
 * (`SubgraphModule.extensibleTypes`), the kernel registers them when it assembles the subgraph, and
 * a plugin refers to them lazily by name:
 *
 * ```ts
 * @Resolver(() => extensibleType('personnel', 'Cadre'))
 * class CadreExitFlags { @FieldResolver(() => [ExitFlag]) suyuExitFlags(@Root() cadre: CadreShape) {…} }
 * ```
 *
 * type-graphql evaluates `() => extensibleType(…)` only while it builds the schema, after the
 * subgraph has registered its classes. The `*-api` libs wrap this in typed helpers
 * (`personnelType('Cadre')`).
 *
 * type-graphql evaluates the target type of every field resolver class it has seen whenever it builds
 * any schema, not only of the resolvers passed in. So while one subgraph's schema is built, a plugin's
 * resolvers for another subgraph (not loaded in this process, or not assembled yet) ask for their
 * type too: they get a stand-in type that no schema ever contains. An unknown type of a subgraph that
 * is loaded still fails loudly.
 */
const registry = new Map<string, ClassType>();
const loadedSubgraphs = new Set<string>();

/** Stand-in for a type of a subgraph not (yet) assembled in this process; never part of a schema. */
@ObjectType('XzUnassembledSubgraphType', { description: '占位类型（不出现在任何子图中）/ Placeholder, never part of a subgraph schema' })
class UnassembledSubgraphType {
  @Field(() => String, { description: '占位 / Placeholder' })
  placeholder!: string;
}

const keyOf = (subgraph: string, typeName: string) => `${subgraph}:${typeName}`;

/** Registers a subgraph's extensible classes (the kernel does this when it assembles the subgraph). */
export function registerExtensibleTypes(subgraph: string, types: Record<string, ClassType>): void {
  loadedSubgraphs.add(subgraph);
  for (const [name, cls] of Object.entries(types)) {
    const key = keyOf(subgraph, name);
    const existing = registry.get(key);
    if (existing && existing !== cls) {
      throw new Error(`extensible type ${name} of subgraph ${subgraph} is registered by two different classes`);
    }
    registry.set(key, cls);
  }
}

/** The class of an extensible type; throws naming the types the subgraph offers when it is unknown. */
export function extensibleType(subgraph: string, typeName: string): ClassType {
  const cls = registry.get(keyOf(subgraph, typeName));
  if (!cls && !loadedSubgraphs.has(subgraph)) return UnassembledSubgraphType;
  if (!cls) {
    const offered = [...registry.keys()].filter((k) => k.startsWith(`${subgraph}:`)).map((k) => k.slice(subgraph.length + 1));
    throw new Error(
      `子图 ${subgraph} 没有可扩展类型 ${typeName} (subgraph ${subgraph} offers no extensible type ${typeName}; it offers: ${offered.join(', ') || 'none — is the subgraph loaded?'})`,
    );
  }
  return cls;
}
