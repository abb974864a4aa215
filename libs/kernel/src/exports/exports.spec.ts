import { inflateRawSync } from 'node:zlib';
import { contentDisposition, csvRecord, guardFormula, parseExportPath, tableWriter } from './index';

/** Reads a ZIP back from its central directory (what a spreadsheet program does). */
function unzip(file: Buffer): Map<string, string> {
  const end = file.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = file.readUInt16LE(end + 10);
  let at = file.readUInt32LE(end + 16);
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const compressed = file.readUInt32LE(at + 20);
    const nameLength = file.readUInt16LE(at + 28);
    const name = file.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = file.readUInt32LE(at + 42);
    const start = local + 30 + file.readUInt16LE(local + 26) + file.readUInt16LE(local + 28);
    entries.set(name, inflateRawSync(file.subarray(start, start + compressed)).toString('utf8'));
    at += 46 + nameLength;
  }
  return entries;
}

describe('export writers', () => {
  it('guards cells a spreadsheet would run as formulas, and quotes by RFC 4180', () => {
    expect(['=1+2', '+86 138', '-1', '@SUM(A1)', '\tx', 'plain', '王五'].map(guardFormula)).toEqual(["'=1+2", "'+86 138", "'-1", "'@SUM(A1)", "'\tx", 'plain', '王五']);
    expect(csvRecord(['a,b', 'say "hi"', 'two\nlines', null, '=HYPERLINK("x")', -12.5], [false, false, false, false, false, true])).toBe(
      '"a,b","say ""hi""","two\nlines",,"\'=HYPERLINK(""x"")",-12.5\r\n',
    );
  });

  it('names the file for every browser: an ASCII fallback and the UTF-8 name (RFC 5987)', () => {
    expect(contentDisposition('居民名册_residents_360722.csv')).toBe(
      `attachment; filename="residents_360722.csv"; filename*=UTF-8''%E5%B1%85%E6%B0%91%E5%90%8D%E5%86%8C_residents_360722.csv`,
    );
    expect(parseExportPath('/exports/payroll.xlsx')).toEqual({ name: 'payroll', format: 'xlsx' });
    expect(parseExportPath('/exports/../x.csv')).toBeNull();
  });

  it('writes a CSV with a BOM and an XLSX whose sheet holds the rows, batch by batch', async () => {
    const columns = [{ key: 'name', zh: '姓名' }, { key: 'amount', zh: '金额', type: 'decimal' as const }];
    for (const format of ['csv', 'xlsx'] as const) {
      const chunks: Buffer[] = [];
      const writer = tableWriter(format, async (c) => void chunks.push(c));
      await writer.start(columns);
      const afterHeader = chunks.length;
      await writer.rows([['张三 & <李四>', '1234.50'], ['=cmd', '-0.05']]);
      // every batch leaves the writer at once (nothing is held back until the end)
      expect(chunks.length).toBeGreaterThan(afterHeader);
      await writer.rows([['王五', null]]);
      await writer.finish();
      const file = Buffer.concat(chunks);
      if (format === 'csv') {
        expect(file.toString('utf8')).toBe('\uFEFF姓名 / name,金额 / amount\r\n张三 & <李四>,1234.50\r\n\'=cmd,-0.05\r\n王五,\r\n');
      } else {
        const sheet = unzip(file).get('xl/worksheets/sheet1.xml')!;
        expect(sheet).toContain('<row r="2"><c r="A2" t="inlineStr"><is><t xml:space="preserve">张三 &amp; &lt;李四&gt;</t></is></c><c r="B2" s="1"><v>1234.50</v></c></row>');
        expect(sheet).toContain('<t xml:space="preserve">\'=cmd</t></is></c><c r="B3" s="1"><v>-0.05</v></c>');
        expect(sheet).toContain('<row r="4"><c r="A4" t="inlineStr"><is><t xml:space="preserve">王五</t></is></c></row></sheetData></worksheet>');
        expect([...unzip(file).keys()]).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml']);
      }
    }
  });
});
