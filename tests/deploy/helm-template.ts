import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/**
 * Renders a Helm chart without helm, for CI on machines without it: the subset of Go templates the
 * xiangzhi chart uses — `{{ }}` with `{{-`/`-}}` trimming and comments, `.Values`/`.Release`/`.Chart`
 * paths, `$` and `$name` variables, `range [$k, $v :=] pipeline` (maps in sorted key order, as Go
 * ranges them), `if`/`else`/`with`/`end`, and pipelines through `toYaml`, `nindent`, `indent`,
 * `quote`, `default`, `b64enc`, `toString`, `upper`, `eq`, `not`, `printf "%s…"`. Anything else throws, so the chart
 * cannot quietly use a feature this renderer would get wrong.
 */
type Scope = { dot: unknown; root: unknown; vars: Map<string, unknown> };
type Node =
  | { kind: 'text'; text: string }
  | { kind: 'out'; expr: string }
  | { kind: 'block'; type: 'range' | 'if' | 'with'; expr: string; keyVar?: string; valueVar?: string; body: Node[]; otherwise: Node[] };

function tokenize(source: string): (string | { action: string })[] {
  const out: (string | { action: string })[] = [];
  const re = /\{\{(-?)\s*([\s\S]*?)\s*(-?)\}\}/g;
  let last = 0;
  let trimNext = false;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    let text = source.slice(last, m.index);
    if (trimNext) text = text.replace(/^\s+/, '');
    if (m[1] === '-') text = text.replace(/\s+$/, '');
    out.push(text);
    if (!m[2].startsWith('/*')) out.push({ action: m[2] });
    trimNext = m[3] === '-';
    last = re.lastIndex;
  }
  let tail = source.slice(last);
  if (trimNext) tail = tail.replace(/^\s+/, '');
  out.push(tail);
  return out;
}

function parseNodes(tokens: (string | { action: string })[], pos: { i: number }, closers: string[]): { nodes: Node[]; closer: string } {
  const nodes: Node[] = [];
  while (pos.i < tokens.length) {
    const t = tokens[pos.i++];
    if (typeof t === 'string') {
      if (t) nodes.push({ kind: 'text', text: t });
      continue;
    }
    const a = t.action;
    if (closers.includes(a)) return { nodes, closer: a };
    const block = /^(range|if|with)\s+([\s\S]+)$/.exec(a);
    if (block) {
      const type = block[1] as 'range' | 'if' | 'with';
      let expr = block[2];
      let keyVar: string | undefined;
      let valueVar: string | undefined;
      const decl = /^(\$\w+)(?:\s*,\s*(\$\w+))?\s*:=\s*([\s\S]+)$/.exec(expr);
      if (decl && type === 'range') {
        [keyVar, valueVar, expr] = decl[2] ? [decl[1], decl[2], decl[3]] : [undefined, decl[1], decl[3]];
      } else if (decl) {
        throw new Error(`unsupported template action: {{ ${a} }}`);
      }
      const { nodes: body, closer } = parseNodes(tokens, pos, ['end', 'else']);
      const otherwise = closer === 'else' ? parseNodes(tokens, pos, ['end']).nodes : [];
      nodes.push({ kind: 'block', type, expr, keyVar, valueVar, body, otherwise });
      continue;
    }
    if (/^(end|else|define|template|include|block|tpl)\b/.test(a) || a.includes(':=') || a.includes('=')) throw new Error(`unsupported template action: {{ ${a} }}`);
    nodes.push({ kind: 'out', expr: a });
  }
  if (closers.length > 0) throw new Error(`template ends before {{ ${closers.join(' / ')} }}`);
  return { nodes, closer: '' };
}

function words(command: string): string[] {
  return command.match(/"(?:[^"\\]|\\.)*"|\([^)]*\)|\S+/g) ?? [];
}

function lookup(value: unknown, fields: string[]): unknown {
  let v = value;
  for (const f of fields) {
    if (f === '') continue;
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[f] : undefined;
  }
  return v;
}

function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v as object).length > 0;
  return true;
}

function toYaml(v: unknown): string {
  if (v === undefined || v === null) return '';
  return stringifyYaml(v, { lineWidth: 0 }).replace(/\n$/, '');
}

function indentText(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text.split('\n').map((line) => pad + line).join('\n');
}

function asString(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function evalArg(word: string, scope: Scope): unknown {
  if (word.startsWith('"')) return JSON.parse(word) as string;
  if (/^-?\d+(\.\d+)?$/.test(word)) return Number(word);
  if (word === 'true' || word === 'false') return word === 'true';
  if (word.startsWith('(')) return evalPipeline(word.slice(1, -1), scope);
  if (word === '.') return scope.dot;
  if (word.startsWith('.')) return lookup(scope.dot, word.slice(1).split('.'));
  if (word.startsWith('$')) {
    const [name, ...fields] = word.split('.');
    const base = name === '$' ? scope.root : scope.vars.get(name);
    if (name !== '$' && !scope.vars.has(name)) throw new Error(`undefined variable ${name}`);
    return lookup(base, fields);
  }
  throw new Error(`unsupported template word: ${word}`);
}

const FUNCTIONS: Record<string, (...args: unknown[]) => unknown> = {
  toYaml: (v) => toYaml(v),
  nindent: (n, s) => `\n${indentText(asString(s), Number(n))}`,
  indent: (n, s) => indentText(asString(s), Number(n)),
  quote: (v) => JSON.stringify(asString(v)),
  default: (d, v) => (truthy(v) ? v : d),
  b64enc: (v) => Buffer.from(asString(v)).toString('base64'),
  toString: (v: unknown) => asString(v),
  upper: (v) => asString(v).toUpperCase(),
  eq: (a, b) => a === b,
  not: (v) => !truthy(v),
  printf: (format, ...args) => {
    let i = 0;
    return String(format).replace(/%[sdv]/g, () => asString(args[i++]));
  },
};

function evalCommand(command: string, scope: Scope, piped: unknown[]): unknown {
  const [head, ...rest] = words(command.trim());
  const fn = FUNCTIONS[head];
  if (fn) return fn(...rest.map((w) => evalArg(w, scope)), ...piped);
  if (rest.length > 0 || piped.length > 0) throw new Error(`unknown template function: ${head}`);
  return evalArg(head, scope);
}

function evalPipeline(expr: string, scope: Scope): unknown {
  const stages = expr.split(/\s\|\s/);
  let value = evalCommand(stages[0], scope, []);
  for (const stage of stages.slice(1)) value = evalCommand(stage, scope, [value]);
  return value;
}

function renderNodes(nodes: Node[], scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'out') out += asString(evalPipeline(node.expr, scope));
    else {
      const value = evalPipeline(node.expr, scope);
      if (node.type === 'if') out += renderNodes(truthy(value) ? node.body : node.otherwise, scope);
      else if (node.type === 'with') out += truthy(value) ? renderNodes(node.body, { ...scope, dot: value }) : renderNodes(node.otherwise, scope);
      else {
        const entries: [unknown, unknown][] = Array.isArray(value)
          ? value.map((v, i) => [i, v])
          : value && typeof value === 'object'
            ? Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]])
            : [];
        if (entries.length === 0) out += renderNodes(node.otherwise, scope);
        for (const [k, v] of entries) {
          const vars = new Map(scope.vars);
          if (node.keyVar) vars.set(node.keyVar, k);
          if (node.valueVar) vars.set(node.valueVar, v);
          out += renderNodes(node.body, { ...scope, dot: v, vars });
        }
      }
    }
  }
  return out;
}

/** Renders one template text against a context (`{ Values, Release, Chart }`). */
export function renderTemplate(source: string, context: Record<string, unknown>): string {
  const { nodes } = parseNodes(tokenize(source), { i: 0 }, []);
  return renderNodes(nodes, { dot: context, root: context, vars: new Map() });
}

function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
    return out;
  }
  return over;
}

export interface RenderedChart {
  /** Every rendered Kubernetes object, in template file order. */
  objects: Record<string, unknown>[];
  /** The rendered text of each template file (`templates/<name>`). */
  files: Record<string, string>;
}

/** `helm template <release> <chartDir> -f <overrides>`: the chart's templates rendered and parsed. */
export function renderChart(chartDir: string, options: { release?: string; namespace?: string; values?: Record<string, unknown> } = {}): RenderedChart {
  const chart = parseYaml(fs.readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8')) as Record<string, unknown>;
  const defaults = parseYaml(fs.readFileSync(path.join(chartDir, 'values.yaml'), 'utf8')) as Record<string, unknown>;
  const context = {
    Values: deepMerge(defaults, options.values ?? {}),
    Release: { Name: options.release ?? 'xiangzhi', Namespace: options.namespace ?? 'default', Service: 'Helm' },
    Chart: { Name: chart.name, Version: chart.version, AppVersion: chart.appVersion },
  };
  const dir = path.join(chartDir, 'templates');
  const files: Record<string, string> = {};
  const objects: Record<string, unknown>[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const text = renderTemplate(fs.readFileSync(path.join(dir, name), 'utf8'), context);
    files[name] = text;
    for (const doc of text.split(/^---\s*$/m)) {
      const parsed = parseYaml(doc) as Record<string, unknown> | null;
      if (parsed) objects.push(parsed);
    }
  }
  return { objects, files };
}
