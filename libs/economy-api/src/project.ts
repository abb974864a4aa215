/** 薄弱村项目状态 the status of a weak-village project, in order. */
export const PROJECT_STATUSES = ['PROPOSED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED'] as const;

export type ProjectStatusName = (typeof PROJECT_STATUSES)[number];

/** The status a project may move to from `status` (the next one), or null at the end. */
export function nextProjectStatus(status: ProjectStatusName): ProjectStatusName | null {
  const i = PROJECT_STATUSES.indexOf(status);
  return i >= 0 && i < PROJECT_STATUSES.length - 1 ? PROJECT_STATUSES[i + 1] : null;
}

/** 资金来源 where a project's money comes from. */
export type FundingSourceName = 'CENTRAL' | 'PROVINCIAL' | 'COUNTY' | 'STATE_ENTERPRISE' | 'PAIRING_UNIT' | 'COLLECTIVE' | 'SOCIAL';

/** 联建角色 a village's role in a 1+N+1 alliance: the one strong village leading, or one of the weak ones. */
export type AllianceRoleName = 'LEAD' | 'MEMBER';
