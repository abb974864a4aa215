// Runs a TypeScript entry point of the workspace in a plain Node process, the way Jest loads it:
// workspace packages resolve to their sources, which SWC compiles on the fly (with decorator
// metadata). Used by end-to-end tests that need a real second process, e.g.
//   node tests/e2e/support/ts-child.cjs apps/platform/src/main.ts
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const packages = new Map();
for (const group of ['libs', 'apps', 'plugins']) {
  const dir = path.join(root, group);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir)) {
    const pkgFile = path.join(dir, name, 'package.json');
    if (!fs.existsSync(pkgFile)) continue;
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    packages.set(pkg.name, path.join(dir, name, 'src', 'index.ts'));
  }
}

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const mapped = packages.get(request);
  return resolve.call(this, mapped ?? request, parent, ...rest);
};

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};

const entry = process.argv[2];
if (!entry) throw new Error('usage: node ts-child.cjs <entry.ts> [args…]');
process.argv.splice(1, 2, path.resolve(root, entry));
require(path.resolve(root, entry));
