// Validates Kubernetes objects (a JSON array on stdin) against the Kubernetes API's JSON schemas as
// shipped by the kubernetes-models package (ESM only, hence this separate script); prints a JSON
// array of { kind, name, error } for every object that fails or whose kind it does not know.
import { readFileSync } from 'node:fs';

const objects = JSON.parse(readFileSync(0, 'utf8'));
const problems = [];
for (const object of objects) {
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  let models;
  try {
    models = await import(`kubernetes-models/${apiVersion}`);
  } catch {
    problems.push({ kind, name, error: `unknown apiVersion ${apiVersion}` });
    continue;
  }
  const Model = models[kind];
  if (typeof Model !== 'function') {
    problems.push({ kind, name, error: `unknown kind ${kind} in ${apiVersion}` });
    continue;
  }
  try {
    new Model(object).validate();
  } catch (error) {
    problems.push({ kind, name, error: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(problems));
