import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { Role, type Actor } from '@xiangzhi/kernel';
import { startTestPlatform, type TestPlatform } from '@xiangzhi/testing';

/**
 * Issue 15 §6 (fuzz): a seeded, bounded fuzzer drives the gateway with operations generated from the
 * composed schema (grids + personnel) — valid ones with random arguments and selections, and invalid
 * ones: wrong types, nulls for required arguments, unknown fields, huge strings, bad UTF-8 bytes in
 * the body, deeply nested JSON variables, malformed JSON. No answer may be a 5xx or an internal error,
 * the process must not crash, and the platform answers a normal query afterwards.
 */
const SEED = Number(process.env.XZ_FUZZ_SEED ?? 20261207);
const REQUESTS = Number(process.env.XZ_FUZZ_REQUESTS ?? 300);
const admin: Actor = { id: 'fuzz-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with XZ_FUZZ_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
const chance = (p: number) => random() < p;

const NASTY_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE region; --",
  '433130101200',
  '433130000000',
  '00000000-0000-0000-0000-000000000000',
  '9'.repeat(40),
  '-1',
  '2025-02-30',
  '\u0000',
  '\ud800',
  '𠮷𠮷𠮷',
  '<script>alert(1)</script>',
  '__proto__',
  '{"$gt":""}',
  'x'.repeat(5000),
];

/** A random value for an input type; `valid` keeps to the type, otherwise anything goes. */
function inputValue(type: GraphQLInputType, depth: number, valid: boolean): unknown {
  if (!valid && chance(0.3)) return pick<unknown>([null, 42, -1e308, true, 'text', [], {}, 'x'.repeat(100_000), { __proto__: { polluted: true } }]);
  if (isNonNullType(type)) return inputValue(type.ofType, depth, valid);
  if (chance(0.1) && depth > 0) return null;
  if (isListType(type)) return Array.from({ length: Math.floor(random() * 3) }, () => inputValue(type.ofType, depth + 1, valid));
  if (isEnumType(type)) return pick(type.getValues()).name;
  if (isInputObjectType(type)) {
    if (depth > 4) return {};
    const out: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || chance(0.5)) out[field.name] = inputValue(field.type, depth + 1, valid);
    }
    return out;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return pick([0, 1, 20, -5, 2147483647]);
      case 'Float':
        return pick([0, 1.5, -3.25]);
      case 'Boolean':
        return chance(0.5);
      case 'ID':
        return pick(['433130101200', '00000000-0000-0000-0000-000000000000', '1', 'nope']);
      default:
        return /date/i.test(type.name) ? pick(['2025-01-01', '2024-02-29', '1900-01-01']) : pick(NASTY_STRINGS);
    }
  }
  return null;
}

/** A selection set for a type: its leaf fields without required arguments, and a few object fields. */
function selection(type: GraphQLObjectType, depth: number): string {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const chosen = leaves.filter(() => chance(0.5)).map((f) => f.name);
  if (chosen.length === 0) chosen.push(leaves[0]?.name ?? '__typename');
  if (depth < 3) {
    for (const f of objects.filter(() => chance(0.2)).slice(0, 2)) chosen.push(`${f.name} { ${selection(getNamedType(f.type) as GraphQLObjectType, depth + 1)} }`);
  }
  return chosen.join(' ');
}

/** An operation on a random root field with its arguments as variables. */
function operation(schema: GraphQLSchema): { query: string; variables: Record<string, unknown> } {
  const mutation = chance(0.4) && schema.getMutationType();
  const root = (mutation || schema.getQueryType()) as GraphQLObjectType;
  const field: GraphQLField<unknown, unknown> = pick(Object.values(root.getFields()).filter((f) => !f.name.startsWith('_')));
  const valid = chance(0.6);
  const args = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) || chance(0.5));
  const variables: Record<string, unknown> = {};
  const declared = args.map((a) => `$${a.name}: ${String(a.type)}`);
  for (const a of args) if (!(chance(0.1) && !valid)) variables[a.name] = inputValue(a.type, 0, valid);
  const named = getNamedType(field.type);
  const body = isObjectType(named) ? ` { ${selection(named, 0)} }` : '';
  const unknown = !valid && chance(0.2) ? ' notAField' : '';
  const query = `${mutation ? 'mutation' : 'query'}${declared.length ? `(${declared.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.map((a) => `${a.name}: $${a.name}`).join(', ')})` : ''}${body}${unknown} }`;
  return { query, variables };
}

/** Hostile bodies that are not operations of the schema. */
function hostileBody(): { body: string | Buffer; contentType: string; what: string } {
  const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  switch (Math.floor(random() * 7)) {
    case 0:
      return { what: 'bad UTF-8 in a string', contentType: 'application/json', body: Buffer.concat([Buffer.from('{"query":"{ region(code: \\"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\\") { name } }"}')]) };
    case 1:
      return { what: 'deeply nested JSON variables', contentType: 'application/json', body: `{"query":"query($i: ImportRegionsInput!) { __typename }","variables":{"i":${deep(5000)}}}` };
    case 2:
      return { what: 'a 2 MB string', contentType: 'application/json', body: JSON.stringify({ query: `{ region(code: "${'9'.repeat(2_000_000)}") { name } }` }) };
    case 3:
      return { what: 'malformed JSON', contentType: 'application/json', body: '{"query": "{ region(code: \\"433130000000\\") { name } }",' };
    case 4:
      return { what: 'deeply nested selection', contentType: 'application/json', body: JSON.stringify({ query: `{ region(code: "433130000000") ${'{ children '.repeat(200)}{ code }${' }'.repeat(200)} }` }) };
    case 5:
      return { what: 'a batch of 500 operations', contentType: 'application/json', body: JSON.stringify(Array.from({ length: 500 }, () => ({ query: '{ __typename }' }))) };
    default:
      return { what: 'NUL bytes and a prototype key', contentType: 'application/json', body: '{"query":"{ __typename }\\u0000","__proto__":{"polluted":1},"variables":{"constructor":{"prototype":{"x":1}}}}' };
  }
}

let platform: TestPlatform;
let schema: GraphQLSchema;
beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  const introspection = await platform.query<IntrospectionQuery>(getIntrospectionQuery(), {}, admin);
  schema = buildClientSchema(introspection.data!);
});
afterAll(() => platform?.stop());

describe(`fuzz (seed ${SEED}, ${REQUESTS} requests)`, () => {
  it('answers every generated and hostile request without a 5xx, and a normal query afterwards', async () => {
    const failures: { what: string; status: number; body: string }[] = [];
    const token = platform.token(admin);
    for (let n = 0; n < REQUESTS; n += 1) {
      let what: string;
      let body: string | Buffer;
      let contentType = 'application/json';
      if (chance(0.8)) {
        const op = operation(schema);
        what = `${op.query.slice(0, 200)} ${JSON.stringify(op.variables).slice(0, 200)}`;
        body = JSON.stringify(op);
      } else {
        ({ what, body, contentType } = hostileBody());
      }
      const res = await fetch(platform.url, { method: 'POST', headers: { 'content-type': contentType, authorization: `Bearer ${token}` }, body });
      const text = await res.text();
      // a 5xx, or an internal error inside a 200: both mean an input reached somewhere unguarded
      if (res.status >= 500 || text.includes('"INTERNAL_SERVER_ERROR"')) failures.push({ what, status: res.status, body: text.slice(0, 300) });
    }
    expect(failures).toEqual([]);
    expect(Object.getPrototypeOf({}).polluted).toBeUndefined();
    const after = await platform.query('{ region(code: "433130000000") { code } }', {}, admin);
    expect(after.status).toBe(200);
    expect(after.errors?.map((e) => e.extensions?.code) ?? []).toEqual(expect.not.arrayContaining(['INTERNAL_SERVER_ERROR']));
  });
});
