import { randomUUID } from 'node:crypto';
import {
  assertRegionCode,
  badInput,
  conflict,
  groupByKey,
  IdempotentInput,
  mutateOnce,
  onceById,
  PageArgs,
  PageInfo,
  paginate,
  regionPrefix,
  requireInScope,
  requireRole,
  todayInChina,
  type ConnectionShape,
  type RequestContext,
} from '@xiangzhi/kernel';
import { personnelType, type CadreShape } from '@xiangzhi/personnel-api';
import { IsString, IsUUID, Length, Matches } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { isUniqueViolation, isUuid } from '@xiangzhi/kernel';
import { FLAG_READER_ROLES, managedCadre, requireServing } from './access';
import { PLUGIN_NAME, type SuyuSandingConfig } from './config';
import { SuyuExitFlag } from './entities';

@InputType('FlagSuyuExitSituationInput', { description: '标记干部存在刚性退出情形（凡违必清）/ Flag a hard exit situation found on a cadre' })
export class FlagSuyuExitSituationInput extends IdempotentInput {
  @Field(() => ID, { description: '干部（须在任）/ Cadre (must be serving)' })
  @IsUUID()
  cadreId!: string;

  @Field(() => String, { description: '情形代码（须为本县13种刚性退出情形之一）/ Situation code (one of the county’s hard exit situations)' })
  @IsString()
  @Matches(/^[A-Z][A-Z0-9_]{0,59}$/, { message: '$property must be a situation code such as CRIMINAL_RECORD' })
  situation!: string;

  @Field(() => GraphQLLocalDate, { description: '发现日期（不晚于今天）/ Date found (not after today)' })
  foundOn!: string;

  @Field(() => String, { description: '说明（事实与依据）/ Note (facts and grounds)' })
  @IsString()
  @Length(1, 2000)
  note!: string;
}

@ArgsType()
export class SuyuExitReviewArgs extends PageArgs {
  @Field(() => String, { description: '区县、乡镇或村的区划代码（须在辖区内）/ County, township or village division code (inside your scope)' })
  @IsString()
  regionCode!: string;
}

@ObjectType('SuyuExitReviewEdge', { description: '宿豫刚性退出审查名单（边）/ Suyu hard-exit review list: edge' })
export class SuyuExitReviewEdge {
  @Field(() => String, { description: '游标 / Cursor' })
  cursor!: string;

  @Field(() => personnelType('Cadre'), { description: '被标记的在任干部 / A flagged serving cadre' })
  node!: CadreShape;
}

@ObjectType('SuyuExitReviewConnection', {
  description: '宿豫刚性退出审查名单：存在刚性退出情形标记的在任干部（分页）/ Suyu hard-exit review list: serving cadres with a hard exit situation flagged (paginated)',
})
export class SuyuExitReviewConnection {
  @Field(() => [SuyuExitReviewEdge], { description: '边 / Edges' })
  edges!: SuyuExitReviewEdge[];

  @Field(() => [personnelType('Cadre')], { description: '被标记的在任干部，按村、姓名排列 / Flagged serving cadres by village and name' })
  nodes!: CadreShape[];

  @Field(() => PageInfo, { description: '分页信息 / Page info' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: '符合条件的总数 / Total number of flagged serving cadres' })
  totalCount!: number;
}

type CadreEntity = CadreShape & ObjectLiteral;

/** The personnel subgraph's Cadre class, as TypeORM's entity target (read-only use). */
const cadreEntity = () => personnelType('Cadre') as EntityTarget<CadreEntity>;

/** The exit situation a recorded 党纪政务处分 in effect raises (the county's `PARTY_DISCIPLINE`). */
export const DISCIPLINE_EXIT_SITUATION = 'PARTY_DISCIPLINE';

/**
 * A row behind `Cadre.suyuExitFlags`: a flag recorded with `flagSuyuExitSituation` (`FLAG`), or a
 * 党纪政务处分 in effect today (`SANCTION`, from the personnel table `disciplinary_sanction`, read-only).
 */
interface ExitRow {
  source: 'FLAG' | 'SANCTION';
  county_code: string;
  id: string;
  village_code: string;
  cadre_id: string;
  situation: string | null;
  situation_zh: string | null;
  situation_en: string | null;
  found_on: string;
  note: string | null;
  flagged_by: string;
  created_at: Date;
  kind: string | null;
  organ: string | null;
  effect_ends_on: string | null;
}

/** Exit flags and sanctions in effect of each cadre, oldest first, one statement per batch. */
function exitRowsLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, ExitRow[]>('suyu:exitRows', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? ((await ctx.dataSource.query(
          `SELECT 'FLAG' AS source, f.county_code, f.id::text AS id, f.village_code, f.cadre_id::text AS cadre_id, f.situation, f.situation_zh, f.situation_en,
                  to_char(f.found_on, 'YYYY-MM-DD') AS found_on, f.note, f.flagged_by, f.created_at, NULL::text AS kind, NULL::text AS organ, NULL::text AS effect_ends_on
             FROM suyu_exit_flag f WHERE f.cadre_id = ANY($1::uuid[])
           UNION ALL
           SELECT 'SANCTION', d.county_code, d.id::text, d.village_code, d.cadre_id::text, NULL, NULL, NULL,
                  to_char(d.decided_on, 'YYYY-MM-DD'), NULL, d.recorded_by, d.created_at, d.kind, d.organ, to_char(d.effect_ends_on, 'YYYY-MM-DD')
             FROM disciplinary_sanction d
            WHERE d.cadre_id = ANY($1::uuid[]) AND d.decided_on <= $2 AND (d.effect_ends_on IS NULL OR d.effect_ends_on > $2)
            ORDER BY found_on, created_at, id`,
          [valid, todayInChina()],
        )) as ExitRow[])
      : [];
    return groupByKey(ids, rows, (r) => r.cadre_id);
  });
}

/**
 * The flag of a row: a recorded flag as stored; a sanction in effect as the PARTY_DISCIPLINE flag it
 * raises (found on the date decided, flagged by the sanction's record), none when the county does not
 * list that situation.
 */
function flagOf(row: ExitRow, config: SuyuSandingConfig): SuyuExitFlag | null {
  const base = { countyCode: row.county_code, id: row.id, villageCode: row.village_code, cadreId: row.cadre_id, foundOn: row.found_on, createdAt: new Date(row.created_at) };
  if (row.source === 'FLAG') {
    return Object.assign(new SuyuExitFlag(), { ...base, situation: row.situation, zh: row.situation_zh, en: row.situation_en, note: row.note, flaggedBy: row.flagged_by });
  }
  const situation = config.exitSituations.find((s) => s.code === DISCIPLINE_EXIT_SITUATION);
  if (!situation) return null;
  const until = row.effect_ends_on ? `影响期至${row.effect_ends_on}前` : '无期限';
  const untilEn = row.effect_ends_on ? `in effect until ${row.effect_ends_on}` : 'without end';
  return Object.assign(new SuyuExitFlag(), {
    ...base,
    situation: situation.code,
    zh: situation.zh,
    en: situation.en,
    note: `${row.organ ?? ''}作出处分（${row.kind ?? ''}），${until} / sanction ${row.kind ?? ''} decided by ${row.organ ?? ''}, ${untilEn}`,
    flaggedBy: `disciplinary-sanction:${row.id}`,
  });
}

/**
 * 凡违必清 hard exit situations found on serving cadres: township and county managers flag them,
 * the flags show on the cadre, and the review lists every flagged serving cadre of a region.
 */
@Resolver()
export class SuyuExitResolver {
  @Mutation(() => SuyuExitFlag, {
    nullable: true,
    description:
      '标记在任干部存在刚性退出情形（县、乡镇管理人员）：情形须为本县所列之一，否则 BAD_USER_INPUT；同一情形同一发现日期只能标记一次（CONFLICT）/ ' +
      'Flag a hard exit situation on a serving cadre (county and township managers): the situation must be one the county lists (else BAD_USER_INPUT); the same situation and date only once (CONFLICT)',
  })
  async flagSuyuExitSituation(
    @Arg('input', () => FlagSuyuExitSituationInput, { description: '输入 / Input' }) input: FlagSuyuExitSituationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SuyuExitFlag> {
    const { cadre, config } = await managedCadre(ctx, input.cadreId);
    const situation = config.exitSituations.find((s) => s.code === input.situation);
    if (situation?.code === DISCIPLINE_EXIT_SITUATION) {
      throw badInput(
        `受党纪政务处分的情形由登记处分（recordDisciplinarySanction）产生，写明种类、决定机关、日期和影响期，不能直接标记：situation = ${input.situation}`,
        `The disciplinary situation is raised by recording the sanction (recordDisciplinarySanction: kind, organ, date, period of effect), not flagged by hand: situation = ${input.situation}`,
        { field: 'situation', rule: 'RAISED_BY_SANCTION', value: input.situation },
      );
    }
    if (!situation) {
      const codes = config.exitSituations.map((s) => s.code).join(', ');
      throw badInput(`不是本县的刚性退出情形：${input.situation}（可选：${codes}）`, `Not one of the county’s hard exit situations: ${input.situation} (one of: ${codes})`, {
        field: 'situation',
      });
    }
    if (cadre.status === 'LEFT') throw badInput(`干部${cadre.name}已离任，无需标记`, `${cadre.name} has already left`, { field: 'cadreId' });
    const today = todayInChina();
    if (input.foundOn > today) throw badInput(`发现日期不能晚于今天（${today}）`, `The date found cannot be after today (${today})`, { field: 'foundOn' });
    const note = input.note.trim();
    if (!note) throw badInput('说明不能为空', 'The note cannot be blank', { field: 'note' });
    try {
      return await mutateOnce(
        ctx,
        onceById('flagSuyuExitSituation', input, (id) => ctx.dataSource.manager.findOneByOrFail(SuyuExitFlag, { id })),
        {
          action: 'flagSuyuExitSituation',
          targetType: 'SuyuExitFlag',
          regionCode: cadre.village_code,
          targetId: (f) => f.id,
          payload: { cadreId: cadre.id, situation: situation.code, foundOn: input.foundOn },
        },
        async (manager) => {
          await requireServing(manager, cadre);
          const flag = manager.create(SuyuExitFlag, {
            countyCode: cadre.county_code,
            id: randomUUID(),
            villageCode: cadre.village_code,
            cadreId: cadre.id,
            situation: situation.code,
            zh: situation.zh,
            en: situation.en,
            foundOn: input.foundOn,
            note,
            flaggedBy: ctx.actor.id,
          });
          await manager.insert(SuyuExitFlag, flag);
          return (await manager.findOneBy(SuyuExitFlag, { countyCode: flag.countyCode, id: flag.id })) as SuyuExitFlag;
        },
      );
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(`该干部的此情形已于${input.foundOn}标记`, `This situation was already flagged on the cadre for ${input.foundOn}`, { situation: situation.code });
      }
      throw error;
    }
  }

  @Query(() => SuyuExitReviewConnection, {
    nullable: true,
    description:
      '宿豫刚性退出审查名单：区划内存在刚性退出情形标记的在任干部，按村、姓名排列（县、乡镇管理人员、村干部、审计；须在辖区内）/ ' +
      'Suyu hard-exit review: serving cadres of the region with a hard exit situation flagged, by village and name (managers, village cadres, auditors; inside your scope)',
  })
  async suyuExitReview(@Args(() => SuyuExitReviewArgs) args: SuyuExitReviewArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<CadreShape>> {
    assertRegionCode(args.regionCode, 'regionCode');
    ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, args.regionCode);
    requireRole(ctx.actor, ...FLAG_READER_ROLES);
    requireInScope(ctx.actor, args.regionCode);
    const qb = ctx.dataSource
      .getRepository(cadreEntity())
      .createQueryBuilder('c')
      .where('c.village_code LIKE :prefix', { prefix: `${regionPrefix(args.regionCode)}%` })
      .andWhere(`c.status <> 'LEFT'`)
      .andWhere(
        `(EXISTS (SELECT 1 FROM suyu_exit_flag f WHERE f.cadre_id = c.id)
          OR EXISTS (SELECT 1 FROM disciplinary_sanction d WHERE d.cadre_id = c.id AND d.decided_on <= :today AND (d.effect_ends_on IS NULL OR d.effect_ends_on > :today)))`,
        { today: todayInChina() },
      );
    return paginate(qb, args, [
      { column: 'c.village_code', value: (c) => c.villageCode },
      { column: 'c.name', value: (c) => c.name },
      { column: 'c.id', value: (c) => c.id },
    ]);
  }
}

/** The exit flags on Cadre (PLUGIN_NOT_ENABLED for cadres of other counties). */
@Resolver(() => personnelType('Cadre'))
export class SuyuCadreExitResolver {
  @FieldResolver(() => [SuyuExitFlag], {
    nullable: true,
    description:
      '宿豫刚性退出情形标记（凡违必清；县、乡镇管理人员、村干部、审计可见），含影响期内的党纪政务处分产生的“受到党纪政务处分尚在影响期内”情形 / ' +
      'Suyu hard exit situations flagged on the cadre (for managers, village cadres and auditors), including the disciplinary situation a recorded sanction in effect raises',
  })
  async suyuExitFlags(@Root() cadre: CadreShape, @Ctx() ctx: RequestContext): Promise<SuyuExitFlag[]> {
    const config = ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, cadre.villageCode);
    requireRole(ctx.actor, ...FLAG_READER_ROLES);
    const rows = await exitRowsLoader(ctx).load(cadre.id);
    return rows.map((row) => flagOf(row, config)).filter((f): f is SuyuExitFlag => f !== null);
  }
}
