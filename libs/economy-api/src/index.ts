export * from './events';
export * from './money';
export * from './credit-code';
export * from './major-matter';
export * from './organization';
export * from './income-target';
export * from './distribution';
export * from './disclosure';
