import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/** The deepest field nesting of a selection set (`{ a { b } }` is 2); introspection fields do not count. */
export function selectionDepth(selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): number {
  const fragmentDepths = new Map<string, number>();
  const walk = (set: SelectionSetNode, visiting: ReadonlySet<string>): number => {
    let max = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        max = Math.max(max, 1 + (selection.selectionSet ? walk(selection.selectionSet, visiting) : 0));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        max = Math.max(max, walk(selection.selectionSet, visiting));
      } else {
        const name = selection.name.value;
        if (visiting.has(name)) continue; // a fragment cycle is reported by the standard rules
        let depth = fragmentDepths.get(name);
        if (depth === undefined) {
          const fragment = fragments.get(name);
          depth = fragment ? walk(fragment.selectionSet, new Set([...visiting, name])) : 0;
          fragmentDepths.set(name, depth);
        }
        max = Math.max(max, depth);
      }
    }
    return max;
  };
  return walk(selectionSet, new Set());
}

/** Validation rule refusing operations nested deeper than `maxDepth` fields. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const def of context.getDocument().definitions) {
      if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
    }
    return {
      OperationDefinition(operation) {
        const depth = selectionDepth(operation.selectionSet, fragments);
        if (depth > maxDepth) {
          context.reportError(
            new GraphQLError(`查询嵌套过深：${depth} 层，上限 ${maxDepth} 层 (query depth ${depth} exceeds the limit of ${maxDepth})`, {
              nodes: [operation],
              extensions: { code: 'QUERY_TOO_DEEP', depth, maxDepth },
            }),
          );
        }
      },
    };
  };
}
