/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** 受理事件 / Accept an incident */
export type AcceptIncidentInput = {
  /** 读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since) */
  expectedVersion: number;
  /** 事件 / Incident */
  id: string | number;
  /** 幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result) */
  idempotencyKey?: string | null | undefined;
  /** 说明 / Note */
  note?: string | null | undefined;
};

/** 关闭并评价（点单居民本人，或干部代为评价）/ Close with the resident’s rating (the reporting resident, or a cadre on their behalf) */
export type CloseIncidentInput = {
  /** 评语 / Comment */
  comment?: string | null | undefined;
  /** 读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since) */
  expectedVersion: number;
  /** 事件 / Incident */
  id: string | number;
  /** 幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result) */
  idempotencyKey?: string | null | undefined;
  /** 满意度评价 1–5 / Rating 1–5 */
  rating: number;
};

/** 派单给网格员或干部 / Dispatch an incident to a grid worker or a cadre */
export type DispatchIncidentInput = {
  /** 处置人标识（网格员须为本村网格员）/ Assignee id (a grid worker must belong to the incident’s village) */
  assigneeId: string | number;
  /** 处置人类别 / Kind of assignee */
  assigneeKind: IncidentAssigneeKind;
  /** 处置人姓名（干部必填；网格员取登记的姓名）/ Assignee name (required for cadres; grid workers’ registered name is used) */
  assigneeName?: string | null | undefined;
  /** 读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since) */
  expectedVersion: number;
  /** 事件 / Incident */
  id: string | number;
  /** 幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result) */
  idempotencyKey?: string | null | undefined;
  /** 说明 / Note */
  note?: string | null | undefined;
};

/** 纠纷状态 / Dispute status */
export type DisputeStatus =
  /** 已办结 / Closed */
  | 'CLOSED'
  /** 化解中 / Open */
  | 'OPEN';

/** 处置层级：村初诊、乡镇会诊、县联诊 / Handling tier: village, township, county */
export type EscalationTier =
  /** 县三源治理中心“联诊” / County centre (joint diagnosis) */
  | 'COUNTY'
  /** 乡镇调解中心“会诊” / Township mediation centre (consultation) */
  | 'TOWNSHIP'
  /** 村级调解室“初诊” / Village mediation room (initial diagnosis) */
  | 'VILLAGE';

/** 事件操作 / Action on an incident */
export type IncidentAction =
  /** 受理 / Accept */
  | 'ACCEPT'
  /** 关闭并评价 / Close with a rating */
  | 'CLOSE'
  /** 派单 / Dispatch to an assignee */
  | 'DISPATCH'
  /** 升级到上一层级 / Escalate to the next tier */
  | 'ESCALATE'
  /** 不予受理 / Reject */
  | 'REJECT'
  /** 办结 / Resolve */
  | 'RESOLVE'
  /** 开始处理 / Start handling */
  | 'START';

/** 处置人类别 / Kind of assignee */
export type IncidentAssigneeKind =
  /** 干部 / Cadre */
  | 'CADRE'
  /** 网格员（本村）/ Grid worker of the incident’s village */
  | 'GRID_WORKER';

/** 事件类别 / Incident category */
export type IncidentCategory =
  /** 矛盾纠纷 / Dispute */
  | 'DISPUTE'
  /** 环境卫生 / Sanitation and environment */
  | 'ENVIRONMENT'
  /** 基础设施（道路、水电、路灯）/ Infrastructure (roads, water, power, lights) */
  | 'INFRASTRUCTURE'
  /** 土地山林 / Land and forest */
  | 'LAND'
  /** 民生服务（社保、医疗、救助）/ Livelihood services (social security, health, assistance) */
  | 'LIVELIHOOD'
  /** 其他 / Other */
  | 'OTHER'
  /** 社会治安 / Public order */
  | 'PUBLIC_SECURITY'
  /** 安全隐患 / Safety hazard */
  | 'SAFETY_HAZARD';

/** 事件来源 / Incident source */
export type IncidentSource =
  /** 网格巡查 / Grid patrol report */
  | 'GRID_PATROL'
  /** 热线 / Hotline case */
  | 'HOTLINE'
  /** 群众点单 / Resident request */
  | 'RESIDENT_REQUEST';

/** 事件状态 / Incident status */
export type IncidentStatus =
  /** 已受理 / Accepted by the tier handling it */
  | 'ACCEPTED'
  /** 已关闭（已评价）/ Closed with the resident’s rating */
  | 'CLOSED'
  /** 已派单 / Dispatched to an assignee */
  | 'DISPATCHED'
  /** 已升级，待上一层级受理 / Escalated, awaiting acceptance at the higher tier */
  | 'ESCALATED'
  /** 处理中 / Being handled */
  | 'IN_PROGRESS'
  /** 不予受理 / Rejected, with a reason */
  | 'REJECTED'
  /** 已上报，待受理 / Reported, awaiting acceptance */
  | 'REPORTED'
  /** 已办结，待群众评价 / Resolved, awaiting the resident’s rating */
  | 'RESOLVED';

/** 行政层级 / Administrative level */
export type RegionLevel =
  /** 地级（市、州）/ Prefecture (city, autonomous prefecture) */
  | 'CITY'
  /** 县级（县、区）/ County (county, district) */
  | 'COUNTY'
  /** 省级 / Province */
  | 'PROVINCE'
  /** 乡级（乡、镇、街道）/ Township (township, town, street office) */
  | 'TOWNSHIP'
  /** 村级（行政村、社区）/ Village (villagers’ or residents’ committee) */
  | 'VILLAGE';

/** 上报事件（群众点单、网格巡查、热线）/ Report an incident (resident request, patrol report, hotline case) */
export type ReportIncidentInput = {
  /** 类别 / Category */
  category: IncidentCategory;
  /** 描述（最多4000字）/ Description (up to 4000 characters) */
  description?: string;
  /** 所在网格（居民省略时为本户所在网格）/ Grid (residents: their household’s grid when omitted) */
  gridId?: string | number | null | undefined;
  /** 幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result) */
  idempotencyKey?: string | null | undefined;
  /** 点单居民（干部代为上报群众点单时必填；居民本人上报时省略）/ The resident making the request (required when staff file a resident request for them; omitted by residents) */
  reporterResidentId?: string | number | null | undefined;
  /** 来源（居民固定为群众点单；网格员默认网格巡查，其他默认热线）/ Source (always RESIDENT_REQUEST for residents; default GRID_PATROL for grid workers, HOTLINE otherwise) */
  source?: IncidentSource | null | undefined;
  /** 标题（1–120字）/ Title (1–120 characters) */
  title: string;
  /** 村（社区）区划代码（居民省略时为本村；给出网格时可省略）/ Village division code (residents: their own village when omitted; may be omitted when a grid is given) */
  villageCode?: string | null | undefined;
};

/** 办结事件 / Resolve an incident */
export type ResolveIncidentInput = {
  /** 读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since) */
  expectedVersion: number;
  /** 事件 / Incident */
  id: string | number;
  /** 幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result) */
  idempotencyKey?: string | null | undefined;
  /** 办理结果（群众可见）/ How it was resolved (the resident sees it) */
  resolution: string;
};

/** 开始处理 / Start handling an incident */
export type StartIncidentInput = {
  /** 读取时的版本号（已被他人修改则冲突）/ Version read (CONFLICT when someone changed it since) */
  expectedVersion: number;
  /** 事件 / Incident */
  id: string | number;
  /** 幂等键（8–128位；客户端重试时带同一键，只创建一次）/ Idempotency key (8–128 characters; a retry with the same key creates nothing new and returns the first result) */
  idempotencyKey?: string | null | undefined;
  /** 说明 / Note */
  note?: string | null | undefined;
};

export type IncidentDeskQueryVariables = Exact<{
  code: string;
}>;


export type IncidentDeskQuery = { incidents: { totalCount: number, nodes: Array<{ id: string, title: string, status: IncidentStatus, tier: EscalationTier, category: IncidentCategory, version: number, allowedActions: Array<IncidentAction>, deadline: string, rating: number | null, villageCode: string, assignee: { id: string | null, name: string, kind: IncidentAssigneeKind } | null }> } };

export type IncidentAssigneesQueryVariables = Exact<{
  code: string | number;
}>;


export type IncidentAssigneesQuery = { grids: Array<{ id: string, name: string, members: Array<{ id: string, name: string }> }> };

export type IncidentStateFragment = { id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction> };

export type ReportIncidentMutationVariables = Exact<{
  input: ReportIncidentInput;
}>;


export type ReportIncidentMutation = { reportIncident: { title: string, id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction> } };

export type AcceptIncidentMutationVariables = Exact<{
  input: AcceptIncidentInput;
}>;


export type AcceptIncidentMutation = { acceptIncident: { id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction> } };

export type DispatchIncidentMutationVariables = Exact<{
  input: DispatchIncidentInput;
}>;


export type DispatchIncidentMutation = { dispatchIncident: { id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction>, assignee: { id: string | null, name: string, kind: IncidentAssigneeKind } | null } };

export type StartIncidentMutationVariables = Exact<{
  input: StartIncidentInput;
}>;


export type StartIncidentMutation = { startIncident: { id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction> } };

export type ResolveIncidentMutationVariables = Exact<{
  input: ResolveIncidentInput;
}>;


export type ResolveIncidentMutation = { resolveIncident: { id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction> } };

export type CloseIncidentMutationVariables = Exact<{
  input: CloseIncidentInput;
}>;


export type CloseIncidentMutation = { closeIncident: { rating: number | null, id: string, status: IncidentStatus, version: number, allowedActions: Array<IncidentAction> } };

export type CountyPluginsQueryVariables = Exact<{
  code: string | number;
}>;


export type CountyPluginsQuery = { countyPlugins: Array<{ name: string, version: string, titleZh: string, titleEn: string, parameters: Array<{ key: string, value: string }> }> };

export type RegionSummaryFragment = { code: string, name: string, level: RegionLevel, stats: { households: number, residents: number, grids: number, openIncidents: number } };

export type RegionTreeQueryVariables = Exact<{
  code: string | number;
}>;


export type RegionTreeQuery = { region: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string } | null, children: Array<{ code: string, name: string, level: RegionLevel, stats: { households: number, residents: number, grids: number, openIncidents: number } }>, stats: { households: number, residents: number, grids: number, openIncidents: number } } };

export type VillageHeaderQueryVariables = Exact<{
  code: string | number;
}>;


export type VillageHeaderQuery = { region: { code: string, name: string, level: RegionLevel, parent: { code: string, name: string } | null, stats: { households: number, residents: number, grids: number, openIncidents: number } } };

export type VillageGridsQueryVariables = Exact<{
  code: string | number;
}>;


export type VillageGridsQuery = { region: { code: string, grids: Array<{ id: string, code: string, name: string, leader: { id: string, name: string } | null, members: Array<{ id: string, name: string }> }> } };

export type VillageHouseholdsQueryVariables = Exact<{
  code: string | number;
}>;


export type VillageHouseholdsQuery = { households: { totalCount: number, nodes: Array<{ id: string, number: string, address: string, head: { id: string, name: string } | null, grid: { id: string, name: string } | null }> } };

export type VillageCadresQueryVariables = Exact<{
  code: string | number;
}>;


export type VillageCadresQuery = { region: { code: string, posts: Array<{ id: string, title: string, holder: { id: string, name: string } | null }> } };

export type VillagePayrollQueryVariables = Exact<{
  code: string;
  month: string;
}>;


export type VillagePayrollQuery = { payRecords: { totalCount: number, nodes: Array<{ id: string, month: string, total: number, cadre: { id: string, name: string } }> } };

export type VillageEconomyQueryVariables = Exact<{
  code: string | number;
  year: number;
}>;


export type VillageEconomyQuery = { region: { code: string, collectiveEconomy: { year: number, operatingIncome: string, organizations: number } } };

export type VillageDisputesQueryVariables = Exact<{
  code: string | number;
}>;


export type VillageDisputesQuery = { region: { code: string, disputes: Array<{ id: string, summary: string, status: DisputeStatus, openedOn: string }> } };

export type VillagePointsQueryVariables = Exact<{
  code: string | number;
  month: string;
}>;


export type VillagePointsQuery = { region: { code: string, pointsLeaderboard: Array<{ rank: number, points: number, household: { id: string, number: string, head: { id: string, name: string } | null } }> } };

export const IncidentStateFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<IncidentStateFragment, unknown>;
export const RegionSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"residents"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"openIncidents"}}]}}]}}]} as unknown as DocumentNode<RegionSummaryFragment, unknown>;
export const IncidentDeskDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentDesk"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"incidents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tier"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}},{"kind":"Field","name":{"kind":"Name","value":"deadline"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}},{"kind":"Field","name":{"kind":"Name","value":"villageCode"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}}]}}]} as unknown as DocumentNode<IncidentDeskQuery, IncidentDeskQueryVariables>;
export const IncidentAssigneesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"IncidentAssignees"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grids"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"villageCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<IncidentAssigneesQuery, IncidentAssigneesQueryVariables>;
export const ReportIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ReportIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ReportIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<ReportIncidentMutation, ReportIncidentMutationVariables>;
export const AcceptIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AcceptIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AcceptIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<AcceptIncidentMutation, AcceptIncidentMutationVariables>;
export const DispatchIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DispatchIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DispatchIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dispatchIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentState"}},{"kind":"Field","name":{"kind":"Name","value":"assignee"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<DispatchIncidentMutation, DispatchIncidentMutationVariables>;
export const StartIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"StartIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<StartIncidentMutation, StartIncidentMutationVariables>;
export const ResolveIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResolveIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResolveIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resolveIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentState"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<ResolveIncidentMutation, ResolveIncidentMutationVariables>;
export const CloseIncidentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CloseIncident"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CloseIncidentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"closeIncident"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"IncidentState"}},{"kind":"Field","name":{"kind":"Name","value":"rating"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"IncidentState"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Incident"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"allowedActions"}}]}}]} as unknown as DocumentNode<CloseIncidentMutation, CloseIncidentMutationVariables>;
export const CountyPluginsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CountyPlugins"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"countyPlugins"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"titleZh"}},{"kind":"Field","name":{"kind":"Name","value":"titleEn"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<CountyPluginsQuery, CountyPluginsQueryVariables>;
export const RegionTreeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RegionTree"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"children"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"includeRetired"},"value":{"kind":"BooleanValue","value":false}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegionSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"residents"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"openIncidents"}}]}}]}}]} as unknown as DocumentNode<RegionTreeQuery, RegionTreeQueryVariables>;
export const VillageHeaderDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageHeader"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RegionSummary"}},{"kind":"Field","name":{"kind":"Name","value":"parent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RegionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Region"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"stats"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"}},{"kind":"Field","name":{"kind":"Name","value":"residents"}},{"kind":"Field","name":{"kind":"Name","value":"grids"}},{"kind":"Field","name":{"kind":"Name","value":"openIncidents"}}]}}]}}]} as unknown as DocumentNode<VillageHeaderQuery, VillageHeaderQueryVariables>;
export const VillageGridsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageGrids"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"grids"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"leader"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VillageGridsQuery, VillageGridsQueryVariables>;
export const VillageHouseholdsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageHouseholds"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"households"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VillageHouseholdsQuery, VillageHouseholdsQueryVariables>;
export const VillageCadresDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageCadres"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"posts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"holder"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VillageCadresQuery, VillageCadresQueryVariables>;
export const VillagePayrollDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillagePayroll"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"payRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"regionCode"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"month"}},{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"cadre"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<VillagePayrollQuery, VillagePayrollQueryVariables>;
export const VillageEconomyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageEconomy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"year"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"collectiveEconomy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"year"},"value":{"kind":"Variable","name":{"kind":"Name","value":"year"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"year"}},{"kind":"Field","name":{"kind":"Name","value":"operatingIncome"}},{"kind":"Field","name":{"kind":"Name","value":"organizations"}}]}}]}}]}}]} as unknown as DocumentNode<VillageEconomyQuery, VillageEconomyQueryVariables>;
export const VillageDisputesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillageDisputes"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"disputes"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"openedOn"}}]}}]}}]}}]} as unknown as DocumentNode<VillageDisputesQuery, VillageDisputesQueryVariables>;
export const VillagePointsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VillagePoints"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"month"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"region"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"pointsLeaderboard"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}},{"kind":"Argument","name":{"kind":"Name","value":"month"},"value":{"kind":"Variable","name":{"kind":"Name","value":"month"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rank"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"household"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<VillagePointsQuery, VillagePointsQueryVariables>;