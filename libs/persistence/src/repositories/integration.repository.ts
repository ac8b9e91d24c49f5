import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

/** What became of a message: applied, waiting in the inbox, or corrected by hand. */
export type IntegrationMessageStatus = 'received' | 'applied' | 'inbox' | 'resolved';

export interface ArrivingMessage {
  sender: string;
  controlId: string;
  messageType: string;
  raw: string;
  rawHash: string;
  occurredAt: Date | null;
}

export interface StoredMessage {
  id: string;
  sender: string;
  controlId: string;
  messageType: string;
  raw: string;
  rawHash: string;
  status: IntegrationMessageStatus;
  reasonCode: string | null;
  reason: string | null;
  ackCode: string | null;
  stayId: string | null;
  occurredAt: Date | null;
  attempts: number;
  receivedAt: Date;
  updatedAt: Date;
}

export interface MessageOutcome {
  status: Exclude<IntegrationMessageStatus, 'received'>;
  ackCode: 'AA' | 'AE' | 'AR';
  reasonCode?: string | null;
  reason?: string | null;
  stayId?: string | null;
}

/** The inbox's rows without the message itself (which holds patient data). */
export type InboxItem = Omit<StoredMessage, 'raw' | 'rawHash'>;

const inboxColumns = {
  id: true,
  sender: true,
  controlId: true,
  messageType: true,
  status: true,
  reasonCode: true,
  reason: true,
  ackCode: true,
  stayId: true,
  occurredAt: true,
  attempts: true,
  receivedAt: true,
  updatedAt: true,
} as const;

/**
 * Messages from the hospitals' systems of record and the visits they admitted. A message is
 * stored before anything is applied, so none is lost; (sender, control id) makes a resend find
 * the first arrival instead of acting again.
 */
@Injectable()
export class IntegrationRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stores an arriving message, or returns the one stored under the same sender and control id. */
  async receive(
    message: ArrivingMessage,
  ): Promise<{ kind: 'new' | 'seen'; message: StoredMessage }> {
    const id = crypto.randomUUID();
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO integration_message (id, sender, control_id, message_type, raw, raw_hash,
        status, occurred_at)
      VALUES (${id}::uuid, ${message.sender}, ${message.controlId}, ${message.messageType},
        ${message.raw}, ${message.rawHash}, 'received', ${message.occurredAt}::timestamptz)
      ON CONFLICT (sender, control_id) DO NOTHING`;
    const stored = await this.prisma.integrationMessage.findUniqueOrThrow({
      where: { sender_controlId: { sender: message.sender, controlId: message.controlId } },
    });
    return { kind: inserted > 0 ? 'new' : 'seen', message: stored as StoredMessage };
  }

  findById(id: string): Promise<StoredMessage | null> {
    return this.prisma.integrationMessage.findUnique({
      where: { id },
    }) as Promise<StoredMessage | null>;
  }

  /** The message as the inbox shows it, without its text. */
  findItem(id: string): Promise<InboxItem | null> {
    return this.prisma.integrationMessage.findUnique({
      where: { id },
      select: inboxColumns,
    }) as Promise<InboxItem | null>;
  }

  async settle(id: string, outcome: MessageOutcome): Promise<void> {
    await this.prisma.integrationMessage.update({
      where: { id },
      data: {
        status: outcome.status,
        ackCode: outcome.ackCode,
        reasonCode: outcome.reasonCode ?? null,
        reason: outcome.reason ?? null,
        ...(outcome.stayId ? { stayId: outcome.stayId } : {}),
        updatedAt: new Date(),
      },
    });
  }

  /** One more attempt at a stored message (a resend after a transient failure, a replay). */
  async countAttempt(id: string): Promise<void> {
    await this.prisma.integrationMessage.update({
      where: { id },
      data: { attempts: { increment: 1 }, updatedAt: new Date() },
    });
  }

  /** Messages waiting for someone (inbox) or never settled (received), oldest first. */
  listInbox(filter: {
    statuses: readonly IntegrationMessageStatus[];
    after?: { receivedAt: Date; id: string };
    limit: number;
  }): Promise<InboxItem[]> {
    return this.prisma.integrationMessage.findMany({
      select: inboxColumns,
      where: {
        status: { in: [...filter.statuses] },
        ...(filter.after
          ? {
              OR: [
                { receivedAt: { gt: filter.after.receivedAt } },
                { receivedAt: filter.after.receivedAt, id: { gt: filter.after.id } },
              ],
            }
          : {}),
      },
      orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
      take: filter.limit,
    }) as Promise<InboxItem[]>;
  }

  async findVisitStay(facility: string, visitNumber: string): Promise<string | null> {
    const visit = await this.prisma.integrationVisit.findUnique({
      where: { facility_visitNumber: { facility, visitNumber } },
    });
    return visit?.stayId ?? null;
  }

  async recordVisit(facility: string, visitNumber: string, stayId: string): Promise<void> {
    await this.prisma.$executeRaw`
      INSERT INTO integration_visit (facility, visit_number, stay_id)
      VALUES (${facility}, ${visitNumber}, ${stayId}::uuid)
      ON CONFLICT (facility, visit_number) DO NOTHING`;
  }
}
