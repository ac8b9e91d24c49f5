import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Hl7Message } from '@medplum/core';
import { AppError, admissionSchema, canonicalJson, fieldProblemsFromZod } from '@app/domain';
import { IntegrationRepository, StayRepository, type StoredMessage } from '@app/persistence';
import { StayCommands, fromInfrastructureError } from '@app/stay-commands';
import { isRefusal, messageIdentity, readAdt, refuse, type AdtMessage, type Refusal } from './adt';
import type { Hl7Mappings } from './mappings';

export const HL7_MAPPINGS = Symbol('HL7_MAPPINGS');

/** What the sender is answered: the ACK code and, unless AA, a code and reason (no patient data). */
export interface AckDecision {
  ack: 'AA' | 'AE' | 'AR';
  code?: string;
  reason?: string;
  /** The stored message (absent only when it could not even be stored). */
  messageId?: string;
}

type Applied = { stayId: string; note?: { code: string; reason: string } };

/** Refusals of messages whose stored text is not the message (cut, misdecoded, a duplicate id). */
const notReplayable = new Set([
  'oversize',
  'wrong-encoding',
  'unsupported-charset',
  'control-id-reused',
  'stray-bytes',
]);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * HL7 v2 ADT onto the stay commands the REST API uses. Every message is stored before it is
 * applied and answered from what is stored, so a resend (same sender, same MSH-10) never acts
 * twice; one that cannot be applied stays in the inbox with its reason until it is replayed.
 */
@Injectable()
export class AdtInbound {
  private readonly log = new Logger(AdtInbound.name);

  constructor(
    @Inject(HL7_MAPPINGS) private readonly mappings: Hl7Mappings,
    private readonly commands: StayCommands,
    private readonly stays: StayRepository,
    private readonly messages: IntegrationRepository,
  ) {}

  /**
   * A message as it arrived (decoded text, segments separated by CR). `refusal` is the
   * transport's (oversize, wrong encoding): the message is kept with it and not applied.
   */
  async accept(raw: string, refusal?: Refusal): Promise<AckDecision> {
    const rawHash = sha256(raw);
    let parsed: Hl7Message | undefined;
    try {
      parsed = Hl7Message.parse(raw);
    } catch {
      parsed = undefined;
    }
    const identity = parsed
      ? messageIdentity(parsed)
      : { sender: '(unreadable)', controlId: '', messageType: '' };
    const read: AdtMessage | Refusal =
      refusal ??
      (parsed
        ? readAdt(parsed)
        : refuse('AR', 'malformed', 'The message does not begin with an MSH segment'));
    const controlId = identity.controlId || `sha256:${rawHash}`;
    const arrival = {
      ...identity,
      controlId,
      raw,
      rawHash,
      occurredAt: isRefusal(read) ? null : read.occurredAt,
    };
    let { kind, message } = await this.messages.receive(arrival);
    if (kind === 'seen' && message.rawHash !== rawHash) {
      // Another message under a control id already used: kept apart, refused.
      ({ kind, message } = await this.messages.receive({
        ...arrival,
        controlId: `${controlId}#${rawHash.slice(0, 16)}`,
      }));
      if (kind === 'new')
        return this.settle(
          message,
          refuse('AR', 'control-id-reused', 'MSH-10 was already used for another message'),
        );
    }
    if (kind === 'seen' && message.status !== 'received') return answerOf(message);
    if (kind === 'seen') await this.messages.countAttempt(message.id);
    return this.apply(message, read);
  }

  /** Applies a stored message again, with today's mapping tables (the inbox's replay). */
  async replay(id: string): Promise<AckDecision> {
    const message = await this.messages.findById(id);
    if (!message) throw AppError.notFound(`Integration message ${id} was not found`);
    if (message.status === 'applied' || message.status === 'resolved')
      throw AppError.conflict(`Integration message ${id} is already ${message.status}`);
    let read: AdtMessage | Refusal;
    try {
      read = readAdt(Hl7Message.parse(message.raw));
    } catch {
      read = refuse('AR', 'malformed', 'The message does not begin with an MSH segment');
    }
    // What the transport refused was not stored whole: only the sender can send it again.
    if (message.reasonCode && notReplayable.has(message.reasonCode))
      throw AppError.conflict(
        `Integration message ${id} was refused as ${message.reasonCode}: the sender must send it again`,
      );
    // Counted only once the replay is going ahead: a refused replay changes nothing.
    await this.messages.countAttempt(id);
    return this.apply(message, read);
  }

  private async apply(message: StoredMessage, read: AdtMessage | Refusal): Promise<AckDecision> {
    if (isRefusal(read)) return this.settle(message, read);
    let outcome: Applied | Refusal;
    try {
      outcome = await this.applyAdt(read, message);
    } catch (error) {
      const appError = error instanceof AppError ? error : fromInfrastructureError(error);
      if (!appError || appError.kind === 'unavailable') {
        // Stored as received; the sender's resend (or a replay) applies it once we can.
        if (!appError) this.log.error(`HL7 message ${message.id} failed: ${String(error)}`);
        return {
          ack: 'AE',
          code: 'temporarily-unavailable',
          reason: 'The message is stored but could not be applied now; send it again',
          messageId: message.id,
        };
      }
      const fields = appError.fields.map((f) => `${f.field} ${f.reason}`).join('; ');
      return this.settle(
        message,
        refuse('AE', appError.kind, fields ? `${appError.message}: ${fields}` : appError.message),
      );
    }
    // Outside the try: a failure to record the outcome of an applied message is not a
    // refusal of it, and propagates as before.
    return this.settle(message, outcome);
  }

  private async settle(message: StoredMessage, outcome: Applied | Refusal): Promise<AckDecision> {
    if (isRefusal(outcome)) {
      await this.messages.settle(message.id, {
        status: 'inbox',
        ackCode: outcome.ack,
        reasonCode: outcome.code,
        reason: outcome.reason,
      });
      return {
        ack: outcome.ack,
        code: outcome.code,
        reason: outcome.reason,
        messageId: message.id,
      };
    }
    await this.messages.settle(message.id, {
      status: 'applied',
      ackCode: 'AA',
      stayId: outcome.stayId,
      reasonCode: outcome.note?.code ?? null,
      reason: outcome.note?.reason ?? null,
    });
    return { ack: 'AA', messageId: message.id };
  }

  private async applyAdt(adt: AdtMessage, message: StoredMessage): Promise<Applied | Refusal> {
    if (adt.event === 'A01') return this.admit(adt);
    const stayId = await this.messages.findVisitStay(adt.facility, adt.visitNumber);
    const stay = stayId ? await this.stays.findById(stayId) : null;
    if (!stay) {
      if (adt.event === 'A11' || adt.event === 'A13')
        return refuse('AE', 'out-of-order-cancel', 'No admission of this visit to cancel');
      return refuse('AE', 'stay-not-found', 'No admission (A01) of this visit was applied');
    }
    const event = this.eventOf(adt, stay);
    if (isRefusal(event)) return event;
    if (event === 'no-change')
      return {
        stayId: stay.id,
        note: {
          code: 'no-process-change',
          reason: 'The update changes nothing the process follows',
        },
      };
    await this.commands.registerEventOn(
      stay,
      { ...event, occurredAt: event.occurredAt ?? adt.occurredAt },
      `event:hl7:${message.sender}:${message.controlId}`,
    );
    return { stayId: stay.id };
  }

  private eventOf(
    adt: AdtMessage,
    stay: { wardUnitId: string; status: string },
  ): { type: string; data: Record<string, unknown>; occurredAt?: Date } | 'no-change' | Refusal {
    const died = { type: 'died', data: {}, occurredAt: adt.patient.diedAt ?? adt.occurredAt };
    switch (adt.event) {
      case 'A02': {
        const ward = adt.location && this.mappings.ward(adt.location.facility, adt.location.code);
        if (!ward) return unknownWard(adt);
        const current = this.mappings.wardOfUnit(stay.wardUnitId);
        if (ward.unitId === stay.wardUnitId || current?.hospital === ward.hospital)
          return refuse(
            'AE',
            'ward-move-within-hospital',
            'A move between wards of one hospital is not an event of the process; the stay stays with its admitting ward',
          );
        return { type: 'transferred', data: { toUnitId: ward.unitId } };
      }
      case 'A03': {
        if (adt.patient.died || (adt.disposition && this.mappings.isDeath(adt.disposition)))
          return died;
        if (!adt.disposition)
          return refuse('AE', 'no-disposition', 'PV1-36 (discharge disposition) is empty');
        const destination = this.mappings.dischargeDestination(adt.disposition);
        if (!destination)
          return refuse(
            'AE',
            'unknown-disposition',
            `PV1-36 "${adt.disposition}" is not in dispositions.json`,
          );
        return { type: 'discharged', data: { destination } };
      }
      case 'A08':
        return adt.patient.died ? died : 'no-change';
      case 'A11':
        return refuse(
          'AE',
          'cancel-not-supported',
          'Cancelling an admission is not a command of the process; the stay must be corrected by hand',
        );
      case 'A13':
        return stay.status === 'discharged'
          ? refuse(
              'AE',
              'cancel-not-supported',
              'Cancelling a discharge is not a command of the process; the stay must be corrected by hand',
            )
          : refuse('AE', 'out-of-order-cancel', 'The stay has no discharge to cancel');
      default:
        return refuse('AR', 'unsupported-event', `${adt.event} is not applied to a stay`);
    }
  }

  /** A01: the same admission as POST /api/v1/stays, one stay per hospital visit. */
  private async admit(adt: AdtMessage): Promise<Applied | Refusal> {
    const ward = adt.location && this.mappings.ward(adt.location.facility, adt.location.code);
    if (!ward) return unknownWard(adt);
    const { patient } = adt;
    if (!patient.personnummer)
      return refuse(
        'AE',
        'no-personnummer',
        'PID-3 has no valid personnummer or samordningsnummer',
      );
    let listedVardcentralUnitId: string | undefined;
    if (patient.primaryCareCode) {
      listedVardcentralUnitId = this.mappings.primaryCare(patient.primaryCareCode);
      if (!listedVardcentralUnitId)
        return refuse(
          'AE',
          'unknown-primary-care',
          `PD1-3 "${patient.primaryCareCode}" is not a vårdcentral in units.json`,
        );
    }
    const input = {
      patient: {
        personnummer: patient.personnummer,
        name: patient.name ?? '',
        folkbokforingskommun: patient.kommunCode ?? '',
        ...(patient.postalCode ? { postalCode: patient.postalCode } : {}),
        ...(listedVardcentralUnitId ? { listedVardcentralUnitId } : {}),
      },
      wardUnitId: ward.unitId,
      admittedAt: adt.occurredAt.toISOString(),
      careType: ward.careType,
    };
    const parsed = admissionSchema.safeParse(input);
    if (!parsed.success) {
      const fields = fieldProblemsFromZod(parsed.error, 'admission')
        .map((f) => `${f.field} ${f.reason}`)
        .join('; ');
      return refuse('AE', 'invalid-admission', `The admission is not valid: ${fields}`);
    }
    const key = `hl7:${adt.facility}:${adt.visitNumber}`;
    const stay = await this.commands.admit(parsed.data, key, sha256(canonicalJson(input)));
    await this.messages.recordVisit(adt.facility, adt.visitNumber, stay.id);
    return { stayId: stay.id };
  }
}

function unknownWard(adt: AdtMessage): Refusal {
  return adt.location
    ? refuse(
        'AE',
        'unknown-ward',
        `PV1-3 ward "${adt.location.code}" at "${adt.location.facility}" is not in units.json`,
      )
    : refuse('AE', 'no-ward', 'PV1-3 (assigned location) is empty');
}

function answerOf(message: StoredMessage): AckDecision {
  const ack = (message.ackCode ?? 'AE') as AckDecision['ack'];
  return {
    ack,
    ...(ack !== 'AA' && message.reasonCode ? { code: message.reasonCode } : {}),
    ...(ack !== 'AA' && message.reason ? { reason: message.reason } : {}),
    messageId: message.id,
  };
}
