import { DEMO_COUNTIES, demoUuid, demoVillages, featuredVillages } from '@xiangzhi/demo';
import { todayInChina, type SubgraphModule } from '@xiangzhi/kernel';
import { DEMO_APPRAISAL_MONTH, DEMO_RANK_LEVEL, DEMO_RECORDER, demoVetting, planVillage, templateDecision, type VillagePlan } from './plan';
import { insertRows, json, type SeedColumn } from './rows';

export { DEMO_APPRAISAL_MONTH, DEMO_DUTY_DAYS, DEMO_REFERENCE_DATE, planVillage } from './plan';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

const CADRE: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['village_code', 'text'],
  ['resident_id', 'uuid'],
  ['name', 'text'],
  ['gender', 'text'],
  ['birth_date', 'date'],
  ['education_level', 'text'],
  ['party_member', 'boolean'],
  ['party_join_date', 'date'],
  ['full_time', 'boolean'],
  ['service_start', 'date'],
  ['rank_level', 'int'],
];
const POST: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['village_code', 'text'],
  ['code', 'text'],
  ['title', 'text'],
  ['category', 'text'],
  ['responsibilities', 'jsonb'],
  ['targets', 'jsonb'],
  ['full_time', 'boolean'],
  ['leave_approver', 'text'],
  ['template', 'jsonb'],
  ['holder_id', 'uuid'],
];
const ASSIGNMENT: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['village_code', 'text'],
  ['post_id', 'uuid'],
  ['cadre_id', 'uuid'],
  ['start_date', 'date'],
  ['vetting', 'jsonb'],
];
const ORGANIZATION: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['region_code', 'text'],
  ['name', 'text'],
  ['kind', 'text'],
  ['parent_id', 'uuid'],
  ['grid_id', 'uuid'],
  ['secretary_cadre_id', 'uuid'],
];
const MEMBER: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['region_code', 'text'],
  ['organization_id', 'uuid'],
  ['resident_id', 'uuid'],
  ['name', 'text'],
  ['joined_on', 'date'],
  ['status', 'text'],
  ['mobile', 'boolean'],
  ['current_location', 'text'],
  ['duty', 'text'],
  ['points', 'int'],
];
const POINT_ENTRY: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['member_id', 'uuid'],
  ['entry_date', 'date'],
  ['points', 'int'],
  ['reason', 'text'],
  ['recorded_by', 'text'],
];
const APPRAISAL: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['village_code', 'text'],
  ['township_code', 'text'],
  ['cadre_id', 'uuid'],
  ['period_type', 'text'],
  ['period', 'text'],
  ['scores', 'jsonb'],
  ['total', 'numeric'],
  ['policy', 'text'],
  ['appraiser', 'text'],
];
const CHECK_IN: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['county_code', 'text'],
  ['village_code', 'text'],
  ['cadre_id', 'uuid'],
  ['duty_date', 'date'],
  ['hours', 'numeric'],
];

/**
 * The seed goes through the same references as every personnel write: a cadre's or Party member's
 * resident must be a living resident in the resident projection. Cadres keep their record without
 * the link; members without a known resident are left out. Returns the references dropped.
 */
async function dropUnknownResidents(dataSource: SeedContext['dataSource'], plans: VillagePlan[]): Promise<number> {
  const ids = new Set<string>();
  for (const p of plans) {
    for (const c of p.cadres) if (c.residentId) ids.add(c.residentId);
    for (const m of p.featured?.members ?? []) ids.add(m.residentId);
  }
  if (ids.size === 0) return 0;
  const living = new Set(
    ((await dataSource.query(`SELECT id::text AS id FROM resident_ref WHERE id = ANY($1::uuid[]) AND status = 'LIVING'`, [[...ids]])) as { id: string }[]).map((r) => r.id),
  );
  let dropped = 0;
  for (const p of plans) {
    for (const c of p.cadres) {
      if (c.residentId && !living.has(c.residentId)) {
        c.residentId = null;
        dropped += 1;
      }
    }
    if (p.featured) {
      const kept = p.featured.members.filter((m) => living.has(m.residentId));
      dropped += p.featured.members.length - kept.length;
      p.featured.members = kept;
    }
  }
  return dropped;
}

/** Guards: rows that point at a record the seed did not write (skipped on a database in use) stay out. */
const exists = (table: string, column: string): string => `EXISTS (SELECT 1 FROM ${table} t WHERE t.id = v.${column})`;

/** Every table the seed writes, for counts. */
export const PERSONNEL_SEED_TABLES = ['cadre', 'post', 'post_assignment', 'party_organization', 'party_member', 'party_point_entry', 'appraisal', 'duty_check_in'] as const;

/**
 * 演示数据 the personnel demo, meeting the grids demo in the graph:
 * - every village of every demo county (≈1,200): the five baseline posts (村"两委"基本岗位) held by
 *   four cadres — the Party secretary who is also the committee director (一肩挑), the organisation
 *   committee member, the clerk and the supervision chair — aged 30–58, about half college-educated,
 *   Party members in Party posts, at the baseline's initial rank (6);
 * - each featured village: the cadres are demo residents (same id, name, gender and birth date), a
 *   village Party committee (党委 for a community, 党总支 for a village) with the secretary, one
 *   网格党支部 per demo grid, 10–20 Party members drawn from the residents (some mobile, some with
 *   duty posts, a few points), the cadres' post appraisals for `DEMO_APPRAISAL_MONTH` (so payroll
 *   has performance data) and duty check-ins over the last two weeks.
 * Idempotent: stable ids (`demoUuid('personnel:…')`), `ON CONFLICT DO NOTHING`, the same rows every run.
 */
export async function seedPersonnelDemo({ dataSource, logger }: SeedContext): Promise<void> {
  const started = Date.now();
  const today = todayInChina();
  const [{ known }] = (await dataSource.query(`SELECT count(*)::int AS known FROM region_ref`)) as { known: number }[];
  if (Number(known) === 0) {
    logger.warn(
      { table: 'region_ref' },
      '干部子图演示数据未写入：区划投影为空，请先导入网格子图的区划并让 personnel-regions 消费其事件 / ' +
        'personnel demo not seeded: the region projection is empty; seed grids first and let personnel-regions consume its events',
    );
    return;
  }
  const valid = new Set(
    ((await dataSource.query(
      `SELECT code FROM region_ref WHERE level = 'VILLAGE' AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date)`,
      [today],
    )) as { code: string }[]).map((r) => r.code),
  );
  const featured = new Set(featuredVillages().map((v) => v.code));
  const plans: VillagePlan[] = [];
  let unknownVillages = 0;
  for (const county of DEMO_COUNTIES) {
    const villages = demoVillages(county).filter((v) => valid.has(v.code) || (unknownVillages++, false));
    for (const village of villages) plans.push(planVillage(village, featured.has(village.code)));
    logger.info({ county: county.code, name: county.name, villages: villages.length }, 'personnel demo: county planned');
  }
  if (unknownVillages > 0) {
    logger.warn({ villages: unknownVillages }, '干部子图演示数据跳过了区划投影中不存在或已停用的村 / personnel demo skipped villages the region projection does not know or has retired');
  }
  const unlinked = await dropUnknownResidents(dataSource, plans);
  if (unlinked > 0) {
    logger.warn({ references: unlinked }, '干部子图演示数据去掉了居民投影中不存在或非在册居民的引用 / personnel demo dropped references to residents the resident projection does not know as living');
  }

  const rows = {
    cadres: [] as unknown[][],
    posts: [] as unknown[][],
    assignments: [] as unknown[][],
    organizations: [] as unknown[][],
    branches: [] as unknown[][],
    members: [] as unknown[][],
    entries: [] as unknown[][],
    appraisals: [] as unknown[][],
    checkIns: [] as unknown[][],
  };
  const vetting = json(demoVetting());
  const templates = { COMMUNITY: json(templateDecision('COMMUNITY')), VILLAGE: json(templateDecision('VILLAGE')) };
  for (const p of plans) {
    const code = p.village.code;
    for (const c of p.cadres) {
      rows.cadres.push([c.id, p.countyCode, code, c.residentId, c.name, c.gender, c.birthDate, c.educationLevel, c.partyJoinDate !== null, c.partyJoinDate, c.fullTime, c.serviceStart, DEMO_RANK_LEVEL]);
    }
    for (const post of p.posts) {
      const e = post.entry;
      rows.posts.push([post.id, p.countyCode, code, e.code, e.title, e.category, json(e.responsibilities), json(e.targets), e.fullTime, e.leaveApprover, templates[p.kind], post.holderId]);
      const holder = p.cadres.find((c) => c.id === post.holderId);
      rows.assignments.push([demoUuid(`personnel:post-assignment:${post.id}`), p.countyCode, code, post.id, post.holderId, holder?.serviceStart, vetting]);
    }
    const f = p.featured;
    if (!f) continue;
    rows.organizations.push([f.committee.id, p.countyCode, code, f.committee.name, f.committee.kind, null, null, f.committee.secretaryId]);
    for (const b of f.branches) rows.branches.push([b.id, p.countyCode, code, b.name, 'BRANCH', f.committee.id, b.gridId, null]);
    for (const m of f.members) {
      const points = m.entries.reduce((s, e) => s + e.points, 0);
      rows.members.push([m.id, p.countyCode, code, m.organizationId, m.residentId, m.name, m.joinedOn, m.status, m.mobile, m.currentLocation, m.duty, points]);
      for (const e of m.entries) rows.entries.push([e.id, p.countyCode, m.id, e.date, e.points, e.reason, DEMO_RECORDER]);
    }
    for (const a of f.appraisals) rows.appraisals.push([a.id, p.countyCode, code, p.townshipCode, a.cadreId, 'MONTH', DEMO_APPRAISAL_MONTH, json(a.scores), a.total, 'baseline', DEMO_RECORDER]);
    for (const d of f.checkIns) rows.checkIns.push([d.id, p.countyCode, code, d.cadreId, d.date, d.hours]);
  }

  const inserted: Record<string, number> = {};
  await dataSource.transaction(async (m) => {
    const step = async (name: string, work: () => Promise<number>): Promise<void> => {
      inserted[name] = await work();
      logger.info({ table: name, inserted: inserted[name], ms: Date.now() - started }, 'personnel demo: rows');
    };
    await step('cadre', () => insertRows(m, 'cadre', CADRE, rows.cadres));
    await step('post', () => insertRows(m, 'post', POST, rows.posts, exists('cadre', 'holder_id')));
    await step('post_assignment', () => insertRows(m, 'post_assignment', ASSIGNMENT, rows.assignments, `EXISTS (SELECT 1 FROM post t WHERE t.id = v.post_id AND t.holder_id = v.cadre_id)`));
    await step('party_organization', async () => {
      const committees = await insertRows(m, 'party_organization', ORGANIZATION, rows.organizations, exists('cadre', 'secretary_cadre_id'));
      return committees + (await insertRows(m, 'party_organization', ORGANIZATION, rows.branches, exists('party_organization', 'parent_id')));
    });
    await step('party_member', () => insertRows(m, 'party_member', MEMBER, rows.members, exists('party_organization', 'organization_id')));
    await step('party_point_entry', () => insertRows(m, 'party_point_entry', POINT_ENTRY, rows.entries, exists('party_member', 'member_id')));
    await step('appraisal', () => insertRows(m, 'appraisal', APPRAISAL, rows.appraisals, exists('cadre', 'cadre_id')));
    await step('duty_check_in', () => insertRows(m, 'duty_check_in', CHECK_IN, rows.checkIns, exists('cadre', 'cadre_id')));
  });
  logger.info({ villages: plans.length, featured: featured.size, inserted, ms: Date.now() - started }, 'personnel demo: done (rows inserted this run)');
}
