import { MAX_LIST_ITEMS, referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { MoneyScalar } from '@xiangzhi/economy-api';
import { RegionRef } from '../shared/grids-stubs';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MajorMatter } from '../major-matter/major-matter.entity';
import { matterLoader } from '../major-matter/major-matter.service';
import { CollectiveAsset, CollectiveResource } from '../register/register.entity';
import { assetLoader, resourceLoader } from '../register/register.service';
import { EconomyAccess } from '../shared/access';
import { LeaseContract, LeaseContractConnection, LeaseInstalment, LeasePayment, OverduePayment } from './contract.entity';
import { ContractsArgs, OverduePaymentsArgs, RecordContractPaymentInput, RegisterContractInput } from './contract.inputs';
import { contractLoader, contractsByMatterLoader, instalmentsLoader, listContracts, overduePayments, paymentsLoader, readableContract, recordContractPayment, registerContract } from './contract.service';

@Resolver(() => LeaseContract)
export class ContractResolver {
  @Query(() => LeaseContractConnection, { description: '资产资源发包合同（限调用者辖区）/ Leases under a region (within your scope)' })
  leaseContracts(@Args(() => ContractsArgs) args: ContractsArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<LeaseContract>> {
    return listContracts(ctx, args);
  }

  @Query(() => LeaseContract, { description: '按标识查询发包合同 / A lease by id' })
  leaseContract(@Arg('id', () => ID, { description: '标识 / Id' }) id: string, @Ctx() ctx: RequestContext): Promise<LeaseContract> {
    return readableContract(ctx, id);
  }

  @Query(() => [OverduePayment], { description:
      `合同逾期未付款报告（按村、应付日期）；最多 ${MAX_LIST_ITEMS} 条，超出时报 BAD_USER_INPUT，请按乡镇或村分别查询 / ` +
      `Overdue lease instalments under a region, by village and due day; at most ${MAX_LIST_ITEMS}, beyond which BAD_USER_INPUT asks for each township or village`,
  })
  overduePayments(@Args(() => OverduePaymentsArgs) args: OverduePaymentsArgs, @Ctx() ctx: RequestContext): Promise<OverduePayment[]> {
    return overduePayments(ctx, args);
  }

  @Mutation(() => LeaseContract, {
    description: '登记资产资源发包合同并生成付款计划；合同总额超过本县门槛须有本村已通过的四议两公开事项 / Register a lease and its payment schedule; above the county’s threshold an adopted major matter of the village must authorise it',
  })
  registerContract(@Arg('input', () => RegisterContractInput, { description: '输入 / Input' }) input: RegisterContractInput, @Ctx() ctx: RequestContext): Promise<LeaseContract> {
    return registerContract(ctx, input);
  }

  @Mutation(() => LeaseContract, { description: '登记合同收款（按期次先后冲抵，不得超过未付总额）/ Record a payment on a lease (applied in order, not more than outstanding)' })
  recordContractPayment(@Arg('input', () => RecordContractPaymentInput, { description: '输入 / Input' }) input: RecordContractPaymentInput, @Ctx() ctx: RequestContext): Promise<LeaseContract> {
    return recordContractPayment(ctx, input);
  }

  @FieldResolver(() => [LeaseInstalment], { description: '付款计划 / Payment schedule' })
  schedule(@Root() c: LeaseContract, @Ctx() ctx: RequestContext): Promise<LeaseInstalment[]> {
    return instalmentsLoader(ctx).load(c.id);
  }

  @FieldResolver(() => [LeasePayment], { description: '收款记录 / Payments received' })
  payments(@Root() c: LeaseContract, @Ctx() ctx: RequestContext): Promise<LeasePayment[]> {
    return paymentsLoader(ctx).load(c.id);
  }

  @FieldResolver(() => MoneyScalar, { description: '未付总额（元）/ Outstanding (yuan)' })
  async outstanding(@Root() c: LeaseContract, @Ctx() ctx: RequestContext): Promise<bigint> {
    return (await instalmentsLoader(ctx).load(c.id)).reduce((s, i) => s + i.amount - i.paid, 0n);
  }

  @FieldResolver(() => CollectiveAsset, { nullable: true, description: '发包的固定资产 / The asset leased' })
  asset(@Root() c: LeaseContract, @Ctx() ctx: RequestContext): Promise<CollectiveAsset | null> | null {
    return c.assetId ? assetLoader(ctx).load(c.assetId) : null;
  }

  @FieldResolver(() => CollectiveResource, { nullable: true, description: '发包的资源 / The resource leased' })
  resource(@Root() c: LeaseContract, @Ctx() ctx: RequestContext): Promise<CollectiveResource | null> | null {
    return c.resourceId ? resourceLoader(ctx).load(c.resourceId) : null;
  }

  @FieldResolver(() => MajorMatter, { nullable: true, description: '授权的四议两公开事项 / The major matter that authorised it' })
  majorMatter(@Root() c: LeaseContract, @Ctx() ctx: RequestContext): Promise<MajorMatter | null> | null {
    return c.majorMatterId ? matterLoader(ctx).load(c.majorMatterId) : null;
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Village' })
  village(@Root() c: LeaseContract): RegionRef {
    return RegionRef.of(c.villageCode);
  }
}

@Resolver(() => MajorMatter)
export class MatterContractsResolver {
  @FieldResolver(() => [LeaseContract], { description: '本事项授权的发包合同 / Leases this matter authorised' })
  contracts(@Root() m: MajorMatter, @Ctx() ctx: RequestContext): Promise<LeaseContract[]> {
    return contractsByMatterLoader(ctx).load(m.id);
  }
}

/** `__resolveReference` for LeaseContract: batched; outside the caller's scope resolves to null. */
export const contractReferences: Record<string, ReferenceResolver> = {
  LeaseContract: referenceResolver<string, LeaseContract>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const access = EconomyAccess.of(ctx);
      return (await contractLoader(ctx).loadMany(ids)).map((c) => (c && !(c instanceof Error) && access.canSee(c.villageCode) ? c : null));
    },
  }),
};
