import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Client as PgClient } from 'pg';
import { temporalCliPath } from '../../tools/stack/paths';
import { demo, signIn } from '../support/auth';
import { newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admitWithReceivers, eventually } from '../support/stays';

/**
 * A projection PostgreSQL refuses for good (here a CHECK constraint the test adds, SQLSTATE
 * 23514) is not retried for ever: the Update finishes with a clear 500 problem, the failure
 * is recorded on the stay (its timeline and the monitoring API), and the stay goes on.
 */
describe('a projection that can never succeed', () => {
  const refusedNote = 'refused by the projection-failure test constraint';
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let pg: PgClient;
  let ward: { Authorization: string };
  let owner: { Authorization: string };

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    ward = await signIn(http, demo.wardGoteborg);
    owner = await signIn(http, demo.processagare);
    pg = new PgClient({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    await pg.query(
      `ALTER TABLE task ADD CONSTRAINT projection_failure_probe
         CHECK (note IS DISTINCT FROM '${refusedNote}') NOT VALID`,
    );
  });
  afterAll(async () => {
    await pg.query('ALTER TABLE task DROP CONSTRAINT IF EXISTS projection_failure_probe');
    await pg.end();
    await apps.close();
  });

  it('fails the Update with a problem, records the failure on the stay, and the stay goes on', async () => {
    const { stayId, tasks } = await admitWithReceivers(http, ward);
    const started = Date.now();
    const refused = await http
      .post(`/api/v1/tasks/${tasks.ward.id}/complete`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ note: refusedNote });
    expect(refused.status).toBe(500);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ type: '/problems/projection-failed', status: 500 });
    expect(JSON.stringify(refused.body)).not.toContain(refusedNote);
    // Not the API's 10 s deadline on a call that never ends (503), but the Update's own answer.
    expect(Date.now() - started).toBeLessThan(9_000);

    const timeline = await http.get(`/api/v1/stays/${stayId}`).set(owner).expect(200);
    const failed = (timeline.body.events as { type: string; data: object }[]).filter(
      (e) => e.type === 'projection-failed',
    );
    expect(failed).toEqual([
      expect.objectContaining({ data: { projection: 'projectTasks', sqlState: '23514' } }),
    ]);
    const monitoring = await http
      .get('/api/v1/monitoring/projection-failures')
      .set(owner)
      .expect(200);
    expect(monitoring.body.items).toContainEqual(
      expect.objectContaining({ stayId, projection: 'projectTasks', sqlState: '23514' }),
    );
    await http.get('/api/v1/monitoring/projection-failures').set(ward).expect(403);

    // The workflow is not stuck: the next Update on the stay is answered and projected.
    const next = await http
      .post(`/api/v1/tasks/${tasks.vc.id}/complete`)
      .set(await signIn(http, demo.vardcentralGoteborg))
      .set('Idempotency-Key', newKey())
      .send({ note: 'Mottaget' })
      .expect(200);
    expect(next.body).toMatchObject({ status: 'done' });
    await eventually(async () => {
      const { rows } = await pg.query<{ status: string }>('SELECT status FROM task WHERE id = $1', [
        tasks.vc.id,
      ]);
      expect(rows[0]?.status).toBe('done');
    });

    const history = execFileSync(temporalCliPath, [
      'workflow',
      'show',
      '--address',
      process.env.TEMPORAL_ADDRESS ?? '',
      '--workflow-id',
      `stay-${stayId}`,
      '--output',
      'json',
    ]).toString('utf8');
    // The failure's message and stack trace are encrypted with the payloads (finding 9).
    const failures = (JSON.parse(history) as { events: Record<string, unknown>[] }).events
      .map((e) => e.activityTaskFailedEventAttributes as { failure?: { message?: string } })
      .filter(Boolean);
    expect(failures.map((f) => f.failure?.message)).toEqual(['Encoded failure']);
    expect(history).not.toMatch(/refused by PostgreSQL|The read model refused|projection-errors/);
    if (process.env.RECORD_REPLAY_HISTORIES)
      writeFileSync(join(__dirname, '..', 'replay', 'projection-failure.json'), history);
  });
});
