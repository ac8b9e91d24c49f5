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
 * Routes the Temporal SDK's own logs into pino (JSON, redacted) at the configured level.
 * The Runtime can be installed once per process; later calls are no-ops.
 */
export function installTemporalRuntime(level: string): void {
  if (installed || level === 'silent') return;
  installed = true;
  const logger = pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } });
  Runtime.install({
    logger: new DefaultLogger(levels[level] ?? 'INFO', (entry) => {
      const method = entry.level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      logger[method]({ ...entry.meta, component: 'temporal' }, entry.message);
    }),
  });
}
