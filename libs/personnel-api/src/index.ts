/**
 * 干部队伍 what the personnel subgraph publishes to plugins: the extension points with their
 * national-baseline defaults, shared domain words, entity references and events.
 */
export * from './common';
export * from './post-template';
export * from './eligibility';
export * from './attendance';
export * from './appraisal';
export * from './pay';
export * from './rank';
export * from './honor';
export * from './discipline';
export * from './references';
export * from './events';
export * from './extension-types';
export * from './merger';
