import { forbidden, hasRole, isRegionCode, isWithin, levelOf, RegionLevel, Role, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { PERSONNEL_TABLES, PostCategory, personnelType, type RegionKeyShape } from '@xiangzhi/personnel-api';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { PLUGIN_NAME, type Jiangxi135Config } from '../config';
import { headGooseIndex, type HeadGooseFacts } from './head-goose.index';
import { ExternalIncidentHandling, JiangxiHeadGooseIndex, JiangxiHeadGoosePart } from './head-goose.types';

/** Who may read the index: managers, village cadres and auditors (an assessment of a cadre, not for residents). */
export const HEAD_GOOSE_READER_ROLES: readonly Role[] = [Role.COUNTY_ADMIN, Role.TOWNSHIP_OFFICER, Role.VILLAGE_CADRE, Role.AUDITOR];

/** The personnel facts of a village's secretary, as one row of the batch statement. */
interface SecretaryFacts {
  village_code: string;
  cadre_id: string | null;
  cadre_name: string | null;
  appraisal_year: string | null;
  appraisal_total: string | number | null;
  training_days: string | number | null;
  members: number | null;
  average_points: string | number | null;
  disputes_opened: number | null;
  disputes_closed: number | null;
  lists_published: number | null;
  lists_clean: number | null;
  disclosures: number | null;
  disclosures_on_time: number | null;
  income_recorded: boolean | null;
  operating_income_fen: string | null;
}

const T = PERSONNEL_TABLES;

/**
 * The personnel side of many villages' indexes in ONE statement: each village's serving Party
 * secretary (holder of its active PARTY_SECRETARY post), their latest annual appraisal up to this
 * year, their training days this year, the village's Party members with their average points, and
 * the village's year in legal, civility and economy from the plugin's projection of their events.
 */
export function secretaryFactsLoader(ctx: RequestContext, year: number) {
  return ctx.loaders.get<string, SecretaryFacts | null>(`jiangxi135:headGoose:${year}`, async (villages) => {
    const rows: SecretaryFacts[] = await ctx.dataSource.query(
      `WITH v AS (SELECT DISTINCT unnest($1::text[]) AS village_code),
            sec AS (
              SELECT DISTINCT ON (p.village_code) p.village_code, c.id, c.name
                FROM ${T.post.table} p JOIN ${T.cadre.table} c ON c.id = p.holder_id
               WHERE p.village_code = ANY($1::text[]) AND p.category = $2 AND p.active AND c.status <> 'LEFT'
               ORDER BY p.village_code, p.code)
       SELECT v.village_code, sec.id AS cadre_id, sec.name AS cadre_name,
              ap.period AS appraisal_year, ap.total AS appraisal_total,
              tr.days AS training_days, pm.members, pm.average_points,
              ind.disputes_opened, ind.disputes_closed, ind.lists_published, ind.lists_clean,
              ind.disclosures, ind.disclosures_on_time, ind.income_recorded, ind.operating_income_fen::text AS operating_income_fen
         FROM v
         LEFT JOIN jiangxi_village_indicator ind ON ind.village_code = v.village_code AND ind.year = $6
         LEFT JOIN sec ON sec.village_code = v.village_code
         LEFT JOIN LATERAL (
           SELECT a.period, a.total FROM ${T.appraisal.table} a
            WHERE a.cadre_id = sec.id AND a.period_type = 'YEAR' AND a.period <= $3
            ORDER BY a.period DESC LIMIT 1) ap ON true
         LEFT JOIN LATERAL (
           SELECT sum(t.days) AS days FROM ${T.trainingRecord.table} t
            WHERE t.cadre_id = sec.id AND t.start_date >= $4::date AND t.start_date < $5::date) tr ON true
         LEFT JOIN LATERAL (
           SELECT count(*)::int AS members, avg(m.points) AS average_points FROM ${T.partyMember.table} m
            WHERE m.region_code = v.village_code) pm ON true`,
      [[...villages], PostCategory.PARTY_SECRETARY, String(year), `${year}-01-01`, `${year + 1}-01-01`, year],
    );
    const byVillage = new Map(rows.map((r) => [r.village_code, r]));
    return villages.map((v) => byVillage.get(v) ?? null);
  });
}

function factsOf(row: SecretaryFacts, incidents: ExternalIncidentHandling | undefined): HeadGooseFacts {
  const members = Number(row.members ?? 0);
  return {
    appraisal: row.appraisal_year !== null && row.appraisal_total !== null ? { year: row.appraisal_year, total: Number(row.appraisal_total) } : null,
    trainingDays: Number(row.training_days ?? 0),
    partyPoints: members > 0 ? { members, average: Number(row.average_points ?? 0) } : null,
    incidents: incidents
      ? { total: incidents.total, closed: incidents.closed, due: incidents.due, closedOnTime: incidents.closedOnTime, averageRating: incidents.averageRating ?? null }
      : null,
    governance:
      row.disputes_opened === null
        ? null
        : {
            disputesOpened: Number(row.disputes_opened),
            disputesClosed: Number(row.disputes_closed ?? 0),
            listsPublished: Number(row.lists_published ?? 0),
            listsClean: Number(row.lists_clean ?? 0),
            disclosures: Number(row.disclosures ?? 0),
            disclosuresOnTime: Number(row.disclosures_on_time ?? 0),
            operatingIncomeFen: row.income_recorded ? BigInt(row.operating_income_fen ?? '0') : null,
          },
  };
}

/**
 * 头雁指数 the field the plugin adds to Region in the personnel subgraph. The incident part comes
 * from the grids subgraph THROUGH FEDERATION: `Region.incidentHandling` is declared `@external` here
 * and `@requires`d by `jiangxiHeadGooseIndex`, so the gateway fetches it from grids first and sends it
 * with the Region representation (the kernel copies it onto the root object); personnel never reads
 * the grids database.
 */
@Resolver(() => personnelType('Region'))
export class JiangxiHeadGooseResolver {
  @Directive('@external')
  @FieldResolver(() => ExternalIncidentHandling, {
    description: '本年度事件办理情况（由网格子图提供）/ Incident handling this calendar year (provided by the grids subgraph)',
  })
  incidentHandling(@Root() region: RegionKeyShape): ExternalIncidentHandling {
    return region.incidentHandling as ExternalIncidentHandling;
  }

  @Directive('@requires(fields: "incidentHandling { total closed due closedOnTime averageRating }")')
  @FieldResolver(() => JiangxiHeadGooseIndex, {
    nullable: true,
    description:
      '江西135试点：本村党组织书记的“头雁指数”（仅村级；无在任书记、辖区以外时为空；县、乡镇、村干部和审计可查）；未启用的区县返回 PLUGIN_NOT_ENABLED / ' +
      'Jiangxi 135 pilot: the head-goose index of the village’s Party secretary (villages only; empty without a serving secretary or outside your scope; for county, township and village cadres and auditors); PLUGIN_NOT_ENABLED where not enabled',
  })
  async jiangxiHeadGooseIndex(@Root() region: RegionKeyShape, @Ctx() ctx: RequestContext): Promise<JiangxiHeadGooseIndex | null> {
    const config = ctx.policies.configOf<Jiangxi135Config>(PLUGIN_NAME, region.code);
    if (!hasRole(ctx.actor, ...HEAD_GOOSE_READER_ROLES)) {
      throw forbidden('头雁指数仅供县、乡镇、村干部和审计查看', 'The head-goose index is for county, township and village cadres and auditors', { requiredRoles: HEAD_GOOSE_READER_ROLES });
    }
    if (!isRegionCode(region.code) || levelOf(region.code) !== RegionLevel.VILLAGE || !isWithin(region.code, ctx.actor.scope)) return null;
    const year = Number(todayInChina().slice(0, 4));
    const row = await secretaryFactsLoader(ctx, year).load(region.code);
    if (!row?.cadre_id || !row.cadre_name) return null;
    const { index, parts } = headGooseIndex(factsOf(row, region.incidentHandling as ExternalIncidentHandling | undefined), config.headGoose);
    return Object.assign(new JiangxiHeadGooseIndex(), {
      villageCode: region.code,
      year,
      secretaryId: row.cadre_id,
      secretaryName: row.cadre_name,
      index,
      parts: parts.map((p) => Object.assign(new JiangxiHeadGoosePart(), p)),
    });
  }
}
