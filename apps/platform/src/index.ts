/**
 * @xiangzhi/platform — `npm start`: every subgraph of the deployment and the gateway in one process
 * on embedded PGlite (or PostgreSQL with `DATABASE_URL`), with demo data. `src/main.ts` runs it.
 */
export { bootPlatform, banner, DEVELOPMENT_ACTORS, type PlatformOptions, type RunningPlatform, type DevelopmentToken, type SubgraphStorage } from './platform';
