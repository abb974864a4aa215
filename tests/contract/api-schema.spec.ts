import fs from 'node:fs';
import path from 'node:path';
import { exportSchemas, loadDeploymentConfig, resolveDeployment, type ExportedSchemas } from '@xiangzhi/deployment';

/**
 * The API contract: schema/api.graphql (the client-facing schema) and schema/supergraph.graphql are
 * committed; the schema composed now from the default deployment must equal them. A breaking change
 * (a removed or retyped field, a new required argument…, as @graphql-inspector/core classifies it)
 * must also be recorded in schema/CHANGELOG.md. `npm run schema:export` regenerates both files.
 */
interface Change {
  path?: string;
  message: string;
  level?: string;
}
// shared with the export script (plain CommonJS)
const contract = require('../../tools/schema-contract.js') as {
  compareApiSchemas: (committed: string, fresh: string, changelog: string) => Promise<{ breaking: Change[]; unrecorded: Change[]; other: Change[]; stale: boolean }>;
  describeChanges: (changes: Change[]) => string;
  isRecorded: (change: Change, changelog: string) => boolean;
};

const root = path.resolve(__dirname, '../..');
const schemaDir = path.join(root, 'schema');
const read = (name: string) => fs.readFileSync(path.join(schemaDir, name), 'utf8');
const REGENERATE = 'run `npm run schema:export` and commit schema/';

describe('API contract (schema/)', () => {
  let fresh: ExportedSchemas;
  beforeAll(async () => {
    const loaded = loadDeploymentConfig(path.join(root, 'deploy/xiangzhi.yaml'));
    fresh = await exportSchemas(resolveDeployment(loaded.config, { baseDir: path.dirname(loaded.path) }));
  }, 120_000);

  it('has no breaking change of the API schema that schema/CHANGELOG.md does not record', async () => {
    const { unrecorded } = await contract.compareApiSchemas(read('api.graphql'), fresh.apiSdl, read('CHANGELOG.md'));
    if (unrecorded.length > 0) {
      throw new Error(`破坏性 API 变更未记录 (breaking API changes not recorded in schema/CHANGELOG.md; add a line naming each, then ${REGENERATE}):\n${contract.describeChanges(unrecorded)}`);
    }
  });

  it('commits the API schema and the supergraph as composed now', async () => {
    const { other, breaking, stale } = await contract.compareApiSchemas(read('api.graphql'), fresh.apiSdl, read('CHANGELOG.md'));
    if (stale) throw new Error(`schema/api.graphql 已过期 (is stale: ${REGENERATE}):\n${contract.describeChanges([...breaking, ...other])}`);
    if (read('supergraph.graphql') !== fresh.supergraphSdl) throw new Error(`schema/supergraph.graphql 已过期 (is stale: ${REGENERATE})`);
  });

  it('classifies a removed or retyped field as breaking, an added field as safe, and finds its record in the changelog', async () => {
    const before = 'type Query { region(code: ID!): Region }\ntype Region { code: ID! name: String! level: Int }\n';
    const after = 'type Query { region(code: ID!): Region }\ntype Region { code: ID! name: Int! stats: String }\n';
    const result = await contract.compareApiSchemas(before, after, '# API\n- `Region.name` is mentioned before the section: not a record\n\n## Breaking changes\n\n- 2026-12: `Region.level` removed (use `Region.kind`)\n');
    expect(result.breaking.map((c) => c.path).sort()).toEqual(['Region.level', 'Region.name']);
    expect(result.unrecorded.map((c) => c.path)).toEqual(['Region.name']);
    expect(result.other.map((c) => c.path)).toEqual(['Region.stats']);
    expect(result.stale).toBe(true);
  });
});
