import { createHash } from 'node:crypto';

/** Deterministic pseudo-random numbers (mulberry32), seeded from a string. */
export class Rng {
  private state: number;

  constructor(seed: string) {
    this.state = createHash('sha1').update(seed).digest().readUInt32LE(0);
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * The namespace every demo id is hashed in. It must never change: the demo ids of every subgraph
 * (and the records that point at them across subgraphs) are derived from it.
 */
const DEMO_UUID_NAMESPACE = 'xiangzhi-grids-demo';

/**
 * A stable UUID (version 5 layout) for a demo record, so re-seeding finds the same rows. Names are
 * `<kind>:<key…>` (e.g. `grid:<village code>:<seq>`); other subgraphs prefix theirs with the
 * subgraph (`personnel:cadre:…`).
 */
export function demoUuid(name: string): string {
  const h = createHash('sha1').update(`${DEMO_UUID_NAMESPACE}:${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
