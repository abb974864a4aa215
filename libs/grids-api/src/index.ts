export * from './escalation';
export * from './territory';
export * from './extension-types';
export * from './events';
export * from './references';
export * from './merger';
export * from './id-number-hash';
