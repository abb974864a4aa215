import type { SubgraphFeature } from '@xiangzhi/kernel';
import { cadresExport, payrollExport, postsExport } from './personnel-exports';

/** 导出 the personnel lists staff download as CSV or XLSX: cadres, posts, a month's payroll. */
export const exportFeature: SubgraphFeature = {
  exports: [cadresExport, postsExport, payrollExport],
};
