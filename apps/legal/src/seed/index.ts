import type { SubgraphModule } from '@xiangzhi/kernel';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** 法治演示数据 the legal demo data for every demo county's villages (deterministic, idempotent). */
export async function seedLegalDemo(ctx: SeedContext): Promise<void> {
  ctx.logger.info({ subgraph: 'legal' }, 'legal demo data: nothing to seed yet');
}
