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

/** A stable UUID (version 5 layout) for a demo record, so re-seeding finds the same rows. */
export function demoUuid(name: string): string {
  const h = createHash('sha1').update(`xiangzhi-grids-demo:${name}`).digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程彭向龙石';
const MALE_CHARS = '国建军明华伟强志勇文斌海波辉平忠林东成福贵兴德春永涛';
const FEMALE_CHARS = '秀英芳丽梅兰玉萍红霞燕桂娟琴凤菊珍敏静慧艳云翠莲花';

export function surname(rng: Rng): string {
  return rng.pick([...SURNAMES]);
}

export function givenName(rng: Rng, male: boolean): string {
  const chars = [...(male ? MALE_CHARS : FEMALE_CHARS)];
  return rng.chance(0.3) ? rng.pick(chars) : `${rng.pick(chars)}${rng.pick(chars)}`;
}

export function mobile(rng: Rng): string {
  return `1${rng.pick(['38', '39', '50', '58', '87', '77', '36', '35', '52', '89'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

/** `YYYY-MM-DD` of a day in `year`. */
export function dayOf(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
