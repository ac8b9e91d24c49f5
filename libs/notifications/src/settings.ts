import type { AppConfig } from '@app/config';
import type { DrainerSettings } from './drainer';

/** The drainer's settings from the validated configuration (libs/config). */
export function drainerSettings(config: AppConfig): DrainerSettings {
  return {
    publicWebUrl: config.PUBLIC_WEB_URL,
    digestIntervalMinutes: config.NOTIFY_DIGEST_INTERVAL_MINUTES,
    overdueImmediate: config.NOTIFY_OVERDUE_IMMEDIATE === 'true',
    pollIntervalMs: config.NOTIFY_POLL_INTERVAL_MS,
    retry: {
      baseSeconds: config.NOTIFY_RETRY_BASE_SECONDS,
      maxAttempts: config.NOTIFY_MAX_ATTEMPTS,
    },
    sendTimeoutMs: config.NOTIFY_SEND_TIMEOUT_MS,
    ...(config.SMTP_URL ? { smtpUrl: config.SMTP_URL } : {}),
    mailFrom: config.NOTIFY_MAIL_FROM,
  };
}
