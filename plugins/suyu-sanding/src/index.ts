import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import { attendancePolicyPoint } from '@xiangzhi/personnel-api';
import { suyuSandingConfig, PLUGIN_NAME, type SuyuSandingConfig } from './config';
import { SuyuSandingAttendancePolicy } from './attendance.policy';
import { SuyuSandingSettingsResolver } from './settings.resolver';

export { suyuSandingConfig, PLUGIN_NAME, type SuyuSandingConfig } from './config';
export { SuyuSandingAttendancePolicy } from './attendance.policy';

/** 宿豫三定四专五化 / Suyu Sanding Sizhuan Wuhua */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  title: { zh: '宿豫三定四专五化', en: 'Suyu Sanding Sizhuan Wuhua' },
  config: suyuSandingConfig,
  subgraphs: {
    personnel: {
      resolvers: [SuyuSandingSettingsResolver],
      policies: [bindPolicy(attendancePolicyPoint, (config: SuyuSandingConfig) => new SuyuSandingAttendancePolicy(config))],
    },
  },
});
