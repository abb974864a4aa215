import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { z } from 'zod';

/** Apollo's `persisted-query-manifest.json` (`@apollo/generate-persisted-query-manifest`). */
const apolloManifest = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string().min(1), body: z.string().min(1), name: z.string().optional(), type: z.string().optional() })),
});

/** graphql-codegen client-preset's `persisted-documents.json`: document hash → document. */
const clientPresetManifest = z.record(z.string().min(1), z.string().min(1));

/** The allowlist: documents by their id in the manifest and by the SHA-256 of their text. */
export interface TrustedDocuments {
  /** The document a manifest id (or a document's SHA-256) names, or undefined. */
  byId: (id: string) => string | undefined;
  /** Whether this exact document text is in the manifest. */
  has: (query: string) => boolean;
  size: number;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Reads a trusted documents manifest: Apollo's persisted query manifest
 * (`{ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id, body }] }`) or the
 * client-preset's persisted documents (`{ "<hash>": "<document>" }`, written by graphql-codegen with
 * `presetConfig.persistedDocuments`). A file of neither shape is refused with what is wrong.
 */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`可信文档清单无法读取 (cannot read the trusted documents manifest) ${file}: ${(error as Error).message}`);
  }
  const entries: [string, string][] = [];
  const apollo = apolloManifest.safeParse(raw);
  if (apollo.success) {
    for (const op of apollo.data.operations) entries.push([op.id, op.body]);
  } else {
    const preset = clientPresetManifest.safeParse(raw);
    if (!preset.success || (raw as { format?: unknown }).format !== undefined) {
      throw new Error(
        `可信文档清单格式不对 (the trusted documents manifest ${file} is neither an Apollo persisted query manifest nor client-preset persisted documents): ${apollo.error.issues[0]?.message ?? ''}`,
      );
    }
    for (const [id, body] of Object.entries(preset.data)) entries.push([id.replace(/^sha256:/, ''), body]);
  }
  const ids = new Map<string, string>();
  const hashes = new Set<string>();
  for (const [id, body] of entries) {
    ids.set(id, body);
    const hash = sha256Hex(body);
    ids.set(hash, body);
    hashes.add(hash);
  }
  return { byId: (id) => ids.get(id.replace(/^sha256:/, '')), has: (query) => hashes.has(sha256Hex(query)), size: entries.length };
}

/** A persisted-query cache that never holds anything: with trusted documents no client registers a document. */
export const NO_PERSISTED_QUERIES = {
  cache: { get: async (): Promise<string | undefined> => undefined, set: async (): Promise<void> => undefined, delete: async (): Promise<boolean | void> => undefined },
};

/**
 * 可信文档 only operations of the manifest run: a request naming one by its id
 * (`extensions.persistedQuery.sha256Hash`, the id of an Apollo manifest or a client-preset hash) runs
 * that document; a request sending the text of one runs it; anything else is answered
 * PERSISTED_QUERY_NOT_FOUND before it is parsed or planned (automatic persisted queries register nothing).
 */
export function trustedDocumentsPlugin<TContext extends BaseContext>(documents: TrustedDocuments): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const asked = request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined;
      const id = typeof asked?.sha256Hash === 'string' ? asked.sha256Hash : undefined;
      const known = id !== undefined ? documents.byId(id) : undefined;
      if (known !== undefined && (request.query === undefined || request.query === known)) {
        request.query = known;
        const { persistedQuery: _persistedQuery, ...rest } = request.extensions ?? {};
        request.extensions = rest;
        return;
      }
      if (id === undefined && typeof request.query === 'string' && documents.has(request.query)) return;
      // not in the manifest: ask the (empty) persisted-query store, which answers PERSISTED_QUERY_NOT_FOUND
      request.extensions = { ...request.extensions, persistedQuery: { version: 1, sha256Hash: id ?? sha256Hex(request.query ?? '') } };
      request.query = undefined;
    },
  };
}
