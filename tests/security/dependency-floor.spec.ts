import fs from 'node:fs';
import path from 'node:path';

/**
 * Issue 15 §4: the installed Apollo packages stay above the known advisories. Each floor names the
 * advisory it keeps out; the check reads every installed copy (nested ones too) from node_modules.
 *
 * - @apollo/gateway ≥ 2.10.1 (the floor for the gateway).
 * - @apollo/federation-internals and @apollo/query-planner: CVE-2026-32621 / GHSA-pfjj-6f4p-rvmh,
 *   prototype pollution through `__proto__` keys in merged subgraph responses and aliases; fixed in
 *   2.9.6, 2.10.5, 2.11.6, 2.12.3 and 2.13.2 (every later line has the fix).
 * - @apollo/server ≥ 5.5.0 (the floor for the server).
 */
const root = path.resolve(__dirname, '../..');

type Version = [number, number, number];
function parse(version: string): Version {
  const match = /^(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!match) throw new Error(`not a version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
function atLeast(version: string, floor: string): boolean {
  const [a, b] = [parse(version), parse(floor)];
  for (let i = 0; i < 3; i += 1) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}
/** Patched in a release line (`major.minor` → first fixed patch); lines after the last listed one are fixed. */
function patchedIn(version: string, lines: Record<string, string>): boolean {
  const [major, minor] = parse(version);
  const fixed = lines[`${major}.${minor}`];
  if (fixed) return atLeast(version, fixed);
  const latest = Object.values(lines).sort((x, y) => (atLeast(x, y) ? -1 : 1))[0];
  return atLeast(version, latest);
}

/** Every installed copy of a package: `node_modules/<name>` anywhere under node_modules (nested copies too). */
function installed(name: string): { where: string; version: string }[] {
  const found: { where: string; version: string }[] = [];
  const visit = (dir: string, depth: number) => {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(candidate)) found.push({ where: path.relative(root, candidate), version: (JSON.parse(fs.readFileSync(candidate, 'utf8')) as { version: string }).version });
    if (depth > 4) return;
    const modules = path.join(dir, 'node_modules');
    if (!fs.existsSync(modules)) return;
    for (const entry of fs.readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const scoped = entry.startsWith('@') ? fs.readdirSync(path.join(modules, entry)).map((e) => path.join(entry, e)) : [entry];
      for (const pkg of scoped) {
        const nested = path.join(modules, pkg);
        if (fs.existsSync(path.join(nested, 'node_modules'))) visit(nested, depth + 1);
      }
    }
  };
  visit(root, 0);
  return found;
}

const PROTOTYPE_POLLUTION_FIX = { '2.9': '2.9.6', '2.10': '2.10.5', '2.11': '2.11.6', '2.12': '2.12.3', '2.13': '2.13.2' };
const floors: { name: string; ok: (v: string) => boolean; rule: string }[] = [
  { name: '@apollo/gateway', ok: (v) => atLeast(v, '2.10.1') && patchedIn(v, PROTOTYPE_POLLUTION_FIX), rule: '≥ 2.10.1 and with the CVE-2026-32621 fix' },
  { name: '@apollo/federation-internals', ok: (v) => patchedIn(v, PROTOTYPE_POLLUTION_FIX), rule: 'CVE-2026-32621 fixed (2.9.6, 2.10.5, 2.11.6, 2.12.3, 2.13.2 or later)' },
  { name: '@apollo/query-planner', ok: (v) => patchedIn(v, PROTOTYPE_POLLUTION_FIX), rule: 'CVE-2026-32621 fixed (2.9.6, 2.10.5, 2.11.6, 2.12.3, 2.13.2 or later)' },
  { name: '@apollo/server', ok: (v) => atLeast(v, '5.5.0'), rule: '≥ 5.5.0' },
];

describe('dependency floor', () => {
  it.each(floors)('every installed $name is above its advisories', ({ name, ok, rule }) => {
    const copies = installed(name);
    expect(copies.length).toBeGreaterThan(0);
    const below = copies.filter((c) => !ok(c.version)).map((c) => `${c.where} ${c.version} (needs ${rule})`);
    expect(below).toEqual([]);
  });

  it('tells fixed from vulnerable versions', () => {
    expect(patchedIn('2.13.1', PROTOTYPE_POLLUTION_FIX)).toBe(false);
    expect(patchedIn('2.13.2', PROTOTYPE_POLLUTION_FIX)).toBe(true);
    expect(patchedIn('2.12.2', PROTOTYPE_POLLUTION_FIX)).toBe(false);
    expect(patchedIn('2.10.5', PROTOTYPE_POLLUTION_FIX)).toBe(true);
    expect(patchedIn('2.14.4', PROTOTYPE_POLLUTION_FIX)).toBe(true);
    expect(patchedIn('2.8.9', PROTOTYPE_POLLUTION_FIX)).toBe(false);
    expect(atLeast('2.10.0', '2.10.1')).toBe(false);
    expect(atLeast('5.5.1', '5.5.0')).toBe(true);
  });
});
