import request from 'supertest';
import { rowCounts } from '../support/database';
import { admissionBody, hoursAgo, newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { demo, signIn } from '../support/auth';

/** Every bad request gets a 4xx problem+json naming the field and the reason, and changes nothing. */
describe('bad input', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let stayId: string;
  let ward: { Authorization: string };

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    ward = await signIn(http, demo.wardGoteborg);
    const admitted = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send(admissionBody())
      .expect(201);
    stayId = admitted.body.id as string;
  });
  afterAll(() => apps.close());

  const cases: {
    name: string;
    send: () => request.Test;
    status: number;
    field?: string;
  }[] = [
    {
      name: 'unknown ward',
      send: () =>
        http
          .post('/api/v1/stays')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .send(admissionBody({ wardUnitId: 'sv-no-such-ward' })),
      status: 422,
      field: 'body.wardUnitId',
    },
    {
      name: 'a vårdcentral given as ward',
      send: () =>
        http
          .post('/api/v1/stays')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .send(admissionBody({ wardUnitId: 'rpv-vc-majorna' })),
      status: 422,
      field: 'body.wardUnitId',
    },
    {
      name: 'invalid personnummer (Luhn)',
      send: () =>
        http
          .post('/api/v1/stays')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .send({
            ...admissionBody(),
            patient: { ...admissionBody().patient, personnummer: '19121212-1213' },
          }),
      status: 400,
      field: 'body.patient.personnummer',
    },
    {
      name: 'admittedAt without offset',
      send: () =>
        http
          .post('/api/v1/stays')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .send(admissionBody({ admittedAt: '2026-11-23 08:00' })),
      status: 400,
      field: 'body.admittedAt',
    },
    {
      name: 'missing Idempotency-Key',
      send: () => http.post('/api/v1/stays').set(ward).send(admissionBody()),
      status: 400,
      field: 'header.Idempotency-Key',
    },
    {
      name: 'malformed JSON',
      send: () =>
        http
          .post('/api/v1/stays')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .set('Content-Type', 'application/json')
          .send('{"patient": '),
      status: 400,
      field: 'body',
    },
    {
      name: 'a body that is not JSON',
      send: () =>
        http
          .post('/api/v1/stays')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .set('Content-Type', 'text/plain')
          .send('hello'),
      status: 415,
      field: 'header.Content-Type',
    },
    {
      name: 'unknown event type',
      send: () =>
        http
          .post(`/api/v1/stays/${stayId}/events`)
          .set('Idempotency-Key', newKey())
          .set(ward)
          .send({ type: 'teleported', occurredAt: hoursAgo(1), data: {} }),
      status: 400,
      field: 'body.type',
    },
    {
      name: 'needs-assessed with a missing need',
      send: () =>
        http
          .post(`/api/v1/stays/${stayId}/events`)
          .set('Idempotency-Key', newKey())
          .set(ward)
          .send({
            type: 'needs-assessed',
            occurredAt: hoursAgo(1),
            data: { socialtjanst: true, regionalPrimarvard: false },
          }),
      status: 400,
      field: 'body.data.kommunalHalsoOchSjukvard',
    },
    {
      name: 'event for a stay that does not exist',
      send: () =>
        http
          .post('/api/v1/stays/00000000-0000-4000-8000-000000000000/events')
          .set('Idempotency-Key', newKey())
          .set(ward)
          .send({ type: 'needs-assessed', occurredAt: hoursAgo(1), data: {} }),
      status: 404,
    },
    {
      name: 'task list of an unknown unit',
      send: () => http.get('/api/v1/tasks?unit=nowhere').set(ward),
      status: 400,
      field: 'query.unit',
    },
    {
      name: 'completing a task that does not exist',
      send: () =>
        http
          .post('/api/v1/tasks/no-such-task/complete')
          .set(ward)
          .set('Idempotency-Key', newKey())
          .send({}),
      status: 404,
    },
  ];

  it.each(cases)('$name → $status', async ({ send, status, field }) => {
    const before = await rowCounts();
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status,
      type: expect.any(String),
      detail: expect.any(String),
    });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(ts|js):\d+/); // no stack trace
    if (field) expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    expect(await rowCounts()).toEqual(before);
  });

  it('replays an admission for the same key and body, and refuses the key with another body', async () => {
    const key = newKey();
    const body = admissionBody();
    const first = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    const again = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', key)
      .send(body)
      .expect(201);
    expect(again.body).toEqual(first.body);
    const before = await rowCounts();
    const reused = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', key)
      .send(admissionBody({ careType: 'psychiatric' }))
      .expect(422);
    expect(reused.body.errors).toContainEqual(
      expect.objectContaining({ field: 'header.Idempotency-Key' }),
    );
    expect(await rowCounts()).toEqual(before);
  });
});
