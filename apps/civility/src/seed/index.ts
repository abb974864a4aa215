import { DEMO_COUNTIES, demoUuid, Rng } from '@xiangzhi/demo';
import type { SubgraphModule } from '@xiangzhi/kernel';
import { addDays } from '../shared/checks';
import { DEMO_APPROVER, DEMO_ARTICLES, DEMO_ITEMS, DEMO_RECORDER, DEMO_RULES, DEMO_THEMES, DEMO_YEAR, planHouseholdYear, planList, planStars, type PlannedEntry } from './plan';
import { insertRows, type SeedColumn } from './rows';

export { DEMO_YEAR, planHouseholdYear, planList } from './plan';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

const c = (...cols: [string, string][]): readonly SeedColumn[] => cols;
const county = (code: string) => `${code.slice(0, 6)}000000`;
const months = Array.from({ length: 12 }, (_, i) => `${DEMO_YEAR}-${String(i + 1).padStart(2, '0')}`);

/**
 * 德治·文明实践演示数据 the civility demo data of the demo counties, from what grids told civility
 * (villages in `region_ref`, households and residents in `resident_ref`): village rules for every
 * village, the county catalogue, a year of points for every household of the featured villages
 * (approved, and pending in December), a market with items and some redemptions, the red and black
 * lists of January to November published, star ratings of the year, practice stations, monthly
 * themes, activities, a volunteer team with volunteers and hours, and role-model nominations.
 * Deterministic ids and `ON CONFLICT DO NOTHING`: a second run writes nothing.
 */
export async function seedCivilityDemo(ctx: SeedContext): Promise<void> {
  const prefixes = DEMO_COUNTIES.map((x) => `${x.code.slice(0, 6)}%`);
  const ds = ctx.dataSource;
  const villages = (await ds.query(`SELECT code FROM region_ref WHERE level = 'VILLAGE' AND valid_to IS NULL AND code LIKE ANY($1::text[]) ORDER BY code`, [prefixes])) as { code: string }[];
  const residents = (await ds.query(
    `SELECT id::text AS id, village_code, household_id::text AS household_id FROM resident_ref WHERE status = 'LIVING' AND household_id IS NOT NULL AND village_code LIKE ANY($1::text[]) ORDER BY village_code, household_id, id`,
    [prefixes],
  )) as { id: string; village_code: string; household_id: string }[];
  const counties = [...new Set(villages.map((v) => county(v.code)))];
  const featured = [...new Set(residents.map((r) => r.village_code))];
  const households = [...new Map(residents.map((r) => [r.household_id, r.village_code])).entries()];

  const summary = await ds.transaction(async (m) => {
    let n = 0;
    n += await insertRows(
      m,
      'village_rules',
      c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['version', 'int'], ['title', 'text'], ['text', 'text'], ['articles', 'jsonb'], ['meeting_date', 'date'], ['members_entitled', 'int'], ['attendees', 'int'], ['votes_for', 'int'], ['votes_against', 'int'], ['votes_abstain', 'int'], ['filed_with', 'text'], ['filed_on', 'date'], ['effective_from', 'date'], ['adopted_by', 'text']),
      villages.map((v) => [
        demoUuid(`civility:rules:${v.code}:1`), county(v.code), v.code, 1, '村规民约', DEMO_ARTICLES.map((a) => `${a.number} ${a.text}`).join('\n'), JSON.stringify(DEMO_ARTICLES),
        '2023-12-20', 120, 86, 80, 2, 4, '乡镇人民政府', '2024-01-05', '2024-01-01', DEMO_APPROVER,
      ]),
    );
    const ruleIds = new Map<string, string>();
    const ruleRows: unknown[][] = [];
    for (const code of counties) {
      for (const r of DEMO_RULES) {
        const id = demoUuid(`civility:rule:${code}:${r.code}`);
        ruleIds.set(`${code}:${r.code}`, id);
        ruleRows.push([id, code, r.code, r.description, r.points, r.evidenceRequired, r.monthlyCap, r.articleRef, 'catalogue', '2024-01-01']);
      }
    }
    n += await insertRows(m, 'points_rule', c(['id', 'uuid'], ['county_code', 'text'], ['code', 'text'], ['description', 'text'], ['points', 'int'], ['evidence_required', 'boolean'], ['monthly_cap', 'int'], ['article_ref', 'text'], ['source', 'text'], ['effective_from', 'date']), ruleRows);

    const entries = new Map<string, PlannedEntry[]>();
    const entryRows: unknown[][] = [];
    for (const [householdId, village] of households) {
      const planned = planHouseholdYear(householdId);
      entries.set(householdId, planned);
      for (const e of planned) {
        const rule = DEMO_RULES.find((r) => r.code === e.ruleCode);
        entryRows.push([
          e.id, county(village), village, householdId, ruleIds.get(`${county(village)}:${e.ruleCode}`), e.ruleCode, e.points, e.occurredOn, e.month,
          rule?.evidenceRequired ? '照片存档' : null, e.approved ? 'APPROVED' : 'PENDING', DEMO_RECORDER, e.approved ? DEMO_APPROVER : null, e.approved ? `${addDays(e.occurredOn, 2)}T10:00:00+08:00` : null,
        ]);
      }
    }
    n += await insertRows(
      m,
      'points_entry',
      c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['household_id', 'uuid'], ['rule_id', 'uuid'], ['rule_code', 'text'], ['points', 'int'], ['occurred_on', 'date'], ['month', 'text'], ['evidence', 'text'], ['status', 'text'], ['recorded_by', 'text'], ['decided_by', 'text'], ['decided_at', 'timestamptz']),
      entryRows,
    );

    n += (
      (await m.query(
        `INSERT INTO household_month_points (household_id, month, county_code, village_code, points)
         SELECT household_id, month, min(county_code), min(village_code), sum(points) FROM points_entry WHERE status = 'APPROVED' AND household_id = ANY($1::uuid[])
         GROUP BY household_id, month ON CONFLICT DO NOTHING RETURNING 1 AS x`,
        [households.map(([h]) => h)],
      )) as unknown[]
    ).length;

    // market and redemptions: a redemption only where the year's approved points cover it
    const itemRows: unknown[][] = [];
    const redemptionRows: unknown[][] = [];
    const redeemed = new Map<string, number>();
    for (const village of featured) {
      const taken = new Map<string, number>();
      const rng = new Rng(`civility:market:${village}`);
      for (const [householdId, v] of households) {
        if (v !== village) continue;
        const approved = (entries.get(householdId) ?? []).filter((e) => e.approved).reduce((s, e) => s + e.points, 0);
        const item = rng.pick(DEMO_ITEMS);
        if (approved >= item.price + 20 && rng.chance(0.4)) {
          redemptionRows.push([demoUuid(`civility:redemption:${householdId}`), county(village), village, householdId, demoUuid(`civility:item:${village}:${item.name}`), 1, item.price, `${DEMO_YEAR}-12-20`, DEMO_APPROVER]);
          redeemed.set(householdId, item.price);
          taken.set(item.name, (taken.get(item.name) ?? 0) + 1);
        }
      }
      for (const item of DEMO_ITEMS) itemRows.push([demoUuid(`civility:item:${village}:${item.name}`), county(village), village, item.name, item.price, item.stock - (taken.get(item.name) ?? 0)]);
    }
    n += await insertRows(m, 'market_item', c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['name', 'text'], ['price', 'int'], ['stock', 'int']), itemRows);
    n += await insertRows(m, 'redemption', c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['household_id', 'uuid'], ['item_id', 'uuid'], ['quantity', 'int'], ['points', 'int'], ['redeemed_on', 'date'], ['recorded_by', 'text']), redemptionRows);
    n += await insertRows(
      m,
      'household_points',
      c(['household_id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['balance', 'int'], ['earned', 'int'], ['deducted', 'int'], ['redeemed', 'int']),
      households.map(([householdId, village]) => {
        const approved = (entries.get(householdId) ?? []).filter((e) => e.approved);
        const earned = approved.filter((e) => e.points > 0).reduce((s, e) => s + e.points, 0);
        const deducted = -approved.filter((e) => e.points < 0).reduce((s, e) => s + e.points, 0);
        const spent = redeemed.get(householdId) ?? 0;
        return [householdId, county(village), village, earned - deducted - spent, earned, deducted, spent];
      }),
    );

    // published lists (January–November) and the year's star ratings
    const listRows: unknown[][] = [];
    const listRowRows: unknown[][] = [];
    const black = new Map<string, string[]>();
    for (const village of featured) {
      const villageEntries = households.filter(([, v]) => v === village).flatMap(([h]) => entries.get(h) ?? []);
      for (const month of months) {
        const decision = planList(village, month, villageEntries);
        for (const b of decision.black) black.set(b.householdId, [...(black.get(b.householdId) ?? []), month]);
        if (month === months[11]) continue;
        const id = demoUuid(`civility:list:${village}:${month}`);
        listRows.push([id, county(village), village, month, 'baseline', DEMO_APPROVER, `${addDays(`${month}-28`, 5)}T09:00:00+08:00`]);
        decision.red.forEach((r) => listRowRows.push([id, 'RED', r.rank, r.householdId, r.points, null]));
        decision.black.forEach((b, i) => listRowRows.push([id, 'BLACK', i + 1, b.householdId, b.points, b.ruleCode]));
      }
    }
    const insertedLists = await insertRows(m, 'red_black_list', c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['month', 'text'], ['policy', 'text'], ['published_by', 'text'], ['published_at', 'timestamptz']), listRows);
    n += insertedLists;
    if (insertedLists > 0) n += await insertRows(m, 'red_black_list_row', c(['list_id', 'uuid'], ['kind', 'text'], ['position', 'int'], ['household_id', 'uuid'], ['points', 'int'], ['rule_code', 'text']), listRowRows);
    n += await insertRows(
      m,
      'star_rating',
      c(['household_id', 'uuid'], ['year', 'int'], ['county_code', 'text'], ['village_code', 'text'], ['points', 'int'], ['stars', 'int'], ['rule', 'text'], ['reason', 'text'], ['policy', 'text'], ['rated_by', 'text']),
      households.map(([householdId, village]) => {
        const points = (entries.get(householdId) ?? []).filter((e) => e.approved).reduce((s, e) => s + e.points, 0);
        const d = planStars(householdId, points, [...new Set(black.get(householdId) ?? [])].sort());
        return [householdId, DEMO_YEAR, county(village), village, points, d.stars, d.rule, `${d.zh} / ${d.en}`, 'baseline', 'demo-county-admin'];
      }),
    );

    // practice: county centres, township institutes and village stations, themes, activities
    const stationRows: unknown[][] = [];
    for (const code of counties) stationRows.push([demoUuid(`civility:station:${code}`), code, code, 'CENTRE', '县新时代文明实践中心']);
    for (const t of [...new Set(featured.map((v) => `${v.slice(0, 9)}000`))]) stationRows.push([demoUuid(`civility:station:${t}`), county(t), t, 'INSTITUTE', '乡镇新时代文明实践所']);
    for (const v of featured) stationRows.push([demoUuid(`civility:station:${v}`), county(v), v, 'STATION', '村新时代文明实践站']);
    n += await insertRows(m, 'practice_station', c(['id', 'uuid'], ['county_code', 'text'], ['region_code', 'text'], ['level', 'text'], ['name', 'text']), stationRows);
    n += await insertRows(m, 'practice_theme', c(['county_code', 'text'], ['month', 'text'], ['title', 'text']), counties.flatMap((code) => months.map((month, i) => [code, month, DEMO_THEMES[i]])));
    const activityRows: unknown[][] = [];
    for (const v of featured) {
      months.forEach((month, i) => {
        for (const day of ['06', '20']) activityRows.push([demoUuid(`civility:activity:${v}:${month}-${day}`), county(v), v, demoUuid(`civility:station:${v}`), `${month}-${day}`, `${DEMO_THEMES[i]}主题活动`, DEMO_THEMES[i], 20 + ((i * 7 + Number(day)) % 30), DEMO_APPROVER]);
      });
    }
    n += await insertRows(m, 'practice_activity', c(['id', 'uuid'], ['county_code', 'text'], ['region_code', 'text'], ['station_id', 'uuid'], ['held_on', 'date'], ['title', 'text'], ['theme', 'text'], ['participants', 'int'], ['recorded_by', 'text']), activityRows);

    // a volunteer team per featured village: the first six residents, two hours at each month's first activity
    const teamRows: unknown[][] = [];
    const volunteerRows: unknown[][] = [];
    const hourRows: unknown[][] = [];
    const nominationRows: unknown[][] = [];
    for (const v of featured) {
      const team = demoUuid(`civility:team:${v}`);
      teamRows.push([team, county(v), v, '学雷锋志愿服务队']);
      const people = residents.filter((r) => r.village_code === v);
      for (const r of people.slice(0, 6)) {
        const volunteer = demoUuid(`civility:volunteer:${team}:${r.id}`);
        volunteerRows.push([volunteer, county(v), v, team, r.id, `${DEMO_YEAR}-01-01`]);
        for (const month of months) hourRows.push([demoUuid(`civility:hours:${volunteer}:${month}`), county(v), v, volunteer, r.id, demoUuid(`civility:activity:${v}:${month}-06`), `${month}-06`, 120, DEMO_APPROVER]);
      }
      const [first, second] = [people[6], people[7]];
      if (first) nominationRows.push([demoUuid(`civility:nomination:${first.id}`), county(v), v, first.id, 'GOOD_PERSON', DEMO_YEAR, '热心公益，常年义务清扫村道', 'SELECTED', `${DEMO_YEAR}-09-01`, `${DEMO_YEAR}-09-08`, DEMO_APPROVER, `${DEMO_YEAR}-09-10`, 'demo-township-officer']);
      if (second) nominationRows.push([demoUuid(`civility:nomination:${second.id}`), county(v), v, second.id, 'GOOD_DAUGHTER_IN_LAW', DEMO_YEAR, '悉心照料卧病婆婆', 'ON_NOTICE', `${DEMO_YEAR}-12-01`, `${DEMO_YEAR}-12-08`, DEMO_APPROVER, null, null]);
    }
    n += await insertRows(m, 'volunteer_team', c(['id', 'uuid'], ['county_code', 'text'], ['region_code', 'text'], ['name', 'text']), teamRows);
    n += await insertRows(m, 'volunteer', c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['team_id', 'uuid'], ['resident_id', 'uuid'], ['joined_on', 'date']), volunteerRows);
    n += await insertRows(m, 'volunteer_hours', c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['volunteer_id', 'uuid'], ['resident_id', 'uuid'], ['activity_id', 'uuid'], ['served_on', 'date'], ['minutes', 'int'], ['recorded_by', 'text']), hourRows);
    n += await insertRows(
      m,
      'role_model_nomination',
      c(['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['resident_id', 'uuid'], ['category', 'text'], ['year', 'int'], ['deeds', 'text'], ['status', 'text'], ['notice_from', 'date'], ['notice_to', 'date'], ['nominated_by', 'text'], ['selected_on', 'date'], ['selected_by', 'text']),
      nominationRows,
    );
    return n;
  });
  ctx.logger.info({ subgraph: 'civility', villages: villages.length, households: households.length, rowsInserted: summary }, 'civility demo data seeded');
}
