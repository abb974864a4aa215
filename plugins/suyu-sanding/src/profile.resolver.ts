import { hasRole, PERSONAL_DATA_ROLES, scopedPrefix, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { EducationLevel, isCollegeOrHigher, PERSONNEL_TABLES, personnelType, type RegionKeyShape } from '@xiangzhi/personnel-api';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PLUGIN_NAME, type SuyuSandingConfig } from './config';
import { cadreProfile, type ProfileCadre } from './report';
import { SuyuCadreGroupProfile, SuyuCadreProfile } from './report.types';

interface ProfileRow {
  village_code: string;
  age: number;
  education_level: EducationLevel;
  categories: unknown;
}

/**
 * Serving cadres holding an active post under each requested region (narrowed to the caller's
 * scope), with their age today and the categories they hold: one statement for every region of a
 * batch.
 */
function profileCadresLoader(ctx: RequestContext, asOf: string) {
  return ctx.loaders.get<string, (ProfileCadre & { villageCode: string })[]>('suyu:cadreProfile', async (codes) => {
    const prefixes = codes.map((code) => scopedPrefix(ctx.actor, code));
    const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
    const { cadre, post } = PERSONNEL_TABLES;
    const rows = (
      patterns.length
        ? await ctx.dataSource.query(
            `SELECT c.village_code, date_part('year', age($2::date, c.birth_date))::int AS age, c.education_level,
                    json_agg(DISTINCT p.category) AS categories
               FROM ${cadre.table} c
               JOIN ${post.table} p ON p.holder_id = c.id AND p.active
              WHERE c.status <> 'LEFT' AND c.village_code LIKE ANY($1::text[])
              GROUP BY c.id, c.village_code, c.birth_date, c.education_level`,
            [patterns, asOf],
          )
        : []
    ) as ProfileRow[];
    const cadres = rows.map((r) => ({
      villageCode: r.village_code,
      age: Number(r.age),
      college: isCollegeOrHigher(r.education_level),
      categories: (typeof r.categories === 'string' ? JSON.parse(r.categories) : r.categories) as string[],
    }));
    return prefixes.map((prefix) => (prefix === null ? [] : cadres.filter((c) => c.villageCode.startsWith(prefix))));
  });
}

/** 干部队伍情况 the field Suyu adds to Region in the personnel subgraph. */
@Resolver(() => personnelType('Region'))
export class SuyuCadreProfileResolver {
  @FieldResolver(() => SuyuCadreProfile, {
    nullable: true,
    description:
      '宿豫干部队伍情况：党组织书记和村"两委"成员的人数、平均年龄（仅可查看个人信息的角色可见）、大专以上学历占比，附目标值（在任干部，限调用者辖区；未启用的区县 PLUGIN_NOT_ENABLED）/ ' +
      'Suyu cadre profile: count, average age (only for roles that may see personal data) and college share of secretaries and committee members, beside the targets (serving cadres within your scope; PLUGIN_NOT_ENABLED elsewhere)',
  })
  async suyuCadreProfile(@Root() region: RegionKeyShape, @Ctx() ctx: RequestContext): Promise<SuyuCadreProfile> {
    const config = ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, region.code);
    const asOf = todayInChina();
    const figures = cadreProfile(await profileCadresLoader(ctx, asOf).load(region.code), config);
    // Ages come from birth dates, which the personnel subgraph masks for roles without access to
    // personal data (Cadre.age is null for them): an average over a group of one is that cadre's
    // age, and watching it change gives the birthday away. Mask it the same way.
    const seesAges = hasRole(ctx.actor, ...PERSONAL_DATA_ROLES);
    const group = (g: typeof figures.secretaries) => Object.assign(new SuyuCadreGroupProfile(), g, seesAges ? {} : { averageAge: null });
    return Object.assign(new SuyuCadreProfile(), {
      regionCode: region.code,
      asOf,
      secretaries: group(figures.secretaries),
      committeeMembers: group(figures.committeeMembers),
    });
  }
}
