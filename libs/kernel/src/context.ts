import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor } from './actor';
import { LoaderRegistry } from './loaders';
import type { Logger } from './logger';
import type { PolicyRegistry } from './policy-registry';

/** Everything a resolver knows about the request it serves. */
export interface RequestContext {
  requestId: string;
  actor: Actor;
  /** Per-request DataLoaders: every relation and `__resolveReference` batches through these. */
  loaders: LoaderRegistry;
  /** Per-county policy resolution (never a global singleton). */
  policies: PolicyRegistry;
  dataSource: DataSource;
  logger: Logger;
}

export function createRequestContext(args: {
  actor: Actor;
  policies: PolicyRegistry;
  dataSource: DataSource;
  logger: Logger;
  requestId?: string;
}): RequestContext {
  const requestId = args.requestId ?? randomUUID();
  return {
    requestId,
    actor: args.actor,
    loaders: new LoaderRegistry(),
    policies: args.policies,
    dataSource: args.dataSource,
    logger: args.logger.child({ requestId, actor: args.actor.id }),
  };
}
