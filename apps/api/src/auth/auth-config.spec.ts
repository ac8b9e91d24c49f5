import { loadApiConfig, loadConfig } from '@app/config';

const base = {
  DATABASE_URL: 'postgresql://localhost:5432/x',
  PATIENT_KEY_SECRET: 'a'.repeat(32),
  PAYLOAD_CODEC_KEY: Buffer.alloc(32, 1).toString('base64'),
};
const oidc = {
  OIDC_ISSUER: 'https://idp.example.se/realms/vgr',
  OIDC_JWKS_URL: 'https://idp.example.se/realms/vgr/protocol/openid-connect/certs',
  OIDC_AUDIENCE: 'utskrivningsflodet',
};

describe('authentication settings', () => {
  it('defaults to the development sign-in in development and test', () => {
    expect(loadApiConfig({ ...base, NODE_ENV: 'development' }).AUTH_MODE).toBe('dev');
    expect(loadApiConfig({ ...base, NODE_ENV: 'test' }).AUTH_MODE).toBe('dev');
  });

  it('requires the OIDC settings in production, naming each', () => {
    expect(() => loadApiConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      /OIDC_ISSUER is required with AUTH_MODE=oidc.*OIDC_JWKS_URL.*OIDC_AUDIENCE/,
    );
    expect(loadApiConfig({ ...base, ...oidc, NODE_ENV: 'production' }).AUTH_MODE).toBe('oidc');
  });

  it('refuses the development sign-in in production', () => {
    expect(() =>
      loadApiConfig({ ...base, ...oidc, NODE_ENV: 'production', AUTH_MODE: 'dev' }),
    ).toThrow(/AUTH_MODE must be oidc when NODE_ENV is production/);
  });

  it('asks nothing of the worker, which authenticates nobody', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).AUTH_MODE).toBe('oidc');
  });
});
