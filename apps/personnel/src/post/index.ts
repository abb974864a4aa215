import type { SubgraphFeature } from '@xiangzhi/kernel';
import { Post, PostAssignment } from './post.entity';
import { PostAssignmentResolver, PostRegionResolver, PostResolver, postReferences } from './post.resolver';

/** 岗位 posts: templates (定岗), holders and their history (定人), duty lists and targets (定责). */
export const postFeature: SubgraphFeature = {
  entities: [Post, PostAssignment],
  resolvers: [PostResolver, PostAssignmentResolver, PostRegionResolver],
  references: postReferences,
};

export { Post, PostAssignment, PostTarget } from './post.entity';
export { comparePosts, postsByHolderLoader } from './post.loaders';
export { villageKindOf } from '../shared/village-kind';
