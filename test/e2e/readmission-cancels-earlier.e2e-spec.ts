import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { temporalCliPath } from '../../tools/stack/paths';
import { startApps, type RunningApps } from '../support/stack';
import { hoursAgo, newKey, randomPersonnummer } from '../support/fixtures';
import { eventually } from '../support/stays';
import { signIn } from '../support/auth';

interface TaskRow {
  id: string;
  activityId: string;
  unitId: string;
  status: string;
  cancelReason: string | null;
}

/**
 * Issue 14, rule 6, from its wording: "a readmission within 30 days cancels the earlier
 * stay's after-discharge tasks that no longer apply (first home visit, start of home care,
 * follow-up contact), with the reason kept, so no false deviations while the patient is back
 * in hospital". Driven as the ward that discharges and then admits the patient again.
 */
describe('a readmission cancels the earlier stay’s after-discharge tasks', () => {
  let apps: RunningApps;
  let http: ReturnType<typeof request>;
  let ward: { Authorization: string };

  beforeAll(async () => {
    apps = await startApps();
    http = request(apps.api.getHttpServer());
    ward = await signIn(http, 'demo-ward-molndal');
  });
  afterAll(async () => {
    await apps.close();
  });

  const admit = async (personnummer: string, admittedAt: string): Promise<string> => {
    const response = await http
      .post('/api/v1/stays')
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({
        patient: {
          personnummer,
          name: 'Test Testsson',
          folkbokforingskommun: '1481',
          listedVardcentralUnitId: 'rpv-vc-molndal-centrum',
        },
        wardUnitId: 'sv-molndal-avd-5',
        admittedAt,
        careType: 'somatic',
      });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const event = (stayId: string, type: string, occurredAt: string, data: object) =>
    http
      .post(`/api/v1/stays/${stayId}/events`)
      .set(ward)
      .set('Idempotency-Key', newKey())
      .send({ type, occurredAt, data })
      .expect(201);
  const stay = async (stayId: string) =>
    (await http.get(`/api/v1/stays/${stayId}`).set(ward).expect(200)).body as {
      tasks: TaskRow[];
      deviations: { taskId: string | null }[];
    };

  /** Saves a stay's history for the replay test (test/replay/), as the CLI exports it. */
  function recordHistory(stayId: string, name: string): void {
    const json = execFileSync(temporalCliPath, [
      'workflow',
      'show',
      '--address',
      process.env.TEMPORAL_ADDRESS ?? '',
      '--workflow-id',
      `stay-${stayId}`,
      '--output',
      'json',
    ]);
    writeFileSync(join(__dirname, '..', 'replay', `${name}.json`), json);
  }

  const afterDischarge = ['first-home-visit', 'start-home-care', 'follow-up-contact'];

  it('cancels first home visit, start of home care and follow-up, with the readmission as reason', async () => {
    const personnummer = randomPersonnummer();
    const earlier = await admit(personnummer, hoursAgo(72));
    await event(earlier, 'needs-assessed', hoursAgo(71), {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: true,
    });
    await event(earlier, 'discharged', hoursAgo(3), { destination: 'home' });
    const open = await eventually(async () => {
      const tasks = (await stay(earlier)).tasks.filter((t) =>
        afterDischarge.includes(t.activityId),
      );
      if (tasks.length < 3) throw new Error('after-discharge tasks not open yet');
      return tasks;
    });
    expect(open.map((t) => [t.activityId, t.unitId, t.status]).sort()).toEqual([
      ['first-home-visit', 'kpv-molndal-hemsjukvard', 'open'],
      ['follow-up-contact', 'rpv-vc-molndal-centrum', 'open'],
      ['start-home-care', 'kst-molndal-hemtjanst', 'open'],
    ]);

    const readmission = await admit(personnummer, hoursAgo(1));
    const cancelled = await eventually(async () => {
      const tasks = (await stay(earlier)).tasks.filter((t) =>
        afterDischarge.includes(t.activityId),
      );
      if (tasks.some((t) => t.status !== 'cancelled')) throw new Error('not cancelled yet');
      return tasks;
    });
    for (const task of cancelled)
      expect(task).toMatchObject({
        status: 'cancelled',
        cancelReason: `readmitted:${readmission}`,
      });
    // No false deviation for them: the tasks were never overdue and now never will be.
    const ids = new Set(cancelled.map((t) => t.id));
    expect((await stay(earlier)).deviations.filter((d) => d.taskId && ids.has(d.taskId))).toEqual(
      [],
    );
    if (process.env.RECORD_REPLAY_HISTORIES) {
      recordHistory(readmission, 'readmission-tells-earlier-stay');
      recordHistory(earlier, 'readmission-cancels-earlier-stay');
    }
  });

  it('leaves another patient’s stay alone', async () => {
    const first = await admit(randomPersonnummer(), hoursAgo(72));
    await event(first, 'needs-assessed', hoursAgo(71), {
      socialtjanst: false,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: false,
    });
    await event(first, 'discharged', hoursAgo(3), { destination: 'home' });
    await admit(randomPersonnummer(), hoursAgo(1));
    const visit = await eventually(async () => {
      const task = (await stay(first)).tasks.find((t) => t.activityId === 'first-home-visit');
      if (!task) throw new Error('no first home visit yet');
      return task;
    });
    expect(visit.status).toBe('open');
  });
});
