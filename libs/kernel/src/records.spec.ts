import 'reflect-metadata';
import { printSchema } from 'graphql';
import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import { Column, Entity, type MigrationInterface, type QueryRunner } from 'typeorm';
import { applyMigrations, createDataSource } from './data-source';
import { VersionedVillageRecord } from './records';
import { buildTypeGraphQLSchema } from './subgraph';

@Entity({ name: 'gizmo' })
@ObjectType('Gizmo', { description: '小物件 / Gizmo' })
class Gizmo extends VersionedVillageRecord {
  @Column({ name: 'label', type: 'text' })
  @Field(() => String, { description: '标签 / Label' })
  label!: string;
}

@Resolver()
class GizmoResolver {
  @Query(() => [Gizmo], { description: '小物件 / Gizmos' })
  gizmos(): Gizmo[] {
    return [];
  }
}

class CreateGizmo1700000000400 implements MigrationInterface {
  name = 'CreateGizmo1700000000400';
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE gizmo (id uuid PRIMARY KEY, county_code text NOT NULL, village_code text NOT NULL, label text NOT NULL,
      version int NOT NULL DEFAULT 1, created_by text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`);
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE gizmo');
  }
}

describe('record base classes (VillageRecord, VersionedVillageRecord)', () => {
  it('give an entity the shared GraphQL fields, and are never a type of the graph themselves', async () => {
    const sdl = printSchema(await buildTypeGraphQLSchema({ resolvers: [GizmoResolver] }));
    const gizmo = /type Gizmo \{([^}]*)\}/.exec(sdl)?.[1] ?? '';
    for (const field of ['id: ID!', 'villageCode: String!', 'version: Int!', 'createdAt: DateTimeISO!', 'label: String!']) expect(gizmo).toContain(field);
    expect(gizmo).not.toContain('countyCode');
    expect(gizmo).not.toContain('createdBy');
    expect(sdl).not.toMatch(/type (Versioned)?VillageRecord/);
  });

  it('give an entity the shared columns, read and written by TypeORM', async () => {
    const ds = createDataSource({ name: 'gizmos', entities: [Gizmo], migrations: [CreateGizmo1700000000400] });
    await applyMigrations(ds);
    try {
      const repo = ds.dataSource.getRepository(Gizmo);
      await repo.insert({ id: '0b7c7e0e-6f0a-4d5c-9a51-0d7b1c0c0a01', countyCode: '433130000000', villageCode: '433130101200', label: 'a', version: 1, createdBy: 'u1' });
      const [row] = await repo.find();
      expect(row).toMatchObject({ countyCode: '433130000000', villageCode: '433130101200', label: 'a', version: 1, createdBy: 'u1' });
      expect(row.createdAt).toBeInstanceOf(Date);
    } finally {
      await ds.dataSource.destroy();
    }
  });
});
