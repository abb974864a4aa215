import { CsvSyntaxError, ImportRefusedError, importRows, parseColumnMap, readCsv, resolveHeader, type CsvRecord } from './bulk-import';

async function records(source: string | string[]): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  const input =
    typeof source === 'string'
      ? source
      : (async function* () {
          yield* source;
        })();
  for await (const r of readCsv(input)) out.push(r);
  return out;
}

const importer = {
  kind: 'things',
  columns: [
    { field: 'name', headers: ['姓名'], required: true },
    { field: 'phone', headers: ['电话'], required: false },
  ],
};

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, a BOM, and skips blank lines, naming each record’s first line', async () => {
    const csv = '\ufeff姓名,备注\r\n"王,五","说""好""的"\r\n\r\n"多\n行",x\n最后,';
    expect(await records(csv)).toEqual([
      { line: 1, cells: ['姓名', '备注'] },
      { line: 2, cells: ['王,五', '说"好"的'] },
      { line: 4, cells: ['多\n行', 'x'] },
      { line: 6, cells: ['最后', ''] },
    ]);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    const csv = 'a,b\n"x""y",",\n"\n1,2\n';
    const whole = await records(csv);
    for (let size = 1; size < csv.length; size += 1) {
      const pieces: string[] = [];
      for (let i = 0; i < csv.length; i += size) pieces.push(csv.slice(i, i + size));
      expect(await records(pieces)).toEqual(whole);
    }
  });

  it('refuses text after a closing quote and an unclosed quote, naming the line', async () => {
    await expect(records('a\n"x"y\n')).rejects.toMatchObject({ line: 2 });
    await expect(records('a\nb\n"open\n')).rejects.toBeInstanceOf(CsvSyntaxError);
    await expect(records('a\nb\n"open\n')).rejects.toMatchObject({ line: 3 });
  });
});

describe('column mapping', () => {
  it('parses header=field pairs (ASCII or full-width commas) and refuses a pair without a field', () => {
    expect(parseColumnMap('户主姓名=name，手机= phone')).toEqual({ 户主姓名: 'name', 手机: 'phone' });
    expect(parseColumnMap(undefined)).toEqual({});
    expect(() => parseColumnMap('姓名')).toThrow(/header=field/);
  });

  it('takes default headers and field names, reports missing required columns and columns given twice', () => {
    expect(resolveHeader(importer, ['编号', '姓名', '电话'], {}).fields).toEqual([null, 'name', 'phone']);
    expect(resolveHeader(importer, ['户主', '手机'], { 户主: 'name', 手机: 'phone' })).toEqual({ fields: ['name', 'phone'], problems: [] });
    expect(resolveHeader(importer, ['电话'], {}).problems.map((p) => p.rule)).toEqual(['COLUMN_MISSING']);
    expect(resolveHeader(importer, ['姓名', 'name'], {}).problems.map((p) => p.rule)).toEqual(['COLUMN_DUPLICATE']);
  });

  it('yields rows keyed by field with their lines, and refuses a file without a header', async () => {
    const chunks = [];
    for await (const c of importRows(importer, '姓名,其他\n张三,x\n李四,y,z\n', {}, 1)) chunks.push(c);
    expect(chunks.flatMap((c) => c.rows)).toEqual([
      { line: 2, values: { name: '张三' } },
      { line: 3, values: { name: '李四' } },
    ]);
    expect(chunks.flatMap((c) => c.problems).map((p) => [p.line, p.rule])).toEqual([[3, 'TOO_MANY_CELLS']]);
    const empty = importRows(importer, '', {}, 10);
    await expect(empty.next()).rejects.toBeInstanceOf(ImportRefusedError);
  });
});
