import request from 'supertest';
import { demo, signIn } from '../support/auth';
import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';
import { startApps, type RunningApps } from '../support/stack';
import { StayDriver } from '../support/stay-driver';
import { admit, eventually, tasksOf, type TaskView } from '../support/stays';

type Auth = { Authorization: string };

/**
 * Versioning: new stays start on the current definition (v2), a stay admitted under v1 keeps
 * v1 for its whole life. The same events, registered by the same ward, give each stay its own
 * version's rule — here rule 1 of issue 14: v1's "omgående" UK notice is late the instant it
 * opens, v2's is due within the hour, so a ward that sends it promptly gets no deviation.
 */
describe('a v1 stay and a v2 stay side by side', () => {
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

  const registerEvent = (stayId: string, type: string, occurredAt: string, data = {}) =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ type, occurredAt, data })
      .expect(201);

  const liveTask = async (stayId: string, activityId: string): Promise<TaskView> =>
    eventually(async () => {
      const task = (await tasksOf(http, ward, stayId)).find(
        (t) => t.activityId === activityId && (t.status === 'open' || t.status === 'claimed'),
      );
      if (!task) throw new Error(`no live ${activityId} task yet`);
      return task;
    });

  it('keeps each stay on the version it was admitted with, and applies that version’s rule', async () => {
    // Admitted through the API today: the current version.
    const v2Stay = await admit(http, ward, {
      patient: {
        personnummer: randomPersonnummer(),
        name: 'Tolvan Tolvansson',
        folkbokforingskommun: '1480',
        listedVardcentralUnitId: 'rpv-vc-majorna',
      },
      admittedAt: hoursAgo(30),
    });
    // Admitted before v2 was released: pinned to v1 in its row and its workflow input.
    const v1Stay = await driver.admit({ admittedAt: hoursAgo(30), processDefinitionVersion: 1 });

    for (const stayId of [v1Stay, v2Stay]) {
      const stay = await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200);
      expect(stay.body.processDefinitionVersion).toBe(stayId === v1Stay ? 1 : 2);
    }

    const ukAt = new Date(Date.now() - 20 * 60_000).toISOString();
    for (const stayId of [v1Stay, v2Stay]) {
      await registerEvent(stayId, 'needs-assessed', hoursAgo(29), {
        socialtjanst: true,
        kommunalHalsoOchSjukvard: true,
        regionalPrimarvard: true,
      });
      await registerEvent(stayId, 'utskrivningsklar', ukAt);
    }

    const v1Notice = await liveTask(v1Stay, 'send-utskrivningsklar');
    const v2Notice = await liveTask(v2Stay, 'send-utskrivningsklar');
    expect(v1Notice.dueAt).toBe(ukAt);
    expect(v2Notice.dueAt).toBe(new Date(Date.parse(ukAt) + 3_600_000).toISOString());
    // v1: late at once, with an automatic deviation against the ward.
    await eventually(async () => {
      expect((await liveTask(v1Stay, 'send-utskrivningsklar')).overdue).toBe(true);
    });

    // The ward sends both notices now, 20 minutes after the assessment.
    for (const task of [v1Notice, v2Notice])
      await http
        .post(`/api/v1/tasks/${task.id}/complete`)
        .set(ward)
        .set('Idempotency-Key', newKey())
        .send({})
        .expect(200);
    await driver.settle([v1Stay, v2Stay]);

    const lateNotices = async (stayId: string) =>
      (
        await driver.prisma.deviation.findMany({
          where: { stayId, category: 'forsenad-aktivitet' },
        })
      )
        .map((d) => d.taskId)
        .filter((id) => id === v1Notice.id || id === v2Notice.id);
    expect(await lateNotices(v1Stay)).toEqual([v1Notice.id]);
    expect(await lateNotices(v2Stay)).toEqual([]);
    const v2Done = (await tasksOf(http, ward, v2Stay)).find((t) => t.id === v2Notice.id);
    expect(v2Done).toMatchObject({ status: 'done', overdue: false });
  });
});
