import type { IncomingMessage } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { DataSource } from 'typeorm';

const TRACER = 'xiangzhi';

export interface Tracing {
  /** Exports the spans ended so far. */
  flush: () => Promise<void>;
  /** Exports what is left and unregisters the tracer provider. */
  shutdown: () => Promise<void>;
}

export interface TracingOptions {
  /** `service.name` when `OTEL_SERVICE_NAME` is not set (e.g. `gateway`, `grids`, `xiangzhi`). */
  serviceName: string;
  env?: NodeJS.ProcessEnv;
  /** Export to this exporter instead of the one the environment names (tests). */
  exporter?: SpanExporter;
}

let running: Tracing | null = null;

/**
 * Which exporter the standard OpenTelemetry variables ask for, or null (tracing off, the default):
 * `OTEL_TRACES_EXPORTER=otlp` (or `console`), or an `OTEL_EXPORTER_OTLP_ENDPOINT` /
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` without `OTEL_TRACES_EXPORTER`. `OTEL_SDK_DISABLED=true` or
 * `OTEL_TRACES_EXPORTER=none` keeps it off.
 */
export function tracesExporterOf(env: NodeJS.ProcessEnv = process.env): 'otlp' | 'console' | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const named = env.OTEL_TRACES_EXPORTER?.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) ?? [];
  if (named.includes('otlp')) return 'otlp';
  if (named.includes('console')) return 'console';
  if (named.length > 0) return null;
  return env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'otlp' : null;
}

/**
 * Starts OpenTelemetry tracing for this process when the `OTEL_*` variables ask for it (see
 * `tracesExporterOf`; off by default) and returns its handle, else null. Once per process: the
 * embedded platform's gateway and subgraphs share one provider (a later call returns the first).
 * The OTLP exporter sends JSON over HTTP to `OTEL_EXPORTER_OTLP_ENDPOINT` (`/v1/traces`), with
 * `OTEL_EXPORTER_OTLP_HEADERS`; W3C `traceparent` is the propagation format. Spans: each HTTP
 * request served (`traceServerRequest`), the gateway's own (`gateway.request`, `gateway.plan`,
 * `gateway.fetch` per subgraph call), and each SQL statement (`traceSql`).
 */
export function startTracing(options: TracingOptions): Tracing | null {
  if (running) return running;
  const env = options.env ?? process.env;
  const kind = options.exporter ? 'custom' : tracesExporterOf(env);
  if (!kind) return null;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (base ? `${base}/v1/traces` : undefined);
  const exporter: SpanExporter = options.exporter ?? (kind === 'console' ? new ConsoleSpanExporter() : new OTLPTraceExporter(url ? { url } : {}));
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const handle: Tracing = {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      if (running === handle) running = null;
      await provider.shutdown();
      trace.disable();
      propagation.disable();
      context.disable();
    },
  };
  running = handle;
  return handle;
}

/** Whether `startTracing` is on in this process. */
export function tracingOn(): boolean {
  return running !== null;
}

/** The trace id of the active span, for log lines (undefined when tracing is off). */
export function activeTraceId(): string | undefined {
  if (!running) return undefined;
  return trace.getSpan(context.active())?.spanContext().traceId;
}

/**
 * Runs `fn` (serving one HTTP request) in a SERVER span that continues the caller's trace (W3C
 * `traceparent` of the request); without tracing, just runs it.
 */
export async function traceServerRequest<T>(req: IncomingMessage, service: string, fn: () => Promise<T>): Promise<T> {
  if (!running) return fn();
  const parent: Context = propagation.extract(context.active(), req.headers);
  const path = (req.url ?? '/').split('?')[0];
  return trace.getTracer(TRACER).startActiveSpan(
    `${req.method ?? 'GET'} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'xz.service': service, 'http.request.method': req.method ?? 'GET', 'url.path': path } },
    parent,
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Writes the active trace context (`traceparent`) into outgoing headers; nothing when tracing is off. */
export function injectTraceContext(setHeader: (name: string, value: string) => void): void {
  if (!running) return;
  propagation.inject(context.active(), {}, { set: (_carrier, key, value) => setHeader(key, value) });
}

const SQL_VERB = /^\s*([A-Za-z]+)/;

/**
 * A CLIENT span per SQL statement run through the DataSource's query runners (PostgreSQL and PGlite
 * alike), child of the active span; statements outside any span (jobs, boot) are not traced. The
 * statement text is recorded as `db.query.text`, never its parameter values (personal data).
 */
export function traceSql(dataSource: DataSource, system: 'postgresql' | 'pglite'): void {
  const driver = dataSource.driver as unknown as { createQueryRunner: (mode: 'master' | 'slave') => { query: (...args: unknown[]) => Promise<unknown> } };
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode) => {
    const runner = create(mode);
    const query = runner.query.bind(runner);
    runner.query = (...args: unknown[]) => {
      if (!running || !trace.getSpan(context.active())) return query(...args);
      const sql = typeof args[0] === 'string' ? args[0] : '';
      const verb = SQL_VERB.exec(sql)?.[1]?.toUpperCase() ?? 'SQL';
      return trace.getTracer(TRACER).startActiveSpan(
        verb,
        { kind: SpanKind.CLIENT, attributes: { 'db.system': system, 'db.query.text': sql.slice(0, 4000), 'db.operation.name': verb } },
        async (span) => {
          try {
            return await query(...args);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
            throw error;
          } finally {
            span.end();
          }
        },
      );
    };
    return runner;
  };
}
