// @ci-once: deployment artefacts do not depend on the database; CI runs this spec once
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { envReads, type EnvRead } from './env-vars';
import { renderChart, renderTemplate, type RenderedChart } from './helm-template';

/**
 * The deployment artefacts, checked without Docker or a cluster: the Helm chart rendered with its
 * default values (and with an existing Secret) and every object validated against the Kubernetes
 * schemas of the kubernetes-models package; the compose file's services; the Dockerfile's entry
 * point; and every environment variable the processes read (found in their source) set by the
 * chart and by the compose file, or documented as optional in docs/operations.md.
 */
const root = path.resolve(__dirname, '../..');
const chartDir = path.join(root, 'deploy/helm/xiangzhi');
const deployment = parseYaml(fs.readFileSync(path.join(root, 'deploy/xiangzhi.yaml'), 'utf8')) as { subgraphs: Record<string, { url: string }> };
const subgraphNames = Object.keys(deployment.subgraphs).sort();
const portOf = (name: string) => Number(new URL(deployment.subgraphs[name].url).port);

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string; annotations?: Record<string, string> }; spec?: Record<string, unknown>; stringData?: Record<string, string> };
interface Container {
  name: string;
  args?: string[];
  env?: { name: string; value?: string }[];
  envFrom?: { secretRef?: { name: string } }[];
  readinessProbe?: { httpGet?: { path: string } };
  livenessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: Record<string, string> };
}
interface ComposeService {
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string[];
  depends_on?: Record<string, { condition: string }>;
}

function validateObjects(objects: unknown[]): { kind: string; name: string; error: string }[] {
  const out = execFileSync(process.execPath, [path.join(__dirname, 'validate-k8s.mjs')], { input: JSON.stringify(objects), cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as { kind: string; name: string; error: string }[];
}

function podContainers(object: K8sObject): Container[] {
  const spec = object.spec as { template?: { spec?: { containers?: Container[] } } } | undefined;
  return spec?.template?.spec?.containers ?? [];
}

function byKind(chart: RenderedChart, kind: string): K8sObject[] {
  return (chart.objects as K8sObject[]).filter((o) => o.kind === kind);
}

describe('the Helm chart renderer', () => {
  it('renders paths, variables, sorted ranges, conditions, defaults and indented YAML as helm does', () => {
    const out = renderTemplate(
      '{{- range $k, $v := .Values.m }}\n{{ $k }}={{ $v.n | quote }} {{ $.Release.Name }}\n{{- end }}\n{{ if .Values.off }}no{{ else }}yes{{ end }} {{ .Values.none | default (printf "%s-x" .Release.Name) }}\nr:{{- toYaml .Values.r | nindent 2 }}',
      { Values: { m: { b: { n: 2 }, a: { n: 1 } }, off: '', r: { cpu: '1' } }, Release: { Name: 'rel' } },
    );
    // as in Go: the newline after `{{- range … }}` is part of the body, the one before `{{- end }}` is trimmed
    expect(out).toBe('\na="1" rel\nb="2" rel\nyes rel-x\nr:\n  cpu: "1"');
    expect(() => renderTemplate('{{ include "x" . }}', {})).toThrow('unsupported');
    expect(() => renderTemplate('{{ lookup "v1" }}', {})).toThrow('unknown template function: lookup');
  });
});

describe('deploy/helm/xiangzhi', () => {
  const chart = renderChart(chartDir);

  it('renders objects that are valid against the Kubernetes schemas', () => {
    expect(chart.objects.length).toBeGreaterThan(0);
    expect(validateObjects(chart.objects)).toEqual([]);
    const withSecret = renderChart(chartDir, { values: { existingSecret: 'county-secrets' } });
    expect(validateObjects(withSecret.objects)).toEqual([]);
    expect(byKind(withSecret, 'Secret')).toEqual([]);
    for (const d of [...byKind(withSecret, 'Deployment'), ...byKind(withSecret, 'Job')]) {
      for (const c of podContainers(d)) expect(c.envFrom?.[0]?.secretRef?.name).toBe('county-secrets');
    }
  });

  it('puts the previous secrets of a rotation in the Secret only while they are set', () => {
    expect(Object.keys(byKind(chart, 'Secret')[0].stringData ?? {}).sort()).toEqual(['DATABASE_URL', 'XZ_ID_HASH_SECRET', 'XZ_INTERNAL_SECRET', 'XZ_JWT_SECRET']);
    const rotating = renderChart(chartDir, { values: { secrets: { previousJwtSecret: 'old-jwt', previousInternalSecret: 'old-internal' } } });
    expect(byKind(rotating, 'Secret')[0].stringData).toMatchObject({ XZ_JWT_SECRET_PREVIOUS: 'old-jwt', XZ_INTERNAL_SECRET_PREVIOUS: 'old-internal' });
    expect(validateObjects(rotating.objects)).toEqual([]);
  });

  it('the validator rejects an invalid object (it really validates)', () => {
    const [deploymentObject] = byKind(chart, 'Deployment');
    const broken = JSON.parse(JSON.stringify(deploymentObject)) as K8sObject & { spec: { replicas: unknown } };
    broken.spec.replicas = 'two';
    const problems = validateObjects([broken, { apiVersion: 'v1', kind: 'NoSuchKind', metadata: { name: 'x' } }]);
    expect(problems.map((p) => p.kind)).toEqual(['Deployment', 'NoSuchKind']);
    expect(problems[0].error).toContain('replicas');
  });

  it('has a Deployment and a Service per subgraph of deploy/xiangzhi.yaml, serving it on its port, probed on /readyz and /healthz, with resource requests', () => {
    for (const name of subgraphNames) {
      const d = byKind(chart, 'Deployment').find((o) => o.metadata.name === `xiangzhi-${name}`);
      expect(d).toBeDefined();
      const [c] = podContainers(d!);
      expect(c.args).toEqual(['serve', '--subgraph', name]);
      expect(c.env).toEqual(expect.arrayContaining([{ name: 'PORT', value: String(portOf(name)) }]));
      expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
      expect(c.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(c.resources?.requests?.cpu).toBeDefined();
      expect(c.resources?.requests?.memory).toBeDefined();
      const s = byKind(chart, 'Service').find((o) => o.metadata.name === `xiangzhi-${name}`);
      expect((s?.spec as { ports: { port: number }[] }).ports[0].port).toBe(portOf(name));
    }
  });

  it('runs the gateway under an HPA, reaching each subgraph’s Service', () => {
    const gateway = byKind(chart, 'Deployment').find((o) => o.metadata.name === 'xiangzhi-gateway')!;
    const [c] = podContainers(gateway);
    expect(c.args).toEqual(['gateway']);
    expect(c.readinessProbe?.httpGet?.path).toBe('/readyz');
    expect(c.resources?.requests?.cpu).toBeDefined();
    for (const name of subgraphNames) {
      expect(c.env).toContainEqual({ name: `XZ_SUBGRAPH_URL_${name.toUpperCase()}`, value: `http://xiangzhi-${name}:${portOf(name)}/graphql` });
    }
    const [hpa] = byKind(chart, 'HorizontalPodAutoscaler');
    expect((hpa.spec as { scaleTargetRef: { kind: string; name: string } }).scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'xiangzhi-gateway' });
  });

  it('migrates in a Job that Helm runs before install and upgrade, with the Secret created before it', () => {
    const [job] = byKind(chart, 'Job');
    expect(podContainers(job)[0].args).toEqual(['migrate']);
    expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    const [secret] = byKind(chart, 'Secret');
    expect(secret.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
    expect(Number(secret.metadata.annotations?.['helm.sh/hook-weight'])).toBeLessThan(Number(job.metadata.annotations?.['helm.sh/hook-weight']));
  });
});

describe('deploy/docker-compose.yaml and the Dockerfile', () => {
  const compose = parseYaml(fs.readFileSync(path.join(root, 'deploy/docker-compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const services = compose.services;

  it('runs PostgreSQL, NATS with JetStream, the migration job, every subgraph on its port after the migrations, and the gateway', () => {
    expect(Object.keys(services).sort()).toEqual(['gateway', 'migrate', 'nats', 'postgres', ...subgraphNames].sort());
    expect(services.nats.command).toContain('-js');
    expect(services.migrate.command).toEqual(['migrate']);
    for (const name of subgraphNames) {
      expect(services[name].command).toEqual(['serve', '--subgraph', name]);
      expect(services[name].environment?.PORT).toBe(String(portOf(name)));
      expect(services[name].depends_on?.migrate).toEqual({ condition: 'service_completed_successfully' });
      expect(services.gateway.environment?.[`XZ_SUBGRAPH_URL_${name.toUpperCase()}`]).toBe(`http://${name}:${portOf(name)}/graphql`);
    }
    expect(services.gateway.command).toEqual(['gateway']);
    // secrets come from the env file, never from the compose file itself
    for (const s of [services.migrate, services.gateway, ...subgraphNames.map((n) => services[n])]) expect(s.env_file).toEqual(['.env']);
    const example = fs.readFileSync(path.join(root, 'deploy/env.example'), 'utf8');
    for (const key of ['XZ_JWT_SECRET', 'XZ_INTERNAL_SECRET', 'XZ_ID_HASH_SECRET', 'POSTGRES_PASSWORD']) expect(example).toMatch(new RegExp(`^${key}=$`, 'm'));
  });

  it('builds one image whose command chooses the process, from files the build context keeps', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20\S* AS build$/m);
    expect(dockerfile).toMatch(/^FROM node:20\S* AS runtime$/m);
    expect(dockerfile).toContain('RUN npm ci');
    const entrypoint = fs.readFileSync(path.join(root, 'deploy/docker/entrypoint.sh'), 'utf8');
    expect(entrypoint).toContain('gateway) shift; exec node /app/apps/gateway/dist/main.js');
    expect(entrypoint).toContain('exec node /app/libs/deployment/dist/cli.js "$@"');
    const ignored = fs.readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(?:--\S+ )*(.+) \S+$/gm)) {
      for (const source of m[1].split(/\s+/)) {
        expect(fs.existsSync(path.join(root, source))).toBe(true);
        expect(ignored.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`))).toEqual([]);
      }
    }
  });
});

describe('environment variables', () => {
  const { reads, unresolved } = envReads(root);
  const chart = renderChart(chartDir);
  const compose = parseYaml(fs.readFileSync(path.join(root, 'deploy/docker-compose.yaml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const operations = fs.readFileSync(path.join(root, 'docs/operations.md'), 'utf8');
  const envExample = fs.readFileSync(path.join(root, 'deploy/env.example'), 'utf8');

  const chartSets = new Set<string>();
  for (const o of chart.objects as K8sObject[]) {
    for (const c of podContainers(o)) for (const e of c.env ?? []) chartSets.add(e.name);
    if (o.kind === 'Secret') for (const k of Object.keys(o.stringData ?? {})) chartSets.add(k);
  }
  const composeSets = new Set<string>();
  for (const s of Object.values(compose.services)) for (const k of Object.keys(s.environment ?? {})) composeSets.add(k);
  for (const m of envExample.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)) composeSets.add(m[1]);
  const sets = (set: Set<string>, read: EnvRead) => (read.prefix ? [...set].some((n) => n.startsWith(read.name)) : set.has(read.name));
  /** The row of docs/operations.md's variable table naming the variable. */
  const rowOf = (read: EnvRead) =>
    operations.split('\n').find((line) => {
      const first = line.startsWith('|') ? line.split('|')[1].trim() : '';
      return read.prefix ? first.startsWith(`\`${read.name}<`) : first === `\`${read.name}\``;
    });

  it('finds the reads in the source, every one of them', () => {
    expect(unresolved).toEqual([]);
    const names = reads.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['DATABASE_URL', 'NATS_URL', 'PORT', 'XZ_JWT_SECRET', 'XZ_INTERNAL_SECRET', 'XZ_ID_HASH_SECRET', 'SUPERGRAPH']));
    expect(reads.find((r) => r.name === 'XZ_SUBGRAPH_URL_')?.prefix).toBe(true);
  });

  it('each is documented in docs/operations.md, and set by the chart and the compose file unless documented as optional', () => {
    const problems: string[] = [];
    for (const read of reads) {
      const label = `${read.name}${read.prefix ? '<…>' : ''} (${read.where[0]})`;
      const row = rowOf(read);
      if (!row) {
        problems.push(`${label}: not in the table of docs/operations.md`);
        continue;
      }
      if (/\boptional\b/i.test(row)) continue;
      if (!sets(chartSets, read)) problems.push(`${label}: not set by the Helm chart (and not documented as optional)`);
      if (!sets(composeSets, read)) problems.push(`${label}: not set by deploy/docker-compose.yaml (and not documented as optional)`);
    }
    expect(problems).toEqual([]);
  });
});
