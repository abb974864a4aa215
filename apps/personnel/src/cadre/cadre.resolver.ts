import { notFound, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { yearsBetween } from '@xiangzhi/personnel-api';
import { PersonnelAccess } from '../shared/access';
import { cadreLoader } from '../shared/loaders';
import { Cadre } from './cadre.entity';

/** Today's date (`YYYY-MM-DD`) in China Standard Time, for ages and default dates. */
export function todayInChina(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

@Resolver(() => Cadre)
export class CadreResolver {
  @Query(() => Cadre, { description: '按标识查询干部 / A cadre by id' })
  async cadre(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Cadre> {
    const cadre = await cadreLoader(ctx).load(id);
    if (!cadre) throw notFound('干部', 'Cadre', id);
    PersonnelAccess.of(ctx).requireVisible(cadre.villageCode);
    return cadre;
  }

  @FieldResolver(() => Int, { description: '年龄（周岁）/ Age in whole years' })
  age(@Root() cadre: Cadre): number {
    return yearsBetween(cadre.birthDate, todayInChina());
  }

  @FieldResolver(() => GraphQLLocalDate, { nullable: true, description: '出生日期（个人信息，仅有权角色可见）/ Birth date (personal data; null for roles that may not see it)' })
  birthDate(@Root() cadre: Cadre, @Ctx() ctx: RequestContext): string | null {
    return PersonnelAccess.of(ctx).seesPersonalData ? cadre.birthDate : null;
  }
}
