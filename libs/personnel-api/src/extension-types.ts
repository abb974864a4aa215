import { extensibleType, type ClassType } from '@xiangzhi/kernel';
import type { DepartureType, EducationLevel, PostCategory } from './common';

/**
 * 可扩展类型 the personnel types a plugin may add fields to, and the shape of the object its field
 * resolvers receive as `@Root()`. Use them lazily inside type-graphql decorators:
 *
 * ```ts
 * @Resolver(() => personnelType('Cadre'))
 * export class CadreExitResolver {
 *   @FieldResolver(() => [ExitFlag], { description: '…' })
 *   async suyuExitFlags(@Root() cadre: CadreShape, @Ctx() ctx: RequestContext) { … }
 * }
 * ```
 */
export interface PersonnelExtensibleTypes {
  Cadre: CadreShape;
  Post: PostShape;
  PartyOrganization: PartyOrganizationShape;
  PartyMember: PartyMemberShape;
  /** `Region @key(code)`, owned by grids: personnel knows only the code (and fields a plugin `@requires`). */
  Region: RegionKeyShape;
  Grid: { id: string };
  Resident: { id: string };
}

/** The class of a personnel type to pass to `@Resolver(() => …)`; call it inside the thunk. */
export function personnelType(name: keyof PersonnelExtensibleTypes): ClassType {
  return extensibleType('personnel', name);
}

/** 干部 what a field resolver on `Cadre` receives (personal data included: mask it yourself). */
export interface CadreShape {
  id: string;
  countyCode: string;
  villageCode: string;
  residentId: string | null;
  name: string;
  birthDate: string;
  educationLevel: EducationLevel;
  partyMember: boolean;
  partyJoinDate: string | null;
  status: 'ACTIVE' | 'SUSPENDED' | 'LEFT';
  fullTime: boolean;
  /** 任职起始日期 first day as a village cadre */
  serviceStart: string;
  rankLevel: number | null;
  departureType: DepartureType | null;
  departureDate: string | null;
}

/** 岗位 what a field resolver on `Post` receives. */
export interface PostShape {
  id: string;
  countyCode: string;
  villageCode: string;
  code: string;
  title: string;
  category: PostCategory;
  responsibilities: string[];
  fullTime: boolean;
  holderId: string | null;
  active: boolean;
}

/** 党组织 what a field resolver on `PartyOrganization` receives. */
export interface PartyOrganizationShape {
  id: string;
  countyCode: string;
  regionCode: string;
  name: string;
}

/** 党员 what a field resolver on `PartyMember` receives. */
export interface PartyMemberShape {
  id: string;
  countyCode: string;
  regionCode: string;
  organizationId: string;
  name: string;
}

/** A region as personnel sees it: the key, plus any field a plugin declared `@external` and `@requires`. */
export interface RegionKeyShape {
  code: string;
  [requiredField: string]: unknown;
}
