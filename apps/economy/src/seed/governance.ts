import { DEMO_COUNTIES, demoUuid, demoVillages, Rng, type DemoRegion } from '@xiangzhi/demo';
import { NATIONAL_CALENDAR, type SubgraphModule } from '@xiangzhi/kernel';
import { BASELINE_DISCLOSURE, BASELINE_MAJOR_MATTER, paymentSchedule, periodSpan } from '@xiangzhi/economy-api';
import type { EntityManager } from 'typeorm';
import { dueDate } from '../disclosure/disclosure.service';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** Who the demo records say recorded them. */
const DEMO_RECORDER = 'demo-seed';

/** The year the governance demo data is about; the overdue reports are meant to be asked as of 2026-01-20. */
export const GOVERNANCE_DEMO_YEAR = 2025;

type Column = readonly [name: string, sqlType: string];

const ROWS_PER_STATEMENT = 500;

/** Multi-row `INSERT … SELECT … FROM (VALUES …) ON CONFLICT DO NOTHING`, 500 rows a statement; returns the rows inserted. */
async function insertRows(m: EntityManager, table: string, columns: readonly Column[], rows: readonly unknown[][]): Promise<number> {
  let inserted = 0;
  const names = columns.map(([name]) => name).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => `(${row.map((value, i) => (params.push(value), `$${params.length}::${columns[i][1]}`)).join(', ')})`);
    const result = (await m.query(`INSERT INTO ${table} (${names}) SELECT ${names} FROM (VALUES ${values.join(', ')}) AS v(${names}) ON CONFLICT DO NOTHING RETURNING 1 AS x`, params)) as unknown[];
    inserted += result.length;
  }
  return inserted;
}

const STEPS = ['PROPOSED', 'DELIBERATED', 'REVIEWED', 'RESOLVED', 'DECISION_PUBLISHED', 'RESULT_PUBLISHED'] as const;
const MATTER_TITLES = {
  CONTRACT: ['集体鱼塘发包', '村集体厂房出租', '山林经营权流转'],
  PROJECT: ['光伏发电项目', '茶叶加工厂建设', '冷链仓储项目'],
  DISTRIBUTION: ['年度收益分配方案'],
} as const;
type Subject = keyof typeof MATTER_TITLES;

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Disclosures of the second half of the demo year: most on time, some late, some missing (overdue). */
function disclosureRows(villages: DemoRegion[]): unknown[][] {
  const rows: unknown[][] = [];
  const periods = [
    ...['07', '08', '09', '10', '11', '12'].map((m) => ({ kind: 'FINANCE', period: `${GOVERNANCE_DEMO_YEAR}-${m}` })),
    ...['Q3', 'Q4'].flatMap((q) => [
      { kind: 'VILLAGE', period: `${GOVERNANCE_DEMO_YEAR}-${q}` },
      { kind: 'PARTY', period: `${GOVERNANCE_DEMO_YEAR}-${q}` },
    ]),
  ];
  for (const v of villages) {
    const rng = new Rng(`economy:disclosures:${v.code}`);
    const county = `${v.code.slice(0, 6)}000000`;
    for (const p of periods) {
      const roll = rng.next();
      if (roll < 0.08) continue; // missing: overdue
      const span = periodSpan(p.period);
      if (!span) continue;
      const due = dueDate(NATIONAL_CALENDAR, county, span.last, BASELINE_DISCLOSURE.dueDay);
      const publishedOn = roll < 0.14 ? addDays(due, rng.int(1, 12)) : addDays(span.last, rng.int(1, 8));
      const items =
        p.kind === 'FINANCE'
          ? [
              { title: '本月收入', content: '资产资源发包收入、经营收入', amountFen: String(rng.int(50_00, 9_000_00)) },
              { title: '本月支出', content: '办公、水电、公益事业支出', amountFen: String(rng.int(10_00, 3_000_00)) },
            ]
          : p.kind === 'VILLAGE'
            ? [{ title: '惠民政策落实', content: '低保、医保、耕地地力保护补贴发放情况', amountFen: null }]
            : [{ title: '党员发展与党费收缴', content: '本季度党员发展、党费收缴和组织生活情况', amountFen: null }];
      rows.push([demoUuid(`economy:disclosure:${v.code}:${p.kind}:${p.period}`), county, v.code, p.kind, p.period, GOVERNANCE_DEMO_YEAR, `${v.name}${p.period}${p.kind === 'FINANCE' ? '财务公开' : p.kind === 'VILLAGE' ? '村务公开' : '党务公开'}`, JSON.stringify(items), publishedOn, due, DEMO_RECORDER]);
    }
  }
  return rows;
}

interface MatterPlan {
  id: string;
  village: DemoRegion;
  subject: Subject;
  amountFen: bigint;
  /** index into STEPS of the last step taken */
  last: number;
  rejected: boolean;
}

function matterPlans(villages: DemoRegion[]): MatterPlan[] {
  return villages.map((v) => {
    const rng = new Rng(`economy:matter:${v.code}`);
    const subject = rng.pick(['CONTRACT', 'CONTRACT', 'PROJECT', 'DISTRIBUTION'] as const);
    const last = rng.int(0, STEPS.length - 1);
    return {
      id: demoUuid(`economy:matter:${v.code}:1`),
      village: v,
      subject,
      amountFen: BigInt(rng.int(60_000, 240_000)) * 100n,
      last,
      rejected: last >= 3 && rng.chance(0.1),
    };
  });
}

/**
 * 治理演示数据 for every demo county's villages: disclosures of the second half of 2025 (some late,
 * some missing), a major matter per village at a step of its own (some rejected), two assets and two
 * resources per organisation, a lease per organisation with its schedule and payments (some
 * instalments unpaid), projects in every status and one 1+N+1 alliance per county. Deterministic
 * (ids from `demoUuid`, figures from `Rng`) and idempotent (`ON CONFLICT DO NOTHING`), multi-row.
 * Registers and leases need the villages' organisations: villages without one get none.
 */
export async function seedGovernanceDemo(ctx: SeedContext): Promise<void> {
  const villages = DEMO_COUNTIES.flatMap((c) => demoVillages(c).filter((v) => Number(v.code.slice(9)) >= 200));
  await ctx.dataSource.transaction(async (m) => {
    const disclosures = await insertRows(
      m,
      'disclosure',
      [['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['kind', 'text'], ['period', 'text'], ['year', 'int'], ['title', 'text'], ['items', 'jsonb'], ['published_on', 'date'], ['due_on', 'date'], ['published_by', 'text']],
      disclosureRows(villages),
    );

    const plans = matterPlans(villages);
    const matterRows: unknown[][] = [];
    const stepRows: unknown[][] = [];
    for (const p of plans) {
      const proposedOn = `${GOVERNANCE_DEMO_YEAR}-0${1 + (Number(p.village.code.slice(9)) % 6)}-0${1 + (Number(p.village.code.slice(6, 9)) % 9)}`;
      const dates = STEPS.map((_, i) => addDays(proposedOn, i * 9));
      const outcome = p.last >= 3 ? (p.rejected ? 'REJECTED' : 'ADOPTED') : 'PENDING';
      const last = p.rejected ? 3 : p.last;
      matterRows.push([p.id, `${p.village.code.slice(0, 6)}000000`, p.village.code, GOVERNANCE_DEMO_YEAR, `${p.village.name}${MATTER_TITLES[p.subject][Number(p.village.code.slice(9)) % MATTER_TITLES[p.subject].length]}`, p.subject, p.amountFen.toString(), STEPS[last], outcome, proposedOn, outcome === 'ADOPTED' ? dates[3] : null, DEMO_RECORDER]);
      for (let i = 0; i <= last; i += 1) {
        const resolution = i === 3;
        const entitled = 35 + (Number(p.village.code.slice(9)) % 20);
        const attendance = Math.ceil(entitled * 0.7);
        const votesFor = p.rejected ? Math.floor(attendance / 2) - 1 : attendance - 4;
        const votesAgainst = p.rejected ? attendance - votesFor - 2 : 3;
        stepRows.push([
          demoUuid(`economy:matter-step:${p.id}:${STEPS[i]}`),
          p.id,
          STEPS[i],
          i + 1,
          dates[i],
          resolution ? entitled : null,
          resolution ? attendance : null,
          resolution ? votesFor : null,
          resolution ? votesAgainst : null,
          resolution ? attendance - votesFor - votesAgainst : null,
          resolution ? (p.rejected ? 'MAJORITY_NOT_REACHED' : 'ADOPTED') : null,
          DEMO_RECORDER,
        ]);
      }
    }
    const matters = await insertRows(
      m,
      'major_matter',
      [['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['year', 'int'], ['title', 'text'], ['subject', 'text'], ['amount_fen', 'bigint'], ['step', 'text'], ['outcome', 'text'], ['proposed_on', 'date'], ['adopted_on', 'date'], ['created_by', 'text']],
      matterRows,
    );
    await insertRows(
      m,
      'major_matter_step',
      [['id', 'uuid'], ['matter_id', 'uuid'], ['step', 'text'], ['seq', 'int'], ['held_on', 'date'], ['members_entitled', 'int'], ['attendance', 'int'], ['votes_for', 'int'], ['votes_against', 'int'], ['votes_abstain', 'int'], ['decision_rule', 'text'], ['recorded_by', 'text']],
      stepRows,
    );

    // registers and leases hang on the organisations the organisation seed registered
    const orgs = (await m.query(`SELECT id, village_code FROM collective_organization WHERE parent_id IS NULL AND village_code = ANY($1::text[]) ORDER BY village_code, id`, [villages.map((v) => v.code)])) as { id: string; village_code: string }[];
    const orgOf = new Map<string, string>();
    for (const o of orgs) if (!orgOf.has(o.village_code)) orgOf.set(o.village_code, o.id);
    const assets: unknown[][] = [];
    const resources: unknown[][] = [];
    const contracts: unknown[][] = [];
    const instalments: unknown[][] = [];
    const payments: unknown[][] = [];
    const adopted = new Map(plans.filter((p) => p.subject === 'CONTRACT' && p.last >= 3 && !p.rejected).map((p) => [p.village.code, p]));
    for (const v of villages) {
      const org = orgOf.get(v.code);
      if (!org) continue;
      const county = `${v.code.slice(0, 6)}000000`;
      const rng = new Rng(`economy:registers:${v.code}`);
      assets.push([demoUuid(`economy:asset:${v.code}:1`), county, v.code, org, `${v.name}村部综合楼`, 'BUILDING', `20${10 + rng.int(0, 12)}-0${rng.int(1, 9)}-15`, String(rng.int(200_000, 1_500_000) * 100)]);
      assets.push([demoUuid(`economy:asset:${v.code}:2`), county, v.code, org, `${v.name}农机具`, 'MACHINERY', `20${15 + rng.int(0, 8)}-0${rng.int(1, 9)}-01`, String(rng.int(20_000, 200_000) * 100)]);
      const pond = demoUuid(`economy:resource:${v.code}:1`);
      resources.push([pond, county, v.code, org, `${v.name}集体水面`, 'WATER', `${rng.int(5, 80)}.${String(rng.int(0, 99)).padStart(2, '0')}`, true]);
      resources.push([demoUuid(`economy:resource:${v.code}:2`), county, v.code, org, `${v.name}集体林地`, 'FOREST', `${rng.int(50, 900)}.${String(rng.int(0, 99)).padStart(2, '0')}`, false]);
      // a lease of the water, 2024-01-01 … 2026-12-31, paid yearly; above the threshold only with the village's adopted contract matter
      const matter = adopted.get(v.code);
      const yearly = matter ? matter.amountFen / 3n : BigInt(rng.int(3_000, 15_000)) * 100n;
      const schedule = paymentSchedule('2024-01-01', 36, yearly, 'YEARLY');
      if (schedule.totalFen > BASELINE_MAJOR_MATTER.thresholdFen && !matter) continue;
      const contract = demoUuid(`economy:contract:${v.code}:1`);
      contracts.push([contract, county, v.code, org, pond, rng.pick(['张氏养殖户', '李记渔业合作社', '王某', '县农投公司']), '2024-01-01', '2026-12-31', 36, yearly.toString(), schedule.totalFen.toString(), 'YEARLY', matter?.id ?? null, '2023-12-20', DEMO_RECORDER]);
      // instalment 1 always paid; 2 paid by four villages in five; 3 by half: the rest is overdue
      const paidSeqs = new Set([1, ...(rng.chance(0.8) ? [2] : []), ...(rng.chance(0.5) ? [3] : [])]);
      for (const i of schedule.instalments) {
        const paid = paidSeqs.has(i.seq);
        instalments.push([demoUuid(`economy:instalment:${contract}:${i.seq}`), contract, v.code, i.seq, i.dueOn, i.months, i.amountFen.toString(), paid ? i.amountFen.toString() : '0']);
        if (paid) payments.push([demoUuid(`economy:payment:${contract}:${i.seq}`), contract, v.code, addDays(i.dueOn, rng.int(0, 20)), i.amountFen.toString(), DEMO_RECORDER]);
      }
    }
    await insertRows(m, 'collective_asset', [['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['organization_id', 'uuid'], ['name', 'text'], ['category', 'text'], ['acquired_on', 'date'], ['original_value_fen', 'bigint'], ['created_by', 'text']], assets.map((r) => [...r, DEMO_RECORDER]));
    await insertRows(m, 'collective_resource', [['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['organization_id', 'uuid'], ['name', 'text'], ['kind', 'text'], ['area_mu', 'numeric'], ['contracted', 'boolean'], ['created_by', 'text']], resources.map((r) => [...r, DEMO_RECORDER]));
    const leases = await insertRows(
      m,
      'lease_contract',
      [['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['organization_id', 'uuid'], ['resource_id', 'uuid'], ['counterparty', 'text'], ['term_start', 'date'], ['term_end', 'date'], ['term_months', 'int'], ['yearly_amount_fen', 'bigint'], ['total_fen', 'bigint'], ['payment_frequency', 'text'], ['major_matter_id', 'uuid'], ['signed_on', 'date'], ['created_by', 'text']],
      contracts,
    );
    await insertRows(m, 'lease_instalment', [['id', 'uuid'], ['contract_id', 'uuid'], ['village_code', 'text'], ['seq', 'int'], ['due_on', 'date'], ['months', 'int'], ['amount_fen', 'bigint'], ['paid_fen', 'bigint']], instalments);
    await insertRows(m, 'lease_payment', [['id', 'uuid'], ['contract_id', 'uuid'], ['village_code', 'text'], ['paid_on', 'date'], ['amount_fen', 'bigint'], ['recorded_by', 'text']], payments);

    // projects in every status and one 1+N+1 alliance per county (the first village of the first township leading the next three)
    const statuses = ['PROPOSED', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'EVALUATED'] as const;
    const sources = ['CENTRAL', 'PROVINCIAL', 'COUNTY', 'STATE_ENTERPRISE', 'PAIRING_UNIT', 'COLLECTIVE', 'SOCIAL'] as const;
    const projects: unknown[][] = [];
    const alliances: unknown[][] = [];
    const allianceMembers: unknown[][] = [];
    for (const c of DEMO_COUNTIES) {
      const own = villages.filter((v) => v.code.startsWith(c.code.slice(0, 6)));
      if (own.length < 4) continue;
      const alliance = demoUuid(`economy:alliance:${c.code}`);
      alliances.push([alliance, c.code, `${c.name}强村带弱村联合体`, own[0].code, `${c.name}农业发展投资有限公司`, '2024-06-18', DEMO_RECORDER]);
      allianceMembers.push([alliance, own[0].code, 'LEAD'], ...own.slice(1, 4).map((v) => [alliance, v.code, 'MEMBER']));
      const rng = new Rng(`economy:projects:${c.code}`);
      for (let i = 0; i < 10; i += 1) {
        const v = own[(i * 7 + 1) % own.length];
        const status = statuses[i % statuses.length];
        const done = status === 'COMPLETED' || status === 'EVALUATED';
        const inAlliance = own.slice(1, 4).includes(v);
        projects.push([
          demoUuid(`economy:project:${c.code}:${i}`),
          c.code,
          v.code,
          `${v.name}${rng.pick(['光伏发电', '茶叶加工', '冷链仓储', '乡村旅游', '标准化厂房', '特色种植'])}项目`,
          sources[i % sources.length],
          String(rng.int(10_000, 50_000) * 100),
          status,
          done ? String(rng.int(2_000, 30_000) * 100) : '0',
          inAlliance ? alliance : null,
          `2025-0${1 + (i % 6)}-10`,
          `2025-${String(6 + (i % 6)).padStart(2, '0')}-20`,
          DEMO_RECORDER,
        ]);
      }
    }
    await insertRows(m, 'village_alliance', [['id', 'uuid'], ['county_code', 'text'], ['name', 'text'], ['lead_village_code', 'text'], ['enterprise_name', 'text'], ['founded_on', 'date'], ['created_by', 'text']], alliances);
    await insertRows(m, 'village_alliance_member', [['alliance_id', 'uuid'], ['village_code', 'text'], ['role', 'text']], allianceMembers);
    await insertRows(
      m,
      'weak_village_project',
      [['id', 'uuid'], ['county_code', 'text'], ['village_code', 'text'], ['name', 'text'], ['funding_source', 'text'], ['funding_fen', 'bigint'], ['status', 'text'], ['income_fen', 'bigint'], ['alliance_id', 'uuid'], ['proposed_on', 'date'], ['status_on', 'date'], ['created_by', 'text']],
      projects,
    );
    ctx.logger.info({ subgraph: 'economy', villages: villages.length, disclosures, matters, leases }, 'economy governance demo data');
  });
}
