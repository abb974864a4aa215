import { ConnectionType } from '@xiangzhi/kernel';
import { Field, Float, ObjectType } from 'type-graphql';
import { PayRecord } from './pay.entity';

/** 月度报酬核算结果 what `computePayroll` computed for a village and month. */
@ObjectType('PayrollResult', { description: '村（社区）月度报酬核算结果 / A village’s computed payroll for a month' })
export class PayrollResult {
  @Field(() => String, { description: '村（社区）区划代码 / Village division code' })
  villageCode!: string;

  @Field(() => String, { description: '月份（YYYY-MM）/ Month (YYYY-MM)' })
  month!: string;

  @Field(() => String, { description: '报酬政策来源 / Pay policy source' })
  policy!: string;

  @Field(() => Float, { description: '合计（元）/ Total in yuan' })
  total!: number;

  @Field(() => [PayRecord], { description: '本月任过职的每名干部一条报酬记录（按任职记录，不按现任）/ One pay record per cadre who held a post in the month (by the post assignments, not today’s holders)' })
  records!: PayRecord[];
}

export const PayRecordConnection = ConnectionType(PayRecord, 'PayRecord', '报酬记录');
