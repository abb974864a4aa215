import { PostCategory } from '@xiangzhi/personnel-api';

/**
 * 岗位高低 post categories from the highest post to the lowest: the "highest post held" decides a
 * cadre's appraisal dimensions and, for a sanction, the post category the attendance policy sees —
 * secretary, director, other Party committee posts, supervision chair, committee member, full-time
 * staff, auxiliary police.
 */
export const POST_SENIORITY: readonly PostCategory[] = [
  PostCategory.PARTY_SECRETARY,
  PostCategory.COMMITTEE_DIRECTOR,
  PostCategory.PARTY_COMMITTEE,
  PostCategory.SUPERVISION,
  PostCategory.COMMITTEE_MEMBER,
  PostCategory.FULL_TIME_STAFF,
  PostCategory.AUXILIARY_POLICE,
];

/** Posts ordered from the highest category to the lowest (stable within a category). */
export function bySeniority<P extends { category: PostCategory }>(posts: readonly P[]): P[] {
  return [...posts].sort((a, b) => POST_SENIORITY.indexOf(a.category) - POST_SENIORITY.indexOf(b.category));
}

/** The highest of the categories held, or null when none. */
export function highestCategory(categories: readonly PostCategory[]): PostCategory | null {
  return bySeniority(categories.map((category) => ({ category })))[0]?.category ?? null;
}
