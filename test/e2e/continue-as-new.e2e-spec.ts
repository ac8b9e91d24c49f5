import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { stayStateQuery, stayWorkflowId } from '@app/workflows';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { demo, signIn } from '../support/auth';
import { newKey } from '../support/fixtures';
import { startIsolatedTemporal, type IsolatedTemporal } from '../support/isolated-temporal';
import type { StayDriver } from '../support/stay-driver';
import { admit, eventually, tasksOf } from '../support/stays';

/**
 * A long stay continues as new when Temporal suggests it. A dev server whose suggestion
 * threshold is a few dozen events proves that the stay keeps its tasks, counters and
 * deadlines across runs.
 */
import { recordReplayHistory } from '../support/replay-history';

describe('continue-as-new on a long stay', () => {
  let isolated: IsolatedTemporal;
  let driver: StayDriver;
  beforeAll(async () => {
    isolated = await startIsolatedTemporal({
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': 60 },
    });
    driver = isolated.driver;
  });
  afterAll(() => isolated.close());

  it('carries tasks and counters into the new run and keeps working', async () => {
    const day = 86_400_000;
    const start = Date.now() - 30 * day;
    const at = (days: number) => new Date(start + days * day).toISOString();
    const stayId = await driver.admit({ admittedAt: at(0) });
    await driver.event(stayId, 'needs-assessed', at(0), {
      socialtjanst: true,
      kommunalHalsoOchSjukvard: true,
      regionalPrimarvard: true,
    });
    const handle = driver.client.workflow.getHandle(stayWorkflowId(stayId));
    const firstRun = (await handle.describe()).runId;
    // Many PUD moves: each is an update with activities, growing the history.
    for (let i = 1; i <= 12; i++)
      await driver.event(stayId, 'planned-discharge-date-changed', at(i), {
        date: at(i + 5).slice(0, 10),
      });
    const latest = await handle.describe();
    expect(latest.runId).not.toBe(firstRun);
    expect(latest.status.name).toBe('RUNNING');

    const state = await handle.query(stayStateQuery);
    expect(state.counters.plannedDischargeDateMoves).toBe(11);
    expect(state.tasks.length).toBeGreaterThan(5);
    // The carried tasks still work in the new run.
    const done = await driver.complete(stayId, 'send-inskrivningsmeddelande', {
      occurredAt: at(13),
    });
    expect(done.status).toBe('done');
    expect((await driver.stay(stayId)).plannedDischargeDateMoves).toBe(11);
    console.log(`continue-as-new: first run ${firstRun}, now ${latest.runId}`);
    recordReplayHistory(stayId, 'continue-as-new-first-run', firstRun);
    recordReplayHistory(stayId, 'continue-as-new-next-run', latest.runId);
  });

  it('answers a retry after continue-as-new with the first answer, not a 409', async () => {
    // The API on the isolated server: Temporal there forgets an Update's id with the run.
    const api: INestApplication = await createApiApp();
    await api.init();
    try {
      const http = request(api.getHttpServer());
      const ward = await signIn(http, demo.wardGoteborg);
      const day = 86_400_000;
      const start = Date.now() - 30 * day;
      const at = (days: number) => new Date(start + days * day).toISOString();
      const stayId = await admit(http, ward, { admittedAt: at(0) });
      const event = (body: object, key = newKey()) =>
        http
          .post(`/api/v1/stays/${stayId}/events`)
          .set(ward)
          .set('Idempotency-Key', key)
          .send(body)
          .expect(201);
      const assessed = {
        type: 'needs-assessed',
        occurredAt: at(0),
        data: { socialtjanst: true, kommunalHalsoOchSjukvard: true, regionalPrimarvard: true },
      };
      const eventKey = newKey();
      const firstEvent = await event(assessed, eventKey);
      const send = await eventually(async () => {
        const task = (await tasksOf(http, ward, stayId)).find(
          (t) => t.activityId === 'send-inskrivningsmeddelande' && t.status === 'open',
        );
        if (!task) throw new Error('no send-inskrivningsmeddelande task yet');
        return task;
      });
      const completeKey = newKey();
      const complete = () =>
        http
          .post(`/api/v1/tasks/${send.id}/complete`)
          .set(ward)
          .set('Idempotency-Key', completeKey)
          .send({ occurredAt: at(0.5), note: 'Skickat' });
      const done = await complete().expect(200);
      const handle = driver.client.workflow.getHandle(stayWorkflowId(stayId));
      const firstRun = (await handle.describe()).runId;
      for (let i = 1; i <= 12; i++)
        await event({
          type: 'planned-discharge-date-changed',
          occurredAt: at(i),
          data: { date: at(i + 5).slice(0, 10) },
        });
      expect((await handle.describe()).runId).not.toBe(firstRun);
      // The retries of both requests get their first answers (the task is done already: a
      // second completion would be refused, and the assessment would count twice).
      const retried = await complete().expect(200);
      expect(retried.body).toEqual(done.body);
      const eventAgain = await event(assessed, eventKey);
      expect(eventAgain.body).toEqual(firstEvent.body);
    } finally {
      await api.close();
    }
  });
});
