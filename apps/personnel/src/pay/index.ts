import type { SubgraphFeature } from '@xiangzhi/kernel';
import { PayRecord } from './pay.entity';

/** 报酬 monthly payroll from the county's pay policy, every component with its rule. */
export const payFeature: SubgraphFeature = {
  entities: [PayRecord],
};
