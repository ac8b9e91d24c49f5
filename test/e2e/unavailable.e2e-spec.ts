import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { freePort } from '../../tools/stack/ports';
import { demo, signIn } from '../support/auth';
import { startApps, type RunningApps } from '../support/stack';
import { admitWithReceivers } from '../support/stays';
import { newKey } from '../support/fixtures';

/** While Temporal or PostgreSQL is down the API answers 503 with Retry-After, never 500. */
describe('backing services down', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let ward: { Authorization: string };
  const extra: INestApplication[] = [];

  async function apiWith(env: Record<string, string>): Promise<ReturnType<typeof request>> {
    const api = await createApiApp({ ...process.env, ...env });
    await api.init();
    extra.push(api);
    return request(api.getHttpServer());
  }

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    ward = await signIn(http, demo.wardGoteborg);
  });
  afterAll(async () => {
    for (const api of extra) await api.close();
    await apps.close();
  });

  it('answers 503 with Retry-After on a completion while Temporal is unreachable', async () => {
    const { stayId, tasks } = await admitWithReceivers(http, ward);
    const down = await apiWith({ TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}` });
    const response = await down
      .post(`/api/v1/tasks/${tasks.ward.id}/complete`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ note: 'Klart' });
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(ts|js):\d+/);
    // Nothing happened: the task is still open when Temporal is reachable again.
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
    expect(stay.body.tasks).toContainEqual(
      expect.objectContaining({ id: tasks.ward.id, status: 'open' }),
    );
  }, 60_000);

  it('answers 503 with Retry-After while PostgreSQL is unreachable', async () => {
    const port = await freePort();
    const down = await apiWith({ DATABASE_URL: `postgresql://nobody@127.0.0.1:${port}/none` });
    const response = await down.get('/api/v1/me').set(ward);
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['retry-after']).toBeDefined();
    const units = await down.get('/api/v1/units');
    expect(units.status).toBe(503);
  }, 60_000);
});
