import type { SubgraphModule } from '@xiangzhi/kernel';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** 集体经济演示数据 the economy demo data for every demo county's villages (deterministic, idempotent). */
export async function seedEconomyDemo(ctx: SeedContext): Promise<void> {
  ctx.logger.info({ subgraph: 'economy' }, 'economy demo data: nothing to seed yet');
}
