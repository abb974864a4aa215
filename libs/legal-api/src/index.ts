/**
 * 法治 what the legal subgraph publishes to plugins: the extension points with their national
 * baselines (`legal.legalAid`, `legal.escalation`, `legal.designation`), the fee-waiver catalogues,
 * the practising-certificate rule and the events.
 */
export * from './events';
export * from './escalation';
export * from './legal-aid';
export * from './designation';
export * from './certificate';
