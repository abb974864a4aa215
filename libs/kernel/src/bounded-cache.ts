import type { DocumentNode } from 'graphql';

/**
 * 有界缓存 the per-document caches of the gateway and the subgraphs (parsed and validated documents,
 * query plans, automatic persisted queries), bounded by a number of entries: a stream of distinct
 * documents evicts the least recently used one instead of growing the process. Apollo's default
 * caches are bounded by an approximate JSON size (30 MiB each), several times smaller than the
 * objects they hold in memory; an entry count states the bound in what a client controls.
 */

/** Entries kept per cache (parsed documents, query plans, persisted queries) unless a deployment says otherwise. */
export const DOCUMENT_CACHE_ENTRIES = 1000;

/** The key-value shape Apollo Server (`documentStore`, `persistedQueries.cache`) and the gateway (`queryPlannerConfig.cache`) accept. */
export class BoundedCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(
    /** Name in `boundedCacheSizes()`, e.g. `gateway:queryPlans`. */
    readonly name: string,
    /** Most entries kept; the least recently used goes first. */
    readonly max: number = DOCUMENT_CACHE_ENTRIES,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`cache ${name}: max must be a positive integer (got ${max})`);
    live.add(new WeakRef(this));
  }

  get size(): number {
    return this.entries.size;
  }

  async get(key: string): Promise<T | undefined> {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // most recently used last
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  async set(key: string, value: T): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  async delete(key: string): Promise<boolean> {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

const live = new Set<WeakRef<BoundedCache<unknown>>>();

/** Entries and bound of every live bounded cache in this process, by name (several instances of a name are summed). */
export function boundedCacheSizes(): Record<string, { entries: number; max: number; instances: number }> {
  const sizes: Record<string, { entries: number; max: number; instances: number }> = {};
  for (const ref of live) {
    const cache = ref.deref();
    if (!cache) {
      live.delete(ref);
      continue;
    }
    const s = (sizes[cache.name] ??= { entries: 0, max: 0, instances: 0 });
    s.entries += cache.size;
    s.max += cache.max;
    s.instances += 1;
  }
  return sizes;
}

/**
 * The cache options of a subgraph's Apollo server (`startSubgraph` spreads them): parsed and validated
 * documents bounded (the gateway sends one per distinct plan fetch), no persisted queries (only the
 * gateway calls a subgraph, with whole documents).
 */
export function subgraphCacheOptions(): { documentStore: BoundedCache<DocumentNode>; persistedQueries: false } {
  return { documentStore: new BoundedCache<DocumentNode>('subgraph:documents'), persistedQueries: false };
}
