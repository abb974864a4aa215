import { conflict, type XzError } from '@xiangzhi/kernel';

/** CONFLICT for a versioned record someone else changed since the caller read it (`currentVersion`, `expectedVersion` in the details). */
export function staleVersion(record: { zh: string; en: string }, expected: number, current?: number, details: Record<string, unknown> = {}): XzError {
  const known = current !== undefined;
  return conflict(
    `${record.zh}已被他人修改（${known ? `当前版本${current}，` : ''}您提交的版本${expected}），请刷新后重试`,
    `The ${record.en} was changed by someone else (${known ? `version ${current}, ` : ''}yours ${expected}); reload and retry`,
    { ...(known ? { currentVersion: current } : {}), expectedVersion: expected, ...details },
  );
}
