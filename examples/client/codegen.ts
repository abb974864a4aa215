import type { CodegenConfig } from '@graphql-codegen/cli';

// `npx nx run example-client:codegen`: typed documents for every graphql() call of src/, from the
// committed client-facing schema of the gateway (schema/api.graphql). The output (src/gql/) is committed.
const config: CodegenConfig = {
  schema: '../../schema/api.graphql',
  documents: ['src/operations.ts'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Money: 'string', LocalDate: 'string', DateTimeISO: 'string' } },
    },
  },
};

export default config;
