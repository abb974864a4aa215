/* A fixture plugin with per-county parameters, loaded by path. */
import { definePlugin } from '@xiangzhi/kernel';
import { z } from 'zod';

export default definePlugin({
  name: 'thing-labels',
  version: '0.0.1',
  title: { zh: '标签', en: 'Labels' },
  config: z.object({ dutyHours: z.number().min(6).default(6) }),
  subgraphs: {},
});
