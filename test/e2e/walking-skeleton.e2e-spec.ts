import request from 'supertest';
import { Client, Connection } from '@temporalio/client';
import { startApps, type RunningApps } from '../support/stack';
import { hoursAgo, newKey } from '../support/fixtures';
import { admit, eventually } from '../support/stays';
import { demo, signIn } from '../support/auth';
import { recordReplayHistory } from '../support/replay-history';

describe('walking skeleton: admission → needs assessed → inskrivningsmeddelande task', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let ward: { Authorization: string };

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    ward = await signIn(http, demo.wardGoteborg);
  });
  afterAll(async () => {
    await apps.close();
  });

  it('opens the task due 24 h after admission when assessed on admission, completes it once per key, and 409s another key', async () => {
    // Lag 2017:612: assessed at admission, the message is due 24 h after the admission.
    const admittedAt = hoursAgo(2);
    const stayId = await admit(http, ward, { admittedAt });
    const assessedAt = hoursAgo(1);
    const event = await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(ward)
      .send({
        type: 'needs-assessed',
        occurredAt: assessedAt,
        data: { socialtjanst: true, kommunalHalsoOchSjukvard: false, regionalPrimarvard: true },
      })
      .expect(201);
    const list = await http
      .get(`/api/v1/tasks?unit=sv-sahlgrenska-avd-32&stay=${stayId}`)
      .set(ward)
      .expect(200);
    const task = list.body.items.find(
      (t: { activityId: string }) => t.activityId === 'send-inskrivningsmeddelande',
    );
    expect(event.body.createdTaskIds).toContain(task.id);
    expect(task).toMatchObject({
      activityId: 'send-inskrivningsmeddelande',
      status: 'open',
      overdue: false,
      dueAt: new Date(Date.parse(admittedAt) + 24 * 3_600_000).toISOString(),
    });

    const key = newKey();
    const first = await http
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(ward)
      .set('Idempotency-Key', key)
      .send({ note: 'Skickat via SAMSA' })
      .expect(200);
    const again = await http
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(ward)
      .set('Idempotency-Key', key)
      .send({ note: 'Skickat via SAMSA' })
      .expect(200);
    expect(again.body).toEqual(first.body);
    expect(first.body.status).toBe('done');

    const conflict = await http
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({})
      .expect(409);
    expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);

    const stay = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
    expect(stay.body.tasks).toContainEqual(
      expect.objectContaining({ id: task.id, status: 'done', note: 'Skickat via SAMSA' }),
    );
    expect(stay.body.events.map((e: { type: string }) => e.type)).toEqual(['needs-assessed']);
    recordReplayHistory(stayId, 'walking-skeleton');
  });

  it('makes a retroactively registered assessment overdue at once and records a deviation', async () => {
    const stayId = await admit(http, ward);
    await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(ward)
      .send({
        type: 'needs-assessed',
        occurredAt: hoursAgo(30),
        data: { socialtjanst: false, kommunalHalsoOchSjukvard: true, regionalPrimarvard: false },
      })
      .expect(201);

    interface Row {
      id: string;
      taskId: string;
      activityId: string;
    }
    const { task, deviation } = await eventually(async () => {
      const response = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
      const found = (response.body.tasks as Row[]).find(
        (t) => t.activityId === 'send-inskrivningsmeddelande',
      );
      const recorded = (response.body.deviations as Row[]).find((d) => d.taskId === found?.id);
      expect(recorded).toBeDefined();
      return { task: found, deviation: recorded };
    });
    expect(task).toMatchObject({ overdue: true, status: 'open' });
    expect(deviation).toMatchObject({
      category: 'forsenad-aktivitet',
      unitId: 'sv-sahlgrenska-avd-32',
      source: 'automatic',
      occurredAt: (task as unknown as { dueAt: string }).dueAt,
    });
    const overdue = await http
      .get(`/api/v1/tasks?unit=sv-sahlgrenska-avd-32&overdue=true&stay=${stayId}`)
      .set(ward)
      .expect(200);
    expect(overdue.body.items.map((t: Row) => t.id)).toContain(task?.id);
  });

  it('sends no inskrivningsmeddelande when no municipal or primary-care need is assessed', async () => {
    const stayId = await admit(http, ward);
    await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(ward)
      .send({
        type: 'needs-assessed',
        occurredAt: hoursAgo(2),
        data: { socialtjanst: false, kommunalHalsoOchSjukvard: false, regionalPrimarvard: false },
      })
      .expect(201);
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
    expect(stay.body.tasks.map((t: { activityId: string }) => t.activityId)).not.toContain(
      'send-inskrivningsmeddelande',
    );
  });

  it('keeps patient identity out of the workflow id and input', async () => {
    const stayId = await admit(http, ward);
    const client = new Client({
      connection: await Connection.connect({ address: process.env.TEMPORAL_ADDRESS }),
    });
    try {
      const handle = client.workflow.getHandle(`stay-${stayId}`);
      const history = await handle.fetchHistory();
      const serialized = JSON.stringify(history);
      const decoded = Buffer.from(
        JSON.stringify(
          history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.map((p) =>
            Buffer.from(p.data ?? []).toString('utf8'),
          ),
        ),
      ).toString();
      for (const text of [serialized, decoded, handle.workflowId]) {
        expect(text).not.toMatch(/121212-?1212/);
        expect(text).not.toContain('Tolvan');
      }
    } finally {
      await client.connection.close();
    }
  });
});
