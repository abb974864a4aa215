import type { GatewayConfig } from '@apollo/gateway';
import { BoundedCache } from '@xiangzhi/kernel';
import type { DocumentNode } from 'graphql';

type QueryPlanCache = NonNullable<NonNullable<GatewayConfig['queryPlannerConfig']>['cache']>;
type QueryPlan = Parameters<QueryPlanCache['set']>[1];

/**
 * 网关缓存 the gateway's per-document caches, each at most DOCUMENT_CACHE_ENTRIES entries (least
 * recently used evicted): query plans (`ApolloGateway` `queryPlannerConfig.cache`), parsed and
 * validated documents (`ApolloServer` `documentStore`) and automatic persisted queries.
 */
export function gatewayCaches() {
  return {
    queryPlans: new BoundedCache<QueryPlan>('gateway:queryPlans'),
    server: {
      documentStore: new BoundedCache<DocumentNode>('gateway:documents'),
      persistedQueries: { cache: new BoundedCache<string>('gateway:persistedQueries') },
    },
  };
}
