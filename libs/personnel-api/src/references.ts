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

/** The personnel tables and key columns, for plugins whose own tables keep a personnel key. */
export const PERSONNEL_TABLES = {
  cadre: { table: 'cadre', key: 'id', keyType: 'uuid', referenceColumn: 'cadre_id', typename: 'Cadre' },
  post: { table: 'post', key: 'id', keyType: 'uuid', referenceColumn: 'post_id', typename: 'Post' },
  partyOrganization: { table: 'party_organization', key: 'id', keyType: 'uuid', referenceColumn: 'party_organization_id', typename: 'PartyOrganization' },
  partyMember: { table: 'party_member', key: 'id', keyType: 'uuid', referenceColumn: 'party_member_id', typename: 'PartyMember' },
} as const;
