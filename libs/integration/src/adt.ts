import type { Hl7Field, Hl7Message, Hl7Segment } from '@medplum/core';
import { isValidPersonnummer, normalisePersonnummer } from '@app/domain';
import { parseHl7Time } from './hl7-time';

/** The ADT trigger events the listener accepts. */
export const adtEvents = ['A01', 'A02', 'A03', 'A08', 'A11', 'A13'] as const;
export type AdtEvent = (typeof adtEvents)[number];

/** HL7 v2.5 (and 2.5.1, its compatible revision). */
const acceptedVersions = new Set(['2.5', '2.5.1']);

/** Why a message was not applied: an ACK code, a stable code and a reason without patient data. */
export interface Refusal {
  ack: 'AE' | 'AR';
  code: string;
  reason: string;
}

export const refuse = (ack: Refusal['ack'], code: string, reason: string): Refusal => ({
  ack,
  code,
  reason,
});

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'ack' in value && 'code' in value;

export interface AdtLocation {
  facility: string;
  code: string;
}

/** What the process needs from an ADT message, read once. */
export interface AdtMessage {
  event: AdtEvent;
  /** MSH-4, the sending facility: visit numbers are unique within it. */
  facility: string;
  /** When it happened: EVN-6 (event occurred), else EVN-2 (recorded), else MSH-7. */
  occurredAt: Date;
  visitNumber: string;
  patient: {
    personnummer?: string;
    name?: string;
    kommunCode?: string;
    /** PID-11.5, which resolves the kommun's receiving areas. */
    postalCode?: string;
    primaryCareCode?: string;
    died: boolean;
    diedAt?: Date;
  };
  location?: AdtLocation;
  disposition?: string;
}

/** MSH-3^MSH-4, MSH-10 and MSH-9 as text: what identifies the message even when it is bad. */
export function messageIdentity(message: Hl7Message): {
  sender: string;
  controlId: string;
  messageType: string;
} {
  const msh = message.getSegment('MSH');
  return {
    sender: `${field(msh, 3, 1)}^${field(msh, 4, 1)}`,
    controlId: field(msh, 10, 1),
    messageType: [field(msh, 9, 1), field(msh, 9, 2)].filter(Boolean).join('^'),
  };
}

function field(segment: Hl7Segment | undefined, index: number, component = 1, rep = 0): string {
  return (segment?.getComponent(index, component, undefined, rep) ?? '').trim();
}

/** PID-3's repetitions: the one typed PN (or a Swedish personnummer OID), else any valid one. */
function personnummerOf(pid: Hl7Segment): string | undefined {
  // getField() is typed as always there, but gives undefined for a field the sender left out.
  const ids = (pid.getField(3) as Hl7Field | undefined)?.components ?? [];
  const candidates = ids.map((components) => ({
    id: (components[0] ?? '').trim(),
    authority: (components[3] ?? '').trim(),
    type: (components[4] ?? '').trim().toUpperCase(),
  }));
  const typed = candidates.find(
    (c) =>
      c.type === 'PN' ||
      c.type === 'PNR' ||
      c.authority.includes('1.2.752.129.2.1.3.1') ||
      c.authority.includes('1.2.752.129.2.1.3.3'),
  );
  const chosen = typed ?? candidates.find((c) => isValidPersonnummer(c.id));
  return chosen && isValidPersonnummer(chosen.id) ? normalisePersonnummer(chosen.id) : undefined;
}

/**
 * Reads an ADT message, or says why it cannot be read: AR for a message this listener does not
 * take (type, version, no control id), AE for one whose content is wrong.
 */
export function readAdt(message: Hl7Message): AdtMessage | Refusal {
  const msh = message.getSegment('MSH');
  if (!msh) return refuse('AR', 'malformed', 'The message has no MSH segment');
  if (!field(msh, 10)) return refuse('AR', 'no-control-id', 'MSH-10 (message control id) is empty');
  const version = field(msh, 12);
  if (!acceptedVersions.has(version))
    return refuse('AR', 'unsupported-version', `MSH-12 must be 2.5 or 2.5.1, not "${version}"`);
  if (field(msh, 9, 1) !== 'ADT')
    return refuse('AR', 'unsupported-message-type', 'MSH-9 must be an ADT message');
  const event = field(msh, 9, 2) || field(message.getSegment('EVN'), 1);
  if (!(adtEvents as readonly string[]).includes(event))
    return refuse('AR', 'unsupported-event', `MSH-9.2 must be one of ${adtEvents.join(', ')}`);
  const facility = field(msh, 4);
  if (!facility) return refuse('AE', 'no-facility', 'MSH-4 (sending facility) is empty');

  const evn = message.getSegment('EVN');
  const timeText = field(evn, 6) || field(evn, 2) || field(msh, 7);
  const occurredAt = parseHl7Time(timeText);
  if (!occurredAt)
    return refuse('AE', 'bad-event-time', 'EVN-6, EVN-2 or MSH-7 must be a time (YYYYMMDDHHMM…)');

  const pid = message.getSegment('PID');
  const pv1 = message.getSegment('PV1');
  if (!pid) return refuse('AE', 'missing-segment', 'The message has no PID segment');
  if (!pv1) return refuse('AE', 'missing-segment', 'The message has no PV1 segment');
  const visitNumber = field(pv1, 19);
  if (!visitNumber) return refuse('AE', 'no-visit-number', 'PV1-19 (visit number) is empty');

  const diedAtText = field(pid, 29);
  const diedAt = diedAtText ? parseHl7Time(diedAtText) : undefined;
  if (diedAtText && !diedAt)
    return refuse('AE', 'bad-death-time', 'PID-29 must be a time (YYYYMMDDHHMM…)');
  const ward = field(pv1, 3, 1);
  const name = [field(pid, 5, 2), field(pid, 5, 1)].filter(Boolean).join(' ');
  const kommunCode = field(pid, 11, 9);
  const postalCode = field(pid, 11, 5);
  const primaryCareCode =
    field(message.getSegment('PD1'), 3, 10) || field(message.getSegment('PD1'), 3, 3);
  const personnummer = personnummerOf(pid);
  return {
    event: event as AdtEvent,
    facility,
    occurredAt,
    visitNumber,
    patient: {
      ...(personnummer ? { personnummer } : {}),
      ...(name ? { name } : {}),
      ...(kommunCode ? { kommunCode } : {}),
      ...(postalCode ? { postalCode } : {}),
      ...(primaryCareCode ? { primaryCareCode } : {}),
      died: field(pid, 30).toUpperCase() === 'Y',
      ...(diedAt ? { diedAt } : {}),
    },
    ...(ward ? { location: { facility: field(pv1, 3, 4) || facility, code: ward } } : {}),
    ...(field(pv1, 36) ? { disposition: field(pv1, 36) } : {}),
  };
}
