import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** The API and the worker, in this process, against the stack global setup started. */
export interface RunningApps {
  api: INestApplication;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

export async function startApps(): Promise<RunningApps> {
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  const api = await createApiApp();
  await api.init();
  return {
    api,
    worker,
    close: async () => {
      await api.close();
      await worker.close();
    },
  };
}
