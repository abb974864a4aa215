import { importMutationTypes, runImportMutation, type ImportMutationInput, type ImportMutationResult, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BOOKKEEPER_ROLES } from '../shared/access';
import { memberImporter } from './member-import';

/** `EconomyImportInput` / `EconomyImportResult`: CSV text (XLSX workbooks go through `xz import`). */
export const { Input: EconomyImportInput, Result: EconomyImportResult } = importMutationTypes('Economy', { zh: '集体经济组织成员', en: 'collective members' });

@Resolver()
export class EconomyImportResolver {
  @Mutation(() => EconomyImportResult, {
    description:
      '导入集体经济组织成员CSV（村代码、组织代码、居民标识、确认日期）：居民须为该村在册、在世的居民（网格子图的投影），同一组织不得重复，逐行校验，任一行有误则全部不写入并列出每个错误行；村级记账人员及以上导入辖区内的行；大文件和XLSX用 xz import / ' +
      'Import a CSV of collective members (village, organisation code, resident, date admitted): residents must be living residents registered in the village (grids projection), once per organisation, every row checked, any bad row rejects the whole file listing every bad row; village bookkeepers and above import the rows of their scope; large files and XLSX go through xz import',
  })
  importCollectiveMembers(@Arg('input', () => EconomyImportInput, { description: '文件 / File' }) input: ImportMutationInput, @Ctx() ctx: RequestContext): Promise<ImportMutationResult> {
    return runImportMutation(ctx, memberImporter, input, { roles: BOOKKEEPER_ROLES, scopeField: 'villageCode', action: 'importCollectiveMembers' });
  }
}
