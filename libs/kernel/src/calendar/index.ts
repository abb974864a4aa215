export * from './statutory';
export * from './work-calendar';
