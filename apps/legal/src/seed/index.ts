import { DEMO_COUNTIES, demoUuid, fullName, Rng } from '@xiangzhi/demo';
import { NATIONAL_CALENDAR, todayInChina, type SubgraphModule } from '@xiangzhi/kernel';
import {
  DefaultDesignationPolicy,
  DefaultDisputeEscalationPolicy,
  DefaultLegalAidPolicy,
  DisputeCategory,
  DisputeTier,
  FEE_WAIVED_NOTARIAL_MATTERS,
  HardshipBasis,
  LegalAidMatterKind,
  PETITION_HANDLING_DAYS,
} from '@xiangzhi/legal-api';
import { designate } from '../stats/stats';
import { insertRows, type SeedColumn } from './rows';

type SeedContext = Parameters<NonNullable<SubgraphModule['seed']>>[0];

/** The year the demo's records are of (statistics and designations). */
export const DEMO_LEGAL_YEAR = 2025;

/** The county whose designations produce a few 无诉村 (Xinfeng, the Jiangxi 135 pilot). */
export const DEMO_NO_LITIGATION_COUNTY = '360722000000';

/** Every legal table the seed writes, for counts. */
export const LEGAL_SEED_TABLES = [
  'legal_advisor',
  'legal_advisor_assignment',
  'legal_service_record',
  'legal_aid_application',
  'dispute',
  'dispute_party',
  'dispute_mediation',
  'dispute_escalation',
  'petition',
  'lawsuit_count',
  'safe_village_designation',
] as const;

const ADVISOR: readonly SeedColumn[] = [['id', 'uuid'], ['county_code', 'text'], ['name', 'text'], ['law_firm', 'text'], ['certificate_no', 'text'], ['max_villages', 'int']];
const ASSIGNMENT: readonly SeedColumn[] = [['id', 'uuid'], ['advisor_id', 'uuid'], ['village_code', 'text'], ['start_date', 'date']];
const SERVICE: readonly SeedColumn[] = [['id', 'uuid'], ['advisor_id', 'uuid'], ['village_code', 'text'], ['service_date', 'date'], ['kind', 'text'], ['minutes', 'int'], ['consultations', 'int']];
const DISPUTE: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['village_code', 'text'],
  ['category', 'text'],
  ['summary', 'text'],
  ['amount_fen', 'bigint'],
  ['risk_level', 'text'],
  ['crime_risk', 'boolean'],
  ['tier', 'text'],
  ['deadline', 'date'],
  ['status', 'text'],
  ['outcome', 'text'],
  ['opened_on', 'date'],
  ['closed_on', 'date'],
  ['policy_source', 'text'],
];
const PARTY: readonly SeedColumn[] = [['id', 'uuid'], ['dispute_id', 'uuid'], ['resident_id', 'uuid'], ['name', 'text'], ['role', 'text'], ['position', 'int']];
const MEDIATION: readonly SeedColumn[] = [['id', 'uuid'], ['dispute_id', 'uuid'], ['tier', 'text'], ['mediator', 'text'], ['held_on', 'date'], ['result', 'text'], ['agreement', 'text']];
const ESCALATION: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['dispute_id', 'uuid'],
  ['from_tier', 'text'],
  ['to_tier', 'text'],
  ['escalated_on', 'date'],
  ['deadline', 'date'],
  ['automatic', 'boolean'],
  ['reason', 'text'],
  ['actor_id', 'text'],
  ['policy_source', 'text'],
];
const PETITION: readonly SeedColumn[] = [['id', 'uuid'], ['village_code', 'text'], ['petitioner_name', 'text'], ['level', 'text'], ['summary', 'text'], ['received_on', 'date'], ['deadline', 'date'], ['dispute_id', 'uuid']];
const LAWSUIT: readonly SeedColumn[] = [['village_code', 'text'], ['year', 'int'], ['lawsuits', 'int'], ['recorded_by', 'text']];
const AID: readonly SeedColumn[] = [
  ['id', 'uuid'],
  ['village_code', 'text'],
  ['applicant_resident_id', 'uuid'],
  ['matter', 'text'],
  ['kind', 'text'],
  ['catalogue_code', 'text'],
  ['basis', 'text'],
  ['monthly_income_per_head_fen', 'bigint'],
  ['assessment', 'jsonb'],
  ['policy_source', 'text'],
  ['status', 'text'],
  ['decision_reasons', 'jsonb'],
  ['decided_by', 'text'],
  ['decided_on', 'date'],
  ['applied_on', 'date'],
];

const FIRMS = ['正大', '明理', '公信', '和衡', '求是', '致远'];
const SUMMARIES: Record<DisputeCategory, string> = {
  LAND: '承包地边界争议',
  FAMILY: '赡养老人纠纷',
  NEIGHBOUR: '相邻通行、排水纠纷',
  LABOUR: '务工工资拖欠',
  DAMAGES: '牲畜损毁庄稼赔偿',
  CONTRACT: '民间借贷纠纷',
  REQUISITION: '征地补偿分配争议',
  OTHER: '其他矛盾纠纷',
};
const CATEGORIES = Object.keys(SUMMARIES) as DisputeCategory[];
const DEMO_DECIDER = 'demo-seed';

const addDays = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const day = (rng: Rng, year: number, lastMonth = 11): string => `${year}-${String(rng.int(1, lastMonth)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;

/**
 * 法治演示数据 the legal demo over the villages grids imported (`region_ref`) and its residents
 * (`resident_ref`), deterministic (ids `demoUuid('legal:…')`, numbers drawn per village) and
 * idempotent (`ON CONFLICT DO NOTHING`; designations only announce what changed):
 * - one advisor per four villages of each demo county, with every 13th village left without one
 *   (the coverage report names them), services in June of the demo year;
 * - 0–3 disputes per village in the demo year at every tier and outcome (mediated with an agreement,
 *   withdrawn, referred to court or arbitration, some still open and so overdue), escalation steps for
 *   those above the village tier, 民转刑 flags; in featured villages (those with residents) a fresh
 *   open dispute opened a day or two ago, within its deadline;
 * - petitions at every level, lawsuit counts per village; in Xinfeng (360722) every 25th village
 *   keeps a clean record (no lawsuit, no petition above the township, every dispute closed), the
 *   others have lawsuits, so the baseline designates a few 无诉村;
 * - legal-aid applications of residents of featured villages, decided both ways with reasons;
 * - the demo year's designations of every demo county by the national baseline.
 */
export async function seedLegalDemo({ dataSource, logger }: SeedContext): Promise<void> {
  const started = Date.now();
  const today = todayInChina();
  const villagesAll = (await dataSource.query(
    `SELECT code FROM region_ref WHERE level = 'VILLAGE' AND NOT retired AND valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date) ORDER BY code`,
    [today],
  )) as { code: string }[];
  if (villagesAll.length === 0) {
    logger.warn(
      { table: 'region_ref' },
      '法治子图演示数据未写入：区划投影为空，请先导入网格子图的区划并让 legal-regions 消费其事件 / legal demo not seeded: the region projection is empty; seed grids first and let legal-regions consume its events',
    );
    return;
  }
  const livingRows = (await dataSource.query(`SELECT id::text AS id, village_code FROM resident_ref WHERE status = 'LIVING' ORDER BY village_code, id`)) as { id: string; village_code: string }[];
  const living = new Map<string, string[]>();
  for (const r of livingRows) living.set(r.village_code, [...(living.get(r.village_code) ?? []), r.id]);

  const escalation = new DefaultDisputeEscalationPolicy();
  const aidPolicy = new DefaultLegalAidPolicy();
  const deadlineFor = (tier: DisputeTier, category: DisputeCategory, from: string, village: string): string => escalation.deadlineFor(tier, category, from, NATIONAL_CALENDAR, village);
  const rows = { advisors: [] as unknown[][], assignments: [] as unknown[][], services: [] as unknown[][], disputes: [] as unknown[][], parties: [] as unknown[][], mediations: [] as unknown[][], escalations: [] as unknown[][], petitions: [] as unknown[][], lawsuits: [] as unknown[][], aid: [] as unknown[][] };

  for (const county of DEMO_COUNTIES) {
    const prefix = county.code.slice(0, 6);
    const villages = villagesAll.filter((v) => v.code.startsWith(prefix)).map((v) => v.code);
    if (villages.length === 0) continue;
    const xinfeng = county.code === DEMO_NO_LITIGATION_COUNTY;
    // advisors: one per four villages; every 13th village has none
    const covered = villages.filter((_, i) => i % 13 !== 5);
    for (let k = 0; k * 4 < covered.length; k += 1) {
      const rng = new Rng(`legal:advisor:${county.code}:${k}`);
      const id = demoUuid(`legal:advisor:${county.code}:${k}`);
      const certificate = `1${county.code.slice(0, 2)}${county.code.slice(2, 4)}${2005 + (k % 15)}1${k % 2}${String(k + 1).padStart(6, '0')}`;
      rows.advisors.push([id, county.code, fullName(rng, k % 2 === 0), `${county.name}${FIRMS[k % FIRMS.length]}律师事务所`, certificate, 5]);
      for (const village of covered.slice(k * 4, k * 4 + 4)) {
        rows.assignments.push([demoUuid(`legal:assignment:${village}`), id, village, '2024-01-01']);
        rows.services.push([demoUuid(`legal:service:${village}:1`), id, village, `${DEMO_LEGAL_YEAR}-06-10`, 'VISIT', 240, rng.int(2, 12)]);
        rows.services.push([demoUuid(`legal:service:${village}:2`), id, village, `${DEMO_LEGAL_YEAR}-06-24`, 'LECTURE', 90, 0]);
      }
    }
    for (const [i, village] of villages.entries()) {
      const rng = new Rng(`legal:village:${village}`);
      const clean = xinfeng && i % 25 === 0;
      const people = living.get(village) ?? [];
      const partiesOf = (disputeId: string, n: number): void => {
        const a = people[n % Math.max(people.length, 1)];
        const b = people[(n + 1) % Math.max(people.length, 1)];
        const twoResidents = people.length >= 2;
        rows.parties.push([demoUuid(`legal:party:${disputeId}:0`), disputeId, twoResidents ? a : null, fullName(rng, true), 'APPLICANT', 0]);
        rows.parties.push([demoUuid(`legal:party:${disputeId}:1`), disputeId, twoResidents ? b : null, fullName(rng, rng.chance(0.5)), 'RESPONDENT', 1]);
      };
      const disputeIds: string[] = [];
      const count = rng.int(0, 3);
      for (let n = 0; n < count; n += 1) {
        const id = demoUuid(`legal:dispute:${village}:${n}`);
        disputeIds.push(id);
        const category = rng.pick(CATEGORIES);
        const openedOn = day(rng, DEMO_LEGAL_YEAR);
        const draw = rng.next();
        // tiers reached: most settle in the village, some at the township, a few at the county
        const tierIndex = clean || draw < 0.7 ? 0 : draw < 0.92 ? 1 : 2;
        const tiers = [DisputeTier.VILLAGE, DisputeTier.TOWNSHIP, DisputeTier.COUNTY].slice(0, tierIndex + 1);
        let from = openedOn;
        let deadline = deadlineFor(DisputeTier.VILLAGE, category, openedOn, village);
        for (let t = 1; t < tiers.length; t += 1) {
          const on = addDays(deadline, 1);
          const next = deadlineFor(tiers[t], category, on, village);
          rows.escalations.push([demoUuid(`legal:escalation:${id}:${t}`), id, tiers[t - 1], tiers[t], on, next, true, `超过${tiers[t - 1]}办理期限，自动升级 (overdue; escalated automatically)`, 'system', 'baseline']);
          from = on;
          deadline = next;
        }
        const outcomeDraw = rng.next();
        const open = !clean && outcomeDraw >= 0.85;
        const outcome = open ? null : outcomeDraw < 0.6 || clean ? 'MEDIATED' : outcomeDraw < 0.7 ? 'WITHDRAWN' : outcomeDraw < 0.8 ? 'REFERRED_TO_COURT' : 'REFERRED_TO_ARBITRATION';
        const closedOn = open ? null : addDays(from, rng.int(1, 5));
        const amount = ['LAND', 'LABOUR', 'DAMAGES', 'CONTRACT', 'REQUISITION'].includes(category) ? String(rng.int(50, 5000) * 1000) : null;
        const risk = rng.next();
        rows.disputes.push([id, village, category, SUMMARIES[category], amount, risk < 0.7 ? 'LOW' : risk < 0.95 ? 'MEDIUM' : 'HIGH', !clean && risk > 0.97, tiers[tiers.length - 1], deadline, open ? 'OPEN' : 'CLOSED', outcome, openedOn, closedOn, 'baseline']);
        partiesOf(id, n);
        if (outcome === 'MEDIATED' && closedOn) {
          rows.mediations.push([demoUuid(`legal:mediation:${id}`), id, tiers[tiers.length - 1], `${fullName(rng, true)}（人民调解员）`, closedOn, 'AGREEMENT', '双方自愿达成调解协议，当场履行 (both parties agreed; performed at once)']);
        } else if (outcome !== null || rng.chance(0.5)) {
          rows.mediations.push([demoUuid(`legal:mediation:${id}`), id, tiers[tiers.length - 1], `${fullName(rng, true)}（人民调解员）`, addDays(from, 1), 'NO_AGREEMENT', null]);
        }
      }
      if (people.length >= 2) {
        // a fresh dispute within its village deadline
        const id = demoUuid(`legal:dispute:${village}:fresh`);
        const openedOn = addDays(today, -1);
        rows.disputes.push([id, village, 'NEIGHBOUR', SUMMARIES.NEIGHBOUR, null, 'LOW', false, 'VILLAGE', deadlineFor(DisputeTier.VILLAGE, DisputeCategory.NEIGHBOUR, openedOn, village), 'OPEN', null, openedOn, null, 'baseline']);
        partiesOf(id, 0);
      }
      const petitions = rng.int(0, 2);
      for (let n = 0; n < petitions; n += 1) {
        const p = rng.next();
        const level = clean ? (p < 0.5 ? 'VILLAGE' : 'TOWNSHIP') : p < 0.4 ? 'VILLAGE' : p < 0.8 ? 'TOWNSHIP' : p < 0.95 ? 'COUNTY' : 'ABOVE';
        const receivedOn = day(rng, DEMO_LEGAL_YEAR);
        rows.petitions.push([demoUuid(`legal:petition:${village}:${n}`), village, fullName(rng, rng.chance(0.6)), level, '反映土地、补偿等问题', receivedOn, addDays(receivedOn, PETITION_HANDLING_DAYS), disputeIds[n] ?? null]);
      }
      const lawsuits = clean ? 0 : xinfeng ? rng.int(1, 4) : rng.int(0, 4);
      rows.lawsuits.push([village, DEMO_LEGAL_YEAR, lawsuits, DEMO_DECIDER]);
      if (people.length >= 2) {
        const appliedOn = `${DEMO_LEGAL_YEAR}-05-12`;
        const granted = aidPolicy.assess({ villageCode: village, basis: HardshipBasis.MINIMUM_LIVING_ALLOWANCE, kind: LegalAidMatterKind.NOTARISATION, catalogueCode: FEE_WAIVED_NOTARIAL_MATTERS[0].code, monthlyIncomePerHeadFen: null });
        rows.aid.push([
          demoUuid(`legal:aid:${village}:1`), village, people[0], '办理遗嘱公证', LegalAidMatterKind.NOTARISATION, FEE_WAIVED_NOTARIAL_MATTERS[0].code, HardshipBasis.MINIMUM_LIVING_ALLOWANCE, null,
          JSON.stringify(granted), 'baseline', 'GRANTED', JSON.stringify([{ rule: 'MEANS_TEST_WAIVED', zh: '低保家庭，免经济困难审查', en: 'Minimum-allowance household: no means test' }]), DEMO_DECIDER, '2025-05-15', appliedOn,
        ]);
        const income = 260_000n;
        const refused = aidPolicy.assess({ villageCode: village, basis: HardshipBasis.MEANS_TEST, kind: LegalAidMatterKind.REPRESENTATION, catalogueCode: null, monthlyIncomePerHeadFen: income });
        rows.aid.push([
          demoUuid(`legal:aid:${village}:2`), village, people[1], '民间借贷诉讼代理', LegalAidMatterKind.REPRESENTATION, null, HardshipBasis.MEANS_TEST, income.toString(),
          JSON.stringify(refused), 'baseline', 'REFUSED', JSON.stringify([{ rule: 'MEANS_TEST_ABOVE_THRESHOLD', zh: '家庭人均月收入高于经济困难标准', en: 'Income per head above the threshold' }]), DEMO_DECIDER, '2025-05-20', appliedOn,
        ]);
      }
    }
  }

  const inserted: Record<string, number> = {};
  await dataSource.transaction(async (m) => {
    inserted.legal_advisor = await insertRows(m, 'legal_advisor', ADVISOR, rows.advisors);
    inserted.legal_advisor_assignment = await insertRows(m, 'legal_advisor_assignment', ASSIGNMENT, rows.assignments, 'EXISTS (SELECT 1 FROM legal_advisor a WHERE a.id = v.advisor_id)');
    inserted.legal_service_record = await insertRows(m, 'legal_service_record', SERVICE, rows.services, 'EXISTS (SELECT 1 FROM legal_advisor a WHERE a.id = v.advisor_id)');
    inserted.dispute = await insertRows(m, 'dispute', DISPUTE, rows.disputes);
    const guard = 'EXISTS (SELECT 1 FROM dispute d WHERE d.id = v.dispute_id)';
    inserted.dispute_party = await insertRows(m, 'dispute_party', PARTY, rows.parties, guard);
    inserted.dispute_mediation = await insertRows(m, 'dispute_mediation', MEDIATION, rows.mediations, guard);
    inserted.dispute_escalation = await insertRows(m, 'dispute_escalation', ESCALATION, rows.escalations, guard);
    inserted.petition = await insertRows(m, 'petition', PETITION, rows.petitions, 'v.dispute_id IS NULL OR EXISTS (SELECT 1 FROM dispute d WHERE d.id = v.dispute_id)');
    inserted.lawsuit_count = await insertRows(m, 'lawsuit_count', LAWSUIT, rows.lawsuits);
    inserted.legal_aid_application = await insertRows(m, 'legal_aid_application', AID, rows.aid);
    const baseline = new DefaultDesignationPolicy();
    let designated = 0;
    for (const county of DEMO_COUNTIES) {
      const runs = await designate(m, `${county.code.slice(0, 6)}%`, DEMO_LEGAL_YEAR, () => ({ policy: baseline, source: 'baseline' }), `${DEMO_LEGAL_YEAR + 1}-01-05`);
      designated += runs.filter((r) => r.decision.designated).length;
    }
    inserted.designated = designated;
  });
  logger.info({ subgraph: 'legal', inserted, ms: Date.now() - started }, 'legal demo data seeded');
}
