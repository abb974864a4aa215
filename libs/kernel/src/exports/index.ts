export * from './csv';
export * from './export-kind';
export * from './table-writer';
export * from './zip';
