import { stayStateQuery, stayWorkflowId } from '@app/workflows';
import { startIsolatedTemporal, type IsolatedTemporal } from '../support/isolated-temporal';
import type { StayDriver } from '../support/stay-driver';

/**
 * A long stay continues as new when Temporal suggests it. A dev server whose suggestion
 * threshold is a few dozen events proves that the stay keeps its tasks, counters and
 * deadlines across runs.
 */
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
  });
});
