/* A tiny subgraph module used by the deployment tests (loaded by path, like a vendor's local build). */
import 'reflect-metadata';
import { Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import type { RequestContext, SubgraphModule } from '@xiangzhi/kernel';

@ObjectType('Thing', { description: '测试实体 / test entity' })
@Directive('@key(fields: "id")')
export class Thing {
  @Field(() => ID, { description: '标识 / id' })
  id!: string;
}

@ObjectType('Gadget', { description: '非实体类型 / a plain (non-entity) type' })
export class Gadget {
  @Field(() => String, { description: '名称 / name' })
  name!: string;
}

export class CreateThing1700000000101 implements MigrationInterface {
  name = 'CreateThing1700000000101';
  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE thing (id text PRIMARY KEY)');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE thing');
  }
}

@Resolver(() => Thing)
export class ThingResolver {
  @Query(() => [Thing], { description: '全部 / all things' })
  async things(@Ctx() ctx: RequestContext): Promise<Thing[]> {
    return (await ctx.dataSource.query('SELECT id FROM thing ORDER BY id')) as Thing[];
  }

  @Query(() => Gadget, { description: '小工具 / a gadget' })
  gadget(): Gadget {
    return Object.assign(new Gadget(), { name: 'g' });
  }
}

export const subgraph: SubgraphModule = {
  name: 'things',
  title: { zh: '测试', en: 'Things' },
  entities: [],
  migrations: [CreateThing1700000000101],
  resolvers: [ThingResolver],
  counters: [
    {
      name: 'thing_count',
      rebuild: async (manager, progress) => {
        await manager.query('CREATE TABLE IF NOT EXISTS thing_count (n int NOT NULL)');
        await manager.query('DELETE FROM thing_count');
        await manager.query('INSERT INTO thing_count (n) SELECT count(*) FROM thing');
        progress({ label: 'thing', done: 1, total: 1, ms: 0 });
      },
    },
  ],
  seed: async ({ dataSource }) => {
    await dataSource.query("INSERT INTO thing (id) VALUES ('seeded') ON CONFLICT DO NOTHING");
  },
};
