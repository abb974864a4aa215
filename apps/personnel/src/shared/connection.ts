import { pageInfoOf, type ConnectionShape } from '@xiangzhi/kernel';

/** The answer of a list whose region does not meet the caller's scope: nothing, no next page. */
export function emptyConnection<T>(): ConnectionShape<T> {
  return { edges: [], nodes: [], totalCount: 0, pageInfo: pageInfoOf([], false) };
}
