import { subgraph as grids } from '@xiangzhi/grids';
import { Role, type Actor } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { rowCounter, startTestPlatform, type GraphQLResult, type TestPlatform } from '@xiangzhi/testing';

/**
 * Input validation through the gateway: every refused value is named with its path, the rule and
 * the value given, in 中文 and English, and listed in `extensions.validationErrors`
 * (`{ field, constraint, value, zh, en }`). Nothing is written.
 */
const admin: Actor = { id: 'validation-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

interface Violation {
  field: string;
  constraint: string;
  value: unknown;
  zh: string;
  en: string;
}

describe('validation errors name the field, the rule and the value (through the gateway)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  }, 240_000);
  afterAll(() => platform?.stop());

  const only = (res: GraphQLResult): { message: string; violations: Violation[] } => {
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    return { message: error.message, violations: error.extensions?.validationErrors as Violation[] };
  };

  it('first: 101 and first: 0 name the argument, the bound and the value', async () => {
    const tooMany = only(await platform.query('{ households(regionCode: "433130000000", first: 101) { totalCount } }', {}, admin));
    expect(tooMany.message).toBe('输入校验失败：first 须不大于 100（收到 101） (Input validation failed: first must not be greater than 100 (got 101))');
    expect(tooMany.violations).toEqual([
      { field: 'first', constraint: 'max', value: 101, zh: 'first 须不大于 100（收到 101）', en: 'first must not be greater than 100 (got 101)' },
    ]);

    const none = only(await platform.query('query($n: Int!) { residents(regionCode: "433130000000", first: $n) { totalCount } }', { n: 0 }, admin));
    expect(none.message).toContain('first 须不小于 1（收到 0）');
    expect(none.message).toContain('first must not be less than 1 (got 0)');
    expect(none.violations).toEqual([expect.objectContaining({ field: 'first', constraint: 'min', value: 0 })]);
  });

  it('a rating of 6 names input.rating', async () => {
    const res = only(
      await platform.query('mutation($i: CloseIncidentInput!) { closeIncident(input: $i) { id } }', { i: { id: NO_SUCH_ID, expectedVersion: 1, rating: 6 } }, admin),
    );
    expect(res.message).toContain('input.rating 须不大于 5（收到 6）');
    expect(res.message).toContain('input.rating must not be greater than 5 (got 6)');
    expect(res.violations).toEqual([expect.objectContaining({ field: 'input.rating', constraint: 'max', value: 6 })]);
  });

  it('hours of 24.5 name input.hours; nothing is written', async () => {
    const rows = rowCounter(() => platform.subgraphs.personnel.db.dataSource);
    const before = await rows('duty_check_in');
    const res = only(
      await platform.query(
        'mutation($i: RecordDutyCheckInInput!) { recordDutyCheckIn(input: $i) { id } }',
        { i: { cadreId: NO_SUCH_ID, date: '2025-01-02', hours: 24.5 } },
        admin,
      ),
    );
    expect(res.message).toBe('输入校验失败：input.hours 须不大于 24（收到 24.5） (Input validation failed: input.hours must not be greater than 24 (got 24.5))');
    expect(res.violations).toEqual([
      { field: 'input.hours', constraint: 'max', value: 24.5, zh: 'input.hours 须不大于 24（收到 24.5）', en: 'input.hours must not be greater than 24 (got 24.5)' },
    ]);
    expect(await rows('duty_check_in')).toBe(before);
  });

  it('an empty title names input.title and its length rule; every failed field is listed', async () => {
    const res = only(
      await platform.query(
        'mutation($i: ReportIncidentInput!) { reportIncident(input: $i) { id } }',
        { i: { villageCode: '4331301012', category: 'DISPUTE', title: '' } },
        admin,
      ),
    );
    expect(res.message).toContain('input.title 长度须为 1–120 个字符（收到 ""）');
    expect(res.message).toContain('input.title must be 1–120 characters long (got "")');
    expect(res.violations.map((v) => v.field).sort()).toEqual(['input.title', 'input.villageCode']);
    expect(res.violations.find((v) => v.field === 'input.villageCode')).toMatchObject({ constraint: 'matches', value: '4331301012' });
  });

  it('a bad cursor names the after argument and the value', async () => {
    const res = only(await platform.query('{ households(regionCode: "433130000000", after: "nonsense") { totalCount } }', {}, admin));
    expect(res.message).toContain('after 不是有效的分页游标（收到 "nonsense"）');
    expect(res.message).toContain('after is not a valid pagination cursor (got "nonsense")');
  });
});
