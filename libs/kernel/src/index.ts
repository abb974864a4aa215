import 'reflect-metadata';

export * from './actor';
export * from './audit';
export * from './boot';
export * from './context';
export * from './data-source';
export * from './errors';
export * from './format-error';
export * from './http';
export * from './loaders';
export * from './logger';
export * from './pagination';
export * from './plugin';
export * from './policy-registry';
export * from './region-code';
export * from './shutdown';
export * from './subgraph';
