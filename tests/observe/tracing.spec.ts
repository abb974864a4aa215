import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraph as grids } from '@xiangzhi/grids';
import { Role, startTracing, type Tracing } from '@xiangzhi/kernel';
import { subgraph as personnel } from '@xiangzhi/personnel';
import { startTestPlatform, waitFor, type TestPlatform } from '@xiangzhi/testing';

/** A span as OTLP/JSON carries it (ids in hex). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: { key: string; value: { stringValue?: string } }[];
}

interface OtlpBody {
  resourceSpans: { resource?: { attributes?: OtlpSpan['attributes'] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

function attr(span: OtlpSpan, key: string): string | undefined {
  return span.attributes?.find((a) => a.key === key)?.value.stringValue;
}

const README_QUERY = '{ region(code: "433130101200") { name cadres { name posts { title } } grids { name partyBranch { name } } } }';
const admin = { id: 'trace-admin', roles: [Role.COUNTY_ADMIN], scope: '433130000000' };

describe('OpenTelemetry traces over OTLP/HTTP', () => {
  const spans: OtlpSpan[] = [];
  const contentTypes: string[] = [];
  let receiver: http.Server;
  let tracing: Tracing | null;
  let platform: TestPlatform;

  beforeAll(async () => {
    // a local OTLP receiver: what the exporter posts to /v1/traces
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/v1/traces' && req.method === 'POST') {
          contentTypes.push(String(req.headers['content-type']));
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
          for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    tracing = startTracing({ serviceName: 'xiangzhi', env: { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } });
    platform = await startTestPlatform({ subgraphs: [grids, personnel], seed: true });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await tracing?.shutdown();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('is off unless the OTEL_* variables ask for it', () => {
    // a second start returns the running provider; with no variables nothing starts
    expect(startTracing({ serviceName: 'x', env: {} })).toBe(tracing);
  });

  it("traces the README's two-subgraph query: gateway span, a fetch per subgraph as its children, their SQL under the subgraphs' spans", async () => {
    expect(tracing).not.toBeNull();
    const result = await platform.query<{ region: { name: string; cadres: unknown[]; grids: unknown[] } }>(README_QUERY, {}, admin);
    expect(result.errors).toBeUndefined();
    expect(result.data?.region.cadres.length).toBeGreaterThan(0);
    expect(result.data?.region.grids.length).toBeGreaterThan(0);
    await tracing!.flush();
    await waitFor('the gateway request span', () => spans.some((s) => s.name === 'gateway.request'));
    expect(contentTypes.every((t) => t.startsWith('application/json'))).toBe(true);

    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const gatewayServer = spans.find((s) => attr(s, 'xz.service') === 'gateway' && s.kind === 2)!;
    expect(gatewayServer).toBeDefined();
    const traceId = gatewayServer.traceId;
    const inTrace = spans.filter((s) => s.traceId === traceId);
    const gatewayRequest = inTrace.find((s) => s.name === 'gateway.request')!;
    expect(gatewayRequest.parentSpanId).toBe(gatewayServer.spanId);

    const ancestors = (span: OtlpSpan): OtlpSpan[] => {
      const chain: OtlpSpan[] = [];
      for (let cur = span.parentSpanId ? byId.get(span.parentSpanId) : undefined; cur; cur = cur.parentSpanId ? byId.get(cur.parentSpanId) : undefined) chain.push(cur);
      return chain;
    };
    for (const subgraph of ['grids', 'personnel']) {
      const fetches = inTrace.filter((s) => s.name === 'gateway.fetch' && attr(s, 'service') === subgraph);
      expect(fetches.length).toBeGreaterThan(0);
      for (const f of fetches) expect(ancestors(f)).toContain(gatewayRequest);
      // the subgraph continued the trace from the traceparent the gateway sent: its server span is the fetch's child
      const served = inTrace.filter((s) => attr(s, 'xz.service') === subgraph && s.kind === 2);
      expect(served.length).toBe(fetches.length);
      for (const s of served) expect(fetches.map((f) => f.spanId)).toContain(s.parentSpanId);
      // and SQL statements under that span, the statement text without parameter values
      const sql = inTrace.filter((s) => attr(s, 'db.query.text') && ancestors(s).some((a) => served.includes(a)));
      expect(sql.some((s) => s.name === 'SELECT')).toBe(true);
      expect(sql.every((s) => s.kind === 3 && /^(postgresql|pglite)$/.test(attr(s, 'db.system') ?? ''))).toBe(true);
    }
    expect(inTrace.filter((s) => attr(s, 'db.query.text')).some((s) => attr(s, 'db.query.text')!.includes('433130101200'))).toBe(false);
  }, 60_000);
});
