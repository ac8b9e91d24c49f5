import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { startEphemeralStack } from '../tools/stack/ephemeral';
import { freePort } from '../tools/stack/ports';

/** The real stack for benchmarks: Temporal dev server, PostgreSQL, worker and API. */
export interface BenchStack {
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  /** The task queue of the in-process worker (benchmarks 1–3). */
  taskQueue: string;
  api: INestApplication;
  worker: INestApplicationContext;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const stack = await startEphemeralStack('bench', log);
  Object.assign(process.env, stack.env);
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  const api = await createApiApp();
  const port = await freePort();
  await api.listen(port, '127.0.0.1');
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    temporalAddress: stack.temporal.address,
    databaseUrl: stack.env.DATABASE_URL ?? '',
    taskQueue: stack.env.TEMPORAL_TASK_QUEUE ?? 'bench',
    api,
    worker,
    stop: async () => {
      await api.close();
      await worker.close();
      await stack.stop();
    },
  };
}
