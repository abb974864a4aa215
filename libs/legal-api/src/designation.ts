import { createExtensionPoint } from '@xiangzhi/kernel';

/** 创建命名类型 kinds of safe-village designation. */
export enum DesignationKind {
  /** 无诉村（居）a village without lawsuits */
  NO_LITIGATION_VILLAGE = 'NO_LITIGATION_VILLAGE',
  /** 信访工作“三无”乡（镇）a township without irregular petitions */
  THREE_NO_TOWNSHIP = 'THREE_NO_TOWNSHIP',
  /** 民主法治示范村 democracy and rule-of-law exemplar village */
  RULE_OF_LAW_EXEMPLAR = 'RULE_OF_LAW_EXEMPLAR',
}

/** A village's rule-of-law record for one year, as the designation policy sees it. */
export interface VillageYearRecord {
  villageCode: string;
  year: number;
  /** 诉讼 lawsuits recorded for the village in the year. */
  lawsuits: number;
  /** 信访 petitions of the year by the level they reached. */
  petitionsByLevel: Readonly<Record<'VILLAGE' | 'TOWNSHIP' | 'COUNTY' | 'ABOVE', number>>;
  /** 纠纷 disputes opened in the year. */
  disputes: number;
  /** Of those, still open (not closed) at the end of the year or now, whichever is earlier. */
  openDisputes: number;
  /** 民转刑 disputes of the year that turned criminal. */
  crimeCases: number;
}

/** One reason for or against a designation. */
export interface DesignationReason {
  rule: string;
  zh: string;
  en: string;
}

/** What a designation policy decides for one village and one kind. */
export interface DesignationDecision {
  kind: DesignationKind;
  designated: boolean;
  reasonsFor: DesignationReason[];
  reasonsAgainst: DesignationReason[];
}

/**
 * 创建命名规则 which villages earn which designation in a year, from their records. Pure: the legal
 * subgraph gathers the records (one grouped statement per region) and stores every decision with its
 * reasons, designated or not.
 */
export interface DesignationPolicy {
  /** The kinds this policy decides for villages. */
  readonly kinds: readonly DesignationKind[];
  decide(record: VillageYearRecord): DesignationDecision[];
}

/** 创建命名规则 extension point (`legal.designation`). */
export const designationPolicyPoint = createExtensionPoint<DesignationPolicy>({
  id: 'legal.designation',
  subgraph: 'legal',
  title: { zh: '平安创建命名规则', en: 'Safe-village designation policy' },
});

/**
 * National baseline for 无诉村（居）: no lawsuit in the year, no petition above the township (to
 * the county or above) in the year, and every dispute of the year closed. Each condition is a reason
 * for (met) or against (not met).
 */
export class DefaultDesignationPolicy implements DesignationPolicy {
  readonly kinds = [DesignationKind.NO_LITIGATION_VILLAGE] as const;

  decide(r: VillageYearRecord): DesignationDecision[] {
    const reasonsFor: DesignationReason[] = [];
    const reasonsAgainst: DesignationReason[] = [];
    if (r.lawsuits === 0) reasonsFor.push({ rule: 'NO_LAWSUIT', zh: `${r.year}年无诉讼案件`, en: `No lawsuit in ${r.year}` });
    else reasonsAgainst.push({ rule: 'LAWSUITS', zh: `${r.year}年有诉讼案件${r.lawsuits}件`, en: `${r.lawsuits} lawsuit(s) in ${r.year}` });
    const above = r.petitionsByLevel.COUNTY + r.petitionsByLevel.ABOVE;
    if (above === 0) reasonsFor.push({ rule: 'NO_PETITION_ABOVE_TOWNSHIP', zh: `${r.year}年无到县及以上信访`, en: `No petition above the township in ${r.year}` });
    else reasonsAgainst.push({ rule: 'PETITIONS_ABOVE_TOWNSHIP', zh: `${r.year}年有到县及以上信访${above}件`, en: `${above} petition(s) above the township in ${r.year}` });
    if (r.openDisputes === 0) reasonsFor.push({ rule: 'ALL_DISPUTES_CLOSED', zh: `${r.year}年纠纷${r.disputes}件全部办结`, en: `All ${r.disputes} dispute(s) of ${r.year} closed` });
    else reasonsAgainst.push({ rule: 'DISPUTES_OPEN', zh: `${r.year}年纠纷尚有${r.openDisputes}件未办结`, en: `${r.openDisputes} dispute(s) of ${r.year} still open` });
    return [{ kind: DesignationKind.NO_LITIGATION_VILLAGE, designated: reasonsAgainst.length === 0, reasonsFor, reasonsAgainst }];
  }
}
