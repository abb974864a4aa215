import { checkReferences } from '@xiangzhi/grids-api';
import { badInput, IdempotentInput, mutate, mutateOnce, RegionLevel, requireNotFuture, todayInChina, type RequestContext, type SubgraphFeature } from '@xiangzhi/kernel';
import { PETITION_HANDLING_DAYS } from '@xiangzhi/legal-api';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { disputeLoader } from '../dispute/dispute.loaders';
import { CODE, CODE_MESSAGE } from '../dispute/dispute.inputs';
import { recordEvents } from '../events/outbox';
import { LEGAL_MANAGER_ROLES, LEGAL_WRITER_ROLES, LegalAccess } from '../shared/access';

/** 信访层级 the highest level a petition reached. */
export enum PetitionLevel {
  VILLAGE = 'VILLAGE',
  TOWNSHIP = 'TOWNSHIP',
  COUNTY = 'COUNTY',
  ABOVE = 'ABOVE',
}
registerEnumType(PetitionLevel, {
  name: 'PetitionLevel',
  description: '信访到达层级 / Level a petition reached',
  valuesConfig: {
    VILLAGE: { description: '村 / Village' },
    TOWNSHIP: { description: '乡镇 / Township' },
    COUNTY: { description: '县 / County' },
    ABOVE: { description: '县以上（市、省、京）/ Above the county' },
  },
});

/** 信访 a petition registered for a village. */
@Entity({ name: 'petition' })
@ObjectType('Petition', { description: '信访事项 / Petition' })
export class Petition {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  @Field(() => ID, { description: '标识 / Identifier' })
  id!: string;

  @Column({ name: 'village_code', type: 'text' })
  @Field(() => String, { description: '信访人所在村 / Petitioner’s village' })
  villageCode!: string;

  @Column({ name: 'petitioner_resident_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '信访人（居民标识）/ Petitioner (resident id)' })
  petitionerResidentId!: string | null;

  @Column({ name: 'petitioner_name', type: 'text' })
  @Field(() => String, { description: '信访人姓名 / Petitioner’s name' })
  petitionerName!: string;

  @Column({ name: 'level', type: 'text' })
  @Field(() => PetitionLevel, { description: '到达层级 / Level reached' })
  level!: PetitionLevel;

  @Column({ name: 'summary', type: 'text' })
  @Field(() => String, { description: '信访事项 / Summary' })
  summary!: string;

  @Column({ name: 'received_on', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '受理日期 / Date received' })
  receivedOn!: string;

  @Column({ name: 'deadline', type: 'date' })
  @Field(() => GraphQLLocalDate, { description: '办理期限（受理之日起60日）/ Handling deadline (60 days from receipt)' })
  deadline!: string;

  @Column({ name: 'dispute_id', type: 'uuid', nullable: true })
  @Field(() => ID, { nullable: true, description: '关联纠纷 / Linked dispute' })
  disputeId!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

@InputType('RegisterPetitionInput', { description: '登记信访事项 / Register a petition' })
export class RegisterPetitionInput extends IdempotentInput {
  @Field(() => String, { description: '信访人所在村的12位区划代码 / 12-digit code of the petitioner’s village' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => ID, { nullable: true, description: '信访人（本村在册居民，可省略）/ Petitioner (a living resident of the village; optional)' })
  @IsOptional()
  @IsUUID()
  petitionerResidentId?: string | null;

  @Field(() => String, { description: '信访人姓名（1–60字）/ Petitioner’s name (1–60 characters)' })
  @IsString()
  @Length(1, 60)
  petitionerName!: string;

  @Field(() => PetitionLevel, { description: '到达层级 / Level reached' })
  @IsEnum(PetitionLevel)
  level!: PetitionLevel;

  @Field(() => String, { description: '信访事项（1–1000字）/ Summary (1–1000 characters)' })
  @IsString()
  @Length(1, 1000)
  summary!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: '受理日期（默认今天）/ Date received (default today)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  receivedOn?: string | null;

  @Field(() => ID, { nullable: true, description: '关联纠纷（同村）/ Linked dispute (same village)' })
  @IsOptional()
  @IsUUID()
  disputeId?: string | null;
}

@InputType('RecordLawsuitsInput', { description: '登记某村某年的诉讼案件数（三源共治·诉源）/ Record a village’s lawsuit count for a year' })
export class RecordLawsuitsInput {
  @Field(() => String, { description: '村的12位区划代码 / 12-digit village code' })
  @Matches(CODE, { message: CODE_MESSAGE })
  villageCode!: string;

  @Field(() => Int, { description: '年度 / Year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @Field(() => Int, { description: '诉讼案件数（0–100000）/ Lawsuits (0–100000)' })
  @IsInt()
  @Min(0)
  @Max(100_000)
  lawsuits!: number;
}

@ObjectType('LawsuitCount', { description: '村年度诉讼案件数 / A village’s lawsuits in a year' })
export class LawsuitCount {
  @Field(() => String, { description: '村区划代码 / Village code' })
  villageCode!: string;

  @Field(() => Int, { description: '年度 / Year' })
  year!: number;

  @Field(() => Int, { description: '诉讼案件数 / Lawsuits' })
  lawsuits!: number;
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

@Resolver(() => Petition)
export class PetitionResolver {
  @Mutation(() => Petition, { description: '登记信访事项（办理期限60日）/ Register a petition (handled within 60 days)' })
  async registerPetition(@Arg('input', () => RegisterPetitionInput, { description: '输入 / Input' }) input: RegisterPetitionInput, @Ctx() ctx: RequestContext): Promise<Petition> {
    LegalAccess.of(ctx).requireWrite(input.villageCode, LEGAL_WRITER_ROLES);
    const receivedOn = input.receivedOn ?? todayInChina();
    requireNotFuture(receivedOn, 'input.receivedOn', { zh: '受理日期', en: 'date received' });
    await checkReferences(ctx.dataSource, {
      regions: [{ field: 'input.villageCode', code: input.villageCode, on: receivedOn, level: RegionLevel.VILLAGE }],
      residents: input.petitionerResidentId ? [{ field: 'input.petitionerResidentId', id: input.petitionerResidentId, villageCode: input.villageCode }] : [],
    });
    if (input.disputeId) {
      const d = await disputeLoader(ctx).load(input.disputeId);
      if (!d || d.villageCode !== input.villageCode) {
        throw badInput(`关联纠纷不存在或不属于该村：disputeId = ${input.disputeId}`, `The linked dispute does not exist or belongs to another village: disputeId = ${input.disputeId}`, {
          field: 'input.disputeId',
          rule: 'DISPUTE_OTHER_VILLAGE',
          value: input.disputeId,
        });
      }
    }
    const deadline = addDays(receivedOn, PETITION_HANDLING_DAYS);
    const repo = () => ctx.dataSource.getRepository(Petition);
    return mutateOnce(
      ctx,
      { operation: 'registerPetition', key: input.idempotencyKey, input, idOf: (p: Petition) => p.id, replay: async (id) => repo().findOneByOrFail({ id }) },
      { action: 'registerPetition', targetType: 'Petition', targetId: (p) => p.id, regionCode: input.villageCode, payload: { level: input.level } },
      async (m) => {
        const p = await m.getRepository(Petition).save(
          m.getRepository(Petition).create({
            villageCode: input.villageCode,
            petitionerResidentId: input.petitionerResidentId ?? null,
            petitionerName: input.petitionerName,
            level: input.level,
            summary: input.summary,
            receivedOn,
            deadline,
            disputeId: input.disputeId ?? null,
          }),
        );
        await recordEvents(m, 'legal.petition.registered', [{ petitionId: p.id, villageCode: p.villageCode, level: p.level, receivedOn, deadline, disputeId: p.disputeId }]);
        return p;
      },
    );
  }

  @Mutation(() => LawsuitCount, { description: '登记村年度诉讼案件数（覆盖原值）/ Record a village’s lawsuits in a year (replaces the count)' })
  async recordLawsuits(@Arg('input', () => RecordLawsuitsInput, { description: '输入 / Input' }) input: RecordLawsuitsInput, @Ctx() ctx: RequestContext): Promise<LawsuitCount> {
    LegalAccess.of(ctx).requireWrite(input.villageCode, LEGAL_MANAGER_ROLES);
    if (input.year > Number(todayInChina().slice(0, 4))) {
      throw badInput(`年度不能晚于今年：year = ${input.year}`, `The year cannot be in the future: year = ${input.year}`, { field: 'input.year', rule: 'YEAR_IN_FUTURE', value: input.year });
    }
    await checkReferences(ctx.dataSource, { regions: [{ field: 'input.villageCode', code: input.villageCode, on: { from: `${input.year}-01-01`, to: `${input.year}-12-31` }, level: RegionLevel.VILLAGE }] });
    return mutate(ctx, { action: 'recordLawsuits', targetType: 'LawsuitCount', targetId: () => `${input.villageCode}:${input.year}`, regionCode: input.villageCode, payload: { lawsuits: input.lawsuits } }, async (m) => {
      await m.query(
        `INSERT INTO lawsuit_count (village_code, year, lawsuits, recorded_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (village_code, year) DO UPDATE SET lawsuits = EXCLUDED.lawsuits, recorded_by = EXCLUDED.recorded_by, updated_at = now()`,
        [input.villageCode, input.year, input.lawsuits, ctx.actor.id],
      );
      return Object.assign(new LawsuitCount(), { villageCode: input.villageCode, year: input.year, lawsuits: input.lawsuits });
    });
  }
}

/** 信访 petitions (level reached, linked dispute, 60-day deadline) and 诉讼 lawsuit counts per village and year. */
export const petitionFeature: SubgraphFeature = {
  entities: [Petition],
  resolvers: [PetitionResolver],
};

