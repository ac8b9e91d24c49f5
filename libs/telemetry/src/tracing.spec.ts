import { trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { addSpanProcessor, installTracing } from './tracing';

describe('tracing', () => {
  it('is off without an OTLP endpoint or an added processor, then exports to both', async () => {
    expect(installTracing(undefined)).toBeUndefined();
    const spans = new InMemorySpanExporter();
    addSpanProcessor(new SimpleSpanProcessor(spans));
    const processor = installTracing(undefined);
    expect(processor).toBeDefined();
    trace.getTracer('test').startSpan('one').end();
    await processor?.forceFlush();
    expect(spans.getFinishedSpans().map((s) => s.name)).toEqual(['one']);
  });
});
