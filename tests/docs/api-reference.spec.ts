import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');
const committed = path.join(root, 'docs/api');

/** Every file under a folder, relative to it, sorted. */
function filesOf(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/**
 * The typed API reference in docs/api (typedoc over the kernel and every `*-api` library, see
 * typedoc.json) is current: regenerated into a temporary folder it is the same, file for file and
 * byte for byte. When this fails, run `npm run docs:api` and commit docs/api.
 */
describe('docs/api: the typed API reference', () => {
  const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-api-docs-'));
  afterAll(() => fs.rmSync(fresh, { recursive: true, force: true }));

  beforeAll(async () => {
    const typedoc = path.join(root, 'node_modules/typedoc/bin/typedoc');
    try {
      await run(process.execPath, [typedoc, '--options', path.join(root, 'typedoc.json'), '--out', fresh, '--logLevel', 'Error'], {
        cwd: root,
        env: { ...process.env, FORCE_COLOR: '0' },
        maxBuffer: 32 * 1024 * 1024,
      });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new Error(`typedoc failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
    }
  }, 300_000);

  it('covers the kernel, personnel-api and grids-api', () => {
    const files = filesOf(fresh);
    for (const module of ['kernel', 'personnel-api', 'grids-api']) expect(files).toContain(`${module}/README.md`);
    for (const page of ['personnel-api/interfaces/PayInput.md', 'personnel-api/classes/DefaultPayPolicy.md', 'kernel/functions/mutate.md', 'kernel/functions/requireRole.md'])
      expect(files).toContain(page);
  });

  it('is current: the committed docs/api equals a fresh generation (run `npm run docs:api` to update it)', () => {
    const want = filesOf(fresh);
    const have = filesOf(committed);
    const missing = want.filter((f) => !have.includes(f));
    const extra = have.filter((f) => !want.includes(f));
    const changed = want.filter((f) => have.includes(f) && fs.readFileSync(path.join(fresh, f), 'utf8') !== fs.readFileSync(path.join(committed, f), 'utf8'));
    expect({ missing, extra, changed }).toEqual({ missing: [], extra: [], changed: [] });
  });
});
