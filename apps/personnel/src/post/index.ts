import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Post, PostAssignment } from './post.entity';

/** 岗位 posts: templates (定岗), holders and their history (定人), duty lists and targets (定责). */
export const postFeature: SubgraphFeature = {
  entities: [Post, PostAssignment],
};

export { Post, PostAssignment, PostTarget } from './post.entity';
