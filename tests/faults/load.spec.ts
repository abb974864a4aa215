import fs from 'node:fs';
import os from 'node:os';
import { subgraph as grids } from '@xiangzhi/grids';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, testFixtures, type TestPlatform } from '@xiangzhi/testing';
import { assertLoopback, LOAD_ACTOR, runLoad } from '../load/load';

/**
 * Issue 15 §6 (load), the short CI variant of `tests/load/load.ts`: 30 concurrent clients for 10 s
 * on the README's two queries (grids alone, and grids + personnel through the gateway) — under 1 %
 * errors, memory levelling off (the mean of the last quarter of the run within 25 % of the second
 * quarter's), and on a quiet machine p95 under 1,000 ms.
 *
 * The 500 ms target is shown by the 5-minute script on a quiet machine (docs/security.md: p95 202 ms
 * on PostgreSQL, 374 ms on PGlite). Inside Jest (sources transformed, 10 s) a quiet run gives
 * 480–530 ms, so this variant asserts twice the target (a regression of 2× fails), and only on a
 * quiet machine. The CPU the rest of the machine used during the 10 s is measured (all CPUs' busy
 * time from /proc/stat minus this process's own): when other processes — another test file's
 * worker, or the PostgreSQL server — used more than a quarter of a core, or the 1-minute load
 * average is over twice the number of cores, the p95 is reported but not asserted (errors and memory
 * still are). A 1-minute load average alone lags: a neighbour that starts with this test does not show.
 */

/** Busy CPU seconds of the whole machine so far (Linux /proc/stat; null elsewhere). */
function machineBusySeconds(): number | null {
  try {
    const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user + nice + system + irq + softirq + (steal || 0)) / 100;
  } catch {
    return null;
  }
}

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform({ subgraphs: [grids, personnel] });
  const fixtures = testFixtures(platform);
  await fixtures.village({ code: '433130101200', cadres: 3 });
  await fixtures.village({ code: '433130101201', cadres: 2 });
});
afterAll(() => platform?.stop());

describe('load', () => {
  it('only ever targets this machine', () => {
    expect(() => assertLoopback('http://10.0.0.7:4000/graphql')).toThrow('only targets this machine');
    expect(() => assertLoopback('http://127.0.0.1:4000/graphql')).not.toThrow();
  });

  it('30 clients × 10 s on the README queries: p95 < 1,000 ms when the machine is quiet, < 1 % errors, memory levels off', async () => {
    const load = { url: platform.url, token: platform.token(LOAD_ACTOR), clients: 30 };
    // 3 s of the same load first, not measured: the first requests of a fresh process (compilation, first plans) are not the steady state
    await runLoad({ ...load, durationMs: 3_000 });
    const [busy0, own0, wall0] = [machineBusySeconds(), process.cpuUsage(), performance.now()];
    const result = await runLoad({ ...load, durationMs: 10_000, sampleEveryMs: 1_000 });
    const [busy1, own1, wall1] = [machineBusySeconds(), process.cpuUsage(own0), performance.now()];
    const othersCores = busy0 === null || busy1 === null ? Infinity : (busy1 - busy0 - (own1.user + own1.system) / 1e6) / ((wall1 - wall0) / 1000);
    const oversubscribed = othersCores > 0.25 || os.loadavg()[0] > 2 * os.cpus().length;
    expect(result.sampleErrors).toEqual([]);
    expect(result.requests).toBeGreaterThan(30);
    expect(result.errorRate).toBeLessThan(0.01);
    if (oversubscribed) {
      console.warn(
        `other processes used ${othersCores.toFixed(2)} cores, load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores: p95 ${result.p95.toFixed(0)} ms not asserted (${result.requests} requests)`,
      );
    } else {
      expect(result.p95).toBeLessThan(1_000);
    }
    expect(result.memoryGrowth).toBeLessThan(1.25);
  });
});
