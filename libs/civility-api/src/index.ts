/**
 * 德治·文明实践 what the civility subgraph publishes to plugins: the extension points with their
 * national-baseline defaults (`civility.points`, `civility.list`, `civility.starRating`) and its events.
 */
export * from './events';
export * from './points';
export * from './list';
export * from './star-rating';
