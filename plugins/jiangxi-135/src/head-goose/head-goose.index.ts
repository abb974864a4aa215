import type { JiangxiHeadGooseConfig } from '../config';

/** The facts the head-goose index of one village secretary draws on. */
export interface HeadGooseFacts {
  /** The secretary's latest annual appraisal (personnel), or null when never appraised. */
  appraisal: { year: string; total: number } | null;
  /** Training days this year (personnel). */
  trainingDays: number;
  /** The village's Party members and their average points (personnel); null without members. */
  partyPoints: { members: number; average: number } | null;
  /** The village's incident handling this year (grids, through federation). */
  incidents: { total: number; closed: number; due: number; closedOnTime: number; averageRating: number | null } | null;
  /** The village's year in legal, civility and economy (the plugin's projection of their events); null when none arrived. */
  governance?: GovernanceFacts | null;
}

/** 治理指标 what the legal, civility and economy subgraphs published about a village's year. */
export interface GovernanceFacts {
  disputesOpened: number;
  disputesClosed: number;
  listsPublished: number;
  /** Lists published without a black-list household. */
  listsClean: number;
  disclosures: number;
  disclosuresOnTime: number;
  /** Operating income of the year in fen; null when no income was recorded. */
  operatingIncomeFen: bigint | null;
}

/** 指标 one part of the index: its weight and its value on a 0–100 scale (null when there is no data). */
export interface HeadGoosePartValue {
  code:
    | 'ANNUAL_APPRAISAL'
    | 'TRAINING'
    | 'PARTY_POINTS'
    | 'INCIDENT_ON_TIME'
    | 'INCIDENT_RATING'
    | 'DISPUTES_RESOLVED'
    | 'CIVILITY_LISTS'
    | 'DISCLOSURE_ON_TIME'
    | 'COLLECTIVE_INCOME';
  title: string;
  titleEn: string;
  weight: number;
  value: number | null;
  /** What the value was computed from, in both languages. */
  basis: string;
  basisEn: string;
}

export interface HeadGooseResult {
  /** 0–100, one decimal; null when no part has data. */
  index: number | null;
  parts: HeadGoosePartValue[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const capped = (x: number) => round1(Math.max(0, Math.min(100, x)));

/**
 * 头雁指数 a village Party secretary's quantified index (0–100): the weighted mean of
 * - ANNUAL_APPRAISAL: the latest annual appraisal total;
 * - TRAINING: training days this year ÷ `trainingDaysTarget` (capped at 100);
 * - PARTY_POINTS: the village's average Party member points ÷ `partyPointsTarget` (capped);
 * - INCIDENT_ON_TIME: closed incidents resolved (办结) by their deadline ÷ this year's incidents due by
 *   now — resolved, closed, or past their deadline — so an incident not yet due costs nothing (grids);
 * - INCIDENT_RATING: residents' average rating ÷ 5 (grids);
 * - DISPUTES_RESOLVED: disputes closed ÷ disputes opened this year (legal events; capped);
 * - CIVILITY_LISTS: red-black lists without a black-list household ÷ lists published this year (civility events);
 * - DISCLOSURE_ON_TIME: disclosures published by their due day ÷ disclosures published this year (economy events);
 * - COLLECTIVE_INCOME: operating income this year ÷ `collectiveIncomeTargetYuan` (economy events; capped).
 * A part with weight 0 is left out; a part without data (no appraisal, no members, no incidents, no
 * rating) is shown with a null value and the weights of the others are rescaled, so a secretary is
 * neither rewarded nor punished for what cannot be measured.
 */
export function headGooseIndex(facts: HeadGooseFacts, config: JiangxiHeadGooseConfig): HeadGooseResult {
  const w = config.weights;
  const parts: HeadGoosePartValue[] = [];
  const a = facts.appraisal;
  parts.push({
    code: 'ANNUAL_APPRAISAL',
    title: '年度考核',
    titleEn: 'Annual appraisal',
    weight: w.appraisal,
    value: a ? capped(a.total) : null,
    basis: a ? `${a.year}年度考核总分${a.total}` : '尚无年度考核',
    basisEn: a ? `annual appraisal ${a.year}: total ${a.total}` : 'no annual appraisal yet',
  });
  parts.push({
    code: 'TRAINING',
    title: '教育培训',
    titleEn: 'Training',
    weight: w.training,
    value: capped((facts.trainingDays / config.trainingDaysTarget) * 100),
    basis: `本年度培训${facts.trainingDays}天（目标${config.trainingDaysTarget}天）`,
    basisEn: `${facts.trainingDays} training days this year (target ${config.trainingDaysTarget})`,
  });
  const p = facts.partyPoints;
  parts.push({
    code: 'PARTY_POINTS',
    title: '党员积分',
    titleEn: 'Party member points',
    weight: w.partyPoints,
    value: p ? capped((p.average / config.partyPointsTarget) * 100) : null,
    basis: p ? `本村${p.members}名党员平均积分${round1(p.average)}（目标${config.partyPointsTarget}）` : '本村尚无登记党员',
    basisEn: p ? `${p.members} Party members, average ${round1(p.average)} points (target ${config.partyPointsTarget})` : 'no Party members registered',
  });
  const i = facts.incidents;
  parts.push({
    code: 'INCIDENT_ON_TIME',
    title: '事件按期办结',
    titleEn: 'Incidents resolved on time',
    weight: w.incidentOnTime,
    value: i && i.due > 0 ? capped((i.closedOnTime / i.due) * 100) : null,
    basis: i ? `本年度上报${i.total}件，到期应办结${i.due}件，按期办结${i.closedOnTime}件` : '无事件数据',
    basisEn: i ? `${i.total} incidents this year, ${i.due} due by now, ${i.closedOnTime} resolved on time` : 'no incident data',
  });
  parts.push({
    code: 'INCIDENT_RATING',
    title: '群众评价',
    titleEn: 'Residents’ rating',
    weight: w.incidentRating,
    value: i && i.averageRating !== null ? capped((i.averageRating / 5) * 100) : null,
    basis: i && i.averageRating !== null ? `已关闭${i.closed}件，平均评价${i.averageRating}（满分5）` : '尚无群众评价',
    basisEn: i && i.averageRating !== null ? `${i.closed} closed, average rating ${i.averageRating} of 5` : 'no ratings yet',
  });
  const g = facts.governance ?? null;
  parts.push({
    code: 'DISPUTES_RESOLVED',
    title: '矛盾纠纷化解',
    titleEn: 'Disputes resolved',
    weight: w.disputesResolved,
    value: g && g.disputesOpened > 0 ? capped((g.disputesClosed / g.disputesOpened) * 100) : null,
    basis: g && g.disputesOpened > 0 ? `本年度受理纠纷${g.disputesOpened}件，办结${g.disputesClosed}件` : '本年度无纠纷数据',
    basisEn: g && g.disputesOpened > 0 ? `${g.disputesOpened} disputes opened this year, ${g.disputesClosed} closed` : 'no dispute data this year',
  });
  parts.push({
    code: 'CIVILITY_LISTS',
    title: '乡风文明（红黑榜）',
    titleEn: 'Civility (red and black lists)',
    weight: w.civilityLists,
    value: g && g.listsPublished > 0 ? capped((g.listsClean / g.listsPublished) * 100) : null,
    basis: g && g.listsPublished > 0 ? `本年度发布红黑榜${g.listsPublished}期，其中${g.listsClean}期无黑榜户` : '本年度未发布红黑榜',
    basisEn: g && g.listsPublished > 0 ? `${g.listsPublished} lists published this year, ${g.listsClean} without a black-list household` : 'no list published this year',
  });
  parts.push({
    code: 'DISCLOSURE_ON_TIME',
    title: '三务按时公开',
    titleEn: 'Disclosures on time',
    weight: w.disclosureOnTime,
    value: g && g.disclosures > 0 ? capped((g.disclosuresOnTime / g.disclosures) * 100) : null,
    basis: g && g.disclosures > 0 ? `本年度公开${g.disclosures}次，按时${g.disclosuresOnTime}次` : '本年度无公开记录',
    basisEn: g && g.disclosures > 0 ? `${g.disclosures} disclosures this year, ${g.disclosuresOnTime} on time` : 'no disclosure this year',
  });
  const income = g?.operatingIncomeFen ?? null;
  const target = config.collectiveIncomeTargetYuan;
  const incomeYuan = income === null ? null : Number(income) / 100;
  parts.push({
    code: 'COLLECTIVE_INCOME',
    title: '村集体经济',
    titleEn: 'Collective income',
    weight: w.collectiveIncome,
    value: incomeYuan === null ? null : capped((incomeYuan / target) * 100),
    basis: incomeYuan === null ? '本年度无经营性收入记录' : `本年度村集体经营性收入${incomeYuan.toFixed(2)}元（目标${target}元）`,
    basisEn: incomeYuan === null ? 'no operating income recorded this year' : `operating income this year ${incomeYuan.toFixed(2)} CNY (target ${target})`,
  });
  const shown = parts.filter((x) => x.weight > 0);
  const measured = shown.filter((x): x is HeadGoosePartValue & { value: number } => x.value !== null);
  const weight = measured.reduce((s, x) => s + x.weight, 0);
  const index = weight > 0 ? round1(measured.reduce((s, x) => s + x.weight * x.value, 0) / weight) : null;
  return { index, parts: shown };
}
