import { XzError } from '@xiangzhi/kernel';

/**
 * A create with an idempotency key whose own uniqueness check can lose to a concurrent duplicate: the
 * duplicate that committed first holds both the unique row (credit code, open membership…) and the
 * key, so this call's check refuses before `mutateOnce` reaches the key. When that happens and a key
 * was sent, run once more: `mutateOnce` then finds the committed key and returns the first result
 * (or CONFLICT when the key came with another input); without a key the refusal stands.
 */
export async function retryOnDuplicate<T>(key: string | null | undefined, rules: readonly string[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!key || !(error instanceof XzError) || !rules.includes(String(error.extensions.rule))) throw error;
    return run();
  }
}
