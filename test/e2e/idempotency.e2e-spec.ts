import request from 'supertest';
import { PrismaService } from '@app/persistence';
import { demo, signInAll } from '../support/auth';
import { hoursAgo, newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admit, admitWithReceivers, eventually } from '../support/stays';

type Auth = { Authorization: string };

/**
 * An Idempotency-Key is bound to the request it was first sent with (and to its user): the
 * same request again gets the first answer and changes nothing more; another request with
 * the key is a 422 that changes nothing; events take no change without a key.
 */
describe('idempotency bound to the request', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let as: Record<'ward' | 'po', Auth>;
  let prisma: PrismaService;

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, { ward: demo.wardGoteborg, po: demo.processagare });
    prisma = new PrismaService(process.env.DATABASE_URL ?? '');
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await apps.close();
  });

  const event = (stayId: string, body: object, key?: string) => {
    const call = http.post(`/api/v1/stays/${stayId}/events`).set(as.ward);
    return (key === undefined ? call : call.set('Idempotency-Key', key)).send(body);
  };
  const planning = (at: number) => ({
    type: 'planning-message-received',
    occurredAt: hoursAgo(at),
    data: { fromUnitId: 'kpv-goteborg-hemsjukvard' },
  });
  const eventsOf = async (stayId: string, type: string) =>
    prisma.stayEvent.count({ where: { stayId, type } });

  it('refuses an event without an Idempotency-Key (400), registering nothing', async () => {
    const stayId = await admit(http, as.ward);
    const refused = await event(stayId, planning(1)).expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.errors).toContainEqual(
      expect.objectContaining({ field: 'header.Idempotency-Key' }),
    );
    // A client retry used to get a random key each time and register the event twice.
    const key = newKey();
    const body = planning(1);
    const first = await event(stayId, body, key).expect(201);
    const again = await event(stayId, body, key).expect(201);
    expect(again.body).toEqual(first.body);
    await new Promise((r) => setTimeout(r, 500));
    expect(await eventsOf(stayId, 'planning-message-received')).toBe(1);
  });

  it('answers 422 for the same key with another event, and changes nothing', async () => {
    const stayId = await admit(http, as.ward);
    const key = newKey();
    await event(stayId, planning(2), key).expect(201);
    const other = await event(
      stayId,
      { type: 'needs-changed', occurredAt: hoursAgo(1), data: { korttid: true } },
      key,
    ).expect(422);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(other.body.errors).toEqual([
      { field: 'header.Idempotency-Key', reason: 'already used with another request body' },
    ]);
    await eventually(async () =>
      expect(await eventsOf(stayId, 'planning-message-received')).toBe(1),
    );
    expect(await eventsOf(stayId, 'needs-changed')).toBe(0);
  });

  it('answers 422 for the same key with another outcome or note, keeping the first', async () => {
    const { tasks } = await admitWithReceivers(http, as.ward);
    const path = `/api/v1/tasks/${tasks.ward.id}/complete`;
    const key = newKey();
    const post = (body: object) =>
      http.post(path).set(as.ward).set('Idempotency-Key', key).send(body);
    const done = await post({ note: 'Inga planer finns' }).expect(200);
    expect(await post({ note: 'Inga planer finns' }).expect(200)).toMatchObject({
      body: done.body,
    });
    const other = await post({ note: 'Något helt annat' }).expect(422);
    expect(other.body.errors).toEqual([
      { field: 'header.Idempotency-Key', reason: 'already used with another request body' },
    ]);
    const task = await eventually(async () => {
      const row = await prisma.task.findUniqueOrThrow({ where: { id: tasks.ward.id } });
      expect(row.status).toBe('done');
      return row;
    });
    expect(task.note).toBe('Inga planer finns');
  });

  it('stores the audit row with the claim, before the change, and audits a refusal', async () => {
    const { tasks } = await admitWithReceivers(http, as.ward);
    const path = `/api/v1/tasks/${tasks.ward.id}/complete`;
    const key = newKey();
    await http.post(path).set(as.ward).set('Idempotency-Key', key).send({}).expect(200);
    await http.post(path).set(as.ward).set('Idempotency-Key', key).send({}).expect(200);
    // Another key: the workflow refuses a task already done (409), and the log says so.
    await http.post(path).set(as.ward).set('Idempotency-Key', newKey()).send({}).expect(409);
    const rows = await prisma.auditEntry.findMany({
      where: { taskId: tasks.ward.id, action: { startsWith: 'task.complete' } },
      orderBy: { at: 'asc' },
    });
    expect(rows.map((r) => [r.action, r.outcome])).toEqual([
      ['task.complete', 'ok'],
      ['task.complete.replayed', 'ok'],
      ['task.complete', 'ok'],
      ['task.complete', 'denied'],
    ]);
    const claim = await prisma.idempotencyRecord.findUniqueOrThrow({
      where: { scope_key: { scope: `complete:${tasks.ward.id}`, key } },
    });
    expect(claim.response).toMatchObject({ id: tasks.ward.id, status: 'done' });
  });
});
