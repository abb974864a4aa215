// One Jest run for the whole monorepo. Workspace packages resolve to their TypeScript sources,
// so a decorated class is only ever loaded from one path. SWC emits decorator metadata.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// In-memory PGlite databases start from a migrated copy kept here (see kernel `pgliteTemplateFile`):
// each subgraph's migrations run once per migration set, not once per spec file.
process.env.XZ_PGLITE_TEMPLATES ??= path.join(os.tmpdir(), 'xiangzhi-pglite-templates');

const moduleNameMapper = {};
for (const group of ['libs', 'apps', 'plugins']) {
  const dir = path.join(__dirname, group);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir)) {
    const pkgFile = path.join(dir, name, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    moduleNameMapper[`^${pkg.name.replace('/', '\\/')}$`] = `<rootDir>/${group}/${name}/src/index.ts`;
  }
}

// `XZ_TEST_DATABASE_SPECS_ONLY=1` (set by .ci/run for its second, PostgreSQL run): only the spec files
// that follow `TEST_DATABASE_URL` run — those booting the test platform (or the plugin kit, or the
// merger saga suite), reading the variable themselves or marked `@ci-database` — and not those marked
// `@ci-once`. Specs that open only PGlite folders or in-memory PGlite of their own would run the same twice (specs whose subject does not depend on the database: the console
// in a browser, the example client, lint, deployment artefacts). The rest ran on the first run already.
const DATABASE_SPEC = /startTestPlatform|startPluginTestPlatform|TEST_DATABASE_URL|describeSaga|@ci-database/;
const onlyDatabaseSpecs = process.env.XZ_TEST_DATABASE_SPECS_ONLY === '1';
function specFiles(dir, out = []) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) specFiles(file, out);
    else if (entry.name.endsWith('.spec.ts')) out.push(file);
  }
  return out;
}
const onceOnly = onlyDatabaseSpecs
  ? ['libs', 'apps', 'plugins', 'examples', 'tests']
      .map((g) => path.join(__dirname, g))
      .filter((d) => fs.existsSync(d))
      .flatMap((d) => specFiles(d))
      .filter((file) => {
        const text = fs.readFileSync(file, 'utf8');
        return !DATABASE_SPEC.test(text) || text.includes('@ci-once');
      })
      .map((file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
  : [];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/plugins', '<rootDir>/examples', '<rootDir>/tests'].filter((r) =>
    fs.existsSync(r.replace('<rootDir>', __dirname)),
  ),
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...onceOnly],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // PGlite boots a subgraph in seconds, but a shared 2-core machine can make it minutes: generous limits
  testTimeout: 180000,
  maxWorkers: 2,
  // A fresh worker for each spec file: what a file leaves behind in its worker (PGlite instances'
  // WebAssembly memories, up to 5.5 GB of resident set by the end of a full run) slowed every later
  // file. Side by side on 22 database specs: 149 s (288 s CPU) reusing workers, 117 s (226 s CPU)
  // with a fresh one each.
  workerIdleMemoryLimit: 0,
};
