import 'reflect-metadata';

export { personnelSubgraph as subgraph } from './subgraph';
