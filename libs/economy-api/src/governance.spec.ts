import { addMonths, paymentSchedule, termMonths } from './contract';
import { DefaultDisclosurePolicy, periodsEndingBetween, periodSpan } from './disclosure';
import { BASELINE_MAJOR_MATTER, DefaultMajorMatterProcedure, type MajorMatterProcedure } from './major-matter';
import { nextProjectStatus } from './project';

describe('lease payment schedules', () => {
  it('add whole months, clamping to the month’s end, and find a term’s months', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-01', 36)).toBe('2028-03-01');
    expect(termMonths('2025-03-01', '2028-02-29')).toBe(36);
    expect(termMonths('2025-01-01', '2025-01-31')).toBe(1);
    expect(termMonths('2025-01-01', '2025-02-15')).toBeNull();
  });

  it('sum to the total to the fen for thousands of random terms, amounts and frequencies', () => {
    let seed = 20250101;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const frequencies = ['YEARLY', 'HALF_YEARLY', 'QUARTERLY', 'MONTHLY'] as const;
    const wrong: string[] = [];
    let schedules = 0;
    for (let k = 0; k < 3000; k += 1) {
      const months = 1 + rand(360);
      const yearly = BigInt(1 + rand(99_999_999));
      const { totalFen, instalments } = paymentSchedule('2025-01-01', months, yearly, frequencies[k % 4]);
      const sum = instalments.reduce((s, i) => s + i.amountFen, 0n);
      const ok = sum === totalFen && totalFen === (yearly * BigInt(months)) / 12n && instalments.reduce((s, i) => s + i.months, 0) === months && instalments.every((i) => i.amountFen >= 0n);
      if (!ok) wrong.push(`${months} months at ${yearly} fen ${frequencies[k % 4]}: ${sum} vs ${totalFen}`);
      schedules += 1;
    }
    expect(schedules).toBe(3000);
    expect(wrong).toEqual([]);
  });

  it('are due on the first day of each period, the last one shorter', () => {
    const { instalments } = paymentSchedule('2025-01-01', 14, 1_200_00n, 'HALF_YEARLY');
    expect(instalments.map((i) => [i.dueOn, i.months, i.amountFen])).toEqual([
      ['2025-01-01', 6, 600_00n],
      ['2025-07-01', 6, 600_00n],
      ['2026-01-01', 2, 200_00n],
    ]);
  });
});

describe('disclosure periods', () => {
  it('span months and quarters, and list the periods ending in a range', () => {
    expect(periodSpan('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29', frequency: 'MONTHLY' });
    expect(periodSpan('2024-Q4')).toEqual({ first: '2024-10-01', last: '2024-12-31', frequency: 'QUARTERLY' });
    expect(periodSpan('2024-13')).toBeNull();
    expect(periodsEndingBetween('QUARTERLY', '2024-03-31', '2024-09-30').map((p) => p.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3']);
    expect(periodsEndingBetween('MONTHLY', '2023-12-15', '2024-02-28').map((p) => p.period)).toEqual(['2023-12', '2024-01']);
  });

  it('baseline: finances monthly, village and Party affairs quarterly, by the 10th; 10 working days to answer', () => {
    const p = new DefaultDisclosurePolicy();
    expect(p.requirements().map((r) => [r.kind, r.frequency, r.dueDay])).toEqual([
      ['FINANCE', 'MONTHLY', 10],
      ['VILLAGE', 'QUARTERLY', 10],
      ['PARTY', 'QUARTERLY', 10],
    ]);
    expect(p.objectionAnswerWorkdays()).toBe(10);
  });
});

describe('major-matter procedure baseline', () => {
  const p: MajorMatterProcedure = new DefaultMajorMatterProcedure();

  it('needs more than half of the members entitled and more than half of the attendees', () => {
    expect(p.decide({ membersEntitled: 40, attendance: 20, votesFor: 20, votesAgainst: 0, votesAbstain: 0 })).toMatchObject({ quorate: false, adopted: false, rule: 'QUORUM_NOT_MET' });
    expect(p.decide({ membersEntitled: 40, attendance: 21, votesFor: 10, votesAgainst: 5, votesAbstain: 6 })).toMatchObject({ quorate: true, adopted: false, rule: 'MAJORITY_NOT_REACHED' });
    expect(p.decide({ membersEntitled: 40, attendance: 21, votesFor: 11, votesAgainst: 5, votesAbstain: 5 })).toMatchObject({ quorate: true, adopted: true, rule: 'ADOPTED' });
  });

  it('has one threshold of 50,000 CNY for every subject', () => {
    expect(BASELINE_MAJOR_MATTER.thresholdFen).toBe(5_000_000n);
    expect((['DISTRIBUTION', 'CONTRACT', 'PROJECT'] as const).map((s) => p.thresholdFen(s))).toEqual([5_000_000n, 5_000_000n, 5_000_000n]);
  });
});

describe('project statuses', () => {
  it('move one step at a time and end at evaluation', () => {
    expect(nextProjectStatus('PROPOSED')).toBe('APPROVED');
    expect(nextProjectStatus('COMPLETED')).toBe('EVALUATED');
    expect(nextProjectStatus('EVALUATED')).toBeNull();
  });
});
