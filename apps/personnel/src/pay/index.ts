import type { SubgraphFeature } from '@xiangzhi/kernel';
import { PayRecord } from './pay.entity';
import { CadrePayResolver, PayRecordResolver } from './pay.resolver';

/**
 * 报酬 monthly payroll from the county's pay policy (`computePayroll`), every component stored with
 * the policy and rule behind it; pay records by region (`payRecords`) and by cadre (`Cadre.payRecords`).
 */
export const payFeature: SubgraphFeature = {
  entities: [PayRecord],
  resolvers: [PayRecordResolver, CadrePayResolver],
};

export { PayComponentView, PayRecord, type StoredPayComponent } from './pay.entity';
export { deductionReason } from './pay.service';
