import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { IntegrationModule } from '../apps/integration/src/integration.module';
import { MllpListener } from '../apps/integration/src/mllp-listener.service';
import { randomPersonnummer } from '../test/support/fixtures';
import { MllpSender, adt } from '../test/support/hl7';
import { progress, summary, type Summary } from './report';

export interface MllpBenchResult {
  perSecond: number;
  accepted: number;
  refused: number;
  seconds: number;
  connections: number;
  ack: Summary;
}

/**
 * 6. HL7 v2 over MLLP: the listener app in this process against the bench stack's Temporal,
 * PostgreSQL and worker. Each connection sends whole stays (A01, then A03 for the same visit)
 * and waits for each ACK, which comes only after the message is stored and its command applied
 * (the admission's first tasks in the read model, the discharge's Workflow Update completed).
 */
export async function runMllpBenchmark(options: {
  seconds: number;
  connections: number;
}): Promise<MllpBenchResult> {
  process.env.MLLP_PORT = '0';
  const listener = await NestFactory.createApplicationContext(IntegrationModule, {
    logger: false,
  });
  await listener.init();
  const port = listener.get(MllpListener).port();
  const senders = Array.from({ length: options.connections }, () => new MllpSender(port));
  const latencies: number[] = [];
  let accepted = 0;
  let refused = 0;
  const started = Date.now();
  const until = started + options.seconds * 1000;
  const send = async (sender: MllpSender, text: string) => {
    const t = performance.now();
    const { code } = await sender.send(text);
    latencies.push(performance.now() - t);
    if (code === 'AA') accepted += 1;
    else refused += 1;
  };
  try {
    await Promise.all(
      senders.map(async (sender) => {
        while (Date.now() < until) {
          const visit = `B${randomUUID().slice(0, 18)}`;
          const personnummer = randomPersonnummer();
          const at = new Date(Date.now() - 3 * 3_600_000).toISOString();
          await send(
            sender,
            adt({ event: 'A01', controlId: randomUUID(), visit, at, personnummer }),
          );
          const later = new Date(Date.now() - 3_600_000).toISOString();
          await send(
            sender,
            adt({
              event: 'A03',
              controlId: randomUUID(),
              visit,
              at: later,
              personnummer,
              disposition: '01',
            }),
          );
          progress(
            '   messages',
            Math.min(Date.now() - started, options.seconds * 1000),
            options.seconds * 1000,
          );
        }
      }),
    );
  } finally {
    await Promise.all(senders.map((s) => s.close()));
    await listener.close();
  }
  const seconds = (Date.now() - started) / 1000;
  return {
    perSecond: Number((accepted / seconds).toFixed(1)),
    accepted,
    refused,
    seconds: Number(seconds.toFixed(1)),
    connections: options.connections,
    ack: summary(latencies),
  };
}
