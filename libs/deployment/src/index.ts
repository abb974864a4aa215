/**
 * @xiangzhi/deployment — the deployment config (which subgraphs run, which plugins are installed,
 * which county enables which plugin with which parameters), package loading by name at run time,
 * supergraph composition, secrets, the in-process stack runner shared by `npm start` and the test
 * kit, and the `xz` CLI (`src/cli.ts`).
 */
export * from './config';
export * from './secrets';
export * from './load';
export * from './compose';
export * from './schema-export';
export * from './check';
export * from './database';
export * from './backup';
export * from './import';
export * from './gateway-contract';
export * from './stack';
export * from './console-server';
export * from './readable-log';
export * from './plugin-generator';
export { runCli, type CliIO } from './cli';
