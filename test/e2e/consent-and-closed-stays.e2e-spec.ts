import request from 'supertest';
import { demo, signIn } from '../support/auth';
import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { StayDriver } from '../support/stay-driver';
import { admit, eventually, tasksOf, type TaskView } from '../support/stays';

type Auth = { Authorization: string };

/** Issue 14, rule 12: two findings from driving each task as its own user through the API. */
describe('consent opens, and a closed stay answers one clear 409', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let driver: StayDriver;
  let ward: Auth;
  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    driver = await StayDriver.connect();
    ward = await signIn(http, demo.wardGoteborg);
  });
  afterAll(async () => {
    await driver.close();
    await apps.close();
  });

  const admitted = () =>
    admit(http, ward, {
      patient: {
        personnummer: randomPersonnummer(),
        name: 'Tolvan Tolvansson',
        folkbokforingskommun: '1480',
        listedVardcentralUnitId: 'rpv-vc-majorna',
      },
      admittedAt: hoursAgo(6),
    });
  const postEvent = (stayId: string, type: string, occurredAt: string, data = {}) =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ type, occurredAt, data });
  const liveTask = (stayId: string, activityId: string): Promise<TaskView> =>
    eventually(async () => {
      const task = (await tasksOf(http, ward, stayId)).find(
        (t) => t.activityId === activityId && (t.status === 'open' || t.status === 'claimed'),
      );
      if (!task) throw new Error(`no live ${activityId} task yet`);
      return task;
    });

  it('the ward gets the consent task when the needs are assessed, and "cannot consent" leads to the capacity check', async () => {
    const stayId = await admitted();
    await postEvent(stayId, 'needs-assessed', hoursAgo(5), {
      socialtjanst: false,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: false,
    }).expect(201);
    const consent = await liveTask(stayId, 'consent-information-sharing');
    await http
      .post(`/api/v1/tasks/${consent.id}/complete`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ outcome: 'cannot-consent' })
      .expect(200);
    const capacity = await liveTask(stayId, 'capacity-and-representation-check');
    expect(capacity.unitId).toBe('sv-sahlgrenska-avd-32');
  });

  it('answers 409 with the reason for an event on a closed stay, while the workflow runs and after', async () => {
    const stayId = await admitted();
    await postEvent(stayId, 'died', hoursAgo(1)).expect(201);

    const whileRunning = await postEvent(stayId, 'utskrivningsklar', hoursAgo(0.5)).expect(409);
    expect(whileRunning.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(whileRunning.body.errors).toEqual([
      {
        field: 'path.id',
        reason: 'vårdtillfället är avslutat (avliden); inga fler händelser kan registreras',
      },
    ]);

    // The death's own tasks done, the workflow closes for good.
    for (const task of await driver.tasks(stayId))
      if (task.status === 'open' || task.status === 'claimed')
        await driver.complete(stayId, task.activityId, { occurredAt: hoursAgo(0.2) });
    await eventually(async () => expect(await driver.workflowStatus(stayId)).toBe('COMPLETED'));

    const afterClose = await postEvent(stayId, 'utskrivningsklar', hoursAgo(0.1)).expect(409);
    expect(afterClose.body.errors).toEqual(whileRunning.body.errors);
    expect(afterClose.body.title).toBe(whileRunning.body.title);
    const stay = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
    expect(stay.body.status).toBe('died');
  });
});
