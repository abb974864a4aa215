import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { importRows, type ImportRow } from './bulk-import';
import { importFileSource, isXlsxFile, xlsxCsv, XlsxInputError } from './bulk-import-xlsx';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function text(source: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of source) out += chunk;
  return out;
}

describe('XLSX input', () => {
  const file = path.join(tmp, 'register.xlsx');

  beforeAll(async () => {
    const book = new ExcelJS.Workbook();
    const cover = book.addWorksheet('说明');
    cover.addRow(['本表为示例']);
    const sheet = book.addWorksheet('名册');
    sheet.addRow(['姓名', '出生日期', '户号', '备注', '金额']);
    sheet.addRow(['王国强', new Date(Date.UTC(1970, 0, 1)), 520502101210, '1组,1号', 12.5]);
    // row 3 left empty, row 4 after the gap
    sheet.getRow(4).values = ['李"秀"英', new Date(Date.UTC(1949, 11, 31, 8, 30)), 7, { richText: [{ text: '第一' }, { text: '行\n第二行' }] }, { formula: '1+1', result: 2 }];
    sheet.getCell('B2').numFmt = 'yyyy-mm-dd';
    sheet.getCell('B4').numFmt = 'yyyy-mm-dd hh:mm';
    await book.xlsx.writeFile(file);
  });

  it('reads the sheet asked for as CSV text, row numbers kept as line numbers, cells as a CSV shows them', async () => {
    expect(isXlsxFile(file)).toBe(true);
    const csv = await text(xlsxCsv(file, { sheet: '名册' }));
    expect(csv).toBe('姓名,出生日期,户号,备注,金额\n王国强,1970-01-01,520502101210,"1组,1号",12.5\n\n"李""秀""英",1949-12-31 08:30:00,7,第一行 第二行,2\n');
    expect(await text(xlsxCsv(file, { sheet: '2' }))).toBe(csv);
    expect(await text(xlsxCsv(file))).toBe('本表为示例\n');

    const rows: ImportRow[] = [];
    const columns = [
      { field: 'name', headers: ['姓名'], required: true },
      { field: 'birthDate', headers: ['出生日期'], required: false },
    ];
    for await (const chunk of importRows({ kind: 'test', columns }, importFileSource(file, { sheet: '名册' }).open(), {}, 10)) rows.push(...chunk.rows);
    expect(rows).toEqual([
      { line: 2, values: { name: '王国强', birthDate: '1970-01-01' } },
      { line: 4, values: { name: '李"秀"英', birthDate: '1949-12-31 08:30:00' } },
    ]);
  });

  it('names the sheets when the one asked for is missing, and refuses --sheet for a CSV file', async () => {
    await expect(text(xlsxCsv(file, { sheet: '干部' }))).rejects.toThrow(new XlsxInputError('工作簿中没有工作表“干部”（现有：说明、名册）', 'The workbook has no sheet “干部” (sheets: 说明, 名册)'));
    const csv = path.join(tmp, 'a.csv');
    fs.writeFileSync(csv, 'a,b\n1,2\n');
    expect(isXlsxFile(csv)).toBe(false);
    expect(importFileSource(csv).format).toBe('csv');
    expect(() => importFileSource(csv, { sheet: '1' })).toThrow(XlsxInputError);
  });
});
