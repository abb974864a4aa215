import type { SubgraphFeature } from '@xiangzhi/kernel';
import { WeakVillageProjects1734000000550 } from './migrations/1734000000550-project';
import { VillageAlliance, VillageAllianceMember, WeakVillageProject } from './project.entity';
import { AllianceResolver, MatterProjectsResolver, projectReferences, ProjectResolver } from './project.resolver';

/** 薄弱村项目库 weak-village projects and 1+N+1 alliances. */
export const projectFeature: SubgraphFeature = {
  entities: [WeakVillageProject, VillageAlliance, VillageAllianceMember],
  migrations: [WeakVillageProjects1734000000550],
  resolvers: [ProjectResolver, AllianceResolver, MatterProjectsResolver],
  references: projectReferences,
};

export { VillageAlliance, VillageAllianceMember, WeakVillageProject } from './project.entity';
