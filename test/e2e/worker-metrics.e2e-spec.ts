import { randomUUID } from 'node:crypto';
import { freePort } from '../../tools/stack/ports';
import { eventually } from '../support/stays';
import { WorkerProcess } from '../support/worker-process';

/**
 * The worker serves the Temporal SDK's metrics for Prometheus on WORKER_METRICS_BIND_ADDRESS,
 * so that failed workflow tasks and activities can alert.
 */
describe('worker metrics', () => {
  let worker: WorkerProcess | undefined;
  afterAll(() => worker?.stop());

  it('serves the SDK metrics as Prometheus text on the configured address', async () => {
    const port = await freePort();
    worker = await WorkerProcess.start({
      WORKER_METRICS_BIND_ADDRESS: `127.0.0.1:${port}`,
      TEMPORAL_TASK_QUEUE: `metrics-${randomUUID()}`,
    });
    const text = await eventually(async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toMatch(/^temporal_\w+/m);
      return body;
    }, 30_000);
    // The counters alerts are written on: polls, and failures of workflow tasks and activities.
    expect(text).toMatch(/temporal_(long_)?request/);
  }, 90_000);
});
