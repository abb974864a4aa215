import { defineConsumer, type EventConsumer, type EventConsumerContext } from '@xiangzhi/kernel';

/**
 * 村建制调整（网格部分）the village-merger capability of the grids subgraph (村建制调整 is national
 * policy): a coordinator (a county plugin's saga) publishes a command on the event bus; the grids
 * consumer `grids-village-merger` applies it in one transaction, records a move log keyed by the
 * saga id and replies in the grids outbox. Commands are idempotent per saga id: the same command
 * again replies the same way without writing twice.
 */

/** 合并指令 move source villages into a target village from an effective date. */
export interface GridsMergerApplyCommand {
  /** The coordinator's saga id (uuid): the key of the move log. */
  sagaId: string;
  /** 目标村 the merged village: one of the sources (kept) or a new code under a township of the county. */
  targetCode: string;
  /** Its name (used when the code is new). */
  targetName: string;
  /** 被合并村 the source village codes (≥ 2, the target among them when it is an existing code). */
  sourceCodes: string[];
  /** 生效日期 `YYYY-MM-DD`: the new code's valid-from and the retired codes' valid-to. */
  effectiveDate: string;
}

/** 补偿指令 undo what the apply command of this saga did, from its move log. */
export interface GridsMergerCompensateCommand {
  sagaId: string;
}

/** 已合并 what the apply did. */
export interface GridsMergerAppliedReply {
  sagaId: string;
  targetCode: string;
  /** The target code was created by this merger. */
  createdTarget: boolean;
  retiredCodes: string[];
  grids: number;
  households: number;
  residents: number;
}

/** 拒绝 why the command was not applied (nothing was written): the rule and the value that broke it. */
export interface MergerRefusedReply {
  sagaId: string;
  rule: string;
  value: string;
  /** Bilingual reason, 中文 first. */
  reason: string;
}

/** 已补偿 the move log was applied backwards (or there was nothing to undo). */
export interface MergerCompensatedReply {
  sagaId: string;
}

/** Commands the grids subgraph accepts on the bus (published by a coordinator's outbox). */
export interface GridsMergerCommands {
  'grids.merger.apply': GridsMergerApplyCommand;
  'grids.merger.compensate': GridsMergerCompensateCommand;
}

/** Replies grids records in its outbox (`grids_event`). */
export interface GridsMergerReplies {
  'grids.merger.applied': GridsMergerAppliedReply;
  'grids.merger.refused': MergerRefusedReply;
  'grids.merger.compensated': MergerCompensatedReply;
}

/** The subjects of the grids merger capability. */
export const GRIDS_MERGER_SUBJECTS = {
  apply: 'grids.merger.apply',
  compensate: 'grids.merger.compensate',
  applied: 'grids.merger.applied',
  refused: 'grids.merger.refused',
  compensated: 'grids.merger.compensated',
} as const;

/**
 * 拒绝执行 a command a capability consumer will not apply (a broken rule): thrown by its checks
 * before anything is written, caught by the consumer, which records a refused reply instead.
 */
export class CommandRefusal extends Error {
  constructor(
    readonly rule: string,
    readonly value: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}：${value} / ${en}: ${value}`);
    this.name = 'CommandRefusal';
  }
}

/** Throws a CommandRefusal naming the rule and the value (the messages without the value; it is appended). */
export function refuseCommand(rule: string, value: string, zh: string, en: string): never {
  throw new CommandRefusal(rule, value, zh, en);
}

/** The refused reply of a saga for a CommandRefusal. */
export function refusedReply(sagaId: string, refusal: CommandRefusal): MergerRefusedReply {
  return { sagaId, rule: refusal.rule, value: refusal.value, reason: refusal.message };
}

const SAGA_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a command's saga id is a UUID (the key of every capability's log). */
export function isSagaId(value: unknown): value is string {
  return typeof value === 'string' && SAGA_ID.test(value);
}

/** What a merger capability declares: its consumer's durable name, its two command subjects and their handlers. */
export interface MergerConsumerOptions {
  name: string;
  subjects: { apply: string; compensate: string };
  /** Applies the apply command's payload in the consumer's transaction (`ctx.manager`), replying in the subgraph's outbox. */
  apply: (payload: Record<string, unknown>, ctx: EventConsumerContext) => Promise<void>;
  /** Undoes what the saga's apply did, from the capability's log, and replies `compensated`. */
  compensate: (sagaId: string, ctx: EventConsumerContext) => Promise<void>;
}

/**
 * 合并指令消费者 the durable consumer of a merger capability's commands: the events of one saga are
 * applied in order (aggregate = saga id); the kernel records processed ids, so a redelivered command
 * is not applied twice.
 */
export function defineMergerConsumer(options: MergerConsumerOptions): EventConsumer {
  return defineConsumer({
    name: options.name,
    subjects: [options.subjects.apply, options.subjects.compensate],
    aggregateOf: (e) => String(e.payload.sagaId ?? ''),
    handle: async (event, ctx) => {
      if (event.subject === options.subjects.apply) await options.apply(event.payload, ctx);
      else if (event.subject === options.subjects.compensate) await options.compensate(String(event.payload.sagaId ?? ''), ctx);
    },
  });
}
