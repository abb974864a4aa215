import { RegionLevel } from '@xiangzhi/kernel';
import { checkRegionImport } from './region-import';

const stored = new Set(['433130000000', '433130101000']);
const exists = (code: string) => stored.has(code);

describe('region import checks', () => {
  it('accepts townships and villages extending their parents, parents first', () => {
    const { records, problems } = checkRegionImport(
      [
        { code: '433130102201', name: '新村', parentCode: '433130102000' },
        { code: '433130102000', name: '新镇', parentCode: '433130000000' },
        { code: '433130101201', name: '老村' },
      ],
      exists,
    );
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.code, r.level, r.parentCode, r.countyCode])).toEqual([
      ['433130102000', RegionLevel.TOWNSHIP, '433130000000', '433130000000'],
      ['433130101201', RegionLevel.VILLAGE, '433130101000', '433130000000'],
      ['433130102201', RegionLevel.VILLAGE, '433130102000', '433130000000'],
    ]);
  });

  it('reports every bad row: malformed code, village not extending its township, level mismatch, missing parent, duplicate', () => {
    const { problems } = checkRegionImport(
      [
        { code: '43313010120', name: '短码村' },
        { code: '433130102201', name: '错镇村', parentCode: '433130101000' },
        { code: '433130101202', name: '跨级村', parentCode: '433130000000' },
        { code: '433130109201', name: '无上级村' },
        { code: '433130101203', name: '重复村' },
        { code: '433130101203', name: '重复村' },
        { code: '433130101204', name: '  ' },
      ],
      exists,
    );
    expect(problems.map((p) => [p.index, p.rule])).toEqual([
      [0, 'CODE_MALFORMED'],
      [1, 'CODE_NOT_EXTENDING_PARENT'],
      [2, 'LEVEL_MISMATCH'],
      [3, 'PARENT_NOT_FOUND'],
      [5, 'CODE_DUPLICATE'],
      [6, 'NAME_EMPTY'],
    ]);
    expect(problems[1].zh).toContain('433130101');
  });
});
