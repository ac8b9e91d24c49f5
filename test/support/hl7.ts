import { connect } from 'node:net';
import { Hl7Message } from '@medplum/core';
import { Hl7Client } from '@medplum/hl7';
import { Client } from 'pg';

/** HL7 v2 time (YYYYMMDDHHMMSS+0000) of an ISO instant. */
export const hl7Time = (iso: string): string =>
  new Date(iso)
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, '') + '+0000';

export interface AdtOptions {
  event: 'A01' | 'A02' | 'A03' | 'A08' | 'A11' | 'A13';
  controlId: string;
  visit: string;
  at: string;
  personnummer: string;
  name?: [family: string, given: string];
  ward?: string;
  kommun?: string;
  primaryCare?: string;
  disposition?: string;
  died?: { at: string };
  charset?: string;
  version?: string;
}

/** An ADT message as a Swedish patient administration system sends it (segments joined by CR). */
export function adt(o: AdtOptions): string {
  const [family, given] = o.name ?? ['Tolvansson', 'Tolvan'];
  const pid = [
    'PID',
    '1',
    '',
    `${o.personnummer.replace('-', '')}^^^SE-PNR&1.2.752.129.2.1.3.1&ISO^PN`,
    '',
    `${family}^${given}`,
    '',
    o.personnummer.replace('-', '').slice(0, 8),
    'U',
    '',
    '',
    `Gatan 1^^Göteborg^^41301^SE^H^^${o.kommun ?? '1480'}`,
  ];
  while (pid.length < 31) pid.push('');
  if (o.died) {
    pid[29] = hl7Time(o.died.at);
    pid[30] = 'Y';
  }
  const pv1 = Array.from({ length: 46 }, () => '');
  pv1[0] = 'PV1';
  pv1[1] = '1';
  pv1[2] = 'I';
  pv1[3] = `${o.ward ?? 'AVD32'}^^^SU`;
  pv1[19] = o.visit;
  if (o.disposition) pv1[36] = o.disposition;
  const msh = [
    'MSH',
    '^~\\&',
    'PAS',
    'SU',
    'UTSKRIVNINGSFLODET',
    'VGR',
    hl7Time(o.at),
    '',
    `ADT^${o.event}^ADT_${o.event === 'A01' || o.event === 'A08' ? 'A01' : o.event === 'A02' ? 'A02' : 'A03'}`,
    o.controlId,
    'P',
    o.version ?? '2.5',
    '',
    '',
    '',
    '',
    'SWE',
    o.charset ?? 'UNICODE UTF-8',
  ];
  const pd1 = o.primaryCare ? [`PD1|||Vårdcentralen^^^^^^^^^${o.primaryCare}`] : [];
  return [
    msh.join('|'),
    `EVN|${o.event}|${hl7Time(o.at)}`,
    pid.join('|'),
    ...pd1,
    pv1.join('|'),
  ].join('\r');
}

/** A real MLLP client (@medplum/hl7) that waits for each message's ACK. */
export class MllpSender {
  private readonly client: Hl7Client;

  constructor(port: number) {
    this.client = new Hl7Client({ host: '127.0.0.1', port, keepAlive: true });
  }

  async send(text: string): Promise<{ code: string; text: string; ack: Hl7Message }> {
    const ack = await this.client.sendAndWait(Hl7Message.parse(text), { timeoutMs: 30_000 });
    const msa = ack.getSegment('MSA');
    return {
      code: msa?.getField(1)?.toString() ?? '',
      text: ack.getSegment('ERR')?.getField(8)?.toString() ?? '',
      ack,
    };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** Sends raw bytes over a fresh socket, framed or not, and returns the first framed answer. */
export function sendRaw(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (data) => {
      chunks.push(data);
      const all = Buffer.concat(chunks);
      const end = all.indexOf(Buffer.from([0x1c, 0x0d]));
      if (end >= 0) {
        socket.destroy();
        resolve(all.subarray(1, end).toString('latin1'));
      }
    });
    socket.on('error', reject);
    setTimeout(() => reject(new Error('no MLLP answer within 30 s')), 30_000).unref();
  });
}

export const mllpFrame = (payload: Buffer): Buffer =>
  Buffer.concat([Buffer.from([0x0b]), payload, Buffer.from([0x1c, 0x0d])]);

/** MSA-1 and ERR-5 (our reason code) of an ACK's text. */
export function ackCodes(ack: string): { code: string; reasonCode: string } {
  const segments = ack.split('\r');
  const msa = segments.find((s) => s.startsWith('MSA|'))?.split('|') ?? [];
  const err = segments.find((s) => s.startsWith('ERR|'))?.split('|') ?? [];
  return { code: msa[1] ?? '', reasonCode: err[5] ?? '' };
}

/** Rows of the integration tables, read directly. */
export async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
