import type { SubgraphModule } from '@xiangzhi/kernel';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** 德治·文明实践演示数据 the civility demo data for every demo county's villages (deterministic, idempotent). */
export async function seedCivilityDemo(ctx: SeedContext): Promise<void> {
  ctx.logger.info({ subgraph: 'civility' }, 'civility demo data: nothing to seed yet');
}
