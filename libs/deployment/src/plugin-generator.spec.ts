import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generatePlugin } from './plugin-generator';
import { runCli } from './cli';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../..');
const bin = (name: string) => path.join(root, 'node_modules/.bin', name);
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', FORCE_COLOR: '0' };

/** Runs a tool of the workspace; resolves to its output, rejects with it on a non-zero exit. */
async function tool(file: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: root, env, maxBuffer: 32 * 1024 * 1024 });
    return `${stdout}${stderr}`;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${path.basename(file)} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

/**
 * `xz plugin new` output, exactly as generated, in the real workspace: it lints with the module
 * boundary rules, compiles with tsc, and passes its own tests (unit and through the gateway on
 * PGlite) in a separate Jest run — the same commands a vendor runs.
 */
describe.each(['personnel', 'grids'] as const)('xz plugin new --subgraph %s', (subgraph) => {
  const name = `zz-generated-${subgraph}-${process.pid}`;
  const dir = path.join(root, 'plugins', name);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-plugin-'));

  beforeAll(async () => {
    const out: string[] = [];
    const code = await runCli(['plugin', 'new', name, '--subgraph', subgraph, '--root', root, '--title-zh', '生成测试', '--title-en', 'Generated probe'], {
      stdout: (t) => out.push(t),
      stderr: (t) => out.push(t),
    });
    expect(code).toBe(0);
    expect(out.join('')).toContain(`plugins/${name}/src/index.ts`);
    // the lint rule reads Nx's project graph: refresh it so the new project (type:plugin) is in it
    await tool(process.execPath, [bin('nx'), 'show', 'projects']);
  }, 180_000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('is an Nx project tagged type:plugin with build and lint targets', async () => {
    const project = JSON.parse(await tool(process.execPath, [bin('nx'), 'show', 'project', `@xiangzhi/${name}`, '--json'])) as { tags: string[]; targets: Record<string, unknown> };
    expect(project.tags).toEqual(expect.arrayContaining(['type:plugin']));
    expect(Object.keys(project.targets)).toEqual(expect.arrayContaining(['build', 'lint']));
  }, 120_000);

  it('lints clean, module boundaries included', async () => {
    await tool(process.execPath, [bin('eslint'), '--max-warnings', '0', `plugins/${name}`]);
  }, 120_000);

  it('compiles with tsc (decorator metadata) to a loadable plugin', async () => {
    await tool(process.execPath, [bin('tsc'), '-p', `plugins/${name}/tsconfig.lib.json`, '--outDir', outDir, '--tsBuildInfoFile', path.join(outDir, '.tsbuildinfo')]);
    expect(fs.readFileSync(path.join(outDir, 'config.js'), 'utf8')).toContain(`'${name}'`);
    expect(fs.readFileSync(path.join(outDir, 'index.js'), 'utf8')).toContain('definePlugin');
    expect(fs.readFileSync(path.join(outDir, 'settings.resolver.js'), 'utf8')).toContain('design:paramtypes');
  }, 120_000);

  it('passes its own generated tests', async () => {
    const output = await tool(process.execPath, ['--experimental-vm-modules', path.join(root, 'node_modules/jest/bin/jest.js'), `plugins/${name}/`, '--ci']);
    expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(output).not.toMatch(/Tests:.*\d+ failed/);
  }, 240_000);

  it('refuses to overwrite an existing plugin and refuses a name that is not kebab-case', () => {
    expect(() => generatePlugin({ name, subgraph, root })).toThrow(/already exists/);
    expect(() => generatePlugin({ name: 'Bad_Name', subgraph, root })).toThrow(/kebab-case/);
  });
});
