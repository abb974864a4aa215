import { gridSizingPolicyPoint, type GridSizingFinding as Finding, type GridWithCounts } from '@xiangzhi/grids-api';
import { badInput, bilingual, forbidden, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Field, FieldResolver, Float, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { readableRegion } from '../region/region.resolver';
import { TerritoryAccess } from '../shared/access';
import { gridLoader, workerLoader } from '../shared/loaders';
import { GridWorker, GridWorkerRole } from './grid-worker.entity';
import { Grid } from './grid.entity';

@ObjectType('GridSizingTargets', { description: '网格规模目标 / Grid sizing targets' })
export class GridSizingTargetsType {
  @Field(() => Int, { description: '每个网格户数目标 / Target households per grid' })
  householdsPerGrid!: number;

  @Field(() => Int, { description: '每名网格员联系户数目标 / Target households per grid member' })
  householdsPerMember!: number;

  @Field(() => Float, { description: '容差（0.2 即 ±20%）/ Tolerance (0.2 = ±20%)' })
  tolerance!: number;
}

@ObjectType('GridSizingFinding', { description: '不符合网格规模规则的网格或网格员 / A grid or grid member outside the grid sizing policy' })
export class GridSizingFindingType {
  @Field(() => String, { description: '规则代码 / Rule code' })
  rule!: string;

  @Field(() => String, { description: '说明（中文 (English)）/ Message (Chinese (English))' })
  message!: string;

  @Field(() => String, { description: '中文说明 / Message in Chinese' })
  messageZh!: string;

  @Field(() => String, { description: '英文说明 / Message in English' })
  messageEn!: string;

  @Field(() => Int, { description: '实际数 / Actual number' })
  actual!: number;

  @Field(() => Int, { nullable: true, description: '下限 / Minimum accepted' })
  expectedMin!: number | null;

  @Field(() => Int, { nullable: true, description: '上限 / Maximum accepted' })
  expectedMax!: number | null;

  gridId!: string;
  workerId!: string | null;
}

@ObjectType('GridValidationReport', { description: '网格规模核查报告 / Grid sizing report of a village' })
export class GridValidationReport {
  @Field(() => ID, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Field(() => String, { description: '采用的规则来源（插件名或 baseline 全国基准）/ Which policy produced the report (plugin name, or baseline)' })
  source!: string;

  @Field(() => GridSizingTargetsType, { description: '规则目标 / Policy targets' })
  targets!: GridSizingTargetsType;

  @Field(() => Int, { description: '核查的网格数 / Grids checked' })
  gridsChecked!: number;

  @Field(() => Int, { description: '核查的网格员数 / Grid members checked' })
  membersChecked!: number;

  @Field(() => Boolean, { description: '是否全部符合 / Whether everything is within the policy' })
  ok!: boolean;

  @Field(() => [GridSizingFindingType], { description: '问题清单 / Findings' })
  findings!: GridSizingFindingType[];
}

/** Grids of a village with their counts, as the sizing policy sees them (three statements). */
export async function gridsWithCounts(ctx: RequestContext, villageCode: string): Promise<GridWithCounts[]> {
  const db = ctx.dataSource;
  const grids: { id: string; code: string; name: string }[] = await db.query(`SELECT id, code, name FROM grid WHERE village_code = $1 ORDER BY code`, [villageCode]);
  const workers: { id: string; grid_id: string; role: string; name: string }[] = await db.query(
    `SELECT id, grid_id, role, name FROM grid_worker WHERE village_code = $1 ORDER BY role, name, id`,
    [villageCode],
  );
  const counts: { grid_id: string; member_id: string | null; n: number }[] = await db.query(
    `SELECT grid_id, member_id, count(*)::int AS n FROM household WHERE village_code = $1 AND grid_id IS NOT NULL GROUP BY grid_id, member_id`,
    [villageCode],
  );
  return grids.map((g) => {
    const here = counts.filter((c) => c.grid_id === g.id);
    const members = workers.filter((w) => w.grid_id === g.id && w.role === GridWorkerRole.GRID_MEMBER);
    const memberIds = new Set(members.map((m) => m.id));
    return {
      gridId: g.id,
      gridCode: g.code,
      gridName: g.name,
      households: here.reduce((sum, c) => sum + Number(c.n), 0),
      hasLeader: workers.some((w) => w.grid_id === g.id && w.role === GridWorkerRole.GRID_LEADER),
      members: members.map((m) => ({
        workerId: m.id,
        name: m.name,
        households: here.filter((c) => c.member_id === m.id).reduce((sum, c) => sum + Number(c.n), 0),
      })),
      unlinkedHouseholds: here.filter((c) => c.member_id === null || !memberIds.has(c.member_id)).reduce((sum, c) => sum + Number(c.n), 0),
    };
  });
}

function toFinding(f: Finding): GridSizingFindingType {
  return Object.assign(new GridSizingFindingType(), {
    rule: f.rule,
    message: bilingual(f),
    messageZh: f.zh,
    messageEn: f.en,
    actual: f.actual,
    expectedMin: f.expectedMin,
    expectedMax: f.expectedMax,
    gridId: f.gridId,
    workerId: f.workerId,
  });
}

@Resolver(() => GridSizingFindingType)
export class GridValidationResolver {
  @Query(() => GridValidationReport, {
    description:
      '按网格规模规则（本县启用的插件或全国基准：每格约50户、每名网格员约10户）核查某村的网格 / ' +
      'Check the grids of a village against the grid sizing policy (the county’s plugin, or the national baseline: ~50 households per grid, ~10 per member)',
  })
  async validateGrids(@Arg('villageCode', () => ID, { description: '村（社区）区划代码 / Village division code' }) villageCode: string, @Ctx() ctx: RequestContext): Promise<GridValidationReport> {
    const access = TerritoryAccess.of(ctx);
    access.assertScopeReader();
    const village = await readableRegion(ctx, villageCode);
    if (!access.inScope(village.code)) throw forbidden(`无权核查辖区（${ctx.actor.scope}）以外的网格`, `You may only check grids inside your scope ${ctx.actor.scope}`);
    if (village.level !== 'VILLAGE') {
      throw badInput(`只能按村（社区）核查网格：${village.code}`, `Grids are checked per village: ${village.code}`, { field: 'villageCode' });
    }
    const { policy, source } = ctx.policies.resolve(gridSizingPolicyPoint, village.code);
    const grids = await gridsWithCounts(ctx, village.code);
    const findings = policy.evaluate(grids).map(toFinding);
    return Object.assign(new GridValidationReport(), {
      villageCode: village.code,
      source,
      targets: Object.assign(new GridSizingTargetsType(), policy.targets),
      gridsChecked: grids.length,
      membersChecked: grids.reduce((sum, g) => sum + g.members.length, 0),
      ok: findings.length === 0,
      findings,
    });
  }

  @FieldResolver(() => Grid, { description: '网格 / Grid' })
  async grid(@Root() finding: GridSizingFindingType, @Ctx() ctx: RequestContext): Promise<Grid> {
    return (await gridLoader(ctx).load(finding.gridId)) as Grid;
  }

  @FieldResolver(() => GridWorker, { nullable: true, description: '网格员（网格员规则）/ Grid member (member rules)' })
  worker(@Root() finding: GridSizingFindingType, @Ctx() ctx: RequestContext): Promise<GridWorker | null> | null {
    return finding.workerId ? workerLoader(ctx).load(finding.workerId) : null;
  }
}
