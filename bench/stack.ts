import type { INestApplication } from '@nestjs/common';
import { createApiApp } from '../apps/api/src/bootstrap';
import { startEphemeralStack } from '../tools/stack/ephemeral';
import { freePort } from '../tools/stack/ports';
import { MeasuredWorker } from './worker-memory';

/**
 * The real stack for benchmarks: Temporal dev server, PostgreSQL, the worker as its own
 * process (the production build and command, as deployed), and the API in this process.
 */
export interface BenchStack {
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  /** The task queue of the stack's worker (benchmarks 1–3). */
  taskQueue: string;
  api: INestApplication;
  worker: MeasuredWorker;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const stack = await startEphemeralStack('bench', log);
  Object.assign(process.env, stack.env);
  const taskQueue = stack.env.TEMPORAL_TASK_QUEUE ?? 'bench';
  const worker = await MeasuredWorker.start(process.env, taskQueue);
  const api = await createApiApp();
  const port = await freePort();
  await api.listen(port, '127.0.0.1');
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    temporalAddress: stack.temporal.address,
    databaseUrl: stack.env.DATABASE_URL ?? '',
    taskQueue,
    api,
    worker,
    stop: async () => {
      await api.close();
      await worker.stop();
      await stack.stop();
    },
  };
}
