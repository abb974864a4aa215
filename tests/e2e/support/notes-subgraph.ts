import 'reflect-metadata';
import { referenceResolver, type SubgraphModule } from '@xiangzhi/kernel';
import { Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';

/**
 * A tiny second subgraph for end-to-end tests: it extends the grids subgraph's `Region` entity with
 * a `note` field, the way every other subgraph adds its own fields to Region.
 */
@ObjectType('Region', { description: '行政区划（引用）/ Region (reference)' })
@Directive('@key(fields: "code")')
export class NotesRegionRef {
  @Field(() => ID, { description: '12位区划代码 / 12-digit division code' })
  code!: string;
}

@Resolver(() => NotesRegionRef)
export class RegionNoteResolver {
  @FieldResolver(() => String, { nullable: true, description: '备注（测试子图）/ Note (test subgraph)' })
  note(@Root() region: NotesRegionRef): string {
    return `备注 ${region.code}`;
  }
}

export const notesSubgraph: SubgraphModule = {
  name: 'notes',
  title: { zh: '备注', en: 'Notes' },
  entities: [],
  migrations: [],
  resolvers: [RegionNoteResolver],
  orphanedTypes: [NotesRegionRef],
  references: {
    Region: referenceResolver<string, NotesRegionRef>({
      key: (ref) => String(ref.code),
      load: async (codes) => codes.map((code) => Object.assign(new NotesRegionRef(), { code })),
    }),
  },
};
