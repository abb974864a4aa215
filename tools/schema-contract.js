// The API contract check shared by `npm run schema:export` (tools/schema-export.js) and CI
// (tests/contract/api-schema.spec.ts): the freshly composed client-facing schema against the
// committed schema/api.graphql, with @graphql-inspector/core.
'use strict';
const { diff, CriticalityLevel } = require('@graphql-inspector/core');
const { buildSchema } = require('graphql');

const SECTION = '## Breaking changes';

/**
 * A breaking change is recorded when a line of the `## Breaking changes` section of
 * schema/CHANGELOG.md names it: its path in backticks (`Region.children`) or its whole message as
 * @graphql-inspector prints it.
 * @param {{ path?: string, message: string }} change
 * @param {string} changelog
 */
function isRecorded(change, changelog) {
  const start = changelog.indexOf(SECTION);
  if (start < 0) return false;
  const lines = changelog.slice(start + SECTION.length).split('\n').filter((l) => l.trimStart().startsWith('- '));
  return lines.some((line) => (change.path && line.includes(`\`${change.path}\``)) || line.includes(change.message));
}

/**
 * Compares the committed API schema with the fresh one.
 * @param {string} committedSdl schema/api.graphql as committed
 * @param {string} freshSdl the API schema composed now
 * @param {string} changelog schema/CHANGELOG.md
 * @returns {Promise<{ breaking: { path?: string, message: string }[], unrecorded: { path?: string, message: string }[], other: { path?: string, message: string, level: string }[], stale: boolean }>}
 */
async function compareApiSchemas(committedSdl, freshSdl, changelog) {
  const changes = await diff(buildSchema(committedSdl), buildSchema(freshSdl));
  const simplify = (c) => ({ path: c.path, message: c.message, level: c.criticality.level });
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map(simplify);
  const other = changes.filter((c) => c.criticality.level !== CriticalityLevel.Breaking).map(simplify);
  return {
    breaking,
    unrecorded: breaking.filter((c) => !isRecorded(c, changelog)),
    other,
    stale: committedSdl !== freshSdl,
  };
}

const MAX_LINES = 40;

/** One line per change (the first 40), for messages. */
function describeChanges(changes) {
  const lines = changes.slice(0, MAX_LINES).map((c) => `  - ${c.path ? `\`${c.path}\`: ` : ''}${c.message}`);
  if (changes.length > MAX_LINES) lines.push(`  … and ${changes.length - MAX_LINES} more`);
  return lines.join('\n');
}

module.exports = { compareApiSchemas, describeChanges, isRecorded };
