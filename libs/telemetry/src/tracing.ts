import type { Context } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  type ReadableSpan,
  type Span,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry for the API and the worker: traces go API → Temporal → worker through the
 * Temporal interceptors (context in message headers). Spans are exported over OTLP/HTTP
 * when OTEL_EXPORTER_OTLP_ENDPOINT is set, and nowhere otherwise (no provider is installed,
 * so the interceptors only pass contexts on). Tests add an in-memory processor.
 *
 * Process-wide on purpose: OpenTelemetry's tracer provider is a process global.
 */
const state: { added: SpanProcessor[]; otlp?: { endpoint: string; processor: SpanProcessor } } = {
  added: [],
};
let provider: NodeTracerProvider | undefined;

export const tracingResource = new Resource({ 'service.name': 'utskrivningsflodet' });

/** Adds a span processor for spans started after this (tests: an in-memory exporter). */
export function addSpanProcessor(processor: SpanProcessor): void {
  state.added.push(processor);
}

function processors(endpoint: string | undefined): SpanProcessor[] {
  if (endpoint && state.otlp?.endpoint !== endpoint)
    state.otlp = {
      endpoint,
      processor: new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }),
      ),
    };
  return [...(endpoint && state.otlp ? [state.otlp.processor] : []), ...state.added];
}

/** One processor that hands every span to all of this process's processors. */
class FanOutSpanProcessor implements SpanProcessor {
  constructor(private readonly endpoint: string | undefined) {}
  onStart(span: Span, context: Context): void {
    for (const p of processors(this.endpoint)) p.onStart(span, context);
  }
  onEnd(span: ReadableSpan): void {
    for (const p of processors(this.endpoint)) p.onEnd(span);
  }
  async forceFlush(): Promise<void> {
    await Promise.all(processors(this.endpoint).map((p) => p.forceFlush()));
  }
  async shutdown(): Promise<void> {
    await this.forceFlush();
  }
}

/**
 * Installs the process's tracer provider once, if spans go anywhere. Returns the span
 * processor for workflow spans (the worker's sink), or undefined when tracing is off.
 */
export function installTracing(endpoint: string | undefined): SpanProcessor | undefined {
  if (processors(endpoint).length === 0) return undefined;
  const fanOut = new FanOutSpanProcessor(endpoint);
  if (!provider) {
    provider = new NodeTracerProvider({ resource: tracingResource, spanProcessors: [fanOut] });
    provider.register();
  }
  return fanOut;
}
