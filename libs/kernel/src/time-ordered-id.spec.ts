import { isUuid } from './checks';
import { timeOrderedUuid } from './time-ordered-id';

describe('timeOrderedUuid', () => {
  it('is a version 7, RFC 9562 variant UUID holding the time in milliseconds', () => {
    const at = Date.UTC(2026, 11, 7, 6, 30, 0, 123);
    const id = timeOrderedUuid(at);
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('increases from one id to the next, within a millisecond and past 4,096 ids in one', () => {
    const at = Date.UTC(2027, 0, 1);
    const ids = Array.from({ length: 20_000 }, () => timeOrderedUuid(at));
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i += 1) expect(ids[i] > ids[i - 1]).toBe(true);
    // more than 4,096 in the same millisecond: the time field moved on, a few milliseconds at most
    const last = parseInt(ids[ids.length - 1].replace(/-/g, '').slice(0, 12), 16);
    expect(last - at).toBeGreaterThan(0);
    expect(last - at).toBeLessThanOrEqual(10);
  });

  it('does not go back when the clock does', () => {
    const a = timeOrderedUuid(Date.UTC(2027, 5, 1, 0, 0, 1));
    const b = timeOrderedUuid(Date.UTC(2027, 5, 1, 0, 0, 0));
    expect(b > a).toBe(true);
  });

  it('orders as PostgreSQL orders uuid values: byte for byte', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => timeOrderedUuid(Date.UTC(2028, 0, 1) + (i % 7)));
    const bytes = ids.map((id) => Buffer.from(id.replace(/-/g, ''), 'hex'));
    for (let i = 1; i < bytes.length; i += 1) expect(Buffer.compare(bytes[i], bytes[i - 1])).toBe(1);
  });
});
