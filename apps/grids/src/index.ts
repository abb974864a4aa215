import 'reflect-metadata';

export { gridsSubgraph as subgraph } from './subgraph';
