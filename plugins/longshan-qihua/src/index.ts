import { bindPolicy, definePlugin } from '@xiangzhi/kernel';
import { attendancePolicyPoint } from '@xiangzhi/personnel-api';
import { longshanQihuaConfig, PLUGIN_NAME, type LongshanQihuaConfig } from './config';
import { LongshanQihuaAttendancePolicy } from './attendance.policy';
import { LongshanQihuaSettingsResolver } from './settings.resolver';

export { longshanQihuaConfig, PLUGIN_NAME, type LongshanQihuaConfig } from './config';
export { LongshanQihuaAttendancePolicy } from './attendance.policy';

/** 龙山七化全职化管理 / Longshan Seven-Way Full-Time Cadres */
export default definePlugin({
  name: PLUGIN_NAME,
  version: '0.1.0',
  title: { zh: '龙山七化全职化管理', en: 'Longshan Seven-Way Full-Time Cadres' },
  config: longshanQihuaConfig,
  subgraphs: {
    personnel: {
      resolvers: [LongshanQihuaSettingsResolver],
      policies: [bindPolicy(attendancePolicyPoint, (config: LongshanQihuaConfig) => new LongshanQihuaAttendancePolicy(config))],
    },
  },
});
