/** 发展模式 the development models of a collective economic organisation. */
export enum DevelopmentModel {
  /** 经营土地型 land management */
  LAND = 'LAND',
  /** 资产经营型 asset management */
  ASSET = 'ASSET',
  /** 资源开发型 resource development */
  RESOURCE = 'RESOURCE',
  /** 资本运作型 capital operation */
  CAPITAL = 'CAPITAL',
  /** 合作服务型 cooperative services */
  SERVICE = 'SERVICE',
}

/** 组织状态 the status of a collective economic organisation. */
export enum OrganizationStatus {
  /** 正常 active */
  ACTIVE = 'ACTIVE',
  /** 已合并（作为新组织的下属组织继续存在，四不变）merged: lives on as a sub-organisation of the merged village's organisation */
  MERGED = 'MERGED',
  /** 已注销 dissolved */
  DISSOLVED = 'DISSOLVED',
}

/**
 * 集体经济组织 what plugins see of a collective economic organisation (the `CollectiveOrganization`
 * entity, key `id`).
 */
export interface CollectiveOrganizationShape {
  id: string;
  countyCode: string;
  villageCode: string;
  name: string;
  creditCode: string;
  foundedOn: string;
  developmentModel: DevelopmentModel;
  status: OrganizationStatus;
  parentId: string | null;
  version: number;
}
