#!/usr/bin/env node
// `npm run schema:export`: composes the default deployment (deploy/xiangzhi.yaml, or XZ_DEPLOYMENT
// / --config) and writes schema/supergraph.graphql and schema/api.graphql (the client-facing schema).
// Refuses (exit 1) when the API schema has breaking changes that schema/CHANGELOG.md does not record.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { exportSchemas, loadDeploymentConfig, resolveDeployment } = require('@xiangzhi/deployment');
const { compareApiSchemas, describeChanges } = require('./schema-contract');

async function main() {
  const args = process.argv.slice(2);
  const configIndex = args.indexOf('--config');
  const outIndex = args.indexOf('--out-dir');
  const outDir = path.resolve(outIndex >= 0 ? args[outIndex + 1] : 'schema');
  const loaded = loadDeploymentConfig(configIndex >= 0 ? args[configIndex + 1] : undefined);
  const deployment = resolveDeployment(loaded.config, { baseDir: path.dirname(loaded.path) });
  const { supergraphSdl, apiSdl } = await exportSchemas(deployment);
  const apiFile = path.join(outDir, 'api.graphql');
  const changelogFile = path.join(outDir, 'CHANGELOG.md');
  if (fs.existsSync(apiFile)) {
    const changelog = fs.existsSync(changelogFile) ? fs.readFileSync(changelogFile, 'utf8') : '';
    const { unrecorded } = await compareApiSchemas(fs.readFileSync(apiFile, 'utf8'), apiSdl, changelog);
    if (unrecorded.length > 0) {
      process.stderr.write(
        `API 存在未记录的破坏性变更 (breaking API changes not recorded in ${path.relative(process.cwd(), changelogFile)}):\n${describeChanges(unrecorded)}\n` +
          'Add a line naming each (its path in backticks, e.g. `Region.children`) and run again.\n',
      );
      process.exit(1);
    }
  }
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(path.join(outDir, 'supergraph.graphql'), supergraphSdl);
  fs.writeFileSync(apiFile, apiSdl);
  process.stderr.write(`已写入 (written) ${path.relative(process.cwd(), outDir)}/supergraph.graphql, api.graphql\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
