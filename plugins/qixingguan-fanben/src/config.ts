import { z } from 'zod';

/** The plugin's name: the key under `plugins:` and `counties.<code>.plugins:` in a deployment. */
export const PLUGIN_NAME = 'qixingguan-fanben';

/** 七星关区“规范·示范·典范” the county's parameters (seed 003); filled in with the standards. */
export const qixingguanConfig = z.strictObject({});

export type QixingguanConfig = z.infer<typeof qixingguanConfig>;
