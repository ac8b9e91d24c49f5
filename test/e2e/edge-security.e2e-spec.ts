import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { demo, signIn } from '../support/auth';

/** Security headers (helmet) and rate limits (@nestjs/throttler) at the API's edge. */
describe('the API edge', () => {
  const apps: INestApplication[] = [];
  async function apiWith(env: Record<string, string> = {}) {
    const api = await createApiApp({ ...process.env, ...env });
    await api.init();
    apps.push(api);
    return request(api.getHttpServer());
  }
  afterAll(async () => {
    for (const api of apps) await api.close();
  });

  it('sends a strict CSP and no HSTS outside production', async () => {
    const response = await (await apiWith()).get('/health');
    const csp = response.headers['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows the identity provider in connect-src and sends HSTS in production', async () => {
    const response = await (
      await apiWith({
        NODE_ENV: 'production',
        AUTH_MODE: 'oidc',
        OIDC_ISSUER: 'https://idp.test.invalid/realms/vgr',
        OIDC_JWKS_URL: 'https://idp.test.invalid/realms/vgr/certs',
        OIDC_AUDIENCE: 'utskrivningsflodet',
      })
    ).get('/health');
    expect(response.headers['content-security-policy']).toMatch(
      /connect-src 'self' https:\/\/idp\.test\.invalid;/,
    );
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{8}/);
  });

  it('answers 429 problem+json with Retry-After past the per-user limit, per user', async () => {
    const signing = await apiWith();
    const [ward, vc] = [
      await signIn(signing, demo.wardGoteborg),
      await signIn(signing, demo.vardcentralGoteborg),
    ];
    const limited = await apiWith({ RATE_LIMIT_PER_USER_PER_MINUTE: '3' });
    for (let i = 0; i < 3; i++) await limited.get('/api/v1/me').set(ward).expect(200);
    const refused = await limited.get('/api/v1/me').set(ward);
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await limited.get('/api/v1/me').set(vc).expect(200);
  });

  it('limits each client IP, signed in or not', async () => {
    const limited = await apiWith({ RATE_LIMIT_PER_IP_PER_MINUTE: '2' });
    await limited.get('/api/v1/units').expect(200);
    await limited.get('/api/v1/units').expect(200);
    const refused = await limited.get('/api/v1/units');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
