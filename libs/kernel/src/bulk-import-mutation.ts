import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { requireRole, type Role } from './actor';
import { importInTransaction, ImportRefusedError, importRefusal, parseColumnMap, CsvSyntaxError, type BulkImporter, type ImportProblem, type ImportSession } from './bulk-import';
import { scopedPrefix } from './checks';
import type { RequestContext } from './context';
import { badInput, forbidden } from './errors';
import { IdempotentInput, mutateOnce } from './idempotency';
import { assertRegionCode, isWithin } from './region-code';

/**
 * 导入变更 the GraphQL import mutations of a register (small files; larger ones through `xz import`):
 * CSV text in the input (an XLSX workbook goes through `xz import`, which reads it as a stream),
 * the caller's roles checked as the register's own create mutation does, every row's region checked
 * against the caller's scope (a township officer imports the rows of their township only), then the
 * kernel's `importInTransaction` with one audit record naming the rows written, all in one transaction.
 * An idempotency key (`IdempotentInput`, through `mutateOnce`) makes a retry answer the first result.
 */

/** Rows a file sent through GraphQL may have; larger files go through `xz import` (batches, progress, resume). */
export const IMPORT_MUTATION_ROWS = 20_000;
/** Characters a CSV sent through GraphQL may have (about 2 MB). */
export const IMPORT_MUTATION_CHARS = 2_000_000;

/** What an import mutation's input carries. */
export interface ImportMutationInput {
  countyCode: string;
  csv: string;
  map?: string | null;
  /** A retry with the same key and file answers the first import's result and writes nothing (`IdempotentInput`). */
  idempotencyKey?: string | null;
}

/** What an import mutation answers. */
export interface ImportMutationResult {
  kind: string;
  rows: number;
  written: number;
}

/**
 * The input and result types of a subgraph's import mutations, named `<prefix>ImportInput` and
 * `<prefix>ImportResult` (each subgraph its own names: federation does not share object types).
 */
export function importMutationTypes(prefix: string, registers: { zh: string; en: string }): { Input: new () => ImportMutationInput; Result: new () => ImportMutationResult } {
  @InputType(`${prefix}ImportInput`, { description: `导入${registers.zh}的CSV文件（全部成功或全部不写入）/ A CSV file of ${registers.en} to import (all rows or none)` })
  class Input extends IdempotentInput implements ImportMutationInput {
    @Field(() => ID, { description: '县级区划代码（12位）/ County division code (12 digits)' })
    @IsString()
    countyCode!: string;

    @Field(() => String, {
      description: `CSV文本（UTF-8，首行为表头，最多${IMPORT_MUTATION_ROWS}行；XLSX文件请用 xz import）/ CSV text (header row first, at most ${IMPORT_MUTATION_ROWS} rows; XLSX files go through xz import)`,
    })
    @IsString()
    @MaxLength(IMPORT_MUTATION_CHARS)
    csv!: string;

    @Field(() => String, { nullable: true, description: '列映射“县里的列名=字段,…”（默认认得常用中文列名）/ Column mapping “header=field,…” (the usual Chinese headers are known by default)' })
    @IsOptional()
    @IsString()
    @MaxLength(2000)
    map?: string | null;
  }

  @ObjectType(`${prefix}ImportResult`, { description: `${registers.zh}导入结果 / Result of an import of ${registers.en}` })
  class Result implements ImportMutationResult {
    @Field(() => String, { description: '登记簿（xz import 的 kind）/ Register (the kind of xz import)' })
    kind!: string;

    @Field(() => Int, { description: '文件中的数据行数 / Data rows in the file' })
    rows!: number;

    @Field(() => Int, { description: '写入的记录数 / Records written' })
    written!: number;
  }
  return { Input, Result };
}

/**
 * The importer with every row's region (the cell `field`, a 12-digit code) checked against the
 * caller's scope `scope`: a row outside it is refused (`OUT_OF_SCOPE`, its line and code named) and
 * not checked further; an empty or malformed cell is left to the importer's own check.
 */
export function withinScope<R>(importer: BulkImporter<R>, field: string, scope: string): BulkImporter<R> {
  return {
    ...importer,
    async open(manager, options): Promise<ImportSession<R>> {
      const session = await importer.open(manager, options);
      return {
        async check(rows, flags) {
          const problems: ImportProblem[] = [];
          const inside = rows.filter((row) => {
            const code = row.values[field] ?? '';
            if (!/^\d{12}$/.test(code) || isWithin(code, scope)) return true;
            problems.push({ line: row.line, rule: 'OUT_OF_SCOPE', field, value: code, zh: `${code}不在您的辖区（${scope}）内`, en: `${code} is outside your scope (${scope})` });
            return false;
          });
          const checked = await session.check(inside, flags);
          return { records: problems.length ? [] : checked.records, problems: [...problems, ...checked.problems] };
        },
        write: (m, records) => session.write(m, records),
      };
    },
  };
}

/**
 * Runs an import mutation: one of `roles`, a county code whose area meets the caller's scope, every
 * row's `scopeField` inside the scope, then every row checked and, with none refused, written with
 * one audit record (`action`, payload: rows and ids) in one transaction. Refusals are
 * BAD_USER_INPUT listing every bad row with its line (`extensions.rows`).
 */
export async function runImportMutation(
  ctx: RequestContext,
  importer: BulkImporter,
  input: ImportMutationInput,
  options: { roles: readonly Role[]; scopeField: string; action: string },
): Promise<ImportMutationResult> {
  requireRole(ctx.actor, ...options.roles);
  assertRegionCode(input.countyCode, 'countyCode');
  if (!input.countyCode.endsWith('000000') || input.countyCode.endsWith('000000000')) {
    throw badInput(`countyCode 须为县级区划代码：${input.countyCode}`, `countyCode must be a county's code: ${input.countyCode}`, { field: 'countyCode', value: input.countyCode });
  }
  if (scopedPrefix(ctx.actor, input.countyCode) === null) {
    throw forbidden(`县${input.countyCode}不在您的辖区（${ctx.actor.scope}）内`, `County ${input.countyCode} is outside your scope (${ctx.actor.scope})`);
  }
  let map: Record<string, string>;
  try {
    map = parseColumnMap(input.map ?? undefined);
  } catch (error) {
    throw badInput(`列映射无效：${input.map}`, (error as Error).message, { field: 'map', value: input.map });
  }
  const scoped = isWithin(ctx.actor.scope, input.countyCode) && ctx.actor.scope !== input.countyCode ? withinScope(importer, options.scopeField, ctx.actor.scope) : importer;
  // with an idempotency key, a retry of an import whose answer was lost answers the first import's
  // result (stored with the key: it names no single record) and writes nothing; the same key with
  // another file is CONFLICT (IDEMPOTENCY_KEY_REUSED)
  const once = {
    operation: options.action,
    key: input.idempotencyKey,
    input: { countyCode: input.countyCode, csv: input.csv, map: input.map ?? null },
    idOf: (r: ImportMutationResult & { ids: readonly string[] }) => JSON.stringify({ kind: r.kind, rows: r.rows, written: r.written }),
    replay: async (stored: string) => ({ ...(JSON.parse(stored) as ImportMutationResult), ids: [] as readonly string[] }),
  };
  try {
    const { kind, rows, written } = await mutateOnce(
      ctx,
      once,
      { action: options.action, targetType: importer.targetType, regionCode: input.countyCode, payload: (r) => ({ kind: r.kind, rows: r.rows, ids: r.ids }) },
      async (m) => {
        const imported = await importInTransaction(m, scoped, input.csv, { countyCode: input.countyCode, map, maxRows: IMPORT_MUTATION_ROWS });
        return { kind: importer.kind, rows: imported.rows, written: imported.ids.length, ids: imported.ids };
      },
    );
    return { kind, rows, written };
  } catch (error) {
    if (error instanceof ImportRefusedError) throw importRefusal(error);
    if (error instanceof CsvSyntaxError) throw badInput(`CSV第${error.line}行格式错误：${error.zh}`, `CSV line ${error.line} is malformed: ${error.en}`, { field: 'csv', line: error.line });
    throw error;
  }
}
