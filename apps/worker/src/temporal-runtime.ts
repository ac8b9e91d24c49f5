import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
import pino from 'pino';
import { redactedPaths } from '@app/config';

const levels: Record<string, LogLevel> = {
  trace: 'TRACE',
  debug: 'DEBUG',
  info: 'INFO',
  warn: 'WARN',
  error: 'ERROR',
  fatal: 'ERROR',
};

let installed = false;

/**
 * Installs the Temporal SDK's Runtime once per process: its own logs into pino (JSON,
 * redacted) at the configured level, and, with a bind address, its metrics (workflow task
 * and activity failures, schedule-to-start latency, sticky cache, poll results) as Prometheus
 * text on http://<bind address>/metrics, so failures can alert. Later calls are no-ops.
 */
export function installTemporalRuntime(options: {
  level: string;
  metricsBindAddress?: string | undefined;
}): void {
  if (installed) return;
  installed = true;
  const { level, metricsBindAddress } = options;
  const logger = pino({
    level: level === 'silent' ? 'silent' : level,
    redact: { paths: redactedPaths, censor: '[redacted]' },
  });
  Runtime.install({
    logger: new DefaultLogger(levels[level] ?? 'ERROR', (entry) => {
      if (level === 'silent') return;
      const method = entry.level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      logger[method]({ ...entry.meta, component: 'temporal' }, entry.message);
    }),
    ...(metricsBindAddress
      ? { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsBindAddress } } } }
      : {}),
  });
}
