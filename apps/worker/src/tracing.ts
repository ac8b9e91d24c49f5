import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
import type { WorkerOptions } from '@temporalio/worker';
import { installTracing, tracingResource } from '@app/telemetry';

/**
 * The worker's part of the API → Temporal → worker traces: workflow interceptor modules (to be
 * bundled into the workflow code; their spans leave the sandbox through the `exporter` sink)
 * and activity interceptors. Nothing is added when no span goes anywhere
 * (OTEL_EXPORTER_OTLP_ENDPOINT unset).
 */
export function workerTracingOptions(endpoint: string | undefined): {
  workflowInterceptorModules: string[];
  options: Pick<WorkerOptions, 'interceptors' | 'sinks'>;
} {
  const spans = installTracing(endpoint);
  if (!spans) return { workflowInterceptorModules: [], options: {} };
  return {
    workflowInterceptorModules: [
      require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
    ],
    options: {
      interceptors: {
        activity: [
          (ctx) => ({
            inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
            outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
          }),
        ],
      },
      sinks: { exporter: makeWorkflowExporter(spans, tracingResource) },
    },
  };
}
