import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { composeDeployment, CompositionError } from './compose';
import type { ResolvedDeployment } from './load';

/** The published schemas of a deployment: what `npm run schema:export` writes under `schema/`. */
export interface ExportedSchemas {
  /** The composed supergraph SDL (the gateway's input; `xz compose` writes the same). */
  supergraphSdl: string;
  /**
   * The client-facing API schema: the supergraph without the federation machinery (`join__*`,
   * `link__*`, `@inaccessible` elements), types and fields sorted by name so that a diff shows only
   * real changes.
   */
  apiSdl: string;
}

/** Composes a deployment (from SDL alone, no database) and derives its client-facing API schema. */
export async function exportSchemas(deployment: ResolvedDeployment): Promise<ExportedSchemas> {
  const { supergraphSdl, services } = await composeDeployment(deployment);
  const result = composeServices(services.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((e) => e.message));
  const api = lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { supergraphSdl: supergraphSdl.endsWith('\n') ? supergraphSdl : `${supergraphSdl}\n`, apiSdl: `${printSchema(api)}\n` };
}
