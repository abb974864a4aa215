/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL answers are untyped JSON, checked field by field with expect() */
import { subgraph as grids } from '@xiangzhi/grids';
import { bindPolicy, definePlugin, type RuleViolation } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import {
  PayComponentKind,
  payItemSourcePoint,
  payPolicyPoint,
  type PayComponent,
  type PayInput,
  type PayItem,
  type PayItemQuery,
  type PayItemSource,
  type PayPolicy,
  type PayrollQuery,
} from '@xiangzhi/personnel-api';
import { graphqlClient, startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { z } from 'zod';

/**
 * The pay extension model as a vendor uses it, through the gateway: a policy gets the village and
 * gathers village facts once per payroll (`prepare`, asynchronous, inside the payroll's
 * transaction) for `components`; it wraps the policy next in line (here another plugin's, not the
 * baseline); the item sources of every enabled plugin are combined; each component keeps its data
 * and its true source.
 */

/** What `prepare` gathers: the village's collective-economy growth, read once for the payroll. */
interface EconomyFacts {
  growthRate: number;
  kind: string;
  cadresPaid: number;
  next: unknown;
}

let prepareCalls = 0;

/** 集体经济增收 development pay: 1,000 × the village's growth rate, on top of the policy next in line. */
class EconomyPayPolicy implements PayPolicy<EconomyFacts> {
  constructor(
    private readonly growth: Record<string, number>,
    private readonly next: PayPolicy,
  ) {}

  async prepare(payroll: PayrollQuery): Promise<EconomyFacts> {
    prepareCalls += 1;
    // read inside the payroll's transaction, as a plugin reads its own tables
    const [row] = (await payroll.manager.query('SELECT $1::numeric AS rate', [this.growth[payroll.village.code] ?? 0])) as { rate: string }[];
    const next = this.next.prepare ? await this.next.prepare(payroll) : undefined;
    return { growthRate: Number(row.rate), kind: payroll.village.kind, cadresPaid: payroll.cadres.length, next };
  }

  async components(input: PayInput, facts: EconomyFacts): Promise<PayComponent[]> {
    const wrapped = await this.next.components(input, facts.next);
    const amount = Math.round(1000 * facts.growthRate * 100) / 100;
    return [
      ...wrapped,
      {
        kind: PayComponentKind.DEVELOPMENT,
        amount,
        rule: 'ECONOMY_GROWTH_PAY',
        zh: `发展报酬：集体经济增长${facts.growthRate * 100}%`,
        en: `development pay: collective economy grew ${facts.growthRate * 100}%`,
        data: { growthRate: facts.growthRate, villageKind: facts.kind, cadresPaid: facts.cadresPaid, village: input.village?.code ?? '' },
      },
    ];
  }

  validate(input: PayInput, components: PayComponent[], facts: EconomyFacts): RuleViolation[] {
    return this.next.validate(input, components, facts.next);
  }
}

/** The project pay a township recorded (one item per cadre). */
class EconomyItems implements PayItemSource {
  async itemsFor({ cadreIds }: PayItemQuery): Promise<Map<string, PayItem[]>> {
    return new Map(cadreIds.map((id) => [id, [{ kind: PayComponentKind.SPECIAL_WORK, amount: 200, rule: 'ECONOMY_PROJECT', zh: '专项工作报酬：合作社项目', en: 'special-work pay: cooperative project', data: { project: '合作社' } }]]));
  }
}

/** Residents' trust survey: an award per cadre, with the survey figure. */
class TrustItems implements PayItemSource {
  async itemsFor({ cadreIds }: PayItemQuery): Promise<Map<string, PayItem[]>> {
    return new Map(cadreIds.map((id) => [id, [{ kind: PayComponentKind.AWARD, amount: 100, rule: 'RESIDENT_TRUST', zh: '群众信任度奖励', en: 'residents’ trust award', data: { trust: 0.9 } }]]));
  }
}

/** A band on the annualised pay of whatever comes next in line (the baseline here). */
class BandPolicy implements PayPolicy {
  constructor(
    private readonly minimumAnnual: number,
    private readonly next: PayPolicy,
  ) {}

  components(input: PayInput, facts: unknown): PayComponent[] | Promise<PayComponent[]> {
    return this.next.components(input, facts);
  }

  validate(input: PayInput, components: PayComponent[]): RuleViolation[] {
    const base = components.filter((c) => c.kind === PayComponentKind.BASE).reduce((s, c) => s + c.amount, 0) * 12;
    return base >= this.minimumAnnual ? [] : [{ rule: 'BASE_BELOW_BAND', zh: `年化基本报酬${base}元低于${this.minimumAnnual}元`, en: `annualised base pay ${base} is below ${this.minimumAnnual}` }];
  }
}

const economy = definePlugin({
  name: 'economy-pay',
  version: '1.0.0',
  title: { zh: '集体经济增收报酬（测试）', en: 'Collective economy pay (test)' },
  config: z.strictObject({ growth: z.record(z.string(), z.number()).default({}) }),
  subgraphs: {
    personnel: {
      policies: [
        bindPolicy(payPolicyPoint, (c: { growth: Record<string, number> }, next) => new EconomyPayPolicy(c.growth, next()) as PayPolicy),
        bindPolicy(payItemSourcePoint, () => new EconomyItems()),
      ],
    },
  },
});

const band = definePlugin({
  name: 'base-band',
  version: '1.0.0',
  title: { zh: '基本报酬区间（测试）', en: 'Base pay band (test)' },
  config: z.strictObject({ minimumAnnual: z.number().default(34000) }),
  subgraphs: { personnel: { policies: [bindPolicy(payPolicyPoint, (c: { minimumAnnual: number }, next) => new BandPolicy(c.minimumAnnual, next()))] } },
});

const trust = definePlugin({
  name: 'resident-trust',
  version: '1.0.0',
  title: { zh: '群众信任度（测试）', en: 'Residents’ trust (test)' },
  config: z.strictObject({}),
  subgraphs: { personnel: { policies: [bindPolicy(payItemSourcePoint, () => new TrustItems())] } },
});

describe('the pay extension model (prepare, next in line, combined item sources, data and true source)', () => {
  let platform: TestPlatform;
  const { ok, gql, codeOf } = graphqlClient<Record<string, any>>(() => platform);
  const fixtures = testFixtures(() => platform);
  const VILLAGE = '990101101201';
  const DIRECTOR_VILLAGE = '990101101202';

  const COMPUTE = `mutation($v: String!, $m: String!) { computePayroll(villageCode: $v, month: $m) {
    policy total records { total policy cadre { name } components { kind amount decision { policy rule zh } data { key value number } } } } }`;

  beforeAll(async () => {
    platform = await startTestPlatform({
      subgraphs: [grids, personnel],
      plugins: [economy, band, trust],
      countyParams: { '990101': { 'economy-pay': { growth: { [VILLAGE]: 0.12 } }, 'base-band': {}, 'resident-trust': {} } },
    });
  }, 120000);
  afterAll(() => platform?.stop());

  it('gives the policy the village and its prepared facts, wraps the next plugin’s policy, combines every plugin’s items, and stores each component’s data and source', async () => {
    const v = await fixtures.village({ code: VILLAGE, cadres: [{ post: 'secretary', name: '张书记' }] });
    prepareCalls = 0;
    const { computePayroll } = await ok(v.admin, COMPUTE, { v: VILLAGE, m: '2025-03' });
    expect(prepareCalls).toBe(1);
    expect(computePayroll).toMatchObject({ policy: 'economy-pay', total: 3000 + 200 + 100 + 120 });
    const [record] = computePayroll.records;
    expect(record.components.map((c: any) => [c.kind, c.amount, c.decision.policy, c.decision.rule])).toEqual([
      ['BASE', 3000, 'baseline', 'BASE_BY_POST'],
      ['PERFORMANCE', 0, 'baseline', 'PERFORMANCE_NOT_APPRAISED'],
      ['SPECIAL_WORK', 200, 'economy-pay', 'ECONOMY_PROJECT'],
      ['AWARD', 100, 'resident-trust', 'RESIDENT_TRUST'],
      ['DEVELOPMENT', 120, 'economy-pay', 'ECONOMY_GROWTH_PAY'],
    ]);
    const data = (rule: string) => record.components.find((c: any) => c.decision.rule === rule).data;
    expect(data('ECONOMY_GROWTH_PAY')).toEqual([
      { key: 'growthRate', value: '0.12', number: 0.12 },
      { key: 'villageKind', value: 'VILLAGE', number: null },
      { key: 'cadresPaid', value: '1', number: 1 },
      { key: 'village', value: VILLAGE, number: null },
    ]);
    expect(data('RESIDENT_TRUST')).toEqual([{ key: 'trust', value: '0.9', number: 0.9 }]);
    expect(data('ECONOMY_PROJECT')).toEqual([{ key: 'project', value: '合作社', number: null }]);
    // stored with the record: read back later through payRecords
    const listed = await ok(v.admin, `query($r: String!) { payRecords(regionCode: $r, month: "2025-03") { nodes { components { decision { policy rule } data { key value } } } } }`, { r: VILLAGE });
    const stored = listed.payRecords.nodes[0].components.find((c: any) => c.decision.rule === 'ECONOMY_GROWTH_PAY');
    expect(stored).toEqual({ decision: { policy: 'economy-pay', rule: 'ECONOMY_GROWTH_PAY' }, data: expect.arrayContaining([{ key: 'growthRate', value: '0.12' }]) });
  });

  it('applies the wrapped plugin’s validation (the next in line, not the baseline): a cadre below its band refuses the payroll', async () => {
    const v = await fixtures.village({ code: DIRECTOR_VILLAGE, cadres: [{ post: 'director', name: '王主任' }] });
    const res = await gql(v.admin, COMPUTE, { v: DIRECTOR_VILLAGE, m: '2025-03' });
    expect(codeOf(res)).toBe('POLICY_VIOLATION');
    const [violation] = res.errors![0].extensions!.violations as (RuleViolation & { cadreId: string; source: string })[];
    expect(violation).toMatchObject({ rule: 'BASE_BELOW_BAND', zh: '王主任：年化基本报酬33600元低于34000元', source: 'economy-pay' });
  });
});
