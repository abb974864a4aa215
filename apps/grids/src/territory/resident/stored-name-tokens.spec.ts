import 'reflect-metadata';
import { demoRegions, syntheticHouseholdsCsv, syntheticResidentsCsv, type SyntheticCountyOptions } from '@xiangzhi/demo';
import { composeIdNumber } from '@xiangzhi/grids-api';
import { importFile, type FileImportOptions } from '@xiangzhi/kernel';
import { startTestPlatform, type TestPlatform } from '@xiangzhi/testing';
import type { DataSource } from 'typeorm';
import { gridsSubgraph } from '../../subgraph';
import { householdImporter, residentImporter } from '../import/register-import';
import { storedNameTokens } from './name-tokens';

/**
 * `resident.name_tokens` is a plain column (migration 1774600000000): the bulk import writes the
 * tokens it computed in Node (`storedNameTokens`), every other write gets them from the database's
 * `resident_name_tokens` through a trigger. Both must give the same tokens for every name, and no
 * write can leave tokens that disagree with the name.
 */
const COUNTY = '520502000000';
const villages = demoRegions()
  .filter((r) => r.level === 'VILLAGE' && r.code.startsWith('520502'))
  .map((r) => r.code)
  .slice(30, 32);

/** Names of every shape a register holds: common and repeated characters, one character, compound surnames, a middle dot, extension-B characters (two UTF-16 units), spaces, Latin letters of both cases, digits and punctuation. */
const NAMES = [
  '张三',
  '欧阳娜娜',
  '娜',
  '娜娜娜',
  '司马相如',
  '阿卜杜热合曼·艾力',
  '𠀀𠀁𠀀',
  '王 小明',
  '李{四}',
  '赵"钱"\\孙',
  '周,吴',
  'Ayixiamu Tuerxun',
  'ÄÖÜ 王',
  'İ王',
  'ß',
  'ǅ',
  '刘1号',
  '陈\t',
];

let platform: TestPlatform;
let ds: DataSource;

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [gridsSubgraph], seed: true });
  ds = platform.subgraphs.grids.db.dataSource;
}, 180_000);

afterAll(async () => {
  await platform?.stop();
});

describe('name tokens computed in Node (bulk import) and by the database (every other write)', () => {
  it('storedNameTokens gives the tokens of resident_name_tokens, in order, or null for a name with cased characters', async () => {
    const rows = (await ds.query(`SELECT n.name, resident_name_tokens(n.name) AS tokens FROM unnest($1::text[]) AS n (name)`, [NAMES])) as { name: string; tokens: string[] }[];
    let computed = 0;
    for (const { name, tokens } of rows) {
      const node = storedNameTokens(name);
      if (node === null) {
        expect([...name].some((c) => c.toLowerCase() !== c || c.toUpperCase() !== c)).toBe(true);
        continue;
      }
      computed += 1;
      expect({ name, tokens: node }).toEqual({ name, tokens });
    }
    expect(computed).toBeGreaterThanOrEqual(12);
    expect(storedNameTokens('娜娜娜')).toEqual(['娜', '娜娜']);
    expect(storedNameTokens('𠀀𠀁𠀀')).toEqual(['𠀀', '𠀀𠀁', '𠀁', '𠀁𠀀']);
    expect(storedNameTokens('Ayixiamu')).toBeNull();
  });

  it('a bulk import stores for every resident the tokens the database computes from the name, and the trigger keeps them with the name', async () => {
    const county: SyntheticCountyOptions = { villageCodes: villages, residents: 1500, addressCode: '520582', composeIdNumber, numberPrefix: 'T', seed: 'T' };
    const opts = (importer: FileImportOptions['importer'], csv: string): FileImportOptions => ({
      dataSource: ds,
      importer,
      open: async function* () {
        yield csv;
      },
      fileName: 'tokens.csv',
      countyCode: COUNTY,
      actor: { id: 'spec', roles: ['CLI'] },
      batchSize: 500,
    });
    await importFile(opts(householdImporter, [...syntheticHouseholdsCsv(county)].join('')));
    // the synthetic file with the names above in its first rows (quoted: they hold commas, quotes, tabs)
    const [header, ...lines] = [...syntheticResidentsCsv(county)].join('').trim().split('\n');
    const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const names = NAMES.filter((name) => name === name.trim()); // the import trims its cells
    const renamed = lines.map((line, i) => {
      if (i >= names.length) return line;
      const cells = line.split(',');
      cells[2] = quote(names[i]);
      return cells.join(',');
    });
    await importFile(opts(residentImporter, `${header}\n${renamed.join('\n')}\n`));
    const differing = async () =>
      (await ds.query(
        `SELECT name, name_tokens AS stored, resident_name_tokens(name) AS computed FROM resident
          WHERE village_code = ANY($1) AND name_tokens IS DISTINCT FROM resident_name_tokens(name)`,
        [villages],
      )) as { name: string }[];
    const [{ n }] = (await ds.query(`SELECT count(DISTINCT name)::int AS n FROM resident WHERE village_code = ANY($1) AND name = ANY($2)`, [villages, names])) as { n: number }[];
    expect(n).toBe(names.length);
    expect(await differing()).toEqual([]);

    // a rename recomputes them; tokens written by hand are replaced by the name's; an insert without them gets them
    await ds.query(`UPDATE resident SET name = '上官婉儿' WHERE village_code = ANY($1) AND name = '张三'`, [villages]);
    await ds.query(`UPDATE resident SET name_tokens = '{假}' WHERE village_code = ANY($1) AND name = '欧阳娜娜'`, [villages]);
    await ds.query(`UPDATE resident SET name = '司马相如', name_tokens = '{假}' WHERE village_code = ANY($1) AND name = '司马相如'`, [villages]);
    const [one] = (await ds.query(`SELECT household_id, village_code FROM resident WHERE village_code = ANY($1) LIMIT 1`, [villages])) as { household_id: string; village_code: string }[];
    await ds.query(
      `INSERT INTO resident (household_id, village_code, county_code, name, gender, birth_date, id_number, id_number_hash, relation_to_head)
       VALUES ($1, $2, $3, '诸葛亮', 'MALE', '1990-01-01', '520582199001019990', 'stored-name-tokens-spec', 'OTHER')`,
      [one.household_id, one.village_code, COUNTY],
    );
    expect(await differing()).toEqual([]);
    const tokens = (await ds.query(`SELECT name, name_tokens AS tokens FROM resident WHERE village_code = ANY($1) AND name IN ('上官婉儿', '欧阳娜娜', '诸葛亮') ORDER BY name`, [villages])) as { name: string; tokens: string[] }[];
    expect(tokens).toEqual([
      { name: '上官婉儿', tokens: ['上', '上官', '官', '官婉', '婉', '婉儿', '儿'] },
      { name: '欧阳娜娜', tokens: ['欧', '欧阳', '阳', '阳娜', '娜', '娜娜'] },
      { name: '诸葛亮', tokens: ['诸', '诸葛', '葛', '葛亮', '亮'] },
    ]);
  }, 120_000);
});
