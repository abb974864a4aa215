import { groupByKey, type RequestContext } from '@xiangzhi/kernel';
import { DistributionPart } from '@xiangzhi/economy-api';
import type DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import { Voucher } from '../ledger/ledger.entity';
import { voucherLoader } from '../ledger/ledger.loaders';
import { CollectiveOrganization } from '../organization/organization.entity';
import { organizationLoader } from '../organization/organization.loaders';
import { readableOrganization } from '../organization/organization.service';
import { EconomyAccess } from '../shared/access';
import { Distribution, DistributionLine, DistributionMemberShare, DistributionPartResult } from './distribution.entity';
import { RunDistributionInput } from './distribution.inputs';
import { runDistribution } from './distribution.service';

/** Every line of each distribution; one statement per batch. */
function linesLoader(ctx: RequestContext): DataLoader<string, DistributionLine[]> {
  return ctx.loaders.get<string, DistributionLine[]>('economy:distributionLines', async (ids) => {
    const rows = await ctx.dataSource.getRepository(DistributionLine).find({ where: { distributionId: In([...new Set(ids)]) }, order: { memberId: 'ASC' } });
    return groupByKey(ids, rows, (l) => l.distributionId);
  });
}

@Resolver(() => Distribution)
export class DistributionResolver {
  @Query(() => Distribution, { nullable: true, description: '组织某年度的收益分配（未分配为空）/ An organisation’s distribution for a year (null when none)' })
  async distribution(
    @Arg('organizationId', () => ID, { description: '集体经济组织 / Organisation' }) organizationId: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): Promise<Distribution | null> {
    const org = await readableOrganization(ctx, organizationId);
    return ctx.dataSource.getRepository(Distribution).findOneBy({ organizationId: org.id, year });
  }

  @Mutation(() => Distribution, {
    description:
      '年度收益分配：按政策拆分、最大余额法精确到分、同时记账；同一年度只能一次；超过门槛须有已通过的四议两公开事项（可带幂等键）/ ' +
      'Distribute a year: split by policy, largest remainder to the fen, booked at once; once per year; above the threshold an adopted major matter is required (idempotency key accepted)',
  })
  runDistribution(@Arg('input', () => RunDistributionInput, { description: '输入 / Input' }) input: RunDistributionInput, @Ctx() ctx: RequestContext): Promise<Distribution> {
    return runDistribution(ctx, input);
  }

  @FieldResolver(() => [DistributionPartResult], { description: '各分配项目 / The parts' })
  parts(@Root() d: Distribution): DistributionPartResult[] {
    return d.parts.map((p) => Object.assign(new DistributionPartResult(), { ...p, amount: BigInt(p.amountFen) }));
  }

  @FieldResolver(() => [DistributionMemberShare], { description: '各成员分配明细（限有权查看个人信息的角色）/ Every member’s amounts (to roles that read personal data)' })
  async members(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<DistributionMemberShare[]> {
    if (!EconomyAccess.of(ctx).seesPersonalData) return [];
    const byMember = new Map<string, DistributionMemberShare>();
    for (const l of await linesLoader(ctx).load(d.id)) {
      let m = byMember.get(l.memberId);
      if (!m) {
        m = Object.assign(new DistributionMemberShare(), { memberId: l.memberId, guaranteedDividend: 0n, profitDividend: 0n, wages: 0n, landRent: 0n, total: 0n });
        byMember.set(l.memberId, m);
      }
      if (l.part === DistributionPart.GUARANTEED_DIVIDEND) m.guaranteedDividend += l.amountFen;
      else if (l.part === DistributionPart.PROFIT_DIVIDEND) m.profitDividend += l.amountFen;
      else if (l.part === DistributionPart.WAGES) m.wages += l.amountFen;
      else m.landRent += l.amountFen;
      m.total += l.amountFen;
    }
    return [...byMember.values()];
  }

  @FieldResolver(() => Voucher, { description: '分配凭证 / The voucher that booked it' })
  async voucher(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<Voucher> {
    return (await voucherLoader(ctx).load(d.voucherId)) as Voucher;
  }

  @FieldResolver(() => CollectiveOrganization, { description: '集体经济组织 / Organisation' })
  async organization(@Root() d: Distribution, @Ctx() ctx: RequestContext): Promise<CollectiveOrganization> {
    return (await organizationLoader(ctx).load(d.organizationId)) as CollectiveOrganization;
  }
}
