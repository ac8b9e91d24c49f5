import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntegrationModule } from '../../apps/integration/src/integration.module';
import { MllpListener } from '../../apps/integration/src/mllp-listener.service';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { appEnv, chaosLog, startDatabase } from '../support/chaos';
import { streamThrough } from '../support/hl7-stream';
import { WorkerProcess } from '../support/worker-process';

/**
 * 20 stays sent as HL7 v2 (A01, then A03) over MLLP while the worker process is SIGKILLed and
 * restarted: every message ends accepted (AA) exactly once. The senders behave as integration
 * engines do: a missing ACK or an AE asking for a resend sends the same message again.
 */
const saved = { ...process.env };

describe('worker SIGKILL while HL7 messages arrive', () => {
  let temporal: TemporalDevServer;
  let database: Awaited<ReturnType<typeof startDatabase>>;
  let listener: INestApplicationContext;
  let port: number;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    await Promise.all([
      freePort()
        .then((p) => startTemporalDevServer({ port: p, log: chaosLog }))
        .then((started) => (temporal = started)),
      startDatabase('mllp').then((started) => (database = started)),
    ]);
    Object.assign(process.env, appEnv('mllp'), {
      TEMPORAL_ADDRESS: temporal.address,
      DATABASE_URL: database.databaseUrl,
      MLLP_PORT: '0',
    });
    workers.push(await WorkerProcess.start(process.env));
    listener = await NestFactory.createApplicationContext(IntegrationModule, { logger: false });
    await listener.init();
    port = listener.get(MllpListener).port();
  }, 120_000);

  afterAll(async () => {
    await listener?.close();
    await Promise.all(workers.map((w) => w.stop()));
    await temporal?.stop();
    await database?.stop();
    process.env = saved;
  }, 60_000);

  it('loses no message and applies none twice', async () => {
    await streamThrough(port, 'worker SIGKILL', async () => {
      await workers[0]?.kill();
      workers.push(await WorkerProcess.start(process.env));
    });
  }, 240_000);
});
