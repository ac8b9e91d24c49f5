import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { StayDriver } from './stay-driver';

/**
 * A Temporal dev server of the test's own (e.g. with a database file or a low history
 * limit), a worker on it and a driver, with the environment pointed at it until `close`.
 */
export interface IsolatedTemporal {
  temporal: TemporalDevServer;
  driver: StayDriver;
  close(): Promise<void>;
}

export async function startIsolatedTemporal(options: {
  dbFile?: string;
  dynamicConfig?: Record<string, unknown>;
}): Promise<IsolatedTemporal> {
  const saved = { ...process.env };
  const temporal = await startTemporalDevServer({
    port: await freePort(),
    ...options,
    log: () => undefined,
  });
  process.env.TEMPORAL_ADDRESS = temporal.address;
  process.env.TEMPORAL_TASK_QUEUE = `isolated-${randomUUID()}`;
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule, {
    logger: false,
  });
  await worker.init();
  const driver = await StayDriver.connect();
  return {
    temporal,
    driver,
    close: async () => {
      await driver.close();
      await worker.close();
      await temporal.stop();
      process.env = saved;
    },
  };
}
