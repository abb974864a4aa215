/**
 * @xiangzhi/gateway — the federated gateway: `@apollo/gateway` over a static supergraph, JWT
 * authentication, actor forwarding to subgraphs, query depth and body size limits, health and
 * readiness endpoints. `src/main.ts` is the production entry point.
 */
export { startGateway, bearerToken, healthUrlOf, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_DEPTH } from './gateway';
export { ActorForwardingDataSource, gatewayContext, type GatewayContext } from './actor-data-source';
export { depthLimitRule, selectionDepth } from './depth-limit';
export type { StartGatewayOptions, RunningGateway } from '@xiangzhi/deployment';
