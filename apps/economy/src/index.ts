import 'reflect-metadata';

export { economySubgraph as subgraph } from './subgraph';

/** For the benchmark and load tests: bulk postings for one organisation (see `ledger/bulk.ts`). */
export { bulkInsertPostings } from './ledger';
