import { type ConnectionShape, type RequestContext } from '@xiangzhi/kernel';
import { requireMonth } from '@xiangzhi/personnel-api';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Cadre } from '../cadre/cadre.entity';
import { cadreOf } from '../shared/loaders';
import { PayComponentView, PayRecord } from './pay.entity';
import { PayRecordsArgs } from './pay.inputs';
import { computePayroll, listPayRecords, payRecordsByCadreLoader } from './pay.service';
import { PayRecordConnection, PayrollResult } from './pay.types';

@Resolver(() => PayRecord)
export class PayRecordResolver {
  @Mutation(() => PayrollResult, {
    description:
      '核算村（社区）月度报酬（县、乡镇管理人员）：按区县报酬政策为该月任过职的每名干部（按任职记录）计算各构成项及依据，月中任免的基本、职级报酬按在岗天数折算；重新核算覆盖原记录并递增版本号；政策不允许时全部不写入 / ' +
      'Compute a village’s monthly payroll (county and township managers): every cadre who held a post in that month (by the post assignments) gets components with their rules and sources under the county’s pay policy, base and rank pay pro rata of the days held in a partial month; recomputing overwrites and raises the version; if the policy refuses any cadre nothing is written',
  })
  computePayroll(
    @Arg('villageCode', () => String, { description: '村（社区）区划代码 / Village division code' }) villageCode: string,
    @Arg('month', () => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' }) month: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PayrollResult> {
    return computePayroll(ctx, villageCode, month);
  }

  @Query(() => PayRecordConnection, {
    description: '报酬记录（村干部报酬公开），按月份、村排列；只列出辖区内的 / Pay records (published cadre pay) by month and village; only those inside your scope',
  })
  payRecords(@Args(() => PayRecordsArgs) args: PayRecordsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<PayRecord>> {
    return listPayRecords(ctx, args);
  }

  @FieldResolver(() => [PayComponentView], { description: '报酬构成项，每项含依据（政策与规则）/ Components, each with the policy and rule behind it' })
  components(@Root() record: PayRecord): PayComponentView[] {
    return record.components.map((c) => PayComponentView.of(c));
  }

  @FieldResolver(() => Cadre, { description: '干部 / Cadre' })
  cadre(@Root() record: PayRecord, @Ctx() ctx: RequestContext): Promise<Cadre> {
    return cadreOf(ctx, record.cadreId);
  }
}

/** The pay fields of a cadre. */
@Resolver(() => Cadre)
export class CadrePayResolver {
  @FieldResolver(() => [PayRecord], { description: '报酬记录（按月份先后）/ Pay records, oldest month first' })
  payRecords(
    @Root() cadre: Cadre,
    @Arg('month', () => String, { nullable: true, description: '只列此月份（YYYY-MM）/ Only this month (YYYY-MM)' }) month: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<PayRecord[]> {
    if (month) requireMonth(month);
    return payRecordsByCadreLoader(ctx, month ?? null).load(cadre.id);
  }
}
