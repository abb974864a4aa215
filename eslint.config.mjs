// Lint for the whole workspace. `@nx/enforce-module-boundaries` turns the dependency rules of
// DESIGN.md into errors: plugins import only the kernel and `*-api` libs; a subgraph never
// imports another subgraph; libraries never import apps.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

/** The dependency rules; `allow` lists imports exempt from them. */
const boundaries = (allow) => ({
    enforceBuildableLibDependency: false,
    allow,
    depConstraints: [
      { sourceTag: 'scope:kernel', onlyDependOnLibsWithTags: ['scope:kernel'] },
      { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
      { sourceTag: 'type:api', onlyDependOnLibsWithTags: ['scope:kernel'] },
      { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['scope:kernel', 'type:api'] },
      { sourceTag: 'type:lib', onlyDependOnLibsWithTags: ['type:lib'] },
      { sourceTag: 'kind:subgraph', onlyDependOnLibsWithTags: ['scope:kernel', 'scope:shared', 'type:api'] },
      // a subgraph never imports another subgraph; it may import another subgraph's *-api library
      // (the event types and references that subgraph publishes), as plugins do
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:lib', 'type:api', 'scope:kernel'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
    ],
  });

export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'tmp/**', '**/*.js', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries([])],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    // Specs may boot the test harness and the subgraphs a federation contract needs (e.g. grids
    // beside personnel); the code under test still obeys every rule above. A plugin's spec support
    // (`src/testing/`, left out of its build) is spec code too.
    files: ['**/*.spec.ts', 'plugins/*/src/testing/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', boundaries(['@xiangzhi/testing', '@xiangzhi/grids', '@xiangzhi/personnel', '@xiangzhi/economy', '@xiangzhi/legal', '@xiangzhi/civility'])] },
  },
];
