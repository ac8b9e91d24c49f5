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
});
