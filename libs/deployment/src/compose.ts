import { composeServices } from '@apollo/composition';
import { assembleSubgraph, buildFederatedSchema, type PluginDefinition, type SubgraphModule } from '@xiangzhi/kernel';
import { Kind, parse, type DocumentNode, type GraphQLError } from 'graphql';
import type { ResolvedDeployment } from './load';

/** One subgraph as composition sees it. */
export interface SubgraphService {
  name: string;
  url: string;
  sdl: string;
}

/** Composition failed; `errors` hold one readable line each (`[CODE] message`). */
export class CompositionError extends Error {
  constructor(readonly errors: string[]) {
    super(`超图组合失败 (supergraph composition failed):\n  - ${errors.join('\n  - ')}`);
    this.name = 'CompositionError';
  }
}

/**
 * A subgraph's federation SDL with the installed plugins' contributions, built without a
 * database (the same schema the running subgraph serves at `_service { sdl }`).
 */
export async function subgraphSdl(module: SubgraphModule, plugins: PluginDefinition[] = []): Promise<string> {
  const { sdl } = await buildFederatedSchema(assembleSubgraph(module, plugins));
  return sdl;
}

function describe(error: GraphQLError): string {
  const code = typeof error.extensions?.code === 'string' ? `[${error.extensions.code}] ` : '';
  return `${code}${error.message.replace(/\n+/g, ' ')}`;
}

/** Composes subgraph SDLs into a supergraph SDL with `@apollo/composition`; throws CompositionError. */
export function composeSupergraph(services: SubgraphService[]): string {
  const definitions: { name: string; url: string; typeDefs: DocumentNode }[] = [];
  const problems: string[] = [];
  for (const s of services) {
    try {
      definitions.push({ name: s.name, url: s.url, typeDefs: parse(s.sdl) });
    } catch (error) {
      problems.push(`[${s.name}] SDL 无法解析 (SDL does not parse): ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new CompositionError(problems);
  const result = composeServices(definitions);
  if (result.errors) throw new CompositionError(result.errors.map(describe));
  return result.supergraphSdl;
}

/** Where the gateway reaches a subgraph in production: its `url`, or localhost at its (or a default) port. */
export function productionUrlOf(entry: { url?: string; port?: number }, index: number): string {
  return entry.url ?? `http://localhost:${entry.port ?? 4001 + index}/graphql`;
}

/** Composes a resolved deployment from SDL alone (no database, nothing listening): what `xz compose` writes. */
export async function composeDeployment(deployment: ResolvedDeployment): Promise<{ supergraphSdl: string; services: SubgraphService[] }> {
  const names = Object.keys(deployment.config.subgraphs);
  const services: SubgraphService[] = [];
  for (const sg of deployment.subgraphs) {
    services.push({ name: sg.name, url: productionUrlOf(sg, names.indexOf(sg.name)), sdl: await subgraphSdl(sg.module, deployment.plugins) });
  }
  return { supergraphSdl: composeSupergraph(services), services };
}

/** The subgraphs a supergraph names, with the URL composed into it (`join__Graph` values). */
export function supergraphSubgraphs(supergraphSdl: string): Record<string, string> {
  const doc = parse(supergraphSdl);
  const out: Record<string, string> = {};
  for (const def of doc.definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const directive = value.directives?.find((d) => d.name.value === 'join__graph');
      const arg = (n: string) => directive?.arguments?.find((a) => a.name.value === n)?.value;
      const name = arg('name');
      const url = arg('url');
      if (name?.kind === Kind.STRING && url?.kind === Kind.STRING) out[name.value] = url.value;
    }
  }
  return out;
}
