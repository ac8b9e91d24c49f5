import type { Params } from 'nestjs-pino';
import type { AppConfig } from './config';

/**
 * Structured logs (pino). Request bodies are never logged; identifying fields are
 * redacted wherever they appear, so patient data cannot reach the log.
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'patient',
  '*.patient',
  '*.personnummer',
  '*.name',
  'personnummer',
];

export function loggerOptions(level: AppConfig['LOG_LEVEL'] = 'info'): Params {
  return {
    pinoHttp: {
      level,
      redact: { paths: redactedPaths, censor: '[redacted]' },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}
