import 'reflect-metadata';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { Kind, parse, type ConstDirectiveNode, type StringValueNode } from 'graphql';
import { graphqlClient, rowCounter, startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { civilitySubgraph } from '../subgraph';

/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are read field by field */

let platform: TestPlatform;
const { gql, ok, codeOf } = graphqlClient<any>(() => platform);
const count = rowCounter(() => platform.subgraphs.civility.db.dataSource);

const A = '360722101200';
const B = '360722101201';
const county = '360722000000';
const admin: Actor = { id: 'county-admin', roles: [Role.COUNTY_ADMIN], scope: county };
const cadreA: Actor = { id: 'cadre-a', roles: [Role.VILLAGE_CADRE], scope: A };
const cadreB: Actor = { id: 'cadre-b', roles: [Role.VILLAGE_CADRE], scope: B };
const township: Actor = { id: 'township', roles: [Role.TOWNSHIP_OFFICER], scope: '360722101000' };

const ADOPT = `mutation($i: AdoptVillageRulesInput!) { adoptVillageRules(input: $i) { id version effectiveFrom effectiveTo filedOn articles { number text } } }`;

function rules(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    villageCode: A,
    title: '坑口村村规民约',
    text: '为推进移风易俗……',
    articles: [
      { number: '第一条', text: '喜事新办、丧事简办。' },
      { number: '第二条', text: '爱护环境，垃圾分类。' },
    ],
    meetingDate: '2024-12-20',
    membersEntitled: 100,
    attendees: 60,
    votesFor: 40,
    votesAgainst: 10,
    votesAbstain: 5,
    effectiveFrom: '2025-01-01',
    ...extra,
  };
}

beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, civilitySubgraph] });
  const { village } = testFixtures(() => platform);
  await village({ code: A });
  await village({ code: B });
}, 120_000);

afterAll(() => platform?.stop());

describe('village rules (村规民约)', () => {
  it('refuses a vote with more votes than attendees, no quorum, no majority, more attendees than members — nothing written', async () => {
    const before = [await count('village_rules'), await count('audit_log')];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ votesFor: 50, votesAgainst: 10, votesAbstain: 5 }, 'VOTES_EXCEED_ATTENDEES', 'votesFor'],
      [{ attendees: 50, votesFor: 40, votesAgainst: 5, votesAbstain: 0 }, 'QUORUM_NOT_MET', 'attendees'],
      [{ votesFor: 30, votesAgainst: 25, votesAbstain: 5 }, 'MAJORITY_NOT_REACHED', 'votesFor'],
      [{ attendees: 101 }, 'ATTENDEES_EXCEED_MEMBERS', 'attendees'],
      [{ effectiveFrom: '2024-12-01' }, 'EFFECTIVE_BEFORE_MEETING', 'effectiveFrom'],
    ];
    for (const [extra, rule, field] of cases) {
      const res = await gql(cadreA, ADOPT, { i: rules(extra) });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule, field });
    }
    const votes = await gql(cadreA, ADOPT, { i: rules({ votesFor: 50, votesAgainst: 10, votesAbstain: 5 }) });
    expect(votes.errors?.[0]?.message).toBe('票数合计65多于实到人数60：votesFor = 65 (65 votes in all, more than the 60 attendees: votesFor = 65)');
    expect([await count('village_rules'), await count('audit_log')]).toEqual(before);
    expect(codeOf(await gql(cadreB, ADOPT, { i: rules() }))).toBe('FORBIDDEN');
  });

  it('adopts, refuses a second version in force at once, replaces with supersedesId', async () => {
    const v1 = (await ok(cadreA, ADOPT, { i: rules() })).adoptVillageRules;
    expect(v1).toMatchObject({ version: 1, effectiveFrom: '2025-01-01', effectiveTo: null, filedOn: null });
    const before = await count('village_rules');
    const overlap = await gql(cadreA, ADOPT, { i: rules({ meetingDate: '2025-06-01', effectiveFrom: '2025-07-01' }) });
    expect(overlap.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'effectiveFrom', rule: 'RULES_OVERLAP' });
    expect(overlap.errors?.[0]?.extensions?.messageZh).toContain('与第1版（2025-01-01起长期有效）期间重叠');
    expect(await count('village_rules')).toBe(before);
    const v2 = (await ok(cadreA, ADOPT, { i: rules({ meetingDate: '2025-06-01', effectiveFrom: '2025-07-01', supersedesId: v1.id, articles: [{ number: '第一条', text: '移风易俗。' }, { number: '第三条', text: '孝老爱亲。' }] }) })).adoptVillageRules;
    expect(v2).toMatchObject({ version: 2, effectiveFrom: '2025-07-01', effectiveTo: null });
    const list = await ok(admin, `query($c: ID!) { region(code: $c) { villageRules { version effectiveFrom effectiveTo } } }`, { c: '360722101000' });
    expect(list.region.villageRules).toEqual([
      { version: 1, effectiveFrom: '2025-01-01', effectiveTo: '2025-07-01' },
      { version: 2, effectiveFrom: '2025-07-01', effectiveTo: null },
    ]);
  });

  it('the database itself refuses two versions in force at once', async () => {
    const ds = platform.subgraphs.civility.db.dataSource;
    await expect(
      ds.query(
        `INSERT INTO village_rules (id, county_code, village_code, version, title, text, articles, meeting_date, members_entitled, attendees, votes_for, votes_against, votes_abstain, effective_from, adopted_by)
         VALUES (gen_random_uuid(), $1, $2, 9, 't', 't', '[]', '2025-08-01', 10, 6, 6, 0, 0, '2025-08-01', 'sql')`,
        [county, A],
      ),
    ).rejects.toThrow(/overlap another version in force/);
    expect(await count('village_rules', 'village_code = $1', [A])).toBe(2);
  });

  it('files with the township once, not before the meeting', async () => {
    const [{ id }] = await platform.subgraphs.civility.db.dataSource.query(`SELECT id::text AS id FROM village_rules WHERE village_code = $1 AND version = 2`, [A]);
    const FILE = `mutation($i: FileVillageRulesInput!) { fileVillageRules(input: $i) { filedWith filedOn } }`;
    expect(codeOf(await gql(cadreA, FILE, { i: { id, filedWith: '某镇人民政府', filedOn: '2025-06-10' } }))).toBe('FORBIDDEN');
    expect((await gql(township, FILE, { i: { id, filedWith: '某镇人民政府', filedOn: '2025-05-10' } })).errors?.[0]?.extensions).toMatchObject({ rule: 'FILED_BEFORE_MEETING' });
    expect((await ok(township, FILE, { i: { id, filedWith: '某镇人民政府', filedOn: '2025-06-10' } })).fileVillageRules).toEqual({ filedWith: '某镇人民政府', filedOn: '2025-06-10' });
    expect((await gql(township, FILE, { i: { id, filedWith: '某镇人民政府', filedOn: '2025-06-11' } })).errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ALREADY_FILED' });
  });
});

describe('points catalogue (积分细则)', () => {
  const DEFINE = `mutation($i: DefinePointsRuleInput!) { definePointsRule(input: $i) { id code points villageCode source articleRef } }`;

  it('a county catalogue with village additions derived from an article of the rules in force', async () => {
    await ok(admin, DEFINE, { i: { regionCode: county, code: 'E-HELP', description: '助人为乐', points: 10, effectiveFrom: '2025-01-01' } });
    const noArticle = await gql(cadreA, DEFINE, { i: { regionCode: A, code: 'E-FILIAL', description: '孝老爱亲', points: 5, effectiveFrom: '2025-08-01' } });
    expect(noArticle.errors?.[0]?.extensions).toMatchObject({ field: 'articleRef', rule: 'ARTICLE_REQUIRED' });
    const wrongArticle = await gql(cadreA, DEFINE, { i: { regionCode: A, code: 'E-FILIAL', description: '孝老爱亲', points: 5, articleRef: '第二条', effectiveFrom: '2025-08-01' } });
    expect(wrongArticle.errors?.[0]?.extensions).toMatchObject({ field: 'articleRef', rule: 'ARTICLE_UNKNOWN' });
    const added = await ok(cadreA, DEFINE, { i: { regionCode: A, code: 'E-FILIAL', description: '孝老爱亲', points: 5, articleRef: '第三条', effectiveFrom: '2025-08-01' } });
    expect(added.definePointsRule).toMatchObject({ villageCode: A, source: 'village', articleRef: '第三条' });
    expect(codeOf(await gql(cadreA, DEFINE, { i: { regionCode: county, code: 'E-X', description: 'x', points: 1, effectiveFrom: '2025-01-01' } }))).toBe('FORBIDDEN');
    const dup = await gql(admin, DEFINE, { i: { regionCode: county, code: 'E-HELP', description: '助人为乐', points: 8, effectiveFrom: '2025-06-01' } });
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', rule: 'RULE_CODE_TAKEN' });
    const zero = await gql(admin, DEFINE, { i: { regionCode: county, code: 'E-ZERO', description: 'x', points: 0, effectiveFrom: '2025-01-01' } });
    expect(zero.errors?.[0]?.extensions).toMatchObject({ rule: 'POINTS_ZERO' });
    const catalogue = await ok(cadreA, `query($c: String!) { pointsRules(regionCode: $c, on: "2025-09-01") { code villageCode source } }`, { c: A });
    expect(catalogue.pointsRules).toEqual([
      { code: 'E-HELP', villageCode: null, source: 'catalogue' },
      { code: 'E-FILIAL', villageCode: A, source: 'village' },
    ]);
    const countyOnly = await ok(cadreB, `query($c: String!) { pointsRules(regionCode: $c, on: "2025-09-01") { code } }`, { c: B });
    expect(countyOnly.pointsRules).toEqual([{ code: 'E-HELP' }]);
  });
});

describe('schema', () => {
  it('describes every type, field, argument and enum value of the civility schema in both languages', () => {
    const missing: string[] = [];
    const bilingual = (d: StringValueNode | undefined) => !!d && /[\u4e00-\u9fff][^/]*\/ ?[A-Za-z0-9(]/.test(d.value);
    for (const def of parse(platform.subgraphs.civility.sdl).definitions) {
      if (!('name' in def) || !def.name || def.name.value.startsWith('_') || def.kind === Kind.DIRECTIVE_DEFINITION || def.kind === Kind.SCALAR_TYPE_DEFINITION) continue;
      const name = def.name.value;
      if (['Query', 'Mutation'].includes(name) && 'fields' in def) {
        for (const f of def.fields ?? []) {
          if (f.name.value.startsWith('_')) continue;
          if (!bilingual(f.description)) missing.push(`${name}.${f.name.value}`);
          for (const a of ('arguments' in f ? f.arguments : undefined) ?? []) if (!bilingual(a.description)) missing.push(`${name}.${f.name.value}(${a.name.value})`);
        }
        continue;
      }
      if ('description' in def && !bilingual(def.description as StringValueNode | undefined)) missing.push(name);
      const directives = ('directives' in def ? (def.directives as readonly ConstDirectiveNode[] | undefined) : undefined) ?? [];
      if (directives.some((d) => d.name.value === 'link')) continue;
      if ('fields' in def) {
        for (const f of def.fields ?? []) {
          if (!bilingual(f.description)) missing.push(`${name}.${f.name.value}`);
          for (const a of ('arguments' in f ? f.arguments : undefined) ?? []) if (!bilingual(a.description)) missing.push(`${name}.${f.name.value}(${a.name.value})`);
        }
      }
      if ('values' in def) for (const v of def.values ?? []) if (!bilingual(v.description)) missing.push(`${name}.${v.name.value}`);
    }
    expect(missing).toEqual([]);
  });
});
