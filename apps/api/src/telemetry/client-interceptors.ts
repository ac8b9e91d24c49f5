import type { WorkflowClientInterceptor } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { AppConfig } from '@app/config';
import { installTracing } from '@app/telemetry';
import type { MetricsService } from '../metrics/metrics.service';

/**
 * The API's Temporal client interceptors: Update latency for /metrics, and the trace context
 * carried in message headers to the worker (spans exported only when tracing is configured).
 */
export function apiClientInterceptors(
  config: AppConfig,
  metrics: MetricsService,
): WorkflowClientInterceptor[] {
  installTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT);
  return [new OpenTelemetryWorkflowClientInterceptor(), metrics.clientInterceptor()];
}
