import { z } from 'zod';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'longshan-qihua';

/** Per-county parameters; each default is the number of the county's source document. */
export const longshanQihuaConfig = z.strictObject({
  /** 村坐班小时数 duty hours a working day in a village */
  workdayHours: z.number().min(0).max(12).default(6),
  /** 社区坐班小时数 duty hours a working day in a community */
  communityWorkdayHours: z.number().min(0).max(12).default(7),
  /** 双休日、节假日每天至少坐班人数 people on duty each rest day */
  restDayCoverage: z.number().int().min(0).max(10).default(1),
});

export type LongshanQihuaConfig = z.output<typeof longshanQihuaConfig>;
