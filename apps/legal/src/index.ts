import 'reflect-metadata';

export { legalSubgraph as subgraph } from './subgraph';
