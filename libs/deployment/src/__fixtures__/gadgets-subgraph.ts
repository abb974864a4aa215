/* A second fixture subgraph that redefines the non-shareable type `Gadget`: composition must fail. */
import 'reflect-metadata';
import { Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { SubgraphModule } from '@xiangzhi/kernel';

@ObjectType('Gadget', { description: '重复定义 / defined again' })
export class OtherGadget {
  @Field(() => String, { description: '名称 / name' })
  name!: string;
}

@Resolver()
export class OtherGadgetResolver {
  @Query(() => OtherGadget, { description: '另一个 / another gadget' })
  otherGadget(): OtherGadget {
    return Object.assign(new OtherGadget(), { name: 'o' });
  }
}

export const subgraph: SubgraphModule = {
  name: 'gadgets',
  title: { zh: '测试', en: 'Gadgets' },
  entities: [],
  migrations: [],
  resolvers: [OtherGadgetResolver],
};
