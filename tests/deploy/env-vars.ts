import fs from 'node:fs';
import path from 'node:path';

/** An environment variable the processes read: a name, or a prefix read with a computed suffix (`DATABASE_URL_<SUBGRAPH>`). */
export interface EnvRead {
  name: string;
  /** True when `name` is a prefix (`env[\`DATABASE_URL_${…}\`]`). */
  prefix: boolean;
  /** `file:line` of each read. */
  where: string[];
}

const NAME = '[A-Z][A-Z0-9_]*';

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === '__fixtures__') continue;
      out.push(...sourceFiles(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) {
      out.push(full);
    }
  }
  return out;
}

/**
 * Every environment variable the code of the processes reads (the `src` of apps/, libs/ and plugins/,
 * specs and the test kit left out), found in the source itself:
 * `process.env.X`, `env.X` (an `env` that is the process environment passed along), `env['X']`,
 * `env[\`X_${…}\`]` (a prefix), and `env[param]` inside a helper called with literal names
 * (`intFromEnv('PORT', …)`). A read of another shape is returned in `unresolved`, so a new way of
 * reading the environment cannot slip past the check.
 */
export function envReads(root: string): { reads: EnvRead[]; unresolved: string[] } {
  const files = ['apps', 'libs', 'plugins'].flatMap((group) => {
    const dir = path.join(root, group);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir)
      .filter((name) => !(group === 'libs' && name === 'testing'))
      .flatMap((name) => sourceFiles(path.join(dir, name, 'src')));
  });
  const found = new Map<string, EnvRead>();
  const unresolved: string[] = [];
  const add = (name: string, prefix: boolean, where: string) => {
    const key = `${name}${prefix ? '*' : ''}`;
    const entry = found.get(key) ?? { name, prefix, where: [] };
    entry.where.push(where);
    found.set(key, entry);
  };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const rel = path.relative(root, file);
    const lineOf = (index: number) => `${rel}:${text.slice(0, index).split('\n').length}`;
    // helpers reading env[param]: their literal-name calls are reads too
    const helpers: string[] = [];
    for (const m of text.matchAll(/function\s+(\w+)\s*\(\s*(\w+)[^)]*\)[^{]*\{([\s\S]*?)\n\}/g)) {
      if (new RegExp(`\\benv\\[\\s*${m[2]}\\s*\\]`).test(m[3])) helpers.push(m[1]);
    }
    for (const helper of helpers) {
      for (const m of text.matchAll(new RegExp(`\\b${helper}\\(\\s*['"](${NAME})['"]`, 'g'))) add(m[1], false, lineOf(m.index));
    }
    for (const m of text.matchAll(new RegExp(`\\benv\\??\\.(${NAME})\\b`, 'g'))) add(m[1], false, lineOf(m.index));
    for (const m of text.matchAll(new RegExp(`\\benv\\[\\s*['"](${NAME})['"]\\s*\\]`, 'g'))) add(m[1], false, lineOf(m.index));
    for (const m of text.matchAll(new RegExp(`\\benv\\[\\s*\`(${NAME})\\$\\{[^\`]*\`\\s*\\]`, 'g'))) add(m[1], true, lineOf(m.index));
    for (const m of text.matchAll(/\benv\[\s*([^\]]*)\]/g)) {
      const inner = m[1].trim();
      if (/^['"`]/.test(inner)) {
        if (!new RegExp(`^(['"]${NAME}['"]|\`${NAME}\\$\\{[^\`]*\`)$`).test(inner)) unresolved.push(`${lineOf(m.index)}: env[${inner}]`);
        continue;
      }
      const inHelper = [...text.matchAll(/function\s+(\w+)\s*\(\s*(\w+)[^)]*\)[^{]*\{([\s\S]*?)\n\}/g)].some(
        (h) => h[2] === inner && helpers.includes(h[1]) && h.index <= m.index && m.index <= h.index + h[0].length,
      );
      if (!inHelper) unresolved.push(`${lineOf(m.index)}: env[${inner}]`);
    }
  }
  return { reads: [...found.values()].sort((a, b) => a.name.localeCompare(b.name)), unresolved };
}
