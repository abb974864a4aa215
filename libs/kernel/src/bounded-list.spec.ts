import 'reflect-metadata';
import { boundedBatchLimit, boundedGroups, MAX_LIST_ITEMS, type ListBound } from './pagination';
import { XzError } from './errors';

const bound: ListBound = { field: 'Region.cadres', instead: 'cadres(regionCode, first, after)', max: 3 };

describe('bounded list fields', () => {
  it('reads one row more than a batch may answer', () => {
    expect(boundedBatchLimit(4, bound)).toBe(13);
    expect(boundedBatchLimit(1, { field: 'Region.posts', instead: 'x' })).toBe(MAX_LIST_ITEMS + 1);
  });

  it('answers the groups within the bound and refuses a longer one with BAD_USER_INPUT naming the field, the bound and the paginated field', () => {
    const [small, large, empty] = boundedGroups([[1, 2, 3], [1, 2, 3, 4], []], false, bound);
    expect(small).toEqual([1, 2, 3]);
    expect(empty).toEqual([]);
    expect(large).toBeInstanceOf(XzError);
    const error = large as XzError;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Region.cadres', max: 3, instead: 'cadres(regionCode, first, after)' });
    expect(error.message).toMatch(/^Region\.cadres 最多列出 3 项，此处超出（至少 4 项）.*\(Region\.cadres lists at most 3 items and this one has more \(at least 4\)/);
  });

  it('refuses every group of a truncated batch rather than cutting one short', () => {
    const answers = boundedGroups([[1], [2, 3]], true, bound);
    expect(answers.every((a) => a instanceof XzError)).toBe(true);
  });
});
