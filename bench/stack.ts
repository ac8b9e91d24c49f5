import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { prepareDatabase } from '@app/persistence';
import { createApiApp } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { dataDir, migrationsDir } from '../tools/stack/paths';
import { freePort } from '../tools/stack/ports';
import { dropDatabase, ensureDatabase, startPostgres } from '../tools/stack/postgres';
import { startTemporalDevServer } from '../tools/stack/temporal';

/** The real stack for benchmarks: Temporal dev server, PostgreSQL, worker and API. */
export interface BenchStack {
  apiUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  api: INestApplication;
  worker: INestApplicationContext;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const [temporal, postgres] = await Promise.all([
    startTemporalDevServer({ port: await freePort(), log }),
    startPostgres({
      ...(process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {}),
      dataDir: join(dataDir, `postgres-bench-${process.pid}`),
      persistent: false,
      port: await freePort(),
      log,
    }),
  ]);
  const database = `bench_${Date.now()}`;
  const databaseUrl = await ensureDatabase(postgres.adminUrl, database);
  await prepareDatabase(databaseUrl, migrationsDir, { seed: true });
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_TASK_QUEUE: `bench-${database}`,
    PATIENT_KEY_SECRET: randomBytes(32).toString('hex'),
    PAYLOAD_CODEC_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  });
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await worker.init();
  const api = await createApiApp();
  const port = await freePort();
  await api.listen(port, '127.0.0.1');
  return {
    apiUrl: `http://127.0.0.1:${port}`,
    temporalAddress: temporal.address,
    databaseUrl,
    api,
    worker,
    stop: async () => {
      await api.close();
      await worker.close();
      await temporal.stop();
      await dropDatabase(postgres.adminUrl, database).catch(() => undefined);
      await postgres.stop();
    },
  };
}
