import { graphql } from './gql';

/** README, “A first query”: a county, its townships and their statistics (grids subgraph). */
export const CountyOverview = graphql(`
  query CountyOverview($code: ID!) {
    region(code: $code) {
      name
      level
      children {
        code
        name
        level
        stats {
          households
          residents
          grids
        }
      }
    }
  }
`);

/** README, the two-subgraph query: a village's cadres and posts (personnel) beside its grids (grids) and their Party branches (personnel). */
export const VillageTeam = graphql(`
  query VillageTeam($code: ID!) {
    region(code: $code) {
      name
      cadres {
        name
        posts {
          title
        }
      }
      grids {
        name
        partyBranch {
          name
        }
      }
    }
  }
`);

/** The last households of a village (backward paging with `last`/`before`). */
export const LastHouseholds = graphql(`
  query LastHouseholds($code: ID!, $last: Int!, $before: String) {
    households(regionCode: $code, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasPreviousPage
        startCursor
      }
      nodes {
        number
      }
    }
  }
`);
