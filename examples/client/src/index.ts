export { createClient, GatewayRequestError, type Client, type ClientOptions, type GatewayError } from './client';
export { CountyOverview, LastHouseholds, VillageTeam } from './operations';
export type { CountyOverviewQuery, LastHouseholdsQuery, VillageTeamQuery } from './gql/graphql';
