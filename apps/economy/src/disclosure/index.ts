import { bindPolicy, type SubgraphFeature } from '@xiangzhi/kernel';
import { DefaultDisclosurePolicy, disclosurePolicyPoint } from '@xiangzhi/economy-api';
import { Disclosure, DisclosureObjection } from './disclosure.entity';
import { disclosureReferences, DisclosureObjectionResolver, DisclosureResolver } from './disclosure.resolver';
import { Disclosure1734000000510 } from './migrations/1734000000510-disclosure';

/** 三务公开 disclosures of Party affairs, village affairs and finances, the overdue report, residents' objections and their answers. */
export const disclosureFeature: SubgraphFeature = {
  entities: [Disclosure, DisclosureObjection],
  migrations: [Disclosure1734000000510],
  resolvers: [DisclosureResolver, DisclosureObjectionResolver],
  references: disclosureReferences,
  defaults: [bindPolicy(disclosurePolicyPoint, () => new DefaultDisclosurePolicy())],
};

export { Disclosure, DisclosureObjection } from './disclosure.entity';
