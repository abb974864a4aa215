import { PostCategory } from '@xiangzhi/personnel-api';

/**
 * 大岗位制岗位类别 the three post classes of the 大岗位制 (seed: "推行村级组织'大岗位制'，分'正职岗''副职岗'
 * '委员岗'三类，实行职责清单化、分工负责制"). Pay, appraisal and reports group posts by class.
 */
export enum JiangxiPostClass {
  /** 正职岗 the principal post: the Party secretary, also the committee director (一肩挑) */
  PRINCIPAL = 'PRINCIPAL',
  /** 副职岗 deputy posts: deputy secretary, deputy director, supervision chair */
  DEPUTY = 'DEPUTY',
  /** 委员岗 committee member posts */
  MEMBER = 'MEMBER',
}

export const POST_CLASS_TITLES: Record<JiangxiPostClass, { zh: string; en: string }> = {
  PRINCIPAL: { zh: '正职岗', en: 'principal post' },
  DEPUTY: { zh: '副职岗', en: 'deputy post' },
  MEMBER: { zh: '委员岗', en: 'committee member post' },
};

/** Template post codes start with the class: `jiangxi.principal`, `jiangxi.deputy.*`, `jiangxi.member.*`. */
export const POST_CODE_PREFIX: Record<JiangxiPostClass, string> = {
  PRINCIPAL: 'jiangxi.principal',
  DEPUTY: 'jiangxi.deputy.',
  MEMBER: 'jiangxi.member.',
};

/**
 * The class of a post created before the county adopted the 大岗位制 (e.g. by the national baseline
 * template), by its category: secretary and director are 正职, the supervision chair 副职, the rest 委员.
 */
export const CLASS_OF_CATEGORY: Record<PostCategory, JiangxiPostClass> = {
  [PostCategory.PARTY_SECRETARY]: JiangxiPostClass.PRINCIPAL,
  [PostCategory.COMMITTEE_DIRECTOR]: JiangxiPostClass.PRINCIPAL,
  [PostCategory.SUPERVISION]: JiangxiPostClass.DEPUTY,
  [PostCategory.PARTY_COMMITTEE]: JiangxiPostClass.MEMBER,
  [PostCategory.COMMITTEE_MEMBER]: JiangxiPostClass.MEMBER,
  [PostCategory.FULL_TIME_STAFF]: JiangxiPostClass.MEMBER,
  [PostCategory.AUXILIARY_POLICE]: JiangxiPostClass.MEMBER,
};

/** Higher first: 正职 > 副职 > 委员. */
export const CLASS_ORDER: readonly JiangxiPostClass[] = [JiangxiPostClass.PRINCIPAL, JiangxiPostClass.DEPUTY, JiangxiPostClass.MEMBER];

/** The class of a post: from its template code, else from its category. */
export function postClassOf(post: { code: string; category: PostCategory }): JiangxiPostClass {
  if (post.code === POST_CODE_PREFIX.PRINCIPAL) return JiangxiPostClass.PRINCIPAL;
  if (post.code.startsWith(POST_CODE_PREFIX.DEPUTY)) return JiangxiPostClass.DEPUTY;
  if (post.code.startsWith(POST_CODE_PREFIX.MEMBER)) return JiangxiPostClass.MEMBER;
  return CLASS_OF_CATEGORY[post.category];
}

/** The highest class among posts (a cadre holding several is paid by the highest); null for none. */
export function highestClass(posts: readonly { code: string; category: PostCategory }[]): JiangxiPostClass | null {
  const classes = new Set(posts.map(postClassOf));
  return CLASS_ORDER.find((c) => classes.has(c)) ?? null;
}
