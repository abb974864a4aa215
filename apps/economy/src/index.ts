import 'reflect-metadata';

export { economySubgraph as subgraph } from './subgraph';
