import { JOINT_VETTING_DEPARTMENTS } from '@xiangzhi/personnel-api';

/** A disqualifying situation (不宜提名情形) a candidate may declare, by code. */
export interface SituationDefinition {
  /** Stable code a caller sends in `CandidateInput.situations`, e.g. `CRIMINAL_RECORD`. */
  code: string;
  zh: string;
  en: string;
}

/**
 * 十种情形 the ten situations that bar a person from the village committees ("不得有不宜担任村（社区）
 * '两委'成员的'十种情形'"). The seed names only the count; assumption (not in the seed): the ten are
 * composed from the national 不宜提名 rules of the 2020–2021 village election guidance — the baseline's
 * seven codes unchanged, plus three the seed itself names among its vetting aims (政治品行差, 参与宗教和
 * 封建迷信) and the common rule on collective assets. A county replaces the list in its parameters.
 */
export const TEN_SITUATIONS: SituationDefinition[] = [
  { code: 'CRIMINAL_RECORD', zh: '受过刑事处罚', en: 'has a criminal conviction' },
  { code: 'ORGANISED_CRIME', zh: '涉黑涉恶、参与宗族恶势力', en: 'involved in organised crime or clan gangs' },
  { code: 'UNDER_INVESTIGATION', zh: '正在被纪检监察机关立案审查调查或被司法机关立案侦查', en: 'under investigation by discipline or judicial organs' },
  { code: 'PARTY_DISCIPLINE', zh: '受党纪政务处分尚在影响期内', en: 'under a Party or administrative penalty still in force' },
  { code: 'ELECTION_FRAUD', zh: '有贿选等破坏选举行为', en: 'bribed or otherwise undermined an election' },
  { code: 'PETITION_AGITATION', zh: '煽动群众闹事、扰乱公共秩序', en: 'incited disturbances or disrupted public order' },
  { code: 'DEFAULTER', zh: '被列为失信被执行人', en: 'listed as a judgment defaulter' },
  { code: 'POLITICAL_CONDUCT', zh: '政治品行差，有违反党的路线方针政策的言行', en: 'poor political conduct, acting against the Party’s line and policies' },
  { code: 'RELIGION_SUPERSTITION', zh: '参与宗教活动、封建迷信或邪教组织', en: 'takes part in religious activities, feudal superstition or cults' },
  { code: 'COLLECTIVE_ASSETS', zh: '侵占、拖欠村集体资金资产拒不归还', en: 'misappropriated or owes village collective funds or assets and refuses to return them' },
];

/**
 * 联审部门 the county departments of the joint vetting, as the seed lists them: 纪检、组织、政法、公安、
 * 检察、法院、信访、卫健、农业 (personnel-api's catalogue). Every one must have vetted the candidate and passed them.
 */
export const NINE_VETTING_DEPARTMENTS = JOINT_VETTING_DEPARTMENTS;
