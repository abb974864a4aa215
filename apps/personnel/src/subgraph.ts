import { defineSubgraph, type SubgraphFeature } from '@xiangzhi/kernel';
import { countyWallFeature } from './county-wall';
import { Cadre } from './cadre/cadre.entity';
import { PartyMember, PartyOrganization } from './party/party.entity';
import { Post } from './post/post.entity';
import { GridRef, RegionRef, ResidentRef } from './shared/grids-stubs';
import { appraisalFeature } from './appraisal';
import { attendanceFeature } from './attendance';
import { baseFeature } from './base';
import { cadreFeature } from './cadre';
import { disciplineFeature } from './discipline';
import { importFeature } from './import';
import { exportFeature } from './export';
import { partyFeature } from './party';
import { mergerFeature } from './merger';
import { payFeature } from './pay';
import { postFeature } from './post';
import { referenceFeature } from './reference';
import { seedPersonnelDemo } from './seed';

/**
 * Types plugins may add fields to (`@Resolver(() => personnelType('Cadre'))`); the shapes they see
 * are published in `@xiangzhi/personnel-api` (`CadreShape`, `PostShape`…).
 */
const extensionFeature: SubgraphFeature = {
  extensibleTypes: { Cadre, Post, PartyOrganization, PartyMember, Region: RegionRef, Grid: GridRef, Resident: ResidentRef },
};

/** 干部队伍 the personnel subgraph: cadres, posts, vetting, attendance, appraisal, pay, ranks, honours, training, talent pool, Party organisation. */
export const personnelSubgraph = defineSubgraph({
  name: 'personnel',
  title: { zh: '干部队伍', en: 'Personnel' },
  features: [baseFeature, referenceFeature, cadreFeature, postFeature, attendanceFeature, disciplineFeature, appraisalFeature, payFeature, partyFeature, mergerFeature, exportFeature, importFeature, extensionFeature, countyWallFeature],
  seed: seedPersonnelDemo,
});
