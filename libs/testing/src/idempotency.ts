import type { Actor } from '@xiangzhi/kernel';
import type { GraphQLResult, TestPlatform } from './test-platform';

/** A create to try with idempotency keys (see `checkIdempotentCreate`). */
export interface IdempotentCreate {
  /** The mutation (`recordTraining`); its argument is `input` of type `<Mutation>Input` unless `inputType` says otherwise. */
  mutation: string;
  inputType?: string;
  /** A valid input, without `idempotencyKey`. */
  input: Record<string, unknown>;
  /** The input sent with the second key (default `input`; another one where a natural key would refuse the same twice). */
  second?: Record<string, unknown>;
  /** Another valid input (the first key sent with it must be refused). */
  other: Record<string, unknown>;
  /** The selection of the answer (`id`); answers are compared whole. */
  select: string;
  /** How many records of this kind there are now (a direct SQL count). */
  count: () => Promise<number>;
  /** A prefix for the keys, unique in the test run (default the mutation's name). */
  keyPrefix?: string;
}

/** What `checkIdempotentCreate` saw. */
export interface IdempotentCreateReport {
  /** The first answer. */
  first: Record<string, unknown>;
  /** Records written by the five calls with two keys (two when the keys work). */
  written: number;
}

/**
 * 幂等创建检查 sends a create with one key twice in a row, then with a second key three times at
 * once, then the first key with another input; throws unless the retries answered exactly the first
 * answer of their key, only two records were written, and the reused key was refused with CONFLICT
 * (rule IDEMPOTENCY_KEY_REUSED) writing nothing.
 */
export async function checkIdempotentCreate(platform: TestPlatform, actor: Actor, create: IdempotentCreate): Promise<IdempotentCreateReport> {
  const type = create.inputType ?? `${create.mutation[0].toUpperCase()}${create.mutation.slice(1)}Input`;
  const prefix = create.keyPrefix ?? create.mutation;
  const send = (input: Record<string, unknown>, key: string) =>
    platform.query<Record<string, Record<string, unknown>>>(`mutation($i: ${type}!) { ${create.mutation}(input: $i) { ${create.select} } }`, { i: { ...input, idempotencyKey: key } }, actor);
  const answer = (res: GraphQLResult<Record<string, Record<string, unknown>>>): Record<string, unknown> => {
    if (res.errors || !res.data?.[create.mutation]) throw new Error(`${create.mutation}: ${JSON.stringify(res.errors ?? res.data)}`);
    return res.data[create.mutation];
  };
  const same = (a: unknown, b: unknown, what: string) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${create.mutation}: ${what} answered ${JSON.stringify(b)}, not the first answer ${JSON.stringify(a)}`);
  };
  const before = await create.count();
  const first = answer(await send(create.input, `${prefix}-key-one`));
  same(first, answer(await send(create.input, `${prefix}-key-one`)), 'a retry');
  const together = (await Promise.all([1, 2, 3].map(() => send(create.second ?? create.input, `${prefix}-key-two`)))).map(answer);
  for (const a of together.slice(1)) same(together[0], a, 'a concurrent retry');
  const written = (await create.count()) - before;
  const reused = await send(create.other, `${prefix}-key-one`);
  const ext = reused.errors?.[0]?.extensions;
  if (ext?.code !== 'CONFLICT' || ext.rule !== 'IDEMPOTENCY_KEY_REUSED') {
    throw new Error(`${create.mutation}: the key reused with another input answered ${JSON.stringify(reused.errors ?? reused.data)}, not CONFLICT IDEMPOTENCY_KEY_REUSED`);
  }
  if ((await create.count()) - before !== written) throw new Error(`${create.mutation}: the refused call wrote a record`);
  return { first, written };
}
