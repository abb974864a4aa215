import { spawnSync } from 'node:child_process';

/** The NATS server tests (and probes) use: `$TEST_NATS_URL`, else `nats://127.0.0.1:4222`. */
export const TEST_NATS_URL = process.env.TEST_NATS_URL || 'nats://127.0.0.1:4222';

const PROBE = `
const net = require('node:net');
const [host, port] = process.argv.slice(1);
const socket = net.connect({ host, port: Number(port) });
socket.setTimeout(2000);
socket.once('data', (data) => { process.stdout.write(String(data).slice(0, 4)); socket.destroy(); });
socket.once('timeout', () => { process.stderr.write('timed out'); process.exit(1); });
socket.once('error', (error) => { process.stderr.write(error.message); process.exit(1); });
`;

/**
 * Why the NATS server at `url` cannot be reached (null when it answers). Synchronous, so a spec can
 * decide at load time whether to run its NATS tests: `const describeNats = natsUnreachable(url) ? describe.skip : describe`.
 * With `XZ_REQUIRE_NATS=true` (CI) an unreachable server throws instead, so the NATS tests fail rather than skip.
 */
export function natsUnreachable(url: string = TEST_NATS_URL): string | null {
  const { hostname, port } = new URL(url);
  const probe = spawnSync(process.execPath, ['-e', PROBE, hostname || '127.0.0.1', port || '4222'], { encoding: 'utf8', timeout: 5000 });
  if (probe.status === 0 && probe.stdout === 'INFO') return null;
  const reason = `NATS at ${url} is unreachable: ${probe.stderr || probe.error?.message || `no NATS greeting (${probe.stdout})`}`;
  // CI sets XZ_REQUIRE_NATS=true: there the NATS tests must run, never be skipped
  if (process.env.XZ_REQUIRE_NATS === 'true') throw new Error(reason);
  return reason;
}
