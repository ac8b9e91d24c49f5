import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntegrationModule } from '../../apps/integration/src/integration.module';
import { MllpListener } from '../../apps/integration/src/mllp-listener.service';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { StoppablePostgres, appEnv, chaosLog } from '../support/chaos';
import { streamThrough } from '../support/hl7-stream';
import { WorkerProcess } from '../support/worker-process';

/**
 * 20 stays sent as HL7 v2 (A01, then A03) over MLLP while PostgreSQL is down for 10 s (fast
 * shutdown, then started again): every message ends accepted (AA) exactly once. The senders behave as integration
 * engines do: a missing ACK or an AE asking for a resend sends the same message again.
 */
const saved = { ...process.env };

describe('PostgreSQL down for 10 s while HL7 messages arrive', () => {
  let temporal: TemporalDevServer;
  let postgres: StoppablePostgres | undefined;
  let listener: INestApplicationContext;
  let port: number;
  const workers: WorkerProcess[] = [];

  beforeAll(async () => {
    let databaseUrl = '';
    await Promise.all([
      freePort()
        .then((p) => startTemporalDevServer({ port: p, log: chaosLog }))
        .then((started) => (temporal = started)),
      StoppablePostgres.start('mllp-outage').then(async (started) => {
        postgres = started;
        databaseUrl = await started.createDatabase('mllp');
      }),
    ]);
    Object.assign(process.env, appEnv('mllp-outage'), {
      TEMPORAL_ADDRESS: temporal.address,
      DATABASE_URL: databaseUrl,
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
    await postgres?.resume().catch(() => undefined);
    await postgres?.destroy();
    process.env = saved;
  }, 60_000);

  it('loses no message and applies none twice', async () => {
    await streamThrough(port, 'PostgreSQL down 10 s', async () => {
      await postgres?.stop();
      await new Promise((r) => setTimeout(r, 10_000));
      await postgres?.resume();
    });
  }, 240_000);
});
