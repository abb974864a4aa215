import { isValidPhone, ResidentStatus, validateIdNumber } from '@xiangzhi/grids-api';
import {
  assertRegionCode,
  badInput,
  conflict,
  IdempotentInput,
  mutate,
  mutateOnce,
  notFound,
  BidirectionalPageArgs,
  paginateLazily,
  PERSONAL_DATA_ROLES,
  regionPrefix,
  requireNotFuture,
  requireRole,
  todayInChina,
  type LazyConnection,
  type RequestContext,
} from '@xiangzhi/kernel';
import { IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { recordEvent } from '../../events/outbox';
import { Household } from '../household/household.entity';
import { isUuid, outOfScope, TerritoryAccess } from '../shared/access';
import { householdLoader, residentLoader } from '../shared/loaders';
import { personalField } from '../shared/personal-data';
import { ResidentConnection } from './resident.connection';
import { idNumberHash, normaliseIdNumber } from './id-number-hash';
import { nameTokens } from './name-tokens';
import { RelationToHead, Resident, ResidentGender } from './resident.entity';

@InputType('RegisterResidentInput', { description: '登记居民 / Register a resident' })
export class RegisterResidentInput extends IdempotentInput {
  @Field(() => ID, { description: '所属住户 / Household' })
  @IsString()
  householdId!: string;

  @Field(() => String, { description: '姓名 / Name' })
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @Field(() => String, { description: '18位公民身份号码（GB 11643，校验码可为X）/ 18-character resident ID number (GB 11643; the check character may be X)' })
  @IsString()
  @MaxLength(32)
  idNumber!: string;

  @Field(() => ResidentGender, { nullable: true, description: '性别（省略时由身份证号码推出）/ Gender (read from the ID number when omitted)' })
  @IsOptional()
  gender?: ResidentGender | null;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '出生日期（省略时由身份证号码推出）/ Birth date (read from the ID number when omitted)' })
  @IsOptional()
  birthDate?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话 / Phone number' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  phone?: string | null;

  @Field(() => RelationToHead, { description: '与户主关系（HEAD 即户主）/ Relation to the head of household (HEAD: the head)' })
  relationToHead!: RelationToHead;
}

@InputType('UpdateResidentStatusInput', { description: '记录居民状态变化（去世、迁出或恢复在册）/ Record a change of a resident’s status (death, moving out, or back to living)' })
export class UpdateResidentStatusInput {
  @Field(() => ID, { description: '居民 / Resident' })
  @IsString()
  residentId!: string;

  @Field(() => ResidentStatus, { description: '新状态 / New status' })
  status!: ResidentStatus;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '生效日期（不得晚于今天；恢复在册时省略；默认今天）/ Date it took effect (not after today; omitted when back to living; default today)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date?: string | null;

  @Field(() => Int, { description: '读取时的版本号 / The version read' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}

/** Loads one resident the caller may see: NOT_FOUND when absent, FORBIDDEN outside the scope (or another household, for residents). */
export async function readableResident(ctx: RequestContext, id: string): Promise<Resident> {
  const resident = isUuid(id) ? await residentLoader(ctx).load(id) : null;
  if (!resident) throw notFound('居民', 'Resident', id);
  if (!(await TerritoryAccess.of(ctx).canSeeResident(resident))) throw outOfScope('居民', 'Resident', id);
  return resident;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

@Resolver(() => Resident)
export class ResidentResolver {
  @Query(() => Resident, { description: '按标识查询居民 / A resident by id' })
  resident(@Arg('id', () => ID, { description: '标识 / Identifier' }) id: string, @Ctx() ctx: RequestContext): Promise<Resident> {
    return readableResident(ctx, id);
  }

  @Query(() => ResidentConnection, { description: '居民列表（按区划或住户，限辖区）/ Residents by region or household, within the caller’s scope' })
  async residents(
    @Args(() => BidirectionalPageArgs) page: BidirectionalPageArgs,
    @Arg('regionCode', () => ID, { nullable: true, description: '区划代码 / Region code' }) regionCode: string | null,
    @Arg('householdId', () => ID, { nullable: true, description: '住户 / Household' }) householdId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LazyConnection<Resident>> {
    const filter = await TerritoryAccess.of(ctx).residentFilter('r');
    const qb = ctx.dataSource.getRepository(Resident).createQueryBuilder('r').where(filter.sql, filter.params);
    if (regionCode) {
      assertRegionCode(regionCode, 'regionCode');
      qb.andWhere('r.village_code LIKE :regionPrefix', { regionPrefix: `${regionPrefix(regionCode)}%` });
    }
    if (householdId) {
      if (!isUuid(householdId)) throw badInput(`无效的住户标识：${householdId}`, `Invalid household id: ${householdId}`, { field: 'householdId' });
      qb.andWhere('r.household_id = :householdId', { householdId });
    }
    return paginateLazily(ResidentConnection, qb, page, [
      { column: 'r.villageCode', value: (r) => r.villageCode },
      { column: 'r.name', value: (r) => r.name },
      { column: 'r.id', value: (r) => r.id },
    ]);
  }

  @Query(() => ResidentConnection, {
    description:
      '查找居民（限辖区）：按姓名（包含匹配，经姓名检索词索引，不扫描全县），或按完整的18位身份证号码（精确匹配，经密钥散列比对，不按明文比较；部分号码查不到；县、乡镇、村干部）/ ' +
      'Search residents within the caller’s scope: by name (substring match, through an index of the name’s characters and character pairs, never a scan of the county), or by the full 18-character ID number (exact, compared through a keyed hash, never as plain text; part of a number finds nothing; county, township and village cadres)',
  })
  async searchResidents(
    @Args(() => BidirectionalPageArgs) page: BidirectionalPageArgs,
    @Arg('name', () => String, { nullable: true, description: '姓名（或其一部分）/ Name (or part of it)' }) name: string | null,
    @Arg('regionCode', () => ID, { nullable: true, description: '限定区划 / Limit to a region' }) regionCode: string | null,
    @Arg('idNumber', () => String, { nullable: true, description: '完整的身份证号码（与姓名二选一）/ The full ID number (instead of a name)' }) idNumber: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LazyConnection<Resident>> {
    if ((name === null || name === undefined) === (idNumber === null || idNumber === undefined)) {
      throw badInput('输入校验失败：name 与 idNumber 须给出且只给出其一', 'Input validation failed: give exactly one of name and idNumber', { field: 'name' });
    }
    if (regionCode) assertRegionCode(regionCode, 'regionCode');
    const filter = await TerritoryAccess.of(ctx).residentFilter('r');
    const qb = ctx.dataSource.getRepository(Resident).createQueryBuilder('r').where(filter.sql, filter.params);
    if (typeof idNumber === 'string') {
      // who a number belongs to is personal data: only the roles that see ID numbers may look one up
      requireRole(ctx.actor, ...PERSONAL_DATA_ROLES);
      const normalised = normaliseIdNumber(idNumber);
      if (normalised.length < 1 || normalised.length > 18) {
        throw badInput(
          `输入校验失败：idNumber 长度须为 1–18 个字符（收到 ${normalised.length} 个）`,
          `Input validation failed: idNumber must be 1–18 characters long (got ${normalised.length})`,
          { field: 'idNumber' },
        );
      }
      // one lookup on the unique index of the keyed hash; a partial number hashes to nothing stored
      qb.andWhere('r.id_number_hash = :idHash', { idHash: idNumberHash(normalised) });
    } else {
      const text = (name ?? '').trim();
      if (!text || text.length > 50) throw badInput('请输入1至50个字的姓名', 'Give a name of 1 to 50 characters', { field: 'name' });
      const pattern = `%${escapeLike(text.toLowerCase())}%`;
      // the rows whose name_tokens hold the text's tokens and whose name matches, read by resident_name_rows
      // through the GIN index of name_tokens (also behind the county wall, where the index could not serve
      // the query's own `@>`: see migration 1774900000000), narrowed to the longer of the two prefixes;
      // called once, as a sub-select (a function call in the condition could run once per row)
      const scopePrefix = TerritoryAccess.of(ctx).prefix;
      const asked = regionCode ? regionPrefix(regionCode) : '';
      const villagePrefix = asked.startsWith(scopePrefix) ? asked : scopePrefix;
      qb.andWhere('r.ctid = ANY ((SELECT resident_name_rows(ARRAY[:...nameTokens]::text[], :pattern, :villagePrefix))::tid[])', { nameTokens: nameTokens(text), pattern, villagePrefix });
      qb.andWhere(`lower(r.name) LIKE :pattern ESCAPE '\\'`, { pattern });
    }
    // for a name the function narrowed to the asked region only when it lies within the caller's scope:
    // a region beside the scope must still find nothing
    if (regionCode) qb.andWhere('r.village_code LIKE :regionPrefix', { regionPrefix: `${regionPrefix(regionCode)}%` });
    return paginateLazily(ResidentConnection, qb, page, [
      { column: 'r.name', value: (r) => r.name },
      { column: 'r.id', value: (r) => r.id },
    ]);
  }

  @FieldResolver(() => Household, { description: '所属住户 / Household' })
  async household(@Root() resident: Resident, @Ctx() ctx: RequestContext): Promise<Household> {
    return (await householdLoader(ctx).load(resident.householdId)) as Household;
  }

  @FieldResolver(() => GraphQLLocalDate, {
    nullable: true,
    description: '出生日期（仅有权查看个人信息的角色可见，读取留痕）/ Birth date (only for roles that may see personal data; reads are audited)',
  })
  birthDate(@Root() resident: Resident, @Ctx() ctx: RequestContext): Promise<string | null> {
    return personalField(ctx, { type: 'Resident', id: resident.id, regionCode: resident.villageCode }, 'birthDate', resident.birthDate);
  }

  @FieldResolver(() => String, {
    description:
      '身份证号码：县、乡、村干部在辖区内可见全文（每次查看均记入审计），其他角色脱敏 / ID number: in full (and audited) for county, township and village cadres within their scope, masked otherwise',
  })
  async idNumber(@Root() resident: Resident, @Ctx() ctx: RequestContext): Promise<string> {
    return (await personalField(ctx, { type: 'Resident', id: resident.id, regionCode: resident.villageCode }, 'idNumber', resident.idNumber)) as string;
  }

  @FieldResolver(() => String, { nullable: true, description: '联系电话（规则同身份证号码）/ Phone number (same rules as the ID number)' })
  phone(@Root() resident: Resident, @Ctx() ctx: RequestContext): Promise<string | null> {
    return personalField(ctx, { type: 'Resident', id: resident.id, regionCode: resident.villageCode }, 'phone', resident.phone);
  }

  @Mutation(() => Resident, {
    description: '登记居民：身份证号码按 GB 11643 校验且不得重复；登记为户主时设为该户户主 / Register a resident: the ID number is checked against GB 11643 and must be unique; HEAD makes them head of household',
  })
  async registerResident(@Arg('input', () => RegisterResidentInput) input: RegisterResidentInput, @Ctx() ctx: RequestContext): Promise<Resident> {
    const household = isUuid(input.householdId) ? await householdLoader(ctx).load(input.householdId) : null;
    if (!household || !(await TerritoryAccess.of(ctx).canSeeHousehold(household))) throw notFound('住户', 'Household', input.householdId);
    TerritoryAccess.of(ctx).assertCanWrite(household.villageCode);
    const check = validateIdNumber(input.idNumber);
    if (!check.valid) throw badInput(check.zh, check.en, { field: 'idNumber', rule: check.rule });
    if (input.gender && input.gender !== check.gender) {
      throw badInput('性别与身份证号码不符', 'The gender does not match the ID number', { field: 'gender', rule: 'ID_GENDER_MISMATCH' });
    }
    if (input.birthDate && input.birthDate !== check.birthDate) {
      throw badInput('出生日期与身份证号码不符', 'The birth date does not match the ID number', { field: 'birthDate', rule: 'ID_BIRTH_DATE_MISMATCH' });
    }
    const phone = input.phone?.trim() || null;
    if (phone && !isValidPhone(phone)) throw badInput(`电话号码无效：${phone}`, `Invalid phone number: ${phone}`, { field: 'phone' });
    const name = input.name.trim();
    const once = { operation: 'registerResident', key: input.idempotencyKey, input, idOf: (r: Resident) => r.id, replay: (id: string) => readableResident(ctx, id) };
    return mutateOnce(ctx, once, { action: 'registerResident', targetType: 'Resident', regionCode: household.villageCode, targetId: (r) => r.id }, async (m) => {
      // through the unique index of the keyed hash, the number's only index
      if (await m.getRepository(Resident).exists({ where: { idNumberHash: idNumberHash(check.idNumber) } })) {
        throw conflict('该身份证号码已登记', 'A resident with this ID number is already registered', { field: 'idNumber' });
      }
      const resident = await m.getRepository(Resident).save(
        m.getRepository(Resident).create({
          householdId: household.id,
          villageCode: household.villageCode,
          countyCode: household.countyCode,
          name,
          gender: check.gender as ResidentGender,
          birthDate: check.birthDate,
          idNumber: check.idNumber,
          phone,
          relationToHead: input.relationToHead,
        }),
      );
      await recordEvent(m, 'grids.resident.upserted', { id: resident.id, villageCode: resident.villageCode, householdId: resident.householdId, status: ResidentStatus.LIVING });
      if (input.relationToHead === RelationToHead.HEAD) {
        const result = await m
          .createQueryBuilder()
          .update(Household)
          .set({ headResidentId: resident.id })
          .where('id = :id AND head_resident_id IS NULL', { id: household.id })
          .execute();
        if (!result.affected) throw conflict('该户已有户主', 'The household already has a head', { field: 'relationToHead' });
      }
      return resident;
    });
  }

  @Mutation(() => Resident, {
    description:
      '记录居民状态（已故、已迁出、在册），须提交版本号；其他子图据此拒绝引用已故或迁出的居民 / ' +
      'Record a resident’s status (deceased, moved out, living), sending the version read; other subgraphs then refuse references to a deceased or moved-out resident',
  })
  async updateResidentStatus(@Arg('input', () => UpdateResidentStatusInput) input: UpdateResidentStatusInput, @Ctx() ctx: RequestContext): Promise<Resident> {
    const resident = await readableResident(ctx, input.residentId);
    TerritoryAccess.of(ctx).assertCanWrite(resident.villageCode);
    const today = todayInChina();
    const living = input.status === ResidentStatus.LIVING;
    if (living && input.date) {
      throw badInput(`恢复在册时不填生效日期：date = ${input.date}`, `Leave date empty when a resident is back to living: date = ${input.date}`, { field: 'date', value: input.date });
    }
    const date = living ? null : (input.date ?? today);
    if (date !== null) requireNotFuture(date, 'date', { zh: '状态生效日期', en: 'status date' });
    await mutate(
      ctx,
      { action: 'updateResidentStatus', targetType: 'Resident', regionCode: resident.villageCode, targetId: () => resident.id, payload: { status: input.status, date } },
      async (m) => {
        const result = await m
          .createQueryBuilder()
          .update(Resident)
          .set({ status: input.status, statusDate: date })
          .where('id = :id AND version = :version', { id: resident.id, version: input.expectedVersion })
          .execute();
        if (!result.affected) {
          throw conflict('居民记录已被他人修改，请刷新后重试', 'The resident was changed by someone else; reload and try again', { field: 'expectedVersion' });
        }
        await recordEvent(m, 'grids.resident.upserted', { id: resident.id, villageCode: resident.villageCode, householdId: resident.householdId, status: input.status });
      },
    );
    return (await residentLoader(ctx).load(resident.id)) as Resident;
  }
}
