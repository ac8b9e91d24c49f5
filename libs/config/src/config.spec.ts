import { ConfigError, loadConfig } from './config';

const valid = {
  DATABASE_URL: 'postgresql://localhost:5432/x',
  PATIENT_KEY_SECRET: 'a'.repeat(32),
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
    expect(() => loadConfig({ PATIENT_KEY_SECRET: valid.PATIENT_KEY_SECRET })).toThrow(
      /DATABASE_URL is required/,
    );
  });
});
