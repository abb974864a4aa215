import { checkReferences } from '@xiangzhi/grids-api';
import { pointsPolicyPoint } from '@xiangzhi/civility-api';
import { badInput, conflict, forbidden, groupByPrefix, mutate, mutateOnce, notFound, todayInChina, type RequestContext } from '@xiangzhi/kernel';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CADRE_ROLES, CivilityAccess, MANAGER_ROLES } from '../shared/access';
import { countyCodeOf, requireNotFuture, requireRegionCode, requireVillageCode } from '../shared/checks';
import { rows, type Sql } from '../shared/sql';
import { PointsRule, VillageRules, type AdoptVillageRulesInput, type DefinePointsRuleInput, type FileVillageRulesInput } from './rules.types';

interface VillageRulesRow {
  id: string;
  village_code: string;
  version: number;
  title: string;
  text: string;
  articles: { number: string; text: string }[] | string;
  meeting_date: string;
  members_entitled: number;
  attendees: number;
  votes_for: number;
  votes_against: number;
  votes_abstain: number;
  filed_with: string | null;
  filed_on: string | null;
  effective_from: string;
  effective_to: string | null;
}

export const VILLAGE_RULES_COLUMNS = `id::text AS id, village_code, version, title, text, articles, to_char(meeting_date, 'YYYY-MM-DD') AS meeting_date, members_entitled, attendees,
  votes_for, votes_against, votes_abstain, filed_with, to_char(filed_on, 'YYYY-MM-DD') AS filed_on, to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(effective_to, 'YYYY-MM-DD') AS effective_to`;

export function toVillageRules(r: VillageRulesRow): VillageRules {
  return Object.assign(new VillageRules(), {
    id: r.id,
    villageCode: r.village_code,
    version: r.version,
    title: r.title,
    text: r.text,
    articles: typeof r.articles === 'string' ? (JSON.parse(r.articles) as { number: string; text: string }[]) : r.articles,
    meetingDate: r.meeting_date,
    membersEntitled: r.members_entitled,
    attendees: r.attendees,
    votesFor: r.votes_for,
    votesAgainst: r.votes_against,
    votesAbstain: r.votes_abstain,
    filedWith: r.filed_with,
    filedOn: r.filed_on,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  });
}

function refuse(field: string, rule: string, value: unknown, zh: string, en: string): never {
  throw badInput(`${zh}：${field} = ${String(value)}`, `${en}: ${field} = ${String(value)}`, { field, rule, value });
}

/**
 * 表决检查 the vote of a villagers' meeting, checked as for 四议两公开: attendees no more than the
 * members entitled, votes no more than attendees, more than half of the members present (quorum) and
 * more than half of the attendees for (majority).
 */
export function checkVote(v: { membersEntitled: number; attendees: number; votesFor: number; votesAgainst: number; votesAbstain: number }): void {
  if (v.attendees > v.membersEntitled) {
    refuse('attendees', 'ATTENDEES_EXCEED_MEMBERS', v.attendees, `实到人数多于应到人数（${v.membersEntitled}）`, `More attendees than members entitled (${v.membersEntitled})`);
  }
  const votes = v.votesFor + v.votesAgainst + v.votesAbstain;
  if (votes > v.attendees) {
    refuse('votesFor', 'VOTES_EXCEED_ATTENDEES', votes, `票数合计${votes}多于实到人数${v.attendees}`, `${votes} votes in all, more than the ${v.attendees} attendees`);
  }
  if (v.attendees * 2 <= v.membersEntitled) {
    refuse('attendees', 'QUORUM_NOT_MET', v.attendees, `实到人数未过应到人数${v.membersEntitled}的半数，会议不足法定人数`, `Attendees are not more than half of the ${v.membersEntitled} members entitled: no quorum`);
  }
  if (v.votesFor * 2 <= v.attendees) {
    refuse('votesFor', 'MAJORITY_NOT_REACHED', v.votesFor, `赞成票未过实到人数${v.attendees}的半数，未通过`, `Votes for are not more than half of the ${v.attendees} attendees: not adopted`);
  }
}

function overlaps(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (bTo === null || aFrom < bTo) && (aTo === null || bFrom < aTo);
}

/** 村民会议通过村规民约 adopts a new version of a village's rules; one version in force at a time. */
export async function adoptVillageRules(ctx: RequestContext, input: AdoptVillageRulesInput): Promise<VillageRules> {
  requireVillageCode(input.villageCode);
  const access = CivilityAccess.of(ctx);
  access.requireWrite(input.villageCode, CADRE_ROLES);
  requireNotFuture(input.meetingDate, 'meetingDate', { zh: '村民会议日期', en: 'meeting date' });
  checkVote(input);
  if (input.effectiveFrom < input.meetingDate) {
    refuse('effectiveFrom', 'EFFECTIVE_BEFORE_MEETING', input.effectiveFrom, `生效日期早于村民会议日期${input.meetingDate}`, `In force before the meeting of ${input.meetingDate}`);
  }
  if (input.effectiveTo && input.effectiveTo <= input.effectiveFrom) {
    refuse('effectiveTo', 'PERIOD_ORDER', input.effectiveTo, `失效日期须晚于生效日期${input.effectiveFrom}`, `The end must come after the start ${input.effectiveFrom}`);
  }
  const numbers = input.articles.map((a) => a.number.trim());
  const dup = numbers.find((n, i) => numbers.indexOf(n) !== i);
  if (dup) refuse('articles', 'ARTICLE_DUPLICATE', dup, '条款编号重复', 'An article number appears twice');
  await checkReferences(ctx.dataSource, { regions: [{ field: 'villageCode', code: input.villageCode, on: input.effectiveFrom }] });
  return mutateOnce(
    ctx,
    { operation: 'adoptVillageRules', key: input.idempotencyKey, input, idOf: (r) => r.id, replay: (id) => villageRulesById(ctx.dataSource, id) },
    { action: 'adoptVillageRules', targetType: 'VillageRules', regionCode: input.villageCode, targetId: (r) => r.id, payload: { title: input.title, effectiveFrom: input.effectiveFrom } },
    async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('village_rules:' || $1))`, [input.villageCode]);
      const existing = await rows<VillageRulesRow>(m, `SELECT ${VILLAGE_RULES_COLUMNS} FROM village_rules WHERE village_code = $1 ORDER BY version FOR UPDATE`, [input.villageCode]);
      const to = input.effectiveTo ?? null;
      let clash = existing.filter((r) => overlaps(input.effectiveFrom, to, r.effective_from, r.effective_to));
      if (input.supersedesId) {
        const replaced = existing.find((r) => r.id === input.supersedesId);
        if (!replaced) refuse('supersedesId', 'SUPERSEDED_UNKNOWN', input.supersedesId, '所取代的版本不是本村的村规民约', 'The version to replace is not one of this village’s rules');
        if (replaced.effective_from >= input.effectiveFrom) {
          refuse('supersedesId', 'SUPERSEDED_NOT_EARLIER', input.supersedesId, `所取代的版本生效于${replaced.effective_from}，不早于本版`, `The version to replace starts on ${replaced.effective_from}, not before this one`);
        }
        clash = clash.filter((r) => r.id !== replaced.id);
      }
      if (clash.length > 0) {
        const c = clash[0];
        refuse(
          'effectiveFrom',
          'RULES_OVERLAP',
          input.effectiveFrom,
          `与第${c.version}版（${c.effective_from}起${c.effective_to ? `至${c.effective_to}` : '长期有效'}）期间重叠，同一时间只能有一个版本有效（取代现行版本请填 supersedesId）`,
          `Overlaps version ${c.version} (in force from ${c.effective_from}${c.effective_to ? ` to ${c.effective_to}` : ' without end'}); one version is in force at a time (give supersedesId to replace it)`,
        );
      }
      if (input.supersedesId) await m.query(`UPDATE village_rules SET effective_to = $2 WHERE id = $1`, [input.supersedesId, input.effectiveFrom]);
      const id = randomUUID();
      const version = existing.reduce((max, r) => Math.max(max, r.version), 0) + 1;
      await m.query(
        `INSERT INTO village_rules (id, county_code, village_code, version, title, text, articles, meeting_date, members_entitled, attendees, votes_for, votes_against, votes_abstain,
           effective_from, effective_to, adopted_by) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
        [
          id,
          countyCodeOf(input.villageCode),
          input.villageCode,
          version,
          input.title.trim(),
          input.text,
          JSON.stringify(input.articles.map((a) => ({ number: a.number.trim(), text: a.text }))),
          input.meetingDate,
          input.membersEntitled,
          input.attendees,
          input.votesFor,
          input.votesAgainst,
          input.votesAbstain,
          input.effectiveFrom,
          to,
          ctx.actor.id,
        ],
      );
      return villageRulesById(m, id);
    },
  );
}

export async function villageRulesById(db: Sql | EntityManager, id: string): Promise<VillageRules> {
  const [row] = await rows<VillageRulesRow>(db, `SELECT ${VILLAGE_RULES_COLUMNS} FROM village_rules WHERE id = $1`, [id]);
  if (!row) throw notFound('村规民约', 'Village rules', id);
  return toVillageRules(row);
}

/** 备案 files a version with the township (township officers and county administrators). */
export async function fileVillageRules(ctx: RequestContext, input: FileVillageRulesInput): Promise<VillageRules> {
  const rules = await villageRulesById(ctx.dataSource, input.id);
  const access = CivilityAccess.of(ctx);
  access.requireVisible(rules.villageCode, { zh: '村规民约', en: 'Village rules', key: input.id });
  access.requireWrite(rules.villageCode, MANAGER_ROLES);
  requireNotFuture(input.filedOn, 'filedOn', { zh: '备案日期', en: 'date filed' });
  if (input.filedOn < rules.meetingDate) refuse('filedOn', 'FILED_BEFORE_MEETING', input.filedOn, `备案日期早于村民会议日期${rules.meetingDate}`, `Filed before the meeting of ${rules.meetingDate}`);
  return mutate(ctx, { action: 'fileVillageRules', targetType: 'VillageRules', regionCode: rules.villageCode, targetId: (r) => r.id, payload: { filedWith: input.filedWith } }, async (m) => {
    const done = await rows<{ id: string }>(m, `UPDATE village_rules SET filed_with = $2, filed_on = $3 WHERE id = $1 AND filed_on IS NULL RETURNING id::text AS id`, [input.id, input.filedWith.trim(), input.filedOn]);
    if (done.length === 0) throw conflict(`该版本已于${rules.filedOn}备案：id = ${input.id}`, `This version was already filed on ${rules.filedOn}: id = ${input.id}`, { field: 'id', rule: 'ALREADY_FILED', value: input.id });
    return villageRulesById(m, input.id);
  });
}

/** Versions of the village rules of every village under each region (scope-narrowed), one statement per batch. */
export function villageRulesByRegionLoader(ctx: RequestContext) {
  return ctx.loaders.get<string, VillageRules[]>('civility:villageRules', async (codes) => {
    const access = CivilityAccess.of(ctx);
    const prefixes = codes.map((c) => access.listPrefix(c));
    const patterns = [...new Set(prefixes.filter((p): p is string => p !== null))].map((p) => `${p}%`);
    const found = patterns.length
      ? (await rows<VillageRulesRow>(ctx.dataSource, `SELECT ${VILLAGE_RULES_COLUMNS} FROM village_rules WHERE village_code LIKE ANY($1::text[]) ORDER BY village_code, version`, [patterns])).map(toVillageRules)
      : [];
    return groupByPrefix(prefixes, found, (r) => r.villageCode);
  });
}

interface PointsRuleRow {
  id: string;
  county_code: string;
  village_code: string | null;
  code: string;
  description: string;
  points: number;
  evidence_required: boolean;
  monthly_cap: number | null;
  article_ref: string | null;
  source: string;
  effective_from: string;
  effective_to: string | null;
}

export const POINTS_RULE_COLUMNS = `id::text AS id, county_code, village_code, code, description, points, evidence_required, monthly_cap, article_ref, source,
  to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(effective_to, 'YYYY-MM-DD') AS effective_to`;

export function toPointsRule(r: PointsRuleRow): PointsRule {
  return Object.assign(new PointsRule(), {
    id: r.id,
    code: r.code,
    description: r.description,
    points: r.points,
    evidenceRequired: r.evidence_required,
    monthlyCap: r.monthly_cap,
    articleRef: r.article_ref,
    villageCode: r.village_code,
    source: r.source,
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
  });
}

/** The date a plugin's catalogue addition is in force from when it is first used. */
export const ADDITION_IN_FORCE_FROM = '2000-01-01';

/** 积分细则目录 the rules in force on `on` for a county or a village: the county catalogue, the village's additions and the county plugin's additions. */
export async function pointsRules(ctx: RequestContext, regionCode: string, on: string): Promise<PointsRule[]> {
  requireRegionCode(regionCode);
  const access = CivilityAccess.of(ctx);
  if (access.listPrefix(regionCode) === null) throw forbidden(`无权访问辖区（${access.scope}）以外的区域`, `You may only access regions inside your scope ${access.scope}`, { scope: access.scope });
  const county = countyCodeOf(regionCode);
  const village = regionCode.slice(9) !== '000' ? regionCode : null;
  const found = (
    await rows<PointsRuleRow>(
      ctx.dataSource,
      `SELECT ${POINTS_RULE_COLUMNS} FROM points_rule WHERE county_code = $1 AND (village_code IS NULL OR village_code = $2)
         AND effective_from <= $3 AND (effective_to IS NULL OR effective_to > $3) ORDER BY village_code NULLS FIRST, code`,
      [county, village, on],
    )
  ).map(toPointsRule);
  const { policy, source } = ctx.policies.resolve(pointsPolicyPoint, county);
  const known = new Set(found.filter((r) => r.villageCode === null).map((r) => r.code));
  const additions = policy
    .catalogueAdditions(county)
    .filter((a) => !known.has(a.code))
    .map((a) => Object.assign(new PointsRule(), { ...a, id: null, villageCode: null, source, effectiveFrom: ADDITION_IN_FORCE_FROM, effectiveTo: null }));
  return [...found, ...additions];
}

/** 制定积分细则 a county catalogue rule (county administrators: the scope must cover the county) or a village addition derived from an article of the village rules in force (village cadres). */
export async function definePointsRule(ctx: RequestContext, input: DefinePointsRuleInput): Promise<PointsRule> {
  requireRegionCode(input.regionCode);
  const access = CivilityAccess.of(ctx);
  const isVillage = input.regionCode.slice(9) !== '000';
  const county = countyCodeOf(input.regionCode);
  if (!isVillage && input.regionCode !== county) {
    refuse('regionCode', 'COUNTY_OR_VILLAGE', input.regionCode, '积分细则由县制定目录或由村补充，须为县级或村级区划代码', 'The catalogue is the county’s, with village additions: a county or village code is required');
  }
  if (isVillage) access.requireWrite(input.regionCode, CADRE_ROLES);
  else access.requireWrite(county, MANAGER_ROLES);
  if (input.points === 0) refuse('points', 'POINTS_ZERO', 0, '分值不能为0', 'Points cannot be zero');
  if (input.effectiveTo && input.effectiveTo <= input.effectiveFrom) refuse('effectiveTo', 'PERIOD_ORDER', input.effectiveTo, `失效日期须晚于生效日期${input.effectiveFrom}`, `The end must come after the start ${input.effectiveFrom}`);
  if (isVillage) {
    if (!input.articleRef) refuse('articleRef', 'ARTICLE_REQUIRED', null, '村补充细则须写明依据的村规民约条款', 'A village addition must name the article of the village rules it derives from');
    const [inForce] = await rows<VillageRulesRow>(
      ctx.dataSource,
      `SELECT ${VILLAGE_RULES_COLUMNS} FROM village_rules WHERE village_code = $1 AND effective_from <= $2 AND (effective_to IS NULL OR effective_to > $2)`,
      [input.regionCode, input.effectiveFrom],
    );
    if (!inForce) refuse('effectiveFrom', 'NO_RULES_IN_FORCE', input.effectiveFrom, '该日本村没有有效的村规民约', 'The village has no rules in force on that day');
    const rules = toVillageRules(inForce);
    if (!rules.articles.some((a) => a.number === input.articleRef)) {
      refuse('articleRef', 'ARTICLE_UNKNOWN', input.articleRef, `现行村规民约（第${rules.version}版）没有此条款`, `The village rules in force (version ${rules.version}) have no such article`);
    }
  }
  const village = isVillage ? input.regionCode : null;
  return mutateOnce(
    ctx,
    { operation: 'definePointsRule', key: input.idempotencyKey, input, idOf: (r) => r.id ?? '', replay: (id) => pointsRuleById(ctx.dataSource, id) },
    { action: 'definePointsRule', targetType: 'PointsRule', regionCode: input.regionCode, targetId: (r) => r.id, payload: { code: input.code, points: input.points } },
    async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('points_rule:' || $1 || ':' || $2))`, [county, input.code]);
      const same = await rows<PointsRuleRow>(m, `SELECT ${POINTS_RULE_COLUMNS} FROM points_rule WHERE county_code = $1 AND village_code IS NOT DISTINCT FROM $2 AND code = $3`, [county, village, input.code]);
      const clash = same.find((r) => overlaps(input.effectiveFrom, input.effectiveTo ?? null, r.effective_from, r.effective_to));
      if (clash) {
        throw conflict(`细则代码${input.code}在${clash.effective_from}起已有有效细则：code = ${input.code}`, `Rule ${input.code} already has a rule in force from ${clash.effective_from}: code = ${input.code}`, {
          field: 'code',
          rule: 'RULE_CODE_TAKEN',
          value: input.code,
        });
      }
      const id = randomUUID();
      await m.query(
        `INSERT INTO points_rule (id, county_code, village_code, code, description, points, evidence_required, monthly_cap, article_ref, source, effective_from, effective_to)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [id, county, village, input.code, input.description.trim(), input.points, input.evidenceRequired, input.monthlyCap ?? null, input.articleRef ?? null, isVillage ? 'village' : 'catalogue', input.effectiveFrom, input.effectiveTo ?? null],
      );
      return pointsRuleById(m, id);
    },
  );
}

export async function pointsRuleById(db: Sql | EntityManager, id: string): Promise<PointsRule> {
  const [row] = await rows<PointsRuleRow>(db, `SELECT ${POINTS_RULE_COLUMNS} FROM points_rule WHERE id = $1`, [id]);
  if (!row) throw notFound('积分细则', 'Points rule', id);
  return toPointsRule(row);
}

/**
 * The rule an entry of `code` in `villageCode` on `on` falls under: the village's addition before the
 * county catalogue; a plugin's catalogue addition is created on first use. BAD_USER_INPUT `RULE_UNKNOWN`
 * when there is none, `RULE_NOT_IN_FORCE` when none is in force that day.
 */
export async function ruleForEntry(ctx: RequestContext, m: EntityManager, villageCode: string, code: string, on: string): Promise<PointsRuleRow & { capSource: string }> {
  const county = countyCodeOf(villageCode);
  const all = await rows<PointsRuleRow>(m, `SELECT ${POINTS_RULE_COLUMNS} FROM points_rule WHERE county_code = $1 AND (village_code IS NULL OR village_code = $2) AND code = $3 ORDER BY village_code NULLS LAST, effective_from DESC`, [county, villageCode, code]);
  const inForce = all.find((r) => r.effective_from <= on && (r.effective_to === null || r.effective_to > on));
  if (inForce) return { ...inForce, capSource: 'rule' };
  if (all.length > 0) {
    const spans = all.map((r) => `${r.effective_from}–${r.effective_to ?? ''}`).join('、');
    refuse('ruleCode', 'RULE_NOT_IN_FORCE', code, `细则在${on}不在有效期内（有效期：${spans}）`, `The rule is not in force on ${on} (in force: ${spans.replace(/、/g, ', ')})`);
  }
  const { policy, source } = ctx.policies.resolve(pointsPolicyPoint, county);
  const addition = policy.catalogueAdditions(county).find((a) => a.code === code);
  if (!addition) refuse('ruleCode', 'RULE_UNKNOWN', code, '积分细则目录中没有此细则', 'No such rule in the points catalogue');
  if (on < ADDITION_IN_FORCE_FROM) refuse('ruleCode', 'RULE_NOT_IN_FORCE', code, `细则自${ADDITION_IN_FORCE_FROM}起有效`, `The rule is in force from ${ADDITION_IN_FORCE_FROM}`);
  const id = randomUUID();
  await m.query(
    `INSERT INTO points_rule (id, county_code, village_code, code, description, points, evidence_required, monthly_cap, article_ref, source, effective_from)
     VALUES ($1, $2, NULL, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
    [id, county, addition.code, addition.description, addition.points, addition.evidenceRequired, addition.monthlyCap, addition.articleRef, source, ADDITION_IN_FORCE_FROM],
  );
  const [row] = await rows<PointsRuleRow>(m, `SELECT ${POINTS_RULE_COLUMNS} FROM points_rule WHERE county_code = $1 AND village_code IS NULL AND code = $2 AND effective_from = $3`, [county, code, ADDITION_IN_FORCE_FROM]);
  return { ...row, capSource: source };
}

/** Today in China (default of `on` arguments). */
export function today(): string {
  return todayInChina();
}

