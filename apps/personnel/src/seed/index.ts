import type { SubgraphModule } from '@xiangzhi/kernel';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** Demo cadres, posts and Party organisations for the demo villages (idempotent). */
export async function seedPersonnelDemo(ctx: SeedContext): Promise<void> {
  ctx.logger.info({ subgraph: 'personnel' }, 'personnel demo data: nothing yet');
}
