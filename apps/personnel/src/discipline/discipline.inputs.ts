import { IdempotentInput } from '@xiangzhi/kernel';
import { DisciplinaryKind } from '@xiangzhi/personnel-api';
import { IsEnum, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import './discipline.entity';

@InputType('RecordDisciplinarySanctionInput', { description: '登记党纪政务处分 / Record a Party or government disciplinary sanction' })
export class RecordDisciplinarySanctionInput extends IdempotentInput {
  @Field(() => ID, { description: '干部 / Cadre' })
  @IsUUID()
  cadreId!: string;

  @Field(() => DisciplinaryKind, { description: '处分种类 / Kind of sanction' })
  @IsEnum(DisciplinaryKind)
  kind!: DisciplinaryKind;

  @Field(() => String, { description: '作出决定的机关（如县纪委监委）/ The organ that decided (e.g. the county discipline commission)' })
  @IsString()
  @Length(1, 100)
  organ!: string;

  @Field(() => GraphQLLocalDate, { description: '决定日期（不晚于今天）/ Date decided (not after today)' })
  decidedOn!: string;

  @Field(() => Int, { nullable: true, description: '留党察看的察看期（1或2年，留党察看必填，其他种类不填）/ Probation period in years (1 or 2; required for 留党察看 only)' })
  @IsOptional()
  @IsInt()
  @IsIn([1, 2])
  probationYears?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '影响期（月），决定另有写明时填写；不填按条例、政务处分法的法定期限；开除类无期限，不能填写 / Period of effect in months when the decision states one; default: the statutory period; not for expulsions',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  effectMonths?: number | null;

  @Field(() => String, { nullable: true, description: '说明（事由、文号）/ Note (grounds, document number)' })
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string | null;
}
