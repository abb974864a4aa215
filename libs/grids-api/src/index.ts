export * from './escalation';
export * from './territory';
