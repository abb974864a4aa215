import v8 from 'node:v8';
import vm from 'node:vm';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph } from '@xiangzhi/deployment';
import { boundedCacheSizes, DOCUMENT_CACHE_ENTRIES, FEDERATION_LINK, subgraphCacheOptions } from '@xiangzhi/kernel';
import { parse } from 'graphql';
import { gatewayCaches } from './caches';

/**
 * 有界缓存: 20,000 distinct documents through an Apollo gateway and a subgraph server configured as
 * ours are (`gatewayCaches()`, `subgraphCacheOptions()`) leave each per-document cache — parsed
 * documents, query plans, persisted queries — at DOCUMENT_CACHE_ENTRIES entries, and the heap after a
 * full garbage collection levels off instead of growing with the documents.
 */
const DOCUMENTS = 20_000;

/** A full collection (the flag set at run time, `gc` taken from a fresh context), then the heap in use. */
function heapAfterGc(): number {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

const SDL = `${FEDERATION_LINK}
type Query { hello(n: Int): String }
type Thing @key(fields: "id") { id: ID! name: String }`;

describe('bounded document caches', () => {
  let gatewayServer: ApolloServer;
  let subgraphServer: ApolloServer;
  let owned: { gateway: ReturnType<typeof gatewayCaches>; subgraph: ReturnType<typeof subgraphCacheOptions> };

  beforeAll(async () => {
    owned = { gateway: gatewayCaches(), subgraph: subgraphCacheOptions() };
    const schema = buildSubgraphSchema([{ typeDefs: parse(SDL), resolvers: { Query: { hello: (_: unknown, { n }: { n?: number }) => `你好 ${n ?? ''}` } } }]);
    subgraphServer = new ApolloServer({ schema, ...owned.subgraph, plugins: [ApolloServerPluginInlineTraceDisabled()] });
    await subgraphServer.start();
    const supergraphSdl = composeSupergraph([{ name: 'things', url: 'http://127.0.0.1:1/unused', sdl: SDL }]);
    // the gateway plans every document; `__typename` alone is answered without a fetch
    gatewayServer = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl, queryPlannerConfig: { cache: owned.gateway.queryPlans } }), ...owned.gateway.server });
    await gatewayServer.start();
  });
  afterAll(async () => {
    await gatewayServer?.stop();
    await subgraphServer?.stop();
  });

  it(`holds at most ${DOCUMENT_CACHE_ENTRIES} entries per cache and the heap level after ${DOCUMENTS} distinct documents`, async () => {
    const heap: number[] = [];
    for (let i = 1; i <= DOCUMENTS; i += 1) {
      const atGateway = await gatewayServer.executeOperation({ query: `query Q${i} { t${i}: __typename }` });
      const atSubgraph = await subgraphServer.executeOperation({ query: `query Q${i} { h${i}: hello(n: ${i}) }` });
      if (atGateway.body.kind !== 'single' || atGateway.body.singleResult.errors || atSubgraph.body.kind !== 'single' || atSubgraph.body.singleResult.errors) {
        throw new Error(`document ${i}: ${JSON.stringify([atGateway.body, atSubgraph.body]).slice(0, 400)}`);
      }
      if (i % 5000 === 0) heap.push(heapAfterGc());
    }
    expect(owned.gateway.queryPlans.size).toBe(DOCUMENT_CACHE_ENTRIES);
    expect(owned.gateway.server.documentStore.size).toBe(DOCUMENT_CACHE_ENTRIES);
    expect(owned.subgraph.documentStore.size).toBe(DOCUMENT_CACHE_ENTRIES);
    expect(owned.gateway.server.persistedQueries.cache.size).toBe(0);
    const sizes = boundedCacheSizes();
    for (const name of ['gateway:queryPlans', 'gateway:documents', 'subgraph:documents']) expect(sizes[name].entries).toBeLessThanOrEqual(sizes[name].max);
    // the caches are full from the first 5,000 documents on: 15,000 more leave the heap within a few MiB
    const mib = heap.map((h) => Math.round((h / 2 ** 20) * 10) / 10);
    process.stdout.write(`bounded caches: heap after GC at 5k / 10k / 15k / 20k distinct documents: ${mib.join(' / ')} MiB\n`);
    expect(Math.max(...mib.slice(1)) - mib[0]).toBeLessThan(8);
  }, 120_000);
});
