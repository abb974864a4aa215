import 'reflect-metadata';

export { civilitySubgraph as subgraph } from './subgraph';
