export { RegisterImportResolver, IMPORT_MUTATION_MAX_ROWS } from './import.resolver';
export { householdImporter, residentImporter, type HouseholdImportRecord, type ResidentImportRecord } from './register-import';
