import { MAX_LIST_ITEMS, referenceResolver, type ConnectionShape, type ReferenceResolver, type RequestContext } from '@xiangzhi/kernel';
import { RegionRef, ResidentRef } from '../shared/grids-stubs';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EconomyAccess } from '../shared/access';
import { Disclosure, DisclosureConnection, DisclosureDue, DisclosureItem, DisclosureObjection, OverdueDisclosure } from './disclosure.entity';
import { AnswerObjectionInput, DisclosuresArgs, ObjectToDisclosureInput, OverdueDisclosuresArgs, PublishDisclosureInput } from './disclosure.inputs';
import { answerObjection, disclosureLoader, disclosureSchedule, listDisclosures, objectionsLoader, objectToDisclosure, overdueDisclosures, publishDisclosure, readableDisclosure } from './disclosure.service';

@Resolver(() => Disclosure)
export class DisclosureResolver {
  @Query(() => DisclosureConnection, { description: '三务公开（按公开日期排序，限调用者辖区）/ Disclosures under a region, by date published (within your scope)' })
  disclosures(@Args(() => DisclosuresArgs) args: DisclosuresArgs, @Ctx() ctx: RequestContext): Promise<ConnectionShape<Disclosure>> {
    return listDisclosures(ctx, args);
  }

  @Query(() => Disclosure, { description: '按标识查询三务公开 / A disclosure by id' })
  disclosure(@Arg('id', () => ID, { description: '标识 / Id' }) id: string, @Ctx() ctx: RequestContext): Promise<Disclosure> {
    return readableDisclosure(ctx, id);
  }

  @Query(() => [OverdueDisclosure], {
    description:
      '逾期未公开报告（监管）：辖区内每个村 × 截止日在 since 至 asOf 前一天之间、截止日前未公开的期间；截止日遇周末或法定节假日顺延至下一工作日 / ' +
      'Overdue report for supervisors: every village × period due between since and the day before asOf without a disclosure by its due day; a due day on a weekend or holiday moves to the next working day. ' +
      `最多 ${MAX_LIST_ITEMS} 条，超出时报 BAD_USER_INPUT，请按乡镇或村、或较晚的 since 分别查询 / At most ${MAX_LIST_ITEMS} lines, beyond which BAD_USER_INPUT asks for each township or village, or a later since`,
  })
  overdueDisclosures(@Args(() => OverdueDisclosuresArgs) args: OverdueDisclosuresArgs, @Ctx() ctx: RequestContext): Promise<OverdueDisclosure[]> {
    return overdueDisclosures(ctx, args);
  }

  @Query(() => [DisclosureDue], { description: '本县三务公开日程：某年每个应公开期间及截止日（按本县规则与工作日历）/ The county’s disclosure schedule: every period due in a year and its due day (by the county’s rules and calendar)' })
  disclosureSchedule(
    @Arg('regionCode', () => String, { description: '区划代码（县、乡镇或村）/ Division code (county, township or village)' }) regionCode: string,
    @Arg('year', () => Int, { description: '年度 / Year' }) year: number,
    @Ctx() ctx: RequestContext,
  ): DisclosureDue[] {
    return disclosureSchedule(ctx, regionCode, year);
  }

  @Mutation(() => Disclosure, { description: '发布三务公开（每村每类每期一次）（村干部及乡镇、县管理人员）/ Publish a disclosure, once per village, kind and period (village cadres, township and county staff)' })
  publishDisclosure(@Arg('input', () => PublishDisclosureInput, { description: '输入 / Input' }) input: PublishDisclosureInput, @Ctx() ctx: RequestContext): Promise<Disclosure> {
    return publishDisclosure(ctx, input);
  }

  @Mutation(() => DisclosureObjection, { description: '居民对公开内容提出异议（本村在世居民；答复期限按本县规则）/ A resident objects to a disclosure (living, of the village; the answer is due per the county’s rule)' })
  objectToDisclosure(@Arg('input', () => ObjectToDisclosureInput, { description: '输入 / Input' }) input: ObjectToDisclosureInput, @Ctx() ctx: RequestContext): Promise<DisclosureObjection> {
    return objectToDisclosure(ctx, input);
  }

  @Mutation(() => DisclosureObjection, { description: '答复异议（须提交版本号）/ Answer an objection (send the version read)' })
  answerObjection(@Arg('input', () => AnswerObjectionInput, { description: '输入 / Input' }) input: AnswerObjectionInput, @Ctx() ctx: RequestContext): Promise<DisclosureObjection> {
    return answerObjection(ctx, input);
  }

  @FieldResolver(() => [DisclosureItem], { description: '公开事项 / Items' })
  items(@Root() d: Disclosure): DisclosureItem[] {
    return d.storedItems.map((i) => ({ title: i.title, content: i.content, amount: i.amountFen === null ? null : BigInt(i.amountFen) }));
  }

  @FieldResolver(() => Boolean, { description: '是否逾期公开（晚于截止日）/ Whether it was published after the due day' })
  late(@Root() d: Disclosure): boolean {
    return d.publishedOn > d.dueOn;
  }

  @FieldResolver(() => [DisclosureObjection], { description: '群众异议 / Residents’ objections' })
  objections(@Root() d: Disclosure, @Ctx() ctx: RequestContext): Promise<DisclosureObjection[]> {
    return objectionsLoader(ctx).load(d.id);
  }

  @FieldResolver(() => RegionRef, { description: '所属村（社区）/ Village' })
  village(@Root() d: Disclosure): RegionRef {
    return RegionRef.of(d.villageCode);
  }
}

@Resolver(() => DisclosureObjection)
export class DisclosureObjectionResolver {
  @FieldResolver(() => ResidentRef, { description: '提出异议的居民 / The resident objecting' })
  resident(@Root() o: DisclosureObjection): ResidentRef {
    return ResidentRef.of(o.residentId);
  }

  @FieldResolver(() => Disclosure, { description: '所针对的公开 / The disclosure objected to' })
  disclosure(@Root() o: DisclosureObjection, @Ctx() ctx: RequestContext): Promise<Disclosure> {
    return readableDisclosure(ctx, o.disclosureId);
  }
}

/** `__resolveReference` for Disclosure: batched; outside the caller's scope resolves to null. */
export const disclosureReferences: Record<string, ReferenceResolver> = {
  Disclosure: referenceResolver<string, Disclosure>({
    key: (ref) => String(ref.id),
    load: async (ids, ctx) => {
      const access = EconomyAccess.of(ctx);
      return (await disclosureLoader(ctx).loadMany(ids)).map((d) => (d && !(d instanceof Error) && access.canSee(d.villageCode) ? d : null));
    },
  }),
};

