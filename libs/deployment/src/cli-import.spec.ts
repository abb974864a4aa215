import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { createDataSource } from '@xiangzhi/kernel';
import { runCli } from './cli';

// (the test kit's writeXlsx lives in @xiangzhi/testing, which depends on this library: not imported here)
async function writeXlsx(file: string, rows: string[][], options: { sheet: string; cell?: (text: string, row: number, column: number) => ExcelJS.CellValue }): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(options.sheet);
  rows.forEach((cells, r) => sheet.addRow(cells.map((text, c) => (options.cell ? options.cell(text, r + 1, c + 1) : text))));
  await book.xlsx.writeFile(file);
}

// `xz import` end to end on a PGlite data folder (the PostgreSQL writer is covered by the grids import specs)
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-cli-import-'));
const env: NodeJS.ProcessEnv = { JEST_WORKER_ID: '1', XZ_DATA_DIR: path.join(tmp, 'data') };
const config = path.join(tmp, 'grids.yaml');
fs.writeFileSync(config, "subgraphs:\n  grids: { package: '@xiangzhi/grids', url: http://grids:4001/graphql }\n");

async function xz(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--config', config], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

function file(name: string, lines: string[]): string {
  const at = path.join(tmp, name);
  fs.writeFileSync(at, `${lines.join('\n')}\n`);
  return at;
}

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('xz import', () => {
  // the migrated folder and the one county, township and village the rows name (the whole demo data
  // set of every county would cost most of the file's time and is not what is imported into)
  beforeAll(async () => {
    const migrated = await xz(['migrate', '--subgraph', 'grids']);
    expect(migrated.code).toBe(0);
    const db = createDataSource({ name: 'grids', entities: [], migrations: [], dataDir: path.join(tmp, 'data', 'grids') });
    await db.dataSource.initialize();
    try {
      await db.dataSource.query(
        `INSERT INTO region (code, name, level, parent_code, county_code) VALUES
          ('520502000000', '七星关区', 'COUNTY', NULL, '520502000000'),
          ('520502101000', '市东街道', 'TOWNSHIP', '520502000000', '520502000000'),
          ('520502101210', '碧阳社区', 'VILLAGE', '520502101000', '520502000000')`,
      );
    } finally {
      await db.dataSource.destroy();
    }
  }, 180_000);

  it('imports households and residents with progress, lists every bad row and writes nothing when one is bad, and refuses unknown kinds', async () => {
    const village = '520502101210';
    const households = file('households.csv', ['村代码,户号,住址', `${village},X001,1组1号`, `${village},X002,1组2号`]);
    const h = await xz(['import', 'households', households, '--county', '520502000000']);
    expect(h).toMatchObject({ code: 0 });
    expect(h.stdout).toMatch(/^grids: households 2 of 2 rows written in 1 batch\(es\)/);
    expect(h.stderr).toMatch(/写入 write 2\/2 rows \(100\.0%\)/);

    const bad = file('bad.csv', ['村,户号,姓名,身份证,与户主关系', `${village},X001,王国强,520502197001010011,户主`, `${village},X009,李秀英,11010519491231002X,配偶`]);
    const refused = await xz(['import', 'residents', bad, '--county', '520502000000', '--map', '村=villageCode,身份证=idNumber']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第2行 line 2');
    expect(refused.stderr).toContain('第3行 line 3');
    expect(refused.stderr).toMatch(/导入被拒绝，2行有误，未写入任何数据/);

    const good = file('good.csv', ['村,户号,姓名,身份证,与户主关系', `${village},X001,王国强,11010519491231002X,户主`]);
    const ok = await xz(['import', 'residents', good, '--county', '520502000000', '--map', '村=villageCode,身份证=idNumber']);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toMatch(/^grids: residents 1 of 1 rows written/);

    const unknown = await xz(['import', 'livestock', good, '--county', '520502000000']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('households (grids), residents (grids)');
    expect(unknown.stderr).toContain('没有可导入的“livestock”');
  }, 180_000);

  it('imports an XLSX workbook (the sheet named by --sheet), its row numbers as line numbers, and names the sheets when the one asked for is missing', async () => {
    const village = '520502101210';
    const book = path.join(tmp, 'households.xlsx');
    await writeXlsx(book, [['村代码', '户号', '住址'], [village, 'X101', '2组1号'], [village, 'X101', '2组2号']], { sheet: '住户', cell: (text, row, column) => (row > 1 && column === 1 ? Number(text) : text) });
    const missing = await xz(['import', 'households', book, '--county', '520502000000', '--sheet', '居民']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('工作簿中没有工作表“居民”（现有：住户）');
    const refused = await xz(['import', 'households', book, '--county', '520502000000', '--sheet', '住户']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('第3行 line 3: 户号X101在村520502101210内重复（与第2行）');
    await writeXlsx(book, [['村代码', '户号', '住址'], [village, 'X101', '2组1号'], [village, 'X102', '2组2号']], { sheet: '住户' });
    const imported = await xz(['import', 'households', book, '--county', '520502000000']);
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.stdout).toMatch(/^grids: households 2 of 2 rows written/);
  }, 180_000);
});
