import request from 'supertest';
import { demo, signInAll } from '../support/auth';
import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { admit, eventually, tasksOf, type TaskView } from '../support/stays';

type Auth = { Authorization: string };
const HOUR = 3_600_000;
const allNeeds = { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true };

/**
 * Issue 14, rules 2 and 3 on v2 stays, each driven through the API by the users who do the
 * work: the ward registers and sends, the vårdcentral's fast vårdkontakt runs the SIP steps.
 */
describe('v2 deadlines counted from the event the law and the agreement name', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let as: Record<'ward' | 'vc', Auth>;
  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    as = await signInAll(http, { ward: demo.wardGoteborg, vc: demo.vardcentralGoteborg });
  });
  afterAll(() => apps.close());

  const admitted = (hoursBefore: number) =>
    admit(http, as.ward, {
      patient: {
        personnummer: randomPersonnummer(),
        name: 'Tolvan Tolvansson',
        folkbokforingskommun: '1480',
        listedVardcentralUnitId: 'rpv-vc-majorna',
      },
      admittedAt: hoursAgo(hoursBefore),
    });
  const registerEvent = (stayId: string, type: string, occurredAt: string, data = {}) =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set(as.ward)
      .set('Idempotency-Key', newKey())
      .send({ type, occurredAt, data })
      .expect(201);
  const liveTask = (who: Auth, stayId: string, activityId: string): Promise<TaskView> =>
    eventually(async () => {
      const task = (await tasksOf(http, who, stayId)).find(
        (t) => t.activityId === activityId && (t.status === 'open' || t.status === 'claimed'),
      );
      if (!task) throw new Error(`no live ${activityId} task yet`);
      return task;
    });
  const complete = async (
    who: Auth,
    stayId: string,
    activityId: string,
    body: { outcome?: string; occurredAt?: string } = {},
  ) => {
    const task = await liveTask(who, stayId, activityId);
    await http
      .post(`/api/v1/tasks/${task.id}/complete`)
      .set(who)
      .set('Idempotency-Key', newKey())
      .send(body)
      .expect(200);
  };

  it('rule 2: the inskrivningsmeddelande is due 24 h after admission when assessed at admission', async () => {
    const stayId = await admitted(40);
    const admittedAt = Date.parse(
      (await http.get(`/api/v1/stays/${stayId}`).set(as.ward).expect(200)).body.admittedAt,
    );
    await registerEvent(
      stayId,
      'needs-assessed',
      new Date(admittedAt + 10 * HOUR).toISOString(),
      allNeeds,
    );
    const task = await liveTask(as.ward, stayId, 'send-inskrivningsmeddelande');
    // v1 said 34 h after admission (24 h after the assessment); the law says 24 h after admission.
    expect(task.dueAt).toBe(new Date(admittedAt + 24 * HOUR).toISOString());
    await eventually(async () =>
      expect((await liveTask(as.ward, stayId, 'send-inskrivningsmeddelande')).overdue).toBe(true),
    );
  });

  it('rule 2: an assessment made later in the stay gives 24 h from the assessment', async () => {
    const stayId = await admitted(40);
    const assessedAt = hoursAgo(10); // 30 h after admission
    await registerEvent(stayId, 'needs-assessed', assessedAt, allNeeds);
    const task = await liveTask(as.ward, stayId, 'send-inskrivningsmeddelande');
    expect(task.dueAt).toBe(new Date(Date.parse(assessedAt) + 24 * HOUR).toISOString());
    expect(task.overdue).toBe(false);
  });

  it('rule 3: a SIP timing decided after UK keeps the kallelse due 3 days after UK', async () => {
    const stayId = await admitted(5 * 24);
    await registerEvent(stayId, 'needs-assessed', hoursAgo(5 * 24 - 2), allNeeds);
    await complete(as.ward, stayId, 'send-inskrivningsmeddelande', {
      occurredAt: hoursAgo(5 * 24 - 3),
    });
    await complete(as.vc, stayId, 'acknowledge-inskrivningsmeddelande-vardcentral', {
      occurredAt: hoursAgo(4 * 24),
    });
    await complete(as.vc, stayId, 'identify-sip-need', {
      outcome: 'confirmed',
      occurredAt: hoursAgo(4 * 24 - 1),
    });
    await complete(as.vc, stayId, 'offer-sip', {
      outcome: 'accepted',
      occurredAt: hoursAgo(4 * 24 - 2),
    });
    const ukAt = hoursAgo(48);
    await registerEvent(stayId, 'utskrivningsklar', ukAt);
    // The fast vårdkontakt decides the timing a day after UK: the kallelse opens then.
    await complete(as.vc, stayId, 'decide-sip-timing', {
      outcome: 'after-discharge',
      occurredAt: hoursAgo(24),
    });
    const kallelse = await liveTask(as.vc, stayId, 'send-sip-kallelse');
    expect(kallelse.dueAt).toBe(new Date(Date.parse(ukAt) + 3 * 24 * HOUR).toISOString());
  });
});
