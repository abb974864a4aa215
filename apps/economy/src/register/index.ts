import type { SubgraphFeature } from '@xiangzhi/kernel';
import { CollectiveRegisters1734000000520 } from './migrations/1734000000520-register';
import { CollectiveAsset, CollectiveResource } from './register.entity';
import { AssetResolver, registerReferences, ResourceResolver } from './register.resolver';

/** 资产资源台账 the registers of fixed assets and of resources (land, forest, water…, area in 亩). */
export const registerFeature: SubgraphFeature = {
  entities: [CollectiveAsset, CollectiveResource],
  migrations: [CollectiveRegisters1734000000520],
  resolvers: [AssetResolver, ResourceResolver],
  references: registerReferences,
};

export { CollectiveAsset, CollectiveResource } from './register.entity';
