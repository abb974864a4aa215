import { groupByPrefix } from './loaders';

describe('groupByPrefix', () => {
  it('puts every row under each requested prefix its village starts with, as a filter per prefix would, in row order', () => {
    const villages = ['433130101201', '433130101202', '433130102201', '433127100201', '520502100201'];
    const rows = Array.from({ length: 200 }, (_, i) => ({ id: i, village: villages[(i * 7) % villages.length] }));
    const prefixes = ['433130', '433130101', '433130101202', null, '43', '520502100201', '433130', '999999', '4331'];
    const expected = prefixes.map((p) => (p === null ? [] : rows.filter((r) => r.village.startsWith(p))));
    const grouped = groupByPrefix(prefixes, rows, (r) => r.village);
    expect(grouped).toEqual(expected);
    expect(grouped[0]).not.toBe(grouped[6]); // each group is its own list
  });
});
