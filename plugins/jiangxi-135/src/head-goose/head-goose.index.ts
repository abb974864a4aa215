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
}

/** 指标 one part of the index: its weight and its value on a 0–100 scale (null when there is no data). */
export interface HeadGoosePartValue {
  code: 'ANNUAL_APPRAISAL' | 'TRAINING' | 'PARTY_POINTS' | 'INCIDENT_ON_TIME' | 'INCIDENT_RATING';
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
 * - INCIDENT_RATING: residents' average rating ÷ 5 (grids).
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
  const shown = parts.filter((x) => x.weight > 0);
  const measured = shown.filter((x): x is HeadGoosePartValue & { value: number } => x.value !== null);
  const weight = measured.reduce((s, x) => s + x.weight, 0);
  const index = weight > 0 ? round1(measured.reduce((s, x) => s + x.weight * x.value, 0) / weight) : null;
  return { index, parts: shown };
}
