/**
 * 干部与党组织 entity references: plugins and other subgraphs point at personnel records by key only
 * (`{ __typename: 'Cadre', id }`) and let the federated graph resolve them.
 */
export interface CadreReference {
  __typename: 'Cadre';
  id: string;
}

export interface PostReference {
  __typename: 'Post';
  id: string;
}

export interface PartyOrganizationReference {
  __typename: 'PartyOrganization';
  id: string;
}

export interface PartyMemberReference {
  __typename: 'PartyMember';
  id: string;
}

export const cadreRef = (id: string): CadreReference => ({ __typename: 'Cadre', id });
export const postRef = (id: string): PostReference => ({ __typename: 'Post', id });
export const partyOrganizationRef = (id: string): PartyOrganizationReference => ({ __typename: 'PartyOrganization', id });
export const partyMemberRef = (id: string): PartyMemberReference => ({ __typename: 'PartyMember', id });

/**
 * The personnel tables a plugin may read (read-only SQL, through the `manager` or `ctx.dataSource` it
 * is given) when it contributes to the personnel subgraph, whose database its own tables share; and
 * the key columns a plugin in another subgraph stores (`cadre_id uuid`) while it lets the graph
 * resolve the entity. Columns listed are a published contract: they change only with a major version.
 * Writes go through the subgraph's GraphQL operations, never straight into these tables.
 */
export const PERSONNEL_TABLES = {
  cadre: {
    table: 'cadre',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'cadre_id',
    typename: 'Cadre',
    columns: ['id', 'county_code', 'village_code', 'name', 'gender', 'birth_date', 'education_level', 'party_member', 'party_join_date', 'status', 'full_time', 'service_start', 'rank_level', 'departure_type', 'departure_date'],
  },
  post: {
    table: 'post',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'post_id',
    typename: 'Post',
    columns: ['id', 'county_code', 'village_code', 'code', 'title', 'category', 'full_time', 'holder_id', 'active'],
  },
  appraisal: {
    table: 'appraisal',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'appraisal_id',
    typename: 'Appraisal',
    columns: ['id', 'county_code', 'village_code', 'township_code', 'cadre_id', 'period_type', 'period', 'scores', 'total', 'provisional_rating', 'final_rating'],
  },
  sanction: {
    table: 'sanction',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'sanction_id',
    typename: 'Sanction',
    columns: ['id', 'county_code', 'village_code', 'cadre_id', 'decided_on', 'disciplinary'],
  },
  disciplinarySanction: {
    table: 'disciplinary_sanction',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'disciplinary_sanction_id',
    typename: 'DisciplinarySanction',
    columns: ['id', 'county_code', 'village_code', 'cadre_id', 'category', 'kind', 'organ', 'decided_on', 'effect_months', 'effect_ends_on'],
  },
  trainingRecord: {
    table: 'training_record',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'training_record_id',
    typename: 'TrainingRecord',
    columns: ['id', 'county_code', 'village_code', 'cadre_id', 'start_date', 'days'],
  },
  partyOrganization: {
    table: 'party_organization',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'party_organization_id',
    typename: 'PartyOrganization',
    columns: ['id', 'county_code', 'region_code', 'name', 'kind', 'grid_id'],
  },
  partyMember: {
    table: 'party_member',
    key: 'id',
    keyType: 'uuid',
    referenceColumn: 'party_member_id',
    typename: 'PartyMember',
    columns: ['id', 'county_code', 'region_code', 'organization_id', 'name', 'points', 'mobile'],
  },
} as const;
