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
  it('uses OIDC unless the development sign-in is asked for, whatever NODE_ENV says', () => {
    for (const NODE_ENV of [undefined, 'development', 'test', 'production'])
      expect(loadApiConfig({ ...base, ...oidc, NODE_ENV }).AUTH_MODE).toBe('oidc');
  });

  it('never falls back to the development sign-in when the OIDC settings are missing', () => {
    for (const NODE_ENV of [undefined, 'development', 'test', 'production'])
      expect(() => loadApiConfig({ ...base, NODE_ENV })).toThrow(
        /OIDC_ISSUER is required with AUTH_MODE=oidc.*OIDC_JWKS_URL.*OIDC_AUDIENCE/,
      );
  });

  it('allows AUTH_MODE=dev only with NODE_ENV explicitly development or test', () => {
    expect(loadApiConfig({ ...base, NODE_ENV: 'development', AUTH_MODE: 'dev' }).AUTH_MODE).toBe(
      'dev',
    );
    expect(loadApiConfig({ ...base, NODE_ENV: 'test', AUTH_MODE: 'dev' }).AUTH_MODE).toBe('dev');
    for (const NODE_ENV of [undefined, 'production'])
      expect(() => loadApiConfig({ ...base, ...oidc, NODE_ENV, AUTH_MODE: 'dev' })).toThrow(
        /AUTH_MODE=dev needs NODE_ENV=development or test/,
      );
  });

  it('refuses a JWKS fetched over plain http outside development and test', () => {
    const http = { ...oidc, OIDC_JWKS_URL: 'http://idp.example.se/certs' };
    expect(() => loadApiConfig({ ...base, ...http, NODE_ENV: 'production' })).toThrow(
      /OIDC_JWKS_URL must be https outside development and test/,
    );
    expect(() => loadApiConfig({ ...base, ...http })).toThrow(/OIDC_JWKS_URL must be https/);
    expect(loadApiConfig({ ...base, ...http, NODE_ENV: 'test' }).OIDC_JWKS_URL).toBe(
      http.OIDC_JWKS_URL,
    );
  });

  it('expects RFC 9068 access tokens and a small clock tolerance by default', () => {
    const config = loadApiConfig({ ...base, ...oidc, NODE_ENV: 'production' });
    expect(config.OIDC_TOKEN_TYP).toBe('at+jwt');
    expect(config.OIDC_CLOCK_TOLERANCE_SECONDS).toBe(30);
    expect(() => loadApiConfig({ ...base, ...oidc, OIDC_CLOCK_TOLERANCE_SECONDS: '3600' })).toThrow(
      /OIDC_CLOCK_TOLERANCE_SECONDS/,
    );
    expect(() => loadApiConfig({ ...base, ...oidc, OIDC_TOKEN_TYP: 'Bearer' })).toThrow(
      /OIDC_TOKEN_TYP must be at\+jwt or JWT/,
    );
  });

  it('asks nothing of the worker, which authenticates nobody', () => {
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).AUTH_MODE).toBe('oidc');
  });
});
