import type { Rng } from './random';

/** Common surnames (the demo draws them uniformly). */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程彭向龙石';
const MALE_CHARS = '国建军明华伟强志勇文斌海波辉平忠林东成福贵兴德春永涛';
const FEMALE_CHARS = '秀英芳丽梅兰玉萍红霞燕桂娟琴凤菊珍敏静慧艳云翠莲花';

/** A surname. */
export function surname(rng: Rng): string {
  return rng.pick([...SURNAMES]);
}

/** A given name of one or two characters. */
export function givenName(rng: Rng, male: boolean): string {
  const chars = [...(male ? MALE_CHARS : FEMALE_CHARS)];
  return rng.chance(0.3) ? rng.pick(chars) : `${rng.pick(chars)}${rng.pick(chars)}`;
}

/** A full name (surname + given name). */
export function fullName(rng: Rng, male: boolean): string {
  return `${surname(rng)}${givenName(rng, male)}`;
}

/** An 11-digit mobile number. */
export function mobile(rng: Rng): string {
  return `1${rng.pick(['38', '39', '50', '58', '87', '77', '36', '35', '52', '89'])}${String(rng.int(0, 99999999)).padStart(8, '0')}`;
}

/** `YYYY-MM-DD` of a day in `year` (days 1–28, so every date exists). */
export function dayOf(rng: Rng, year: number): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
