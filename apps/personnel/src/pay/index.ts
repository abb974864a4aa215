import type { SubgraphFeature } from '@xiangzhi/kernel';
import { PayRecordTenure1733040000000 } from './migrations/1733040000000-pay-record-tenure';
import { PayRecord } from './pay.entity';
import { CadrePayResolver, PayRecordResolver } from './pay.resolver';

/**
 * 报酬 monthly payroll from the county's pay policy (`computePayroll`), every component stored with
 * the policy and rule behind it; pay records by region (`payRecords`) and by cadre (`Cadre.payRecords`).
 */
export const payFeature: SubgraphFeature = {
  entities: [PayRecord],
  resolvers: [PayRecordResolver, CadrePayResolver],
  migrations: [PayRecordTenure1733040000000],
};

export { PayComponentDatum, PayComponentView, PayRecord, type StoredPayComponent } from './pay.entity';
export { deductionReason } from './pay.service';
