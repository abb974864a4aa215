import type { SubgraphFeature } from '@xiangzhi/kernel';
import { LeaseContract, LeaseInstalment, LeasePayment } from './contract.entity';
import { contractReferences, ContractResolver, MatterContractsResolver } from './contract.resolver';
import { LeaseContracts1734000000540 } from './migrations/1734000000540-contract';

/** 资产资源发包 leases of assets and resources: payment schedules, payments, the overdue report, the major-matter threshold. */
export const contractFeature: SubgraphFeature = {
  entities: [LeaseContract, LeaseInstalment, LeasePayment],
  migrations: [LeaseContracts1734000000540],
  resolvers: [ContractResolver, MatterContractsResolver],
  references: contractReferences,
};

export { LeaseContract, LeaseInstalment, LeasePayment } from './contract.entity';
