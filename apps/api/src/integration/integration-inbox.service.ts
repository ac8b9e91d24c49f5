import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppError, canonicalJson } from '@app/domain';
import { AdtInbound } from '@app/integration';
import { IntegrationRepository, PrismaService, type InboxItem } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { isProcessOwner, type Principal } from '../auth/principal';
import { PAGE_SIZE, cursorDate, cursorParts, cursorUuid, pageOf } from '../http/paging';

const present = (m: InboxItem) => ({
  ...m,
  occurredAt: m.occurredAt?.toISOString() ?? null,
  receivedAt: m.receivedAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

/**
 * The integration inbox, the processägare's: messages from the hospitals' systems that could
 * not be applied, their reasons, replay after the mapping tables were corrected, and marking
 * one as handled by hand. Every read and act is audited; the message text is never shown.
 */
@Injectable()
export class IntegrationInboxService {
  constructor(
    private readonly messages: IntegrationRepository,
    private readonly inbound: AdtInbound,
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
  ) {}

  async list(principal: Principal, filter: { status?: InboxItem['status']; cursor?: string }) {
    await this.requireOwner(principal, 'integration.inbox.list');
    const [receivedAt, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const rows = await this.messages.listInbox({
      statuses: filter.status ? [filter.status] : ['inbox', 'received'],
      ...(filter.cursor
        ? { after: { receivedAt: cursorDate(receivedAt), id: cursorUuid(id) } }
        : {}),
      limit: PAGE_SIZE + 1,
    });
    const page = pageOf(rows, (last) => [last.receivedAt.toISOString(), last.id]);
    await this.audit.ok(principal, 'integration.inbox.list', [
      { unitId: null },
      ...page.items.filter((m) => m.stayId).map((m) => ({ unitId: null, stayId: m.stayId })),
    ]);
    return { items: page.items.map(present), nextCursor: page.nextCursor };
  }

  /** Applies the stored message again with today's mapping tables. Idempotent per key. */
  async replay(principal: Principal, id: string, key: string) {
    await this.requireOwner(principal, 'integration.replay');
    const first = await this.claim('integration.replay', key, id, { id });
    const decision = first ? await this.inbound.replay(id) : undefined;
    const message = await this.itemOrNotFound(id);
    await this.audit.ok(principal, 'integration.replay', [
      { unitId: null, stayId: message.stayId },
    ]);
    return {
      ack: decision?.ack ?? message.ackCode ?? 'AE',
      code: decision ? (decision.code ?? null) : message.reasonCode,
      reason: decision ? (decision.reason ?? null) : message.reason,
      message: present(message),
    };
  }

  /** Marks an inbox message as handled by hand (e.g. a cancel corrected on the stay). */
  async resolve(principal: Principal, id: string, note: string, key: string) {
    await this.requireOwner(principal, 'integration.resolve');
    const message = await this.itemOrNotFound(id);
    if (await this.claim('integration.resolve', key, id, { id, note })) {
      if (message.status !== 'inbox' && message.status !== 'received')
        throw AppError.conflict(`Integration message ${id} is ${message.status}, not in the inbox`);
      await this.messages.settle(id, {
        status: 'resolved',
        ackCode: (message.ackCode ?? 'AE') as 'AA' | 'AE' | 'AR',
        reasonCode: message.reasonCode,
        reason: `${message.reason ?? ''} — handled by hand: ${note}`.trim(),
      });
    }
    const resolved = await this.itemOrNotFound(id);
    await this.audit.ok(principal, 'integration.resolve', [
      { unitId: null, stayId: resolved.stayId },
    ]);
    return present(resolved);
  }

  private async requireOwner(principal: Principal, action: string): Promise<void> {
    if (isProcessOwner(principal)) return;
    await this.audit.denied(principal, action, { unitId: principal.unitIds[0] ?? null });
    throw AppError.forbidden('Only processägare handle the integration inbox');
  }

  private async itemOrNotFound(id: string): Promise<InboxItem> {
    const message = await this.messages.findItem(id);
    if (!message) throw AppError.notFound(`Integration message ${id} was not found`);
    return message;
  }

  /** True the first time a key is used; the same key again answers from the message's state. */
  private async claim(scope: string, key: string, id: string, body: object): Promise<boolean> {
    const hash = createHash('sha256').update(canonicalJson(body)).digest('hex');
    const inserted = await this.prisma.$executeRaw`
      INSERT INTO idempotency_record (scope, key, request_hash, resource_id)
      VALUES (${scope}, ${key}, ${hash}, ${id}) ON CONFLICT (scope, key) DO NOTHING`;
    if (inserted > 0) return true;
    const existing = await this.prisma.idempotencyRecord.findUniqueOrThrow({
      where: { scope_key: { scope, key } },
    });
    if (existing.requestHash !== hash)
      throw new AppError(
        'idempotency-mismatch',
        'This Idempotency-Key was already used for another request',
        [{ field: 'header.Idempotency-Key', reason: 'already used with another request' }],
      );
    return false;
  }
}
