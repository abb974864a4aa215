import { IdempotentInput, IMPORT_MUTATION_CHARS, IMPORT_MUTATION_ROWS, Role, runImportMutation, type BulkImporter, type RequestContext } from '@xiangzhi/kernel';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { householdImporter, residentImporter } from './register-import';

/** Rows a file sent through GraphQL may have; larger files go through `xz import` (batches, progress, resume). */
export const IMPORT_MUTATION_MAX_ROWS = IMPORT_MUTATION_ROWS;
/** Characters a CSV sent through GraphQL may have (about 2 MB). */
export const IMPORT_MUTATION_MAX_CHARS = IMPORT_MUTATION_CHARS;

@InputType('RegisterImportInput', { description: '导入住户或居民的CSV文件（全部成功或全部不写入）/ A CSV file of households or residents to import (all rows or none)' })
export class RegisterImportInput extends IdempotentInput {
  @Field(() => ID, { description: '县级区划代码（12位）/ County division code (12 digits)' })
  @IsString()
  countyCode!: string;

  @Field(() => String, { description: `CSV文本（首行为表头，最多${IMPORT_MUTATION_MAX_ROWS}行）/ CSV text (header row first, at most ${IMPORT_MUTATION_MAX_ROWS} rows)` })
  @IsString()
  @MaxLength(IMPORT_MUTATION_MAX_CHARS)
  csv!: string;

  @Field(() => String, { nullable: true, description: '列映射“县里的列名=字段,…”（默认认得常用中文列名）/ Column mapping “header=field,…” (the usual Chinese headers are known by default)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  map?: string | null;
}

@ObjectType('RegisterImportResult', { description: '导入结果 / Result of an import' })
export class RegisterImportResult {
  @Field(() => String, { description: '登记簿（households 或 residents）/ Register (households or residents)' })
  kind!: string;

  @Field(() => Int, { description: '文件中的数据行数 / Data rows in the file' })
  rows!: number;

  @Field(() => Int, { description: '写入的记录数 / Records written' })
  written!: number;
}

/** Runs an import mutation: county administrators of that county; one transaction with one audit record naming the rows written (the kernel's `runImportMutation`). */
function importRegister(ctx: RequestContext, importer: BulkImporter, input: RegisterImportInput): Promise<RegisterImportResult> {
  return runImportMutation(ctx, importer, input, { roles: [Role.COUNTY_ADMIN], scopeField: 'villageCode', action: `import${importer.targetType}s` });
}

@Resolver()
export class RegisterImportResolver {
  @Mutation(() => RegisterImportResult, {
    description:
      '导入住户CSV（村代码、户号、住址、网格编码）：逐行校验，任一行有误则全部不写入并列出每个错误行；大文件用 xz import（县级管理员）/ ' +
      'Import a CSV of households (village, household number, address, grid): every row checked, any bad row rejects the whole file listing every bad row; large files go through xz import (county administrators)',
  })
  importHouseholds(@Arg('input', () => RegisterImportInput) input: RegisterImportInput, @Ctx() ctx: RequestContext): Promise<RegisterImportResult> {
    return importRegister(ctx, householdImporter, input);
  }

  @Mutation(() => RegisterImportResult, {
    description:
      '导入居民CSV（村代码、户号、姓名、身份证号、与户主关系、电话）：身份证号码按 GB 11643 校验且不得重复，逐行校验，任一行有误则全部不写入；大文件用 xz import（县级管理员）/ ' +
      'Import a CSV of residents (village, household number, name, ID number, relation to the head, phone): ID numbers checked against GB 11643 and unique, every row checked, any bad row rejects the whole file; large files go through xz import (county administrators)',
  })
  importResidents(@Arg('input', () => RegisterImportInput) input: RegisterImportInput, @Ctx() ctx: RequestContext): Promise<RegisterImportResult> {
    return importRegister(ctx, residentImporter, input);
  }
}
