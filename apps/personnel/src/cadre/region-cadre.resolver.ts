import { MAX_LIST_ITEMS, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PersonnelAccess } from '../shared/access';
import { RegionRef, ResidentRef } from '../shared/grids-stubs';
import { Cadre } from './cadre.entity';
import { cadreByResidentLoader, cadresByRegionLoader, cadreStatsLoader } from './cadre.loaders';
import { CadreStats } from './cadre.types';

/** 干部 fields personnel adds to the grids subgraph's Region (batched: one statement per field for all regions). */
@Resolver(() => RegionRef)
export class CadreRegionResolver {
  @FieldResolver(() => [Cadre], { description:
      `区划内的干部（限调用者辖区），按村、姓名排列；最多 ${MAX_LIST_ITEMS} 人，超出时报 BAD_USER_INPUT，请改用分页的 cadres 查询 / ` +
      `Cadres of villages under the region (within your scope), by village and name; at most ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT asks for the paginated cadres query`,
  })
  cadres(
    @Root() region: RegionRef,
    @Arg('includeLeft', () => Boolean, { defaultValue: false, description: '包含已离任的 / Include cadres who left' }) includeLeft: boolean,
    @Ctx() ctx: RequestContext,
  ): Promise<Cadre[]> {
    return cadresByRegionLoader(ctx, includeLeft).load(region.code);
  }

  @FieldResolver(() => CadreStats, { description: '干部队伍统计（在任干部，限调用者辖区）/ Statistics of the serving cadres (within your scope)' })
  cadreStats(@Root() region: RegionRef, @Ctx() ctx: RequestContext): Promise<CadreStats> {
    return cadreStatsLoader(ctx).load(region.code);
  }
}

/** 干部 the field personnel adds to the grids subgraph's Resident. */
@Resolver(() => ResidentRef)
export class CadreResidentResolver {
  @FieldResolver(() => Cadre, { nullable: true, description: '干部档案（在任的，否则最近的一份）/ Cadre record (the serving one, else the latest)' })
  async cadre(@Root() resident: ResidentRef, @Ctx() ctx: RequestContext): Promise<Cadre | null> {
    const cadre = await cadreByResidentLoader(ctx).load(resident.id);
    return cadre && PersonnelAccess.of(ctx).canSee(cadre.villageCode) ? cadre : null;
  }
}
