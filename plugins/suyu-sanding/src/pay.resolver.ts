import { randomUUID } from 'node:crypto';
import { badInput, conflict, groupByKey, IdempotentInput, isUuid, mutate, mutateOnce, onceById, type RequestContext } from '@xiangzhi/kernel';
import { MONTH_PATTERN, PERSONNEL_TABLES, personnelType, requireMonth, type CadreShape } from '@xiangzhi/personnel-api';
import { IsEnum, IsInt, IsNumber, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, Resolver, Root } from 'type-graphql';
import { managedCadre, requireServing, type CadreRow } from './access';
import { PLUGIN_NAME, type PostClass, type SuyuSandingConfig } from './config';
import { SuyuPayGrade, SuyuPayGradeRow, SuyuPayItem, SuyuPayItemKind, SuyuPostClass } from './entities';
import { PayScale } from './pay-scale';


@InputType('SetSuyuPayGradeInput', { description: '设定干部"四岗20级"基本报酬定级 / Set a cadre’s class and grade on the 4 classes × 20 grades base-pay scale' })
export class SetSuyuPayGradeInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => SuyuPostClass, { description: '岗位类别 / Post class' })
  @IsEnum(SuyuPostClass)
  postClass!: PostClass;

  @Field(() => Int, { description: '级别（1至本县级数，默认20级）/ Grade (1 to the county’s number of grades, 20 by default)' })
  @IsInt()
  @Min(1)
  @Max(50)
  grade!: number;

  @Field(() => Int, { nullable: true, description: '修改已有定级时提交读取时的版本号（首次定级省略）/ Version read, when changing a recorded grade (omit the first time)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType('RecordSuyuSpecialWorkInput', { description: '登记专项工作报酬 / Record special-work pay' })
export class RecordSuyuSpecialWorkInput extends IdempotentInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => String, { description: '发放月份（YYYY-MM）/ Pay month (YYYY-MM)' })
  @Matches(MONTH_PATTERN, { message: '$property must be YYYY-MM' })
  month!: string;

  @Field(() => Float, { description: '金额（元，大于0，不超过本县单笔上限）/ Amount in yuan (more than 0, at most the county’s single-item limit)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1_000_000)
  amount!: number;

  @Field(() => String, { description: '专项工作 / The special work' })
  @IsString()
  @Length(1, 200)
  title!: string;
}

@InputType('RecordSuyuDevelopmentPayInput', { description: '登记发展报酬 / Record development pay' })
export class RecordSuyuDevelopmentPayInput extends IdempotentInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => String, { description: '发放月份（YYYY-MM）/ Pay month (YYYY-MM)' })
  @Matches(MONTH_PATTERN, { message: '$property must be YYYY-MM' })
  month!: string;

  @Field(() => Float, { description: '金额（元，大于0，不超过本县单笔上限）/ Amount in yuan (more than 0, at most the county’s single-item limit)' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(1_000_000)
  amount!: number;

  @Field(() => String, { description: '发展成效（如村集体经济增收）/ The development result (e.g. growth of the collective income)' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

/** BAD_USER_INPUT for a cadre who has left (checked again under a row lock when writing). */
function requireNotLeft(cadre: CadreRow): void {
  if (cadre.status === 'LEFT') throw badInput(`干部${cadre.name}已离任`, `${cadre.name} has left`, { field: 'cadreId' });
}

/** What the grade view of a cadre rests on: the recorded row (if any) and the posts held. */
interface GradeFacts {
  row: { post_class: PostClass; grade: number; version: number } | null;
  posts: { code: string; category: string }[];
}

function gradeView(config: SuyuSandingConfig, cadreId: string, facts: GradeFacts): SuyuPayGrade {
  const scale = new PayScale(config);
  const view = Object.assign(new SuyuPayGrade(), { cadreId, recorded: facts.row !== null, version: facts.row?.version ?? null });
  const postClass = facts.row?.post_class ?? scale.highestClass(facts.posts);
  const grade = facts.row ? Number(facts.row.grade) : postClass ? 1 : null;
  return Object.assign(view, {
    postClass,
    grade,
    monthlyBase: postClass && grade !== null ? scale.monthlyBase(postClass, grade) : null,
  });
}

/** The recorded grade and the active posts of each cadre, in one statement per batch. */
function gradeFactsLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, GradeFacts>('suyu:payGrade', async (ids) => {
    const valid = ids.filter(isUuid);
    const rows = (
      valid.length
        ? await ctx.dataSource.query(
            `SELECT c.id::text AS cadre_id, g.post_class, g.grade, g.version,
                    coalesce(json_agg(json_build_object('code', p.code, 'category', p.category)) FILTER (WHERE p.id IS NOT NULL), '[]') AS posts
               FROM unnest($1::uuid[]) AS c(id)
               LEFT JOIN suyu_pay_grade g ON g.cadre_id = c.id
               LEFT JOIN ${PERSONNEL_TABLES.post.table} p ON p.holder_id = c.id AND p.active
              GROUP BY c.id, g.post_class, g.grade, g.version`,
            [valid],
          )
        : []
    ) as { cadre_id: string; post_class: PostClass | null; grade: number | null; version: number | null; posts: unknown }[];
    const byId = new Map(
      rows.map((r) => [
        r.cadre_id,
        {
          row: r.post_class ? { post_class: r.post_class, grade: Number(r.grade), version: Number(r.version) } : null,
          posts: (typeof r.posts === 'string' ? JSON.parse(r.posts) : r.posts) as GradeFacts['posts'],
        },
      ]),
    );
    return ids.map((id) => byId.get(id) ?? { row: null, posts: [] });
  });
}

/** Pay items of each cadre (optionally of one month), oldest month first, one statement per batch. */
function payItemsLoader(ctx: RequestContext, month: string | null) {
  return ctx.loaders.get<string, SuyuPayItem[]>(`suyu:payItems:${month ?? '*'}`, async (ids) => {
    const qb = ctx.dataSource.getRepository(SuyuPayItem).createQueryBuilder('i').where('i.cadre_id = ANY(:ids)', { ids: ids.filter(isUuid) });
    if (month) qb.andWhere('i.month = :month', { month });
    const rows = await qb.orderBy('i.month', 'ASC').addOrderBy('i.created_at', 'ASC').addOrderBy('i.id', 'ASC').getMany();
    return groupByKey(ids, rows, (i) => i.cadreId);
  });
}

/**
 * 报酬 Suyu's pay records: a cadre's 四岗20级 grade, and the special-work and development pay that
 * reach the month's payroll.
 */
@Resolver()
export class SuyuPayResolver {
  @Mutation(() => SuyuPayGrade, {
    nullable: true,
    description:
      '设定干部"四岗20级"基本报酬定级（县、乡镇管理人员；限在任干部；级别不超过本县级数；修改须提交版本号）/ ' +
      'Set a serving cadre’s class and grade on the 4 × 20 base-pay scale (county and township managers; the grade within the county’s scale; changing one needs its version)',
  })
  async setSuyuPayGrade(@Arg('input', () => SetSuyuPayGradeInput, { description: '输入 / Input' }) input: SetSuyuPayGradeInput, @Ctx() ctx: RequestContext): Promise<SuyuPayGrade> {
    const { cadre, config } = await managedCadre(ctx, input.cadreId);
    requireNotLeft(cadre);
    const grades = config.payScale.grades;
    if (input.grade > grades) throw badInput(`级别须为1–${grades}：${input.grade}`, `The grade must be 1–${grades}: ${input.grade}`, { field: 'grade' });
    const expected = input.expectedVersion ?? null;
    const saved = await mutate(
      ctx,
      {
        action: 'setSuyuPayGrade',
        targetType: 'Cadre',
        regionCode: cadre.village_code,
        targetId: () => cadre.id,
        payload: { postClass: input.postClass, grade: input.grade, plugin: PLUGIN_NAME },
      },
      async (manager) => {
        await requireServing(manager, cadre);
        const existing = await manager.findOne(SuyuPayGradeRow, { where: { cadreId: cadre.id }, lock: { mode: 'pessimistic_write' } });
        if (!existing) {
          if (expected !== null) {
            throw conflict(`该干部尚未定级，无法按版本${expected}修改（首次定级请不要提交版本号）`, `No grade is recorded to change at version ${expected} (omit expectedVersion the first time)`);
          }
          const row = manager.create(SuyuPayGradeRow, {
            countyCode: cadre.county_code,
            cadreId: cadre.id,
            villageCode: cadre.village_code,
            postClass: input.postClass,
            grade: input.grade,
            setBy: ctx.actor.id,
            version: 1,
          });
          await manager.insert(SuyuPayGradeRow, row);
          return row;
        }
        if (expected === null || expected !== existing.version) {
          throw conflict(
            `该干部已定级（版本${existing.version}），修改请提交当前版本号`,
            `A grade is recorded (version ${existing.version}); send the current version to change it`,
            { currentVersion: existing.version },
          );
        }
        await manager.update(
          SuyuPayGradeRow,
          { countyCode: existing.countyCode, cadreId: cadre.id },
          { postClass: input.postClass, grade: input.grade, setBy: ctx.actor.id, version: existing.version + 1, villageCode: cadre.village_code },
        );
        return Object.assign(existing, { postClass: input.postClass, grade: input.grade, version: existing.version + 1 });
      },
    );
    return gradeView(config, cadre.id, { row: { post_class: saved.postClass, grade: saved.grade, version: saved.version }, posts: [] });
  }

  @Mutation(() => SuyuPayItem, {
    nullable: true,
    description: '登记专项工作报酬，计入当月报酬核算（县、乡镇管理人员；限在任干部）/ Record special-work pay, paid with the month’s payroll (county and township managers; serving cadres)',
  })
  recordSuyuSpecialWork(@Arg('input', () => RecordSuyuSpecialWorkInput, { description: '输入 / Input' }) input: RecordSuyuSpecialWorkInput, @Ctx() ctx: RequestContext): Promise<SuyuPayItem> {
    return recordItem(ctx, SuyuPayItemKind.SPECIAL_WORK, input, input.title);
  }

  @Mutation(() => SuyuPayItem, {
    nullable: true,
    description: '登记发展报酬，计入当月报酬核算（县、乡镇管理人员；限在任干部）/ Record development pay, paid with the month’s payroll (county and township managers; serving cadres)',
  })
  recordSuyuDevelopmentPay(@Arg('input', () => RecordSuyuDevelopmentPayInput, { description: '输入 / Input' }) input: RecordSuyuDevelopmentPayInput, @Ctx() ctx: RequestContext): Promise<SuyuPayItem> {
    return recordItem(ctx, SuyuPayItemKind.DEVELOPMENT, input, input.reason);
  }
}

async function recordItem(ctx: RequestContext, kind: SuyuPayItemKind, input: RecordSuyuSpecialWorkInput | RecordSuyuDevelopmentPayInput, text: string): Promise<SuyuPayItem> {
  const { cadreId, month, amount } = input;
  const operation = kind === SuyuPayItemKind.SPECIAL_WORK ? 'recordSuyuSpecialWork' : 'recordSuyuDevelopmentPay';
  const { cadre, config } = await managedCadre(ctx, cadreId);
  requireNotLeft(cadre);
  const title = text.trim();
  if (!title) throw badInput('事项说明不能为空', 'The description cannot be blank', { field: kind === SuyuPayItemKind.SPECIAL_WORK ? 'title' : 'reason' });
  if (amount > config.payItemMaxAmount) {
    throw badInput(`单笔金额不能超过${config.payItemMaxAmount}元：${amount}`, `A single amount cannot exceed ${config.payItemMaxAmount}: ${amount}`, { field: 'amount' });
  }
  return mutateOnce(
    ctx,
    onceById(operation, input, (id) => ctx.dataSource.manager.findOneByOrFail(SuyuPayItem, { id })),
    { action: operation, targetType: 'SuyuPayItem', regionCode: cadre.village_code, targetId: (i) => i.id, payload: { cadreId: cadre.id, month, amount } },
    async (manager) => {
      await requireServing(manager, cadre);
      const item = manager.create(SuyuPayItem, {
        countyCode: cadre.county_code,
        id: randomUUID(),
        villageCode: cadre.village_code,
        cadreId: cadre.id,
        kind,
        month,
        amount: Math.round(amount * 100) / 100,
        title,
        recordedBy: ctx.actor.id,
      });
      await manager.insert(SuyuPayItem, item);
      return (await manager.findOneBy(SuyuPayItem, { countyCode: item.countyCode, id: item.id })) as SuyuPayItem;
    },
  );
}

/** The pay fields Suyu adds to Cadre (PLUGIN_NOT_ENABLED for cadres of other counties). */
@Resolver(() => personnelType('Cadre'))
export class SuyuCadrePayResolver {
  @FieldResolver(() => SuyuPayGrade, {
    nullable: true,
    description: '宿豫"四岗20级"基本报酬定级（未定级时为所任最高岗位类别第1级）/ Suyu base-pay class and grade (grade 1 of the highest post’s class when none is recorded)',
  })
  async suyuPayGrade(@Root() cadre: CadreShape, @Ctx() ctx: RequestContext): Promise<SuyuPayGrade> {
    const config = ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, cadre.villageCode);
    return gradeView(config, cadre.id, await gradeFactsLoader(ctx).load(cadre.id));
  }

  @FieldResolver(() => [SuyuPayItem], { nullable: true, description: '宿豫专项工作报酬和发展报酬（可按月份）/ Suyu special-work and development pay (optionally of one month)' })
  async suyuPayItems(
    @Root() cadre: CadreShape,
    @Arg('month', () => String, { nullable: true, description: '只列此月份（YYYY-MM）/ Only this month (YYYY-MM)' }) month: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<SuyuPayItem[]> {
    ctx.policies.configOf<SuyuSandingConfig>(PLUGIN_NAME, cadre.villageCode);
    if (month) requireMonth(month);
    return payItemsLoader(ctx, month ?? null).load(cadre.id);
  }
}
