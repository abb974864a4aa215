import { fullName, givenName, mobile } from './names';
import { Rng } from './random';

/**
 * 县级规模合成数据 a synthetic county at real size (七星关区: 508 villages, 1.58 M residents, about
 * 450 k households) as the CSV files a county hands over: one of households (村代码, 户号, 住址)
 * and one of residents (村代码, 户号, 姓名, 身份证号, 与户主关系, 联系电话), deterministic for a seed,
 * with the demo's names and valid, unique ID numbers (composed by the caller's GB 11643 function).
 */
export interface SyntheticCountyOptions {
  /** The villages to fill (12-digit codes); residents are spread evenly over them. */
  villageCodes: readonly string[];
  /** Residents in all. */
  residents: number;
  /** The 6-digit address code of the ID numbers. */
  addressCode: string;
  /** GB 11643 ID number of an address code, birth date and sequence (0–999), e.g. grids-api's `composeIdNumber`. */
  composeIdNumber: (addressCode: string, birthDate: string, sequence: number) => string;
  /** Seed of the generator (default `county-scale`). */
  seed?: string;
  /** Prefix of the household numbers (default `S`): numbers are `<prefix><5 digits>`, unique in each village. */
  numberPrefix?: string;
}

/** Header of the households file. */
export const SYNTHETIC_HOUSEHOLDS_HEADER = '村代码,户号,住址';
/** Header of the residents file. */
export const SYNTHETIC_RESIDENTS_HEADER = '村代码,户号,姓名,身份证号,与户主关系,联系电话';

/** Household sizes of a village (1–6 people, about 3.5 on average) adding up to `residents`. */
function householdSizes(seed: string, village: string, residents: number): number[] {
  const rng = new Rng(`${seed}:sizes:${village}`);
  const sizes: number[] = [];
  let left = residents;
  while (left > 0) {
    const size = Math.min(left, rng.pick([1, 2, 3, 3, 3, 4, 4, 4, 5, 6]));
    sizes.push(size);
    left -= size;
  }
  return sizes;
}

function residentsPerVillage(options: SyntheticCountyOptions): number[] {
  const n = options.villageCodes.length;
  const base = Math.floor(options.residents / n);
  return options.villageCodes.map((_, i) => base + (i < options.residents - base * n ? 1 : 0));
}

const LINES_PER_CHUNK = 2000;

/** The households file, in chunks of lines (header first). */
export function* syntheticHouseholdsCsv(options: SyntheticCountyOptions): Generator<string> {
  const seed = options.seed ?? 'county-scale';
  const prefix = options.numberPrefix ?? 'S';
  const counts = residentsPerVillage(options);
  let lines = [SYNTHETIC_HOUSEHOLDS_HEADER];
  for (const [v, village] of options.villageCodes.entries()) {
    const sizes = householdSizes(seed, village, counts[v]);
    for (let h = 0; h < sizes.length; h += 1) {
      lines.push(`${village},${prefix}${String(h + 1).padStart(5, '0')},${(h % 12) + 1}组${h + 1}号`);
      if (lines.length >= LINES_PER_CHUNK) {
        yield `${lines.join('\n')}\n`;
        lines = [];
      }
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}

/** Households the options give (the households file's data rows). */
export function syntheticHouseholdCount(options: SyntheticCountyOptions): number {
  const seed = options.seed ?? 'county-scale';
  const counts = residentsPerVillage(options);
  return options.villageCodes.reduce((sum, village, v) => sum + householdSizes(seed, village, counts[v]).length, 0);
}

function day(rng: Rng, from: number, to: number): string {
  return `${rng.int(from, to)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}

/** The residents file, in chunks of lines (header first): per household a head, a spouse, then children and a parent. */
export function* syntheticResidentsCsv(options: SyntheticCountyOptions): Generator<string> {
  const seed = options.seed ?? 'county-scale';
  const prefix = options.numberPrefix ?? 'S';
  const counts = residentsPerVillage(options);
  const rng = new Rng(`${seed}:people`);
  const sequences = new Map<string, number>(); // birth date → next sequence (0–999; the date moves on a day when used up)
  const idNumber = (birthDate: string, male: boolean): string => {
    let date = birthDate;
    for (;;) {
      const next = sequences.get(date) ?? 0;
      // odd sequences are men's, even ones women's
      const seq = next * 2 + (male ? 1 : 0);
      if (seq <= 999) {
        sequences.set(date, next + 1);
        return options.composeIdNumber(options.addressCode, date, seq);
      }
      const d = new Date(`${date}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + 1);
      date = d.toISOString().slice(0, 10);
    }
  };
  let lines = [SYNTHETIC_RESIDENTS_HEADER];
  for (const [v, village] of options.villageCodes.entries()) {
    const sizes = householdSizes(seed, village, counts[v]);
    for (let h = 0; h < sizes.length; h += 1) {
      const number = `${prefix}${String(h + 1).padStart(5, '0')}`;
      const headMale = rng.chance(0.8);
      const head = fullName(rng, headMale);
      const surname = [...head][0];
      for (let p = 0; p < sizes[h]; p += 1) {
        let name: string;
        let male: boolean;
        let relation: string;
        let born: string;
        if (p === 0) [name, male, relation, born] = [head, headMale, '户主', day(rng, 1950, 1992)];
        else if (p === 1) {
          male = !headMale;
          [name, relation, born] = [fullName(rng, male), '配偶', day(rng, 1952, 1994)];
        } else if (p === 5) {
          male = rng.chance(0.4);
          [name, relation, born] = [`${surname}${givenName(rng, male)}`, '父母', day(rng, 1935, 1950)];
        } else {
          male = rng.chance(0.5);
          [name, relation, born] = [`${surname}${givenName(rng, male)}`, '子女', day(rng, 1985, 2020)];
        }
        lines.push(`${village},${number},${name},${idNumber(born, male)},${relation},${p === 0 ? mobile(rng) : ''}`);
        if (lines.length >= LINES_PER_CHUNK) {
          yield `${lines.join('\n')}\n`;
          lines = [];
        }
      }
    }
  }
  if (lines.length) yield `${lines.join('\n')}\n`;
}
