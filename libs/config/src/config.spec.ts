import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgresql://localhost:5432/x',
  PATIENT_KEY_SECRET: 'a'.repeat(32),
  PAYLOAD_CODEC_KEY: Buffer.alloc(32, 7).toString('base64'),
};

describe('loadConfig', () => {
  it('applies defaults to a minimal environment', () => {
    const config = loadConfig(valid);
    expect(config.PORT).toBe(3000);
    expect(config.TEMPORAL_ADDRESS).toBe('localhost:7233');
    expect(config.TEMPORAL_TASK_QUEUE).toBe('stays');
  });

  it('names the variable and the reason in one line', () => {
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...valid, PORT: 'eighty' })).toThrow(
      /^Invalid configuration: PORT .*"eighty"/,
    );
    expect(() => loadConfig({ ...valid, TEMPORAL_ADDRESS: 'nohost' })).toThrow(
      /TEMPORAL_ADDRESS must be host:port/,
    );
  });

  it('requires DATABASE_URL', () => {
    expect(() => loadConfig({ ...valid, DATABASE_URL: undefined })).toThrow(
      /DATABASE_URL is required/,
    );
  });

  it('bounds the worker cache and its workflow task slots', () => {
    expect(loadConfig(valid).WORKER_MAX_CACHED_WORKFLOWS).toBe(250);
    expect(
      loadConfig({ ...valid, WORKER_MAX_CACHED_WORKFLOWS: '0' }).WORKER_MAX_CACHED_WORKFLOWS,
    ).toBe(0);
    expect(() => loadConfig({ ...valid, WORKER_MAX_CACHED_WORKFLOWS: '-1' })).toThrow(
      /WORKER_MAX_CACHED_WORKFLOWS/,
    );
    expect(() => loadConfig({ ...valid, WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(
      /WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/,
    );
  });

  it('refuses a payload codec key that is not 32 bytes', () => {
    expect(() => loadConfig({ ...valid, PAYLOAD_CODEC_KEY: 'c2hvcnQ=' })).toThrow(
      /PAYLOAD_CODEC_KEY must be base64 of exactly 32 bytes/,
    );
  });

  it('names a secret setting and its reason but never prints its value', () => {
    const secrets = {
      DATABASE_URL: 'mysql://app:hunter2-database@db:5432/x',
      PAYLOAD_CODEC_KEY: 'c2VjcmV0LWNvZGVjLWtleQ==',
      PATIENT_KEY_SECRET: 'short-patient-secret',
      PAYLOAD_CODEC_PREVIOUS_KEYS: 'old key with spaces',
      TEMPORAL_API_KEY: '',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'not a url token=otlp-secret',
    };
    let message = '';
    try {
      loadConfig({ ...valid, ...secrets });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of Object.keys(secrets)) expect(message).toContain(name);
    expect(message).toMatch(/DATABASE_URL must be a postgresql:\/\/ URL/);
    expect(message).toMatch(/PAYLOAD_CODEC_KEY must be base64 of exactly 32 bytes/);
    for (const value of ['hunter2', 'c2VjcmV0', 'short-patient', 'old key', 'otlp-secret'])
      expect(message).not.toContain(value);
  });

  it('gives the reason for a database URL that does not parse, without its password', () => {
    const bad = { ...valid, DATABASE_URL: 'postgresql://app:pa ss-word@db:99999/x' };
    expect(() => loadConfig(bad)).toThrow(
      /^Invalid configuration: DATABASE_URL must be a valid URL/,
    );
    expect(() => loadConfig(bad)).not.toThrow(/ss-word/);
  });
});

describe('notification settings', () => {
  it('digests every 15 minutes, overdue at once, and no e-mail until SMTP_URL is set', () => {
    const config = loadConfig(valid);
    expect(config.NOTIFY_DIGEST_INTERVAL_MINUTES).toBe(15);
    expect(config.NOTIFY_OVERDUE_IMMEDIATE).toBe('true');
    expect(config.SMTP_URL).toBeUndefined();
    expect(loadConfig({ ...valid, SMTP_URL: 'smtp://localhost:1025' }).SMTP_URL).toBe(
      'smtp://localhost:1025',
    );
  });

  it('names a wrong notification setting', () => {
    // The relay's URL may hold its password: named, never printed.
    expect(() => loadConfig({ ...valid, SMTP_URL: 'http://user:pw@mail' })).toThrow(
      /^Invalid configuration: SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL$/,
    );
    expect(() => loadConfig({ ...valid, SMTP_URL: 'http://mail' })).toThrow(
      /SMTP_URL must be an smtp/,
    );
    expect(() => loadConfig({ ...valid, NOTIFY_OVERDUE_IMMEDIATE: 'yes' })).toThrow(
      /NOTIFY_OVERDUE_IMMEDIATE must be true or false/,
    );
    expect(() => loadConfig({ ...valid, NOTIFY_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFY_MAX_ATTEMPTS/);
  });
});
