/**
 * @xiangzhi/gateway — the federated gateway: `@apollo/gateway` over a static supergraph, JWT
 * authentication, actor forwarding to subgraphs, limits before work (depth, aliases, tokens, cost,
 * body size, batching), health and
 * readiness endpoints. `src/main.ts` is the production entry point.
 */
export { startGateway, bearerToken, healthUrlOf, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH } from './gateway';
export { ActorForwardingDataSource, gatewayContext, isIdentityHeader, type GatewayContext } from './actor-data-source';
export { depthLimitRule, selectionDepth } from './depth-limit';
export { aliasLimitRule, operationCost, tooComplex, tooManyTokens, LimitCode, DEFAULT_COST, DEFAULT_MAX_ALIASES, DEFAULT_MAX_TOKENS, type CostOptions } from './limits';
export type { StartGatewayOptions, RunningGateway } from '@xiangzhi/deployment';
export { acceptLanguagePlugin, englishFirst, preferredLanguage, splitBilingual } from './language';
export { explorerRoutes, EXPLORER_DIR, type ExplorerOptions } from './explorer';
