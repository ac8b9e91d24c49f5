import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { IntegrationModule } from '../../apps/integration/src/integration.module';
import { MllpListener } from '../../apps/integration/src/mllp-listener.service';
import { freePort } from '../../tools/stack/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../tools/stack/temporal';
import { appEnv, chaosLog, histogram, startDatabase } from '../support/chaos';
import { randomPersonnummer } from '../support/fixtures';
import { MllpSender, adt, query } from '../support/hl7';
import { WorkerProcess } from '../support/worker-process';

/**
 * 20 stays sent as HL7 v2 (A01, then A03) over MLLP while the worker process is SIGKILLed and
 * restarted: every message ends accepted (AA) exactly once. The senders behave as integration
 * engines do: a missing ACK or an AE asking for a resend sends the same message again.
 */
const STAYS = 20;
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
    const codes: string[] = [];
    /** Sends until AA, on a fresh connection after a timeout, as an engine's resend queue does. */
    const sendUntilAccepted = async (text: string) => {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const sender = new MllpSender(port);
        try {
          const { code, text: reason } = await sender.send(text);
          codes.push(code === 'AE' ? `AE ${reason.slice(0, 20)}` : code);
          if (code === 'AA') return;
          if (code !== 'AE') throw new Error(`refused: ${code} ${reason}`);
        } catch (error) {
          if (Date.now() > deadline) throw error;
          codes.push('no answer');
        } finally {
          await sender.close();
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const visits = Array.from({ length: STAYS }, () => `C${randomUUID().slice(0, 12)}`);
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    let settled = 0;
    const stream = visits.map(async (visit) => {
      const personnummer = randomPersonnummer();
      await sendUntilAccepted(
        adt({ event: 'A01', controlId: `${visit}-1`, visit, at: at(5), personnummer }),
      );
      settled += 1;
      await sendUntilAccepted(
        adt({
          event: 'A03',
          controlId: `${visit}-3`,
          visit,
          at: at(1),
          personnummer,
          disposition: '01',
        }),
      );
      settled += 1;
    });
    while (settled < STAYS / 2) await new Promise((r) => setTimeout(r, 5));
    const killedAfter = settled;
    await workers[0]?.kill();
    workers.push(await WorkerProcess.start(process.env));
    await Promise.all(stream);

    const rows = await query<{ status: string; n: string }>(
      'SELECT status, count(*) AS n FROM integration_message GROUP BY status',
    );
    const stays = await query<{ status: string; discharged: string; visits: string }>(
      `SELECT s.status,
         (SELECT count(*) FROM stay_event e WHERE e.stay_id = s.id AND e.type = 'discharged') AS discharged,
         (SELECT count(*) FROM integration_visit v WHERE v.stay_id = s.id) AS visits
       FROM stay s JOIN integration_visit iv ON iv.stay_id = s.id`,
    );
    console.log(
      `chaos MLLP worker SIGKILL: ${2 * STAYS} messages, worker killed after ${killedAfter} ` +
        `accepted; answers ${histogram(codes)}; messages ${rows.map((r) => `${r.status} ${r.n}`).join(', ')}`,
    );
    expect(rows).toEqual([{ status: 'applied', n: String(2 * STAYS) }]);
    expect(stays).toHaveLength(STAYS);
    // The discharge projection may still be on its way for the last ones.
    for (let i = 0; i < 100; i++) {
      const pending = await query<{ n: string }>(
        `SELECT count(*) AS n FROM stay s JOIN integration_visit v ON v.stay_id = s.id
         WHERE s.status <> 'discharged'`,
      );
      if (pending[0]?.n === '0') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const final = await query<{ status: string; discharged: string }>(
      `SELECT s.status,
         (SELECT count(*) FROM stay_event e WHERE e.stay_id = s.id AND e.type = 'discharged') AS discharged
       FROM stay s JOIN integration_visit v ON v.stay_id = s.id`,
    );
    expect(final.every((s) => s.status === 'discharged' && s.discharged === '1')).toBe(true);
  }, 240_000);
});
