import { type DemoPerson, type DemoRegion, demoUuid, demoVillagePopulation, fullName, dayOf, Rng } from '@xiangzhi/demo';
import { type AppraisalPolicy, DefaultAppraisalPolicy, DefaultPostTemplatePolicy, DefaultRankPolicy, EducationLevel, type PostCategory, type PostTemplateEntry, yearsBetween } from '@xiangzhi/personnel-api';

/**
 * The personnel demo as plain rows (no database): what `seedPersonnelDemo` writes. Deterministic —
 * ids from `demoUuid('personnel:…')`, values from a random stream seeded by the village code — so
 * that seeding again finds the same rows.
 */

/** The day the demo describes: ages, Party years and the last two weeks of duty are counted to it. */
export const DEMO_REFERENCE_DATE = '2026-11-20';
/** The month of the demo's post appraisals (the last full month before the reference date). */
export const DEMO_APPRAISAL_MONTH = '2026-10';
/** Working days of the demo's duty check-ins: the two weeks up to the reference date. */
export const DEMO_DUTY_DAYS: readonly string[] = workdaysBetween('2026-11-09', DEMO_REFERENCE_DATE);
/** The rank every demo cadre holds: the baseline's initial level (6). */
export const DEMO_RANK_LEVEL = new DefaultRankPolicy().initialLevel();
/** Who recorded the demo's appraisals and point entries. */
export const DEMO_RECORDER = 'demo-seed';

const TEMPLATE = new DefaultPostTemplatePolicy();
const APPRAISAL: AppraisalPolicy = new DefaultAppraisalPolicy();
const REFERENCE_YEAR = Number(DEMO_REFERENCE_DATE.slice(0, 4));

/** The demo cadres of every village: who holds which baseline posts. */
export const DEMO_CADRE_ROLES = [
  /** 书记、主任"一肩挑" the Party secretary who is also the committee director */
  { role: 'secretary', posts: ['secretary', 'director'], party: 1, fullTime: true, male: 0.85 },
  /** 组织委员 */
  { role: 'organisation', posts: ['organisation'], party: 1, fullTime: false, male: 0.5 },
  /** 文书 */
  { role: 'clerk', posts: ['clerk'], party: 0.5, fullTime: false, male: 0.45 },
  /** 村务监督委员会主任 */
  { role: 'supervision', posts: ['supervision'], party: 0.6, fullTime: false, male: 0.6 },
] as const;

export type DemoCadreRole = (typeof DEMO_CADRE_ROLES)[number]['role'];

/** Education of a demo cadre: about half college (大专) or higher. */
const EDUCATION_MIX: readonly [EducationLevel, number][] = [
  [EducationLevel.JUNIOR_HIGH, 0.1],
  [EducationLevel.HIGH_SCHOOL, 0.38],
  [EducationLevel.COLLEGE, 0.3],
  [EducationLevel.BACHELOR, 0.2],
  [EducationLevel.POSTGRADUATE, 0.02],
];

const MEMBER_DUTIES = ['政策宣传岗', '环境卫生监督岗', '矛盾纠纷调解岗', '关爱帮扶岗', '治安巡逻岗', '产业带富岗'];
const MOBILE_LOCATIONS = ['江苏省苏州市', '浙江省宁波市', '广东省东莞市', '上海市闵行区', '福建省厦门市', '广东省深圳市'];
const POINT_REASONS: readonly [number, string][] = [
  [5, '参加主题党日活动'],
  [3, '按时足额缴纳党费'],
  [10, '参加志愿服务'],
  [5, '参加"三会一课"'],
  [8, '帮扶困难群众'],
  [-2, '无故缺席组织生活'],
];
const VETTING_DEPARTMENTS = ['纪委监委', '组织部', '政法委', '公安', '检察院', '法院', '信访'];

export interface CadrePlan {
  id: string;
  role: DemoCadreRole;
  residentId: string | null;
  name: string;
  gender: 'MALE' | 'FEMALE';
  birthDate: string;
  educationLevel: EducationLevel;
  partyJoinDate: string | null;
  fullTime: boolean;
  serviceStart: string;
  /** Codes of the posts held. */
  posts: string[];
  /** The grid of the resident (featured villages), for Party membership. */
  gridId: string | null;
}

export interface PostPlan {
  id: string;
  entry: PostTemplateEntry;
  holderId: string;
}

export interface PartyMemberPlan {
  id: string;
  organizationId: string;
  residentId: string;
  name: string;
  joinedOn: string;
  status: 'FULL' | 'PROBATIONARY';
  mobile: boolean;
  currentLocation: string | null;
  duty: string | null;
  entries: { id: string; date: string; points: number; reason: string }[];
}

export interface FeaturedPlan {
  committee: { id: string; name: string; kind: 'COMMITTEE' | 'GENERAL_BRANCH'; secretaryId: string };
  branches: { id: string; name: string; gridId: string }[];
  members: PartyMemberPlan[];
  appraisals: { id: string; cadreId: string; scores: { dimension: string; title: string; weight: number; score: number }[]; total: number }[];
  checkIns: { id: string; cadreId: string; date: string; hours: number }[];
}

export interface VillagePlan {
  village: DemoRegion;
  countyCode: string;
  townshipCode: string;
  kind: 'COMMUNITY' | 'VILLAGE';
  cadres: CadrePlan[];
  posts: PostPlan[];
  featured: FeaturedPlan | null;
}

/** `YYYY-MM-DD` working days (Monday–Friday) from `from` to `to`, both included. */
function workdaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d <= new Date(`${to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

function education(rng: Rng): EducationLevel {
  let x = rng.next();
  for (const [level, share] of EDUCATION_MIX) {
    if (x < share) return level;
    x -= share;
  }
  return EducationLevel.HIGH_SCHOOL;
}

/** The decision stored with every demo post, worded as `applyPostTemplate` words it. */
export function templateDecision(kind: 'COMMUNITY' | 'VILLAGE'): { policy: string; rule: string; zh: string; en: string } {
  const name = TEMPLATE.templateName;
  return {
    policy: 'baseline',
    rule: 'POST_TEMPLATE',
    zh: `按定岗模板「${name}」设岗（${kind === 'COMMUNITY' ? '社区' : '行政村'}）`,
    en: `post created by the template “${name}” (${kind === 'COMMUNITY' ? 'community' : 'village'})`,
  };
}

/** A demo cadre's service start and Party join date: joined at least two years before serving (Party posts). */
function career(rng: Rng, birthDate: string, party: boolean): { serviceStart: string; partyJoinDate: string | null } {
  const birthYear = Number(birthDate.slice(0, 4));
  const serviceYear = rng.int(Math.max(birthYear + 24, 2006), 2023);
  const serviceStart = dayOf(rng, serviceYear);
  const partyJoinDate = party ? dayOf(rng, rng.int(birthYear + 20, serviceYear - 2)) : null;
  return { serviceStart, partyJoinDate };
}

/** Residents of a featured village who may serve as cadres: aged 30–58 on the reference date. */
function cadreCandidates(people: DemoPerson[]): DemoPerson[] {
  return people.filter((p) => {
    const age = yearsBetween(p.birthDate, DEMO_REFERENCE_DATE);
    return age >= 30 && age <= 58;
  });
}

/** Plans the demo records of one village; `featured` villages get residents as cadres and a Party organisation. */
export function planVillage(village: DemoRegion, featured: boolean): VillagePlan {
  const code = village.code;
  const rng = new Rng(`personnel:${code}`);
  const kind = Number(code.slice(9)) < 200 ? 'COMMUNITY' : 'VILLAGE';
  const population = featured ? demoVillagePopulation(village) : null;
  const people = population ? population.grids.flatMap((g) => g.households.flatMap((h) => h.members)) : [];
  const candidates = cadreCandidates(people);
  const usedHouseholds = new Set<string>();

  const cadres = DEMO_CADRE_ROLES.map((r): CadrePlan => {
    const party = rng.chance(r.party);
    let person: { residentId: string | null; name: string; gender: 'MALE' | 'FEMALE'; birthDate: string; gridId: string | null };
    if (population) {
      // a resident of a household no other cadre comes from (no relatives among the demo cadres)
      const pool = candidates.filter((p) => !usedHouseholds.has(p.householdId));
      if (pool.length === 0) throw new Error(`demo village ${code} has too few adults for its cadres`);
      const chosen = rng.pick(pool);
      usedHouseholds.add(chosen.householdId);
      person = { residentId: chosen.id, name: chosen.name, gender: chosen.gender, birthDate: chosen.birthDate, gridId: chosen.gridId };
    } else {
      const male = rng.chance(r.male);
      person = { residentId: null, name: fullName(rng, male), gender: male ? 'MALE' : 'FEMALE', birthDate: dayOf(rng, rng.int(1968, 1995)), gridId: null };
    }
    const { serviceStart, partyJoinDate } = career(rng, person.birthDate, party);
    return {
      id: demoUuid(`personnel:cadre:${code}:${r.role}`),
      role: r.role,
      ...person,
      educationLevel: education(rng),
      partyJoinDate,
      fullTime: r.fullTime,
      serviceStart,
      posts: [...r.posts],
    };
  });

  const posts = TEMPLATE.postsFor({ code, kind }).map((entry): PostPlan => {
    const holder = cadres.find((c) => c.posts.includes(entry.code));
    if (!holder) throw new Error(`no demo holder for post ${entry.code}`);
    return { id: demoUuid(`personnel:post:${code}:${entry.code}`), entry, holderId: holder.id };
  });

  return {
    village,
    countyCode: `${code.slice(0, 6)}000000`,
    townshipCode: `${code.slice(0, 9)}000`,
    kind,
    cadres,
    posts,
    featured: population ? planFeatured(rng, village, kind, population.grids, people, cadres, posts) : null,
  };
}

function planFeatured(
  rng: Rng,
  village: DemoRegion,
  kind: 'COMMUNITY' | 'VILLAGE',
  grids: { id: string; name: string }[],
  people: DemoPerson[],
  cadres: CadrePlan[],
  posts: PostPlan[],
): FeaturedPlan {
  const code = village.code;
  const secretary = cadres.find((c) => c.role === 'secretary') as CadrePlan;
  const committee = {
    id: demoUuid(`personnel:party-organization:${code}`),
    name: `${village.name}${kind === 'COMMUNITY' ? '党委' : '党总支'}`,
    kind: kind === 'COMMUNITY' ? ('COMMITTEE' as const) : ('GENERAL_BRANCH' as const),
    secretaryId: secretary.id,
  };
  const branches = grids.map((g) => ({ id: demoUuid(`personnel:party-branch:${g.id}`), name: `${g.name}党支部`, gridId: g.id }));
  const branchOfGrid = new Map(branches.map((b) => [b.gridId, b.id]));

  // Party members: the cadres who are members (in the village organisation), then residents of 22+ (in their grid's branch)
  const members: PartyMemberPlan[] = [];
  const member = (p: { residentId: string; name: string }, organizationId: string, joinedOn: string, status: 'FULL' | 'PROBATIONARY'): PartyMemberPlan => {
    const m: PartyMemberPlan = { id: demoUuid(`personnel:party-member:${p.residentId}`), organizationId, residentId: p.residentId, name: p.name, joinedOn, status, mobile: false, currentLocation: null, duty: null, entries: [] };
    members.push(m);
    return m;
  };
  for (const c of cadres) {
    if (c.partyJoinDate && c.residentId) member({ residentId: c.residentId, name: c.name }, committee.id, c.partyJoinDate, 'FULL');
  }
  const target = rng.int(10, 20);
  const taken = new Set(cadres.map((c) => c.residentId));
  const eligible = people.filter((p) => !taken.has(p.id) && yearsBetween(p.birthDate, DEMO_REFERENCE_DATE) >= 22);
  let probationary = false;
  while (members.length < target && eligible.length > 0) {
    const p = eligible.splice(rng.int(0, eligible.length - 1), 1)[0];
    const birthYear = Number(p.birthDate.slice(0, 4));
    // one recent admission in each village is still in its probationary year
    const recent: boolean = !probationary && yearsBetween(p.birthDate, DEMO_REFERENCE_DATE) < 40;
    probationary ||= recent;
    const joinedOn = recent ? `${REFERENCE_YEAR}-${String(rng.int(1, 9)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}` : dayOf(rng, rng.int(birthYear + 19, Math.min(REFERENCE_YEAR - 2, birthYear + 45)));
    const m = member({ residentId: p.id, name: p.name }, branchOfGrid.get(p.gridId) as string, joinedOn, recent ? 'PROBATIONARY' : 'FULL');
    if (!recent && rng.chance(0.18)) {
      m.mobile = true;
      m.currentLocation = rng.pick(MOBILE_LOCATIONS);
    } else if (rng.chance(0.4)) {
      m.duty = rng.pick(MEMBER_DUTIES);
    }
  }
  // a few entries in the points ledger (党员积分) this year
  for (const m of members) {
    const entries = rng.chance(0.6) ? rng.int(1, 3) : 0;
    for (let i = 0; i < entries; i += 1) {
      const [points, reason] = rng.pick(POINT_REASONS);
      const date = `${REFERENCE_YEAR}-${String(rng.int(1, 10)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
      if (date < m.joinedOn) continue;
      m.entries.push({ id: demoUuid(`personnel:party-point:${m.id}:${i}`), date, points, reason });
    }
  }

  // the month's post appraisal (德能勤绩廉) of every cadre, by the category of the highest post held
  const appraisals = cadres.map((c) => {
    const category = posts.find((p) => p.holderId === c.id)?.entry.category as PostCategory;
    const level = rng.int(72, 92);
    const scores = APPRAISAL.dimensions(category).map((d) => ({ dimension: d.code, title: d.title, weight: d.weight, score: Math.min(100, level + rng.int(-6, 8)) }));
    const total = APPRAISAL.total(category, Object.fromEntries(scores.map((s) => [s.dimension, s.score])));
    return { id: demoUuid(`personnel:appraisal:${c.id}:MONTH:${DEMO_APPRAISAL_MONTH}`), cadreId: c.id, scores, total };
  });

  // duty at the service centre over the last two weeks: most working days, 4–8 hours
  const checkIns = cadres.flatMap((c) =>
    DEMO_DUTY_DAYS.filter(() => rng.chance(c.fullTime ? 0.95 : 0.8)).map((date) => ({ id: demoUuid(`personnel:duty:${c.id}:${date}`), cadreId: c.id, date, hours: rng.int(8, 16) / 2 })),
  );

  return { committee, branches, members, appraisals, checkIns };
}

/** The vetting record of a demo appointment: every joint-vetting department passed. */
export function demoVetting(): { policy: string; departments: { department: string; passed: boolean }[] } {
  return { policy: 'baseline', departments: VETTING_DEPARTMENTS.map((department) => ({ department, passed: true })) };
}
