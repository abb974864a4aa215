import { DefaultListPolicy, DefaultStarRatingPolicy, type HouseholdMonthFacts, type PointsRuleSpec } from '@xiangzhi/civility-api';
import { demoUuid, Rng } from '@xiangzhi/demo';

/** The demo year: a full year of points, lists published for January to November, ratings done. */
export const DEMO_YEAR = 2025;
export const DEMO_RECORDER = 'demo-grid-worker';
export const DEMO_APPROVER = 'demo-village-cadre';

/** 村规民约 the articles every demo village adopted (after the Jiangxi plan's 移风易俗 themes). */
export const DEMO_ARTICLES: readonly { number: string; text: string }[] = [
  { number: '第一条', text: '喜事新办、丧事简办，不大操大办，不铺张浪费。' },
  { number: '第二条', text: '爱护环境，门前三包，垃圾分类，不乱扔乱堆。' },
  { number: '第三条', text: '尊老爱幼、孝老爱亲，和睦邻里。' },
  { number: '第四条', text: '热心公益，积极参加志愿服务。' },
  { number: '第五条', text: '远离黄赌毒，不搞封建迷信。' },
  { number: '第六条', text: '重视教育，奖教助学。' },
];

/** The county catalogue of the demo counties (积分细则). */
export const DEMO_RULES: readonly PointsRuleSpec[] = [
  { code: 'E-CLEAN', description: '庭院整洁、门前三包落实', points: 5, evidenceRequired: false, monthlyCap: 15, articleRef: '第二条' },
  { code: 'E-FILIAL', description: '孝老爱亲事迹', points: 10, evidenceRequired: false, monthlyCap: 20, articleRef: '第三条' },
  { code: 'E-WEDDING', description: '喜事新办、丧事简办', points: 10, evidenceRequired: true, monthlyCap: null, articleRef: '第一条' },
  { code: 'E-VOLUNTEER', description: '参加志愿服务活动', points: 5, evidenceRequired: false, monthlyCap: 20, articleRef: '第四条' },
  { code: 'E-STUDY', description: '子女升学、奖教助学', points: 20, evidenceRequired: true, monthlyCap: null, articleRef: '第六条' },
  { code: 'D-LITTER', description: '乱扔垃圾、乱堆乱放', points: -5, evidenceRequired: false, monthlyCap: null, articleRef: '第二条' },
  { code: 'D-EXTRAVAGANT', description: '大操大办', points: -10, evidenceRequired: true, monthlyCap: null, articleRef: '第一条' },
  { code: 'D-GAMBLING', description: '参与赌博', points: -20, evidenceRequired: true, monthlyCap: null, articleRef: '第五条' },
];

export const DEMO_ITEMS: readonly { name: string; price: number; stock: number }[] = [
  { name: '毛巾', price: 10, stock: 200 },
  { name: '洗衣粉', price: 20, stock: 200 },
  { name: '大米（5公斤）', price: 40, stock: 100 },
  { name: '食用油', price: 50, stock: 100 },
];

export const DEMO_THEMES: readonly string[] = ['移风易俗', '文明新风', '学雷锋', '清洁家园', '关爱少年', '孝老爱亲', '红色传承', '平安乡村', '奖教助学', '重阳敬老', '法治宣传', '全家福'];

const EARN_WEIGHTS: readonly [string, number][] = [
  ['E-CLEAN', 40],
  ['E-VOLUNTEER', 25],
  ['E-FILIAL', 15],
  ['E-WEDDING', 8],
  ['E-STUDY', 4],
  ['D-LITTER', 5],
  ['D-EXTRAVAGANT', 2],
  ['D-GAMBLING', 1],
];

function weighted(rng: Rng): string {
  const total = EARN_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = rng.int(1, total);
  for (const [code, w] of EARN_WEIGHTS) {
    x -= w;
    if (x <= 0) return code;
  }
  return EARN_WEIGHTS[0][0];
}

export interface PlannedEntry {
  id: string;
  householdId: string;
  ruleCode: string;
  points: number;
  occurredOn: string;
  month: string;
  approved: boolean;
}

/**
 * A household's demo year: up to two entries a month (within the caps), approved, except that half of
 * December's are still pending. One random stream per household.
 */
export function planHouseholdYear(householdId: string): PlannedEntry[] {
  const rng = new Rng(`civility:points:${householdId}`);
  const out: PlannedEntry[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const m = `${DEMO_YEAR}-${String(month).padStart(2, '0')}`;
    const n = rng.int(0, 2);
    for (let k = 0; k < n; k += 1) {
      const code = weighted(rng);
      const rule = DEMO_RULES.find((r) => r.code === code) as PointsRuleSpec;
      const day = String(rng.int(1, 28)).padStart(2, '0');
      out.push({ id: demoUuid(`civility:entry:${householdId}:${m}:${k}`), householdId, ruleCode: code, points: rule.points, occurredOn: `${m}-${day}`, month: m, approved: month < 12 || rng.chance(0.5) });
    }
  }
  return out;
}

/** The baseline red and black list of a village's month from its approved entries. */
export function planList(villageCode: string, month: string, entries: readonly PlannedEntry[]) {
  const byHousehold = new Map<string, HouseholdMonthFacts>();
  for (const e of entries) {
    if (!e.approved || e.month !== month) continue;
    const facts = byHousehold.get(e.householdId) ?? { householdId: e.householdId, points: 0, deductions: [] };
    facts.points += e.points;
    if (e.points < 0) {
      const d = facts.deductions.find((x) => x.ruleCode === e.ruleCode);
      if (d) {
        d.total += e.points;
        d.largest = Math.min(d.largest, e.points);
      } else facts.deductions.push({ ruleCode: e.ruleCode, total: e.points, largest: e.points });
    }
    byHousehold.set(e.householdId, facts);
  }
  return new DefaultListPolicy().compile({ villageCode, month, households: [...byHousehold.values()] });
}

/** The baseline star rating of a household's demo year. */
export function planStars(householdId: string, points: number, blackListMonths: string[]) {
  return new DefaultStarRatingPolicy().rate({ householdId, year: DEMO_YEAR, points, blackListMonths });
}
