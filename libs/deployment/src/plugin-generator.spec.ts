// @ci-database: the generated plugin's own tests inherit this process's environment, so they run on PostgreSQL when TEST_DATABASE_URL is set
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import YAML from 'yaml';
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

/** Titles a vendor may type: quotes, backslashes, `${}`, backticks, a comment end, Markdown and HTML, Chinese. */
const HOSTILE_ZH = `乡村"治理"之'家' \\ \${县} \`码\` */ 《试点》#1`;
const HOSTILE_EN = `Acme's "duty" \\n \${process.exit(1)} \`tick\` */ <b>[x](y)</b> _*#1*_ {a} | 100% & more`;

/** Every string literal of a TypeScript file, as the compiler reads it; throws on a syntax error. */
function stringLiterals(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) throw new Error(`${file}: ${diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}`);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The fenced YAML block of a README, parsed. */
function readmeYaml(readme: string): unknown {
  const block = /```yaml\n([\s\S]*?)```/.exec(readme);
  if (!block) throw new Error('no yaml block in the README');
  return YAML.parse(block[1]);
}

/** Fast checks of the generated text, without building: every file parses and says exactly what the vendor typed. */
describe('xz plugin new: user strings are escaped or refused', () => {
  const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-gen-'));
  afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

  it.each(['personnel', 'grids'] as const)('writes hostile titles into valid TypeScript, JSON, YAML and Markdown (%s)', (subgraph) => {
    const name = `hostile-${subgraph}`;
    const generated = generatePlugin({ name, subgraph, root: tmpRoot, titleZh: HOSTILE_ZH, titleEn: HOSTILE_EN, packageName: '@acme-county/hostile.plugin' });
    const read = (rel: string) => fs.readFileSync(path.join(generated.dir, rel), 'utf8');
    for (const rel of generated.files.filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(tmpRoot, rel), 'utf8');
      expect(() => stringLiterals(rel, text)).not.toThrow();
    }
    // the plugin's title is exactly what was typed, and nothing of it is evaluated
    const index = stringLiterals('index.ts', read('src/index.ts'));
    expect(index).toEqual(expect.arrayContaining([HOSTILE_ZH, HOSTILE_EN]));
    const resolver = stringLiterals('settings.resolver.ts', read('src/settings.resolver.ts'));
    expect(resolver).toContain(`${HOSTILE_ZH}：区县参数 / ${HOSTILE_EN}: the county parameters`);
    expect(read('src/index.ts')).not.toContain(`/** ${HOSTILE_ZH}`);   // a */ in a title does not end the doc comment
    // package.json is JSON with the titles in its description
    const pkg = JSON.parse(read('package.json')) as { name: string; description: string };
    expect(pkg.name).toBe('@acme-county/hostile.plugin');
    expect(pkg.description).toBe(`${HOSTILE_ZH} / ${HOSTILE_EN} — a xiangzhi county plugin`);
    // the README's deployment snippet is valid YAML naming the package
    expect(readmeYaml(read('README.md'))).toEqual({
      plugins: { [name]: { package: '@acme-county/hostile.plugin' } },
      counties: { '433130': { name: '龙山县', plugins: { [name]: {} } } },
    });
    // the README's heading shows the titles as text: no emphasis, link, HTML or code span
    const heading = read('README.md').split('\n')[0];
    expect(heading).not.toMatch(/(^|[^\\])[<`*_[]/);
    expect(heading.replace(/\\(.)/g, '$1')).toBe(`# ${name} — ${HOSTILE_ZH} / ${HOSTILE_EN}`);
  });

  it('writes a plain package name as a YAML string too (the README showed { package: @xiangzhi/… })', () => {
    const generated = generatePlugin({ name: 'plain-yaml', subgraph: 'grids', root: tmpRoot });
    const readme = fs.readFileSync(path.join(generated.dir, 'README.md'), 'utf8');
    expect(readmeYaml(readme)).toMatchObject({ plugins: { 'plain-yaml': { package: '@xiangzhi/plain-yaml' } } });
  });

  it('refuses titles with line breaks or control characters, empty titles and bad package names, writing nothing', () => {
    const attempt = (extra: { titleZh?: string; titleEn?: string; packageName?: string }) => () =>
      generatePlugin({ name: 'refused-plugin', subgraph: 'personnel', root: tmpRoot, ...extra });
    expect(attempt({ titleEn: 'two\nlines' })).toThrow(/titleEn 须为单行文字.*\(titleEn must be one line, without line breaks or control characters\): "two\\nlines"/);
    expect(attempt({ titleZh: '回车\r' })).toThrow(/titleZh .*must be one line/);
    expect(attempt({ titleZh: 'tab\tx' })).toThrow(/titleZh .*must be one line/);
    expect(attempt({ titleEn: '  ' })).toThrow(/titleEn 不能为空 \(titleEn must not be empty\)/);
    expect(attempt({ packageName: "@x/'; rm -rf" })).toThrow(/the package name must be an npm package name/);
    expect(fs.existsSync(path.join(tmpRoot, 'plugins', 'refused-plugin'))).toBe(false);
  });
});

/**
 * `xz plugin new` output, exactly as generated, in the real workspace: it lints with the module
 * boundary rules, compiles with tsc, and passes its own tests (unit and through the gateway on
 * PGlite) in a separate Jest run — the same commands a vendor runs. Its titles are hostile (quotes,
 * backslashes, `${}`, backticks, a comment end, Markdown): they reach the plugin as typed.
 */
describe.each(['personnel', 'grids'] as const)('xz plugin new --subgraph %s', (subgraph) => {
  const name = `zz-generated-${subgraph}-${process.pid}`;
  const dir = path.join(root, 'plugins', name);
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-plugin-'));

  beforeAll(async () => {
    const out: string[] = [];
    const code = await runCli(['plugin', 'new', name, '--subgraph', subgraph, '--root', root, '--title-zh', HOSTILE_ZH, '--title-en', HOSTILE_EN], {
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

  it('carries the titles exactly as typed', () => {
    const plugin = (require(path.join(dir, 'src/index.ts')) as { default: { title: { zh: string; en: string } } }).default;
    expect(plugin.title).toEqual({ zh: HOSTILE_ZH, en: HOSTILE_EN });
  });

  it('passes its own generated tests', async () => {
    const output = await tool(process.execPath, ['--experimental-vm-modules', path.join(root, 'node_modules/jest/bin/jest.js'), `plugins/${name}/`, '--ci']);
    expect(output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
    expect(output).not.toMatch(/Tests:.*\d+ failed/);
  }, 420_000);

  it('refuses to overwrite an existing plugin and refuses a name that is not kebab-case', () => {
    expect(() => generatePlugin({ name, subgraph, root })).toThrow(/already exists/);
    expect(() => generatePlugin({ name: 'Bad_Name', subgraph, root })).toThrow(/kebab-case/);
  });
});
