import { importMutationTypes, runImportMutation, type ImportMutationInput, type ImportMutationResult, type RequestContext } from '@xiangzhi/kernel';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { MANAGER_ROLES, VILLAGE_WRITER_ROLES } from '../shared/access';
import { cadreImporter, partyMemberImporter } from './register-import';

/** `PersonnelImportInput` / `PersonnelImportResult`: CSV text (XLSX workbooks go through `xz import`). */
export const { Input: PersonnelImportInput, Result: PersonnelImportResult } = importMutationTypes('Personnel', { zh: '干部或党员', en: 'cadres or Party members' });

@Resolver()
export class PersonnelImportResolver {
  @Mutation(() => PersonnelImportResult, {
    description:
      '导入干部CSV（村代码、姓名、身份证号、学历、任职日期、入党日期、是否全职、居民标识）：身份证号码按 GB 11643 校验且不得重复，村代码和居民按网格子图的投影校验，逐行校验，任一行有误则全部不写入并列出每个错误行；县、乡镇管理人员导入辖区内的行；大文件和XLSX用 xz import / ' +
      'Import a CSV of cadres (village, name, ID number, education, service start, Party join date, full-time, resident): ID numbers checked against GB 11643 and unique, villages and residents against the grids projections, every row checked, any bad row rejects the whole file listing every bad row; county and township managers import the rows of their scope; large files and XLSX go through xz import',
  })
  importCadres(@Arg('input', () => PersonnelImportInput, { description: '文件 / File' }) input: ImportMutationInput, @Ctx() ctx: RequestContext): Promise<ImportMutationResult> {
    return runImportMutation(ctx, cadreImporter, input, { roles: MANAGER_ROLES, scopeField: 'villageCode', action: 'importCadres' });
  }

  @Mutation(() => PersonnelImportResult, {
    description:
      '导入党员CSV（村代码、党组织名称、姓名、入党日期、党员状态、设岗定责岗位、居民标识）：每位居民只登记一次，逐行校验，任一行有误则全部不写入并列出每个错误行；村级及以上记录人员导入辖区内的行；大文件和XLSX用 xz import / ' +
      'Import a CSV of Party members (village, organisation name, name, date joined, status, duty post, resident): a resident is registered once, every row checked, any bad row rejects the whole file listing every bad row; village record keepers and above import the rows of their scope; large files and XLSX go through xz import',
  })
  importPartyMembers(@Arg('input', () => PersonnelImportInput, { description: '文件 / File' }) input: ImportMutationInput, @Ctx() ctx: RequestContext): Promise<ImportMutationResult> {
    return runImportMutation(ctx, partyMemberImporter, input, { roles: VILLAGE_WRITER_ROLES, scopeField: 'villageCode', action: 'importPartyMembers' });
  }
}
