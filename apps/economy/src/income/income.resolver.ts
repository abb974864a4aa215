import { badInput, type RequestContext } from '@xiangzhi/kernel';
import { RegionRef } from '../shared/grids-stubs';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { rollUpLoader } from './income.service';
import { CollectiveEconomy } from './income.types';

/** `Region.collectiveEconomy(year)`: the region's collective economy rolled up from its villages. */
@Resolver(() => RegionRef)
export class IncomeRegionResolver {
  @FieldResolver(() => CollectiveEconomy, {
    description:
      '区域集体经济年度汇总：经营性收入、村数、薄弱村数（本县薄弱村线，基线3万元）、强村数，按下一级区域分列（限调用者辖区）/ ' +
      'The region’s collective economy for a year: operating income, villages, weak villages (the county’s line, baseline 30,000 CNY), strong villages, by area one level down (within your scope)',
  })
  collectiveEconomy(@Root() region: RegionRef, @Arg('year', () => Int, { description: '年度 / Year' }) year: number, @Ctx() ctx: RequestContext): Promise<CollectiveEconomy> {
    if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`年度须在2000–2100之间：year = ${year}`, `The year must be from 2000 to 2100: year = ${year}`, { field: 'year', rule: 'YEAR_RANGE', value: year });
    return rollUpLoader(ctx, year).load(region.code);
  }
}
