import { defineSubgraph } from '@xiangzhi/kernel';
import { appraisalFeature } from './appraisal';
import { attendanceFeature } from './attendance';
import { baseFeature } from './base';
import { cadreFeature } from './cadre';
import { partyFeature } from './party';
import { payFeature } from './pay';
import { postFeature } from './post';
import { seedPersonnelDemo } from './seed';

/** 干部队伍 the personnel subgraph: cadres, posts, vetting, attendance, appraisal, pay, ranks, honours, training, talent pool, Party organisation. */
export const personnelSubgraph = defineSubgraph({
  name: 'personnel',
  title: { zh: '干部队伍', en: 'Personnel' },
  features: [baseFeature, cadreFeature, postFeature, attendanceFeature, appraisalFeature, payFeature, partyFeature],
  seed: seedPersonnelDemo,
});
