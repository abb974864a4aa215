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
 */
const registry = new Map<string, ClassType>();

const keyOf = (subgraph: string, typeName: string) => `${subgraph}:${typeName}`;

/** Registers a subgraph's extensible classes (the kernel does this when it assembles the subgraph). */
export function registerExtensibleTypes(subgraph: string, types: Record<string, ClassType>): void {
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
  if (!cls) {
    const offered = [...registry.keys()].filter((k) => k.startsWith(`${subgraph}:`)).map((k) => k.slice(subgraph.length + 1));
    throw new Error(
      `子图 ${subgraph} 没有可扩展类型 ${typeName} (subgraph ${subgraph} offers no extensible type ${typeName}; it offers: ${offered.join(', ') || 'none — is the subgraph loaded?'})`,
    );
  }
  return cls;
}
