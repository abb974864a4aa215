/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query IncidentDesk($code: String!) {\n    incidents(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        tier\n        category\n        version\n        allowedActions\n        deadline\n        rating\n        villageCode\n        assignee {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": typeof types.IncidentDeskDocument,
    "\n  query IncidentAssignees($code: ID!) {\n    grids(villageCode: $code) {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n": typeof types.IncidentAssigneesDocument,
    "\n  fragment IncidentState on Incident {\n    id\n    status\n    version\n    allowedActions\n  }\n": typeof types.IncidentStateFragmentDoc,
    "\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      title\n      ...IncidentState\n    }\n  }\n": typeof types.ReportIncidentDocument,
    "\n  mutation AcceptIncident($input: AcceptIncidentInput!) {\n    acceptIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n": typeof types.AcceptIncidentDocument,
    "\n  mutation DispatchIncident($input: DispatchIncidentInput!) {\n    dispatchIncident(input: $input) {\n      ...IncidentState\n      assignee {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.DispatchIncidentDocument,
    "\n  mutation StartIncident($input: StartIncidentInput!) {\n    startIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n": typeof types.StartIncidentDocument,
    "\n  mutation ResolveIncident($input: ResolveIncidentInput!) {\n    resolveIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n": typeof types.ResolveIncidentDocument,
    "\n  mutation CloseIncident($input: CloseIncidentInput!) {\n    closeIncident(input: $input) {\n      ...IncidentState\n      rating\n    }\n  }\n": typeof types.CloseIncidentDocument,
    "\n  query CountyPlugins($code: ID!) {\n    countyPlugins(regionCode: $code) {\n      name\n      version\n      titleZh\n      titleEn\n      parameters {\n        key\n        value\n      }\n    }\n  }\n": typeof types.CountyPluginsDocument,
    "\n  fragment RegionSummary on Region {\n    code\n    name\n    level\n    stats {\n      households\n      residents\n      grids\n      openIncidents\n    }\n  }\n": typeof types.RegionSummaryFragmentDoc,
    "\n  query RegionTree($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n      children(includeRetired: false) {\n        ...RegionSummary\n      }\n    }\n  }\n": typeof types.RegionTreeDocument,
    "\n  query VillageHeader($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n    }\n  }\n": typeof types.VillageHeaderDocument,
    "\n  query VillageGrids($code: ID!) {\n    region(code: $code) {\n      code\n      grids {\n        id\n        code\n        name\n        leader {\n          id\n          name\n        }\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.VillageGridsDocument,
    "\n  query VillageHouseholds($code: ID!) {\n    households(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        number\n        address\n        head {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.VillageHouseholdsDocument,
    "\n  query VillageCadres($code: ID!) {\n    region(code: $code) {\n      code\n      posts {\n        id\n        title\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.VillageCadresDocument,
    "\n  query VillagePayroll($code: String!, $month: String!) {\n    payRecords(regionCode: $code, month: $month, first: 50) {\n      totalCount\n      nodes {\n        id\n        month\n        total\n        cadre {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.VillagePayrollDocument,
    "\n  query VillageEconomy($code: ID!, $year: Int!) {\n    region(code: $code) {\n      code\n      collectiveEconomy(year: $year) {\n        year\n        operatingIncome\n        organizations\n      }\n    }\n  }\n": typeof types.VillageEconomyDocument,
    "\n  query VillageDisputes($code: ID!) {\n    region(code: $code) {\n      code\n      disputes(first: 10) {\n        id\n        summary\n        status\n        openedOn\n      }\n    }\n  }\n": typeof types.VillageDisputesDocument,
    "\n  query VillagePoints($code: ID!, $month: String!) {\n    region(code: $code) {\n      code\n      pointsLeaderboard(first: 10, month: $month) {\n        rank\n        points\n        household {\n          id\n          number\n          head {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.VillagePointsDocument,
};
const documents: Documents = {
    "\n  query IncidentDesk($code: String!) {\n    incidents(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        tier\n        category\n        version\n        allowedActions\n        deadline\n        rating\n        villageCode\n        assignee {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n": types.IncidentDeskDocument,
    "\n  query IncidentAssignees($code: ID!) {\n    grids(villageCode: $code) {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n": types.IncidentAssigneesDocument,
    "\n  fragment IncidentState on Incident {\n    id\n    status\n    version\n    allowedActions\n  }\n": types.IncidentStateFragmentDoc,
    "\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      title\n      ...IncidentState\n    }\n  }\n": types.ReportIncidentDocument,
    "\n  mutation AcceptIncident($input: AcceptIncidentInput!) {\n    acceptIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n": types.AcceptIncidentDocument,
    "\n  mutation DispatchIncident($input: DispatchIncidentInput!) {\n    dispatchIncident(input: $input) {\n      ...IncidentState\n      assignee {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.DispatchIncidentDocument,
    "\n  mutation StartIncident($input: StartIncidentInput!) {\n    startIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n": types.StartIncidentDocument,
    "\n  mutation ResolveIncident($input: ResolveIncidentInput!) {\n    resolveIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n": types.ResolveIncidentDocument,
    "\n  mutation CloseIncident($input: CloseIncidentInput!) {\n    closeIncident(input: $input) {\n      ...IncidentState\n      rating\n    }\n  }\n": types.CloseIncidentDocument,
    "\n  query CountyPlugins($code: ID!) {\n    countyPlugins(regionCode: $code) {\n      name\n      version\n      titleZh\n      titleEn\n      parameters {\n        key\n        value\n      }\n    }\n  }\n": types.CountyPluginsDocument,
    "\n  fragment RegionSummary on Region {\n    code\n    name\n    level\n    stats {\n      households\n      residents\n      grids\n      openIncidents\n    }\n  }\n": types.RegionSummaryFragmentDoc,
    "\n  query RegionTree($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n      children(includeRetired: false) {\n        ...RegionSummary\n      }\n    }\n  }\n": types.RegionTreeDocument,
    "\n  query VillageHeader($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n    }\n  }\n": types.VillageHeaderDocument,
    "\n  query VillageGrids($code: ID!) {\n    region(code: $code) {\n      code\n      grids {\n        id\n        code\n        name\n        leader {\n          id\n          name\n        }\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.VillageGridsDocument,
    "\n  query VillageHouseholds($code: ID!) {\n    households(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        number\n        address\n        head {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.VillageHouseholdsDocument,
    "\n  query VillageCadres($code: ID!) {\n    region(code: $code) {\n      code\n      posts {\n        id\n        title\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.VillageCadresDocument,
    "\n  query VillagePayroll($code: String!, $month: String!) {\n    payRecords(regionCode: $code, month: $month, first: 50) {\n      totalCount\n      nodes {\n        id\n        month\n        total\n        cadre {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.VillagePayrollDocument,
    "\n  query VillageEconomy($code: ID!, $year: Int!) {\n    region(code: $code) {\n      code\n      collectiveEconomy(year: $year) {\n        year\n        operatingIncome\n        organizations\n      }\n    }\n  }\n": types.VillageEconomyDocument,
    "\n  query VillageDisputes($code: ID!) {\n    region(code: $code) {\n      code\n      disputes(first: 10) {\n        id\n        summary\n        status\n        openedOn\n      }\n    }\n  }\n": types.VillageDisputesDocument,
    "\n  query VillagePoints($code: ID!, $month: String!) {\n    region(code: $code) {\n      code\n      pointsLeaderboard(first: 10, month: $month) {\n        rank\n        points\n        household {\n          id\n          number\n          head {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.VillagePointsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentDesk($code: String!) {\n    incidents(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        tier\n        category\n        version\n        allowedActions\n        deadline\n        rating\n        villageCode\n        assignee {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentDesk($code: String!) {\n    incidents(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        title\n        status\n        tier\n        category\n        version\n        allowedActions\n        deadline\n        rating\n        villageCode\n        assignee {\n          id\n          name\n          kind\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query IncidentAssignees($code: ID!) {\n    grids(villageCode: $code) {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query IncidentAssignees($code: ID!) {\n    grids(villageCode: $code) {\n      id\n      name\n      members {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment IncidentState on Incident {\n    id\n    status\n    version\n    allowedActions\n  }\n"): (typeof documents)["\n  fragment IncidentState on Incident {\n    id\n    status\n    version\n    allowedActions\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      title\n      ...IncidentState\n    }\n  }\n"): (typeof documents)["\n  mutation ReportIncident($input: ReportIncidentInput!) {\n    reportIncident(input: $input) {\n      title\n      ...IncidentState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptIncident($input: AcceptIncidentInput!) {\n    acceptIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptIncident($input: AcceptIncidentInput!) {\n    acceptIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DispatchIncident($input: DispatchIncidentInput!) {\n    dispatchIncident(input: $input) {\n      ...IncidentState\n      assignee {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DispatchIncident($input: DispatchIncidentInput!) {\n    dispatchIncident(input: $input) {\n      ...IncidentState\n      assignee {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartIncident($input: StartIncidentInput!) {\n    startIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n"): (typeof documents)["\n  mutation StartIncident($input: StartIncidentInput!) {\n    startIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveIncident($input: ResolveIncidentInput!) {\n    resolveIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveIncident($input: ResolveIncidentInput!) {\n    resolveIncident(input: $input) {\n      ...IncidentState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseIncident($input: CloseIncidentInput!) {\n    closeIncident(input: $input) {\n      ...IncidentState\n      rating\n    }\n  }\n"): (typeof documents)["\n  mutation CloseIncident($input: CloseIncidentInput!) {\n    closeIncident(input: $input) {\n      ...IncidentState\n      rating\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CountyPlugins($code: ID!) {\n    countyPlugins(regionCode: $code) {\n      name\n      version\n      titleZh\n      titleEn\n      parameters {\n        key\n        value\n      }\n    }\n  }\n"): (typeof documents)["\n  query CountyPlugins($code: ID!) {\n    countyPlugins(regionCode: $code) {\n      name\n      version\n      titleZh\n      titleEn\n      parameters {\n        key\n        value\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RegionSummary on Region {\n    code\n    name\n    level\n    stats {\n      households\n      residents\n      grids\n      openIncidents\n    }\n  }\n"): (typeof documents)["\n  fragment RegionSummary on Region {\n    code\n    name\n    level\n    stats {\n      households\n      residents\n      grids\n      openIncidents\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionTree($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n      children(includeRetired: false) {\n        ...RegionSummary\n      }\n    }\n  }\n"): (typeof documents)["\n  query RegionTree($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n      children(includeRetired: false) {\n        ...RegionSummary\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillageHeader($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillageHeader($code: ID!) {\n    region(code: $code) {\n      ...RegionSummary\n      parent {\n        code\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillageGrids($code: ID!) {\n    region(code: $code) {\n      code\n      grids {\n        id\n        code\n        name\n        leader {\n          id\n          name\n        }\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillageGrids($code: ID!) {\n    region(code: $code) {\n      code\n      grids {\n        id\n        code\n        name\n        leader {\n          id\n          name\n        }\n        members {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillageHouseholds($code: ID!) {\n    households(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        number\n        address\n        head {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillageHouseholds($code: ID!) {\n    households(regionCode: $code, first: 20) {\n      totalCount\n      nodes {\n        id\n        number\n        address\n        head {\n          id\n          name\n        }\n        grid {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillageCadres($code: ID!) {\n    region(code: $code) {\n      code\n      posts {\n        id\n        title\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillageCadres($code: ID!) {\n    region(code: $code) {\n      code\n      posts {\n        id\n        title\n        holder {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillagePayroll($code: String!, $month: String!) {\n    payRecords(regionCode: $code, month: $month, first: 50) {\n      totalCount\n      nodes {\n        id\n        month\n        total\n        cadre {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillagePayroll($code: String!, $month: String!) {\n    payRecords(regionCode: $code, month: $month, first: 50) {\n      totalCount\n      nodes {\n        id\n        month\n        total\n        cadre {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillageEconomy($code: ID!, $year: Int!) {\n    region(code: $code) {\n      code\n      collectiveEconomy(year: $year) {\n        year\n        operatingIncome\n        organizations\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillageEconomy($code: ID!, $year: Int!) {\n    region(code: $code) {\n      code\n      collectiveEconomy(year: $year) {\n        year\n        operatingIncome\n        organizations\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillageDisputes($code: ID!) {\n    region(code: $code) {\n      code\n      disputes(first: 10) {\n        id\n        summary\n        status\n        openedOn\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillageDisputes($code: ID!) {\n    region(code: $code) {\n      code\n      disputes(first: 10) {\n        id\n        summary\n        status\n        openedOn\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VillagePoints($code: ID!, $month: String!) {\n    region(code: $code) {\n      code\n      pointsLeaderboard(first: 10, month: $month) {\n        rank\n        points\n        household {\n          id\n          number\n          head {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VillagePoints($code: ID!, $month: String!) {\n    region(code: $code) {\n      code\n      pointsLeaderboard(first: 10, month: $month) {\n        rank\n        points\n        household {\n          id\n          number\n          head {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;