import { randomBytes } from 'node:crypto';

/** HL7 table 0357 error codes for the ERR segment, by our refusal codes. */
const errCodes: Record<string, string> = {
  malformed: '100^Segment sequence error',
  'missing-segment': '100^Segment sequence error',
  'unsupported-message-type': '200^Unsupported message type',
  'unsupported-event': '201^Unsupported event code',
  'unsupported-version': '203^Unsupported version id',
  'control-id-reused': '205^Duplicate key identifier',
  'stay-not-found': '204^Unknown key identifier',
  'out-of-order-cancel': '204^Unknown key identifier',
  'unknown-ward': '103^Table value not found',
  'unknown-disposition': '103^Table value not found',
  'unknown-primary-care': '103^Table value not found',
  'no-control-id': '101^Required field missing',
  'no-visit-number': '101^Required field missing',
  'no-ward': '101^Required field missing',
  'no-disposition': '101^Required field missing',
  'no-personnummer': '101^Required field missing',
  'bad-event-time': '102^Data type error',
  'bad-death-time': '102^Data type error',
};

/** The text escaped for a field under the standard delimiters |^~\& (HL7 v2.5 §2.7). */
function escapeHl7(text: string): string {
  return text
    .replace(/\\/g, '\\E\\')
    .replace(/\|/g, '\\F\\')
    .replace(/\^/g, '\\S\\')
    .replace(/~/g, '\\R\\')
    .replace(/&/g, '\\T\\')
    .replace(/[\r\n]+/g, ' ');
}

export interface AckFor {
  /** The original MSH fields, as far as they could be read. */
  sendingApplication: string;
  sendingFacility: string;
  receivingApplication: string;
  receivingFacility: string;
  controlId: string;
  event: string;
  version: string;
  charset: string;
}

/** MSH fields of a message, read without trusting the rest of it. */
export function ackTargetOf(text: string): AckFor {
  const msh = text.split(/[\r\n]/)[0] ?? '';
  const ok = msh.startsWith('MSH') && msh.length > 8;
  const sep = ok ? msh.charAt(3) : '|';
  const comp = ok ? msh.charAt(4) : '^';
  const f = ok ? msh.split(sep) : [];
  const at = (n: number) => (f[n - 1] ?? '').split(comp)[0] ?? '';
  return {
    sendingApplication: at(3),
    sendingFacility: at(4),
    receivingApplication: at(5),
    receivingFacility: at(6),
    controlId: f[9] ?? '',
    event: (f[8] ?? '').split(comp)[1] ?? '',
    version: at(12) || '2.5',
    charset: f[17] ?? '',
  };
}

const hl7Now = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, '') + '+0000';

/**
 * The ACK (original acknowledgment mode): MSA with the code and the original MSH-10, and for
 * AE/AR an ERR segment with HL7's error code and our reason.
 */
export function buildAck(
  target: AckFor,
  decision: { ack: 'AA' | 'AE' | 'AR'; code?: string; reason?: string },
  at = new Date(),
): string {
  const e = escapeHl7;
  const type = target.event ? `ACK^${e(target.event)}^ACK` : 'ACK';
  const segments = [
    [
      'MSH',
      '^~\\&',
      e(target.receivingApplication) || 'UTSKRIVNINGSFLODET',
      e(target.receivingFacility),
      e(target.sendingApplication),
      e(target.sendingFacility),
      hl7Now(at),
      '',
      type,
      randomBytes(10).toString('hex'), // MSH-10 is at most 20 characters
      'P',
      e(target.version),
      '',
      '',
      '',
      '',
      '',
      e(target.charset),
    ].join('|'),
    ['MSA', decision.ack, e(target.controlId), e((decision.reason ?? '').slice(0, 80))].join('|'),
  ];
  if (decision.ack !== 'AA')
    segments.push(
      [
        'ERR',
        '',
        '',
        errCodes[decision.code ?? ''] ?? '207^Application internal error',
        'E',
        e(decision.code ?? ''),
        '',
        '',
        e(decision.reason ?? ''),
      ].join('|'),
    );
  return segments.join('\r');
}
