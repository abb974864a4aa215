import { createHash } from 'node:crypto';
import { IsOptional, Matches } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { mutate, type MutationFact } from './audit';
import type { RequestContext } from './context';
import { badInput, conflict } from './errors';

/**
 * 幂等键 the table of idempotency keys: per actor and operation, the key a client sent with a create,
 * a fingerprint of the input it came with, and the id of what the first call created. Joins every
 * subgraph's migrations (the kernel's own).
 */
export class KernelIdempotencyKeys1700000000002 implements MigrationInterface {
  name = 'KernelIdempotencyKeys1700000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE kernel_idempotency_key (
      actor_id text NOT NULL,
      operation text NOT NULL,
      key text NOT NULL,
      fingerprint text NOT NULL,
      target_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (actor_id, operation, key)
    )`);
    await q.query(`CREATE INDEX kernel_idempotency_key_created_idx ON kernel_idempotency_key (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE kernel_idempotency_key`);
  }
}

/** What a client may send as an idempotency key: 8–128 letters, digits, `-`, `_`, `.`, `:` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;

/** The description of an `idempotencyKey` field (for an input that cannot extend `IdempotentInput`). */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  '幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result)';

/**
 * The base of every create mutation's input: an optional idempotency key. Extend it
 * (`@InputType('PostVoucherInput') class PostVoucherInput extends IdempotentInput { … }`) and pass
 * `input.idempotencyKey` to `mutateOnce`.
 */
@InputType('IdempotentInput', { description: '带幂等键的创建输入 / A create input with an idempotency key' })
export abstract class IdempotentInput {
  @Field(() => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION })
  @IsOptional()
  @Matches(IDEMPOTENCY_KEY_PATTERN)
  idempotencyKey?: string | null;
}

/** The fingerprint of an input: a SHA-256 of its JSON with object keys sorted (the key itself left out; bigints and dates as text). */
export function inputFingerprint(input: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (typeof value === 'bigint') return `${value.toString()}n`;
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.keys(value as Record<string, unknown>)
          .filter((k) => k !== 'idempotencyKey')
          .sort()
          .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
      );
    }
    return value;
  };
  return createHash('sha256').update(JSON.stringify(canonical(input)) ?? 'null').digest('hex');
}

/** Raised inside the transaction when a concurrent call with the same key committed first: rolls this one back. */
class KeyTaken extends Error {}

export interface CreateOnce<T> {
  /** The operation's name (the mutation's: `postVoucher`). */
  operation: string;
  /** The key the client sent (`input.idempotencyKey`); without one the create simply runs. */
  key: string | null | undefined;
  /** The input the key came with: the same key with another input is refused (CONFLICT, rule IDEMPOTENCY_KEY_REUSED). */
  input: unknown;
  /** The id of what the create made (stored with the key). */
  idOf: (result: T) => string;
  /** Loads what an earlier call with the same key created, by its id. */
  replay: (id: string) => Promise<T>;
}

/**
 * The `CreateOnce` of a create: the operation's name, the key and input from an `IdempotentInput`,
 * and how to read what it made again by its id (a loader or a repository read). The id is the
 * answer's `id`, or what `idOf` picks from a composite answer (`(r) => r.assignment.id`).
 */
export function onceById<T extends { id: string }>(operation: string, input: IdempotentInput, replay: (id: string) => Promise<T>): CreateOnce<T>;
export function onceById<T>(operation: string, input: IdempotentInput, replay: (id: string) => Promise<T>, idOf: (result: T) => string): CreateOnce<T>;
export function onceById<T>(operation: string, input: IdempotentInput, replay: (id: string) => Promise<T>, idOf?: (result: T) => string): CreateOnce<T> {
  return { operation, key: input.idempotencyKey, input, idOf: idOf ?? ((result) => (result as { id: string }).id), replay };
}

/**
 * 幂等创建 `mutate` for a create that takes an idempotency key: the first call with a key runs the
 * work and stores the key with the created id in the same transaction; a later call with the same key
 * (a client's retry) returns what the first created and writes nothing, also when both arrive at once
 * (the key's primary key decides; the loser rolls back and replays, also when it lost on the create's
 * own uniqueness check before reaching the key). The same key with a different
 * input is refused with CONFLICT (rule `IDEMPOTENCY_KEY_REUSED`). Keys are per actor and operation.
 */
export async function mutateOnce<T>(
  ctx: RequestContext,
  once: CreateOnce<T>,
  fact: MutationFact<T>,
  work: Parameters<typeof mutate<T>>[2],
): Promise<T> {
  const key = once.key ?? null;
  if (key === null) return mutate(ctx, fact, work);
  const earlier = () => earlierResult(ctx, once);
  const first = await earlier();
  if (first !== null) return first;
  const fingerprint = inputFingerprint(once.input);
  try {
    return await mutate(ctx, fact, async (manager) => {
      const result = await work(manager);
      const stored = (await manager.query(
        `INSERT INTO kernel_idempotency_key (actor_id, operation, key, fingerprint, target_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING key`,
        [ctx.actor.id, once.operation, key, fingerprint, once.idOf(result)],
      )) as unknown[];
      if (stored.length === 0) throw new KeyTaken();
      return result;
    });
  } catch (error) {
    // a concurrent call with the same key may have committed first: this one then lost either on the
    // key itself or on the create's own uniqueness check (a vacant post, a free name…); answer the first
    const again = await earlier();
    if (again === null) throw error;
    return again;
  }
}

/**
 * What an earlier call with the same idempotency key made (through `once.replay`), or null when the
 * key is new or absent. A malformed key is BAD_USER_INPUT (rule IDEMPOTENCY_KEY_FORMAT); the same
 * key with another input is CONFLICT (rule IDEMPOTENCY_KEY_REUSED). A transition checks this before
 * its own checks (a retry of a transition that succeeded finds the record at the next version) and
 * then writes through `mutateOnce`.
 */
export async function earlierResult<T>(ctx: RequestContext, once: Pick<CreateOnce<T>, 'operation' | 'key' | 'input' | 'replay'>): Promise<T | null> {
  const key = once.key ?? null;
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw badInput(`幂等键格式不符（8–128位字母、数字或 . _ : -）：idempotencyKey = ${key}`, `The idempotency key must be 8–128 letters, digits or . _ : - : idempotencyKey = ${key}`, {
      field: 'idempotencyKey',
      rule: 'IDEMPOTENCY_KEY_FORMAT',
      value: key,
    });
  }
  const fingerprint = inputFingerprint(once.input);
  const rows = (await ctx.dataSource.query(`SELECT fingerprint, target_id FROM kernel_idempotency_key WHERE actor_id = $1 AND operation = $2 AND key = $3`, [
    ctx.actor.id,
    once.operation,
    key,
  ])) as { fingerprint: string; target_id: string }[];
  if (rows.length === 0) return null;
  if (rows[0].fingerprint !== fingerprint) {
    throw conflict(`幂等键已用于另一份输入（${once.operation}）：idempotencyKey = ${key}`, `The idempotency key was already used with a different input (${once.operation}): idempotencyKey = ${key}`, {
      field: 'idempotencyKey',
      rule: 'IDEMPOTENCY_KEY_REUSED',
      value: key,
    });
  }
  return once.replay(rows[0].target_id);
}
