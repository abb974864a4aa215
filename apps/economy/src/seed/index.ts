import type { SubgraphModule } from '@xiangzhi/kernel';
import { seedGovernanceDemo } from './governance';
import { seedLedgerDemo } from './ledger';

export { DEMO_DISTRIBUTION_DATE, DEMO_LEDGER_YEAR } from './ledger';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/**
 * 集体经济演示数据 the economy demo data for every demo county's villages (deterministic, idempotent):
 * organisations, charts, the 2025 books, members and the 2025 distribution first (the other parts
 * read the organisations).
 */
export async function seedEconomyDemo(ctx: SeedContext): Promise<void> {
  await seedLedgerDemo(ctx);
  await seedGovernanceDemo(ctx);
}
