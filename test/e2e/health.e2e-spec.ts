import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { freePort } from '../../tools/stack/ports';

/** /health is readiness: it answers ok only while PostgreSQL and Temporal both answer. */
describe('health', () => {
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

  it('is ok when PostgreSQL and Temporal answer', async () => {
    const response = await (await apiWith()).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', checks: { postgresql: 'up', temporal: 'up' } });
  });

  it.each([
    ['Temporal', async () => ({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` })],
    [
      'PostgreSQL',
      async () => ({ DATABASE_URL: `postgresql://nobody@127.0.0.1:${await freePort()}/none` }),
    ],
  ])('answers 503 problem+json naming %s when it is down', async (name, env) => {
    const started = Date.now();
    const response = await (await apiWith(await env())).get('/health');
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBeDefined();
    expect(response.body.detail).toBe(`Not ready: ${name} unavailable`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
