import DataLoader from 'dataloader';

/** Per-request DataLoader registry: one loader per name, created on first use. */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>, cacheKey?: (key: K) => unknown): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V, unknown>(batch, cacheKey ? { cacheKeyFn: cacheKey } : {}) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }

  /** Forget cached values after a write so later reads in the same request see it. */
  clearAll(): void {
    for (const loader of this.loaders.values()) loader.clearAll();
  }
}

/** Orders batch results to match keys; missing keys become null. */
export function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map<K, V>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((k) => map.get(k) ?? null);
}

/**
 * Groups rows under region prefixes (county `433130`, township `433130101`, village code…): a row
 * belongs to every requested prefix its village code starts with; a null prefix (outside the
 * caller's scope) gets an empty list. Rows are bucketed once per distinct prefix length, so the cost
 * is rows × (distinct lengths, at most five) rather than rows × prefixes — hundreds of villages in one
 * `_entities` batch stay linear. Row order is kept within each group.
 */
export function groupByPrefix<T>(prefixes: readonly (string | null)[], rows: readonly T[], villageOf: (row: T) => string): T[][] {
  const lengths = [...new Set(prefixes.filter((p): p is string => p !== null).map((p) => p.length))];
  const buckets = new Map<string, T[]>();
  for (const row of rows) {
    const village = villageOf(row);
    for (const length of lengths) {
      const key = village.slice(0, length);
      const list = buckets.get(key);
      if (list) list.push(row);
      else buckets.set(key, [row]);
    }
  }
  return prefixes.map((prefix) => (prefix === null ? [] : [...(buckets.get(prefix) ?? [])]));
}

/** Groups batch results per key; keys with no rows get an empty list. */
export function groupByKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}
