import {
  GraphQLError,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromAST,
  getNamedType,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

/** Stable codes of the limits the gateway applies before any subgraph is called. */
export const LimitCode = {
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  BATCHING_NOT_ALLOWED: 'BATCHING_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
} as const;

/**
 * How the cost of an operation is counted: every field costs its weight (`Type.field` in
 * `weights`, else 1); a field with a `first` or `limit` argument multiplies the cost of its
 * selection by that argument (a connection's page), a list field without one by
 * `defaultListSize` (lists directly inside a `…Connection` are its page: × 1).
 */
export interface CostOptions {
  maxCost: number;
  defaultListSize: number;
  weights: Readonly<Record<string, number>>;
}

export const DEFAULT_COST: CostOptions = Object.freeze({ maxCost: 50_000, defaultListSize: 20, weights: Object.freeze({}) });
export const DEFAULT_MAX_ALIASES = 30;
export const DEFAULT_MAX_TOKENS = 5_000;

const PAGE_ARGUMENTS = ['first', 'limit'];

function isListOutput(type: GraphQLOutputType): boolean {
  return isListType(isNonNullType(type) ? type.ofType : type);
}

/** The page size a field asks for: its `first`/`limit` argument (literal, variable or default), or null. */
function pageSize(field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: import('graphql').ValueNode }[], variables: Readonly<Record<string, unknown>>): number | null {
  for (const name of PAGE_ARGUMENTS) {
    const def = field.args.find((a) => a.name === name);
    if (!def) continue;
    const given = args.find((a) => a.name.value === name);
    const value = given ? valueFromAST(given.value, def.type, variables as Record<string, unknown>) : def.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
  }
  return null;
}

/**
 * The cost of one operation against the (API) schema, with the request's variables. Fragments are
 * followed (a cycle counts nothing: validation refuses it anyway); introspection fields cost nothing.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Readonly<Record<string, unknown>>,
  options: CostOptions,
): number {
  const root = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const walk = (set: SelectionSetNode, parent: GraphQLNamedType | null | undefined, visiting: ReadonlySet<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        if (name.startsWith('__')) continue;
        if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) continue;
        const field = parent.getFields()[name];
        if (!field) continue;
        const weight = options.weights[`${parent.name}.${name}`] ?? 1;
        const child = selection.selectionSet ? walk(selection.selectionSet, getNamedType(field.type), visiting) : 0;
        const page = pageSize(field, selection.arguments ?? [], variables);
        const times = page ?? (isListOutput(field.type) ? (parent.name.endsWith('Connection') ? 1 : options.defaultListSize) : 1);
        total += weight + times * child;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += walk(selection.selectionSet, type, visiting);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        total += walk(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), new Set([...visiting, name]));
      }
    }
    return total;
  };
  return walk(operation.selectionSet, root, new Set());
}

/** QUERY_TOO_COMPLEX (HTTP 400), naming the cost and the limit. */
export function tooComplex(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(`查询成本 ${cost} 超过上限 ${maxCost} (query cost ${cost} exceeds the limit of ${maxCost})`, {
    extensions: { code: LimitCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
  });
}

/** Validation rule refusing documents with more than `maxAliases` aliased fields (TOO_MANY_ALIASES). */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases += 1;
      },
      Document: {
        leave(document) {
          if (aliases > maxAliases) {
            context.reportError(
              new GraphQLError(`别名过多：${aliases} 个，上限 ${maxAliases} 个 (${aliases} aliases exceed the limit of ${maxAliases})`, {
                nodes: [document],
                extensions: { code: LimitCode.TOO_MANY_ALIASES, aliases, maxAliases },
              }),
            );
          }
        },
      },
    };
  };
}

const TOKENS_MESSAGE = /Document contains more th(?:an|at) (\d+) tokens/;

/** graphql's "more than N tokens" parse error as TOO_MANY_TOKENS with a bilingual message, else null. */
export function tooManyTokens(message: string): { message: string; extensions: Record<string, unknown> } | null {
  const match = TOKENS_MESSAGE.exec(message);
  if (!match) return null;
  const maxTokens = Number(match[1]);
  return {
    message: `查询的词法单元超过上限 ${maxTokens} 个 (the document has more than ${maxTokens} tokens)`,
    extensions: { code: LimitCode.TOO_MANY_TOKENS, maxTokens },
  };
}
