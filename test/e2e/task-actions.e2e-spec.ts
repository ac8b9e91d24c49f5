import request from 'supertest';
import {
  PrismaService,
  TaskQueryRepository,
  UnitRepository,
  UserRepository,
} from '@app/persistence';
import { demo, signIn } from '../support/auth';
import { hoursAgo, newKey } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admit, admitWithReceivers, type TaskView } from '../support/stays';
import { recordReplayHistory } from '../support/replay-history';

type Auth = { Authorization: string };

describe('task actions, queues and pagination', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let ward: Auth;
  let colleague: Auth;
  let hsv: Auth;
  let bist: Auth;
  /** Another socialtjänst unit of Göteborg, to reassign within the kommun. */
  const hemtjanst = { unitId: 'kst-goteborg-hemtjanst-majorna-linne', auth: {} as Auth };

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    // A second nurse on the same ward, to claim against.
    const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
    await new UserRepository(prisma, new UnitRepository(prisma)).upsertMany([
      {
        id: 'test-ward-goteborg-2',
        displayName: 'Test Kollega',
        role: 'ward_staff',
        unitIds: ['sv-sahlgrenska-avd-32'],
      },
    ]);
    await prisma.$disconnect();
    ward = await signIn(http, demo.wardGoteborg);
    colleague = await signIn(http, 'test-ward-goteborg-2');
    hsv = await signIn(http, demo.hemsjukvardGoteborg);
    bist = await signIn(http, demo.bistandGoteborg);
    hemtjanst.auth = await signIn(http, 'demo-hemtjanst-goteborg');
  });
  afterAll(() => apps.close());

  const post = (path: string, who: Auth, body: object = {}, key = newKey()) =>
    http.post(path).set(who).set('Idempotency-Key', key).send(body);

  it('claims, refuses another claimant (409), releases, and completes once per key', async () => {
    const { stayId, tasks } = await admitWithReceivers(http, ward);
    const task = tasks.ward;
    const claimed = await post(`/api/v1/tasks/${task.id}/claim`, ward).expect(200);
    expect(claimed.body).toMatchObject({ status: 'claimed', claimedBy: demo.wardGoteborg });
    await post(`/api/v1/tasks/${task.id}/claim`, colleague).expect(409);
    await post(`/api/v1/tasks/${task.id}/complete`, colleague).expect(409);
    await post(`/api/v1/tasks/${task.id}/release`, colleague).expect(409);
    const released = await post(`/api/v1/tasks/${task.id}/release`, ward).expect(200);
    expect(released.body.status).toBe('open');
    await post(`/api/v1/tasks/${task.id}/claim`, colleague).expect(200);
    const key = newKey();
    const done = await post(`/api/v1/tasks/${task.id}/complete`, colleague, { note: 'Ok' }, key);
    expect(done.status).toBe(200);
    const again = await post(`/api/v1/tasks/${task.id}/complete`, colleague, { note: 'Ok' }, key);
    expect(again.body).toEqual(done.body);
    const other = await post(`/api/v1/tasks/${task.id}/complete`, ward).expect(409);
    expect(other.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(done.body).toMatchObject({ status: 'done', completedBy: 'test-ward-goteborg-2' });
    recordReplayHistory(stayId, 'claim-release-complete');
  });

  it("reassigns a municipal task only within the patient's kommun (Mölndal never sees a Göteborg patient)", async () => {
    const { stayId, tasks } = await admitWithReceivers(http, ward);
    const path = `/api/v1/tasks/${tasks.hsv.id}/reassign`;
    const unknown = await post(path, hsv, { toUnitId: 'kpv-nowhere', reason: 'Flytt' }).expect(422);
    expect(unknown.body.errors).toContainEqual(expect.objectContaining({ field: 'body.toUnitId' }));
    await post(path, hsv, { toUnitId: 'rpv-vc-majorna', reason: 'Fel spår' }).expect(422);
    const missing = await post(path, hsv, { toUnitId: 'kpv-molndal-hemsjukvard' }).expect(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ field: 'body.reason' }));
    // Until this change the move was accepted and Mölndal's hemsjukvård then read the
    // Göteborg patient's stay for good; another kommun's unit is now refused, nothing moves.
    const foreign = await post(path, hsv, {
      toUnitId: 'kpv-molndal-hemsjukvard',
      reason: 'Patienten har flyttat till Mölndal',
    }).expect(422);
    expect(foreign.body.errors).toEqual([
      { field: 'body.toUnitId', reason: "must be a unit of the patient's kommun (1480)" },
    ]);
    const molndal = await signIn(http, demo.hemsjukvardMolndal);
    await http.get(`/api/v1/stays/${stayId}`).set(molndal).expect(404);
    await http.get(`/fhir/R4/Encounter/${stayId}`).set(molndal).expect(404);
    const queue = await http
      .get(`/api/v1/tasks?unit=kpv-molndal-hemsjukvard&stay=${stayId}`)
      .set(molndal)
      .expect(200);
    expect(queue.body.items).toEqual([]);
    // Within Göteborg the socialtjänst task moves, and the biståndshandläggare may no longer
    // act on it.
    const bistPath = `/api/v1/tasks/${tasks.bist.id}/reassign`;
    await post(bistPath, bist, { toUnitId: 'kst-molndal-bistand', reason: 'Flytt' }).expect(422);
    const moved = await post(bistPath, bist, {
      toUnitId: hemtjanst.unitId,
      reason: 'Hemtjänsten tar över',
    }).expect(200);
    expect(moved.body).toMatchObject({ unitId: hemtjanst.unitId, status: 'open' });
    const theirs = await http
      .get(`/api/v1/tasks?unit=${hemtjanst.unitId}&stay=${stayId}`)
      .set(hemtjanst.auth)
      .expect(200);
    expect(theirs.body.items.map((t: TaskView) => t.id)).toEqual([tasks.bist.id]);
    await post(`/api/v1/tasks/${tasks.bist.id}/claim`, bist).expect(403);
  });

  it('lets a live task open a stay to its unit, and a done task no longer', async () => {
    const { stayId, tasks } = await admitWithReceivers(http, ward);
    const molndalWard = await signIn(http, demo.wardMolndal);
    await http.get(`/api/v1/stays/${stayId}`).set(molndalWard).expect(404);
    // Regional tasks move within the region: the ward's task goes to Mölndal's ward.
    await post(`/api/v1/tasks/${tasks.ward.id}/reassign`, ward, {
      toUnitId: 'sv-molndal-avd-5',
      reason: 'Patienten flyttas till Mölndals sjukhus',
    }).expect(200);
    await http.get(`/api/v1/stays/${stayId}`).set(molndalWard).expect(200);
    await http.get(`/fhir/R4/Task/${tasks.ward.id}`).set(molndalWard).expect(200);
    await post(`/api/v1/tasks/${tasks.ward.id}/complete`, molndalWard, { note: 'Skickat' }).expect(
      200,
    );
    // Once its task is done the stay is no longer Mölndal's business: not the timeline, not
    // FHIR, not the list (done or cancelled tasks used to count for ever).
    await http.get(`/api/v1/stays/${stayId}`).set(molndalWard).expect(404);
    await http.get(`/fhir/R4/Encounter/${stayId}`).set(molndalWard).expect(404);
    const list = await http.get('/api/v1/stays').set(molndalWard).expect(200);
    expect(list.body.items.map((s: { id: string }) => s.id)).not.toContain(stayId);
    recordReplayHistory(stayId, 'reassign-complete');
  });

  it('pages a queue by due time with a keyset cursor: stable, complete, no duplicates', async () => {
    for (let i = 0; i < 14; i++) await admit(http, ward, { admittedAt: hoursAgo(1 + (i % 3)) });
    const seen: TaskView[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await http
        .get(`/api/v1/tasks?unit=sv-sahlgrenska-avd-32&status=open${query}`)
        .set(ward)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(50);
      seen.push(...(page.body.items as TaskView[]));
      cursor = page.body.nextCursor as string | null;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen.map((t) => t.id)).size).toBe(seen.length);
    const key = (t: TaskView) => `${t.dueAt ?? '9999'}|${t.id}`;
    const sorted = [...seen].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(seen.map((t) => t.id)).toEqual(sorted.map((t) => t.id));
    const bad = await http.get('/api/v1/tasks?cursor=bm9wZQ').set(ward).expect(400);
    expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'query.cursor' }));
  });

  it('logs a page of a queue in the statement that reads it: one row per stay shown', async () => {
    const since = new Date(Date.now() - 1);
    const page = await http
      .get('/api/v1/tasks?unit=sv-sahlgrenska-avd-32&status=open')
      .set(ward)
      .expect(200);
    const shown = new Set((page.body.items as { stayId: string }[]).map((t) => t.stayId));
    expect(page.body.nextCursor).not.toBeNull(); // a row was read ahead, and not shown
    const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
    const rows = await prisma.auditEntry.findMany({
      where: { userId: demo.wardGoteborg, action: 'task.list', at: { gte: since } },
    });
    await prisma.$disconnect();
    expect(rows.map((r) => r.stayId).sort()).toEqual([...shown].sort());
    for (const row of rows)
      expect(row).toMatchObject({
        unitId: 'sv-sahlgrenska-avd-32',
        outcome: 'ok',
        role: 'ward_staff',
      });
  });

  it('does not log the row a page reads ahead', async () => {
    const prisma = new PrismaService(process.env.DATABASE_URL ?? '');
    const queue = new TaskQueryRepository(prisma);
    const filter = { unitIds: ['sv-sahlgrenska-avd-32'], status: 'open' as const, now: new Date() };
    const reader = {
      userId: demo.wardGoteborg,
      role: 'ward_staff' as const,
      unitId: 'sv-sahlgrenska-avd-32',
      action: `test.read-ahead.${newKey()}`,
    };
    const all = await queue.page({ ...filter, limit: 500 }, { reader, shown: 0 });
    // The first row of a second stay: read ahead after a page of the first stay's rows only.
    const ahead = all.findIndex((t) => t.stayId !== all[0]?.stayId);
    expect(ahead).toBeGreaterThan(0);
    const rows = await queue.page({ ...filter, limit: ahead + 1 }, { reader, shown: ahead });
    const logged = await prisma.auditEntry.findMany({ where: { action: reader.action } });
    await prisma.$disconnect();
    expect(rows).toHaveLength(ahead + 1);
    expect(logged.map((r) => r.stayId)).toEqual([all[0]?.stayId]);
  });

  it('filters by due time and overdue', async () => {
    const stayId = await admit(http, ward);
    await http
      .post(`/api/v1/stays/${stayId}/events`)
      .set('Idempotency-Key', newKey())
      .set(ward)
      .send({
        type: 'needs-assessed',
        occurredAt: hoursAgo(30),
        data: { socialtjanst: true, kommunalHalsoOchSjukvard: false, regionalPrimarvard: false },
      })
      .expect(201);
    const overdue = await http
      .get(`/api/v1/tasks?stay=${stayId}&overdue=true`)
      .set(ward)
      .expect(200);
    expect(overdue.body.items.map((t: TaskView) => t.activityId)).toContain(
      'send-inskrivningsmeddelande',
    );
    const before = new Date(Date.now() - 60_000).toISOString();
    const due = await http
      .get(`/api/v1/tasks?stay=${stayId}&dueBefore=${encodeURIComponent(before)}`)
      .set(ward)
      .expect(200);
    for (const t of due.body.items as TaskView[])
      expect(Date.parse(t.dueAt ?? '')).toBeLessThan(Date.parse(before));
    const notOverdue = await http
      .get(`/api/v1/tasks?stay=${stayId}&overdue=false`)
      .set(ward)
      .expect(200);
    expect(notOverdue.body.items.every((t: TaskView) => !t.overdue)).toBe(true);
  });
});
