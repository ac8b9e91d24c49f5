import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import { AdtInbound } from '@app/integration';
import { IntegrationRepository, type InboxItem } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { IdempotentWriteService, type IdempotentWrite } from '../commands/idempotent-write.service';
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
    private readonly writes: IdempotentWriteService,
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

  /**
   * Applies the stored message again with today's mapping tables. Idempotent per key: the
   * same key answers the first replay's answer; a refused replay changes nothing.
   */
  async replay(principal: Principal, id: string, key: string) {
    await this.requireOwner(principal, 'integration.replay');
    const message = await this.itemOrNotFound(id);
    return this.writes.run(
      this.write(principal, 'integration.replay', message, key, { id }),
      async () => {
        const decision = await this.inbound.replay(id);
        return {
          ack: decision.ack,
          code: decision.code ?? null,
          reason: decision.reason ?? null,
          message: present(await this.itemOrNotFound(id)),
        };
      },
    );
  }

  /** Marks an inbox message as handled by hand (e.g. a cancel corrected on the stay). */
  async resolve(principal: Principal, id: string, note: string, key: string) {
    await this.requireOwner(principal, 'integration.resolve');
    const message = await this.itemOrNotFound(id);
    return this.writes.run(
      this.write(principal, 'integration.resolve', message, key, { id, note }),
      async () => {
        if (message.status !== 'inbox' && message.status !== 'received')
          throw AppError.conflict(
            `Integration message ${id} is ${message.status}, not in the inbox`,
          );
        await this.messages.settle(id, {
          status: 'resolved',
          ackCode: (message.ackCode ?? 'AE') as 'AA' | 'AE' | 'AR',
          reasonCode: message.reasonCode,
          reason: `${message.reason ?? ''} — handled by hand: ${note}`.trim(),
        });
        return present(await this.itemOrNotFound(id));
      },
    );
  }

  private write(
    principal: Principal,
    action: string,
    message: InboxItem,
    key: string,
    request: object,
  ): IdempotentWrite {
    return {
      principal,
      action,
      subject: { unitId: null, stayId: message.stayId },
      scope: action,
      resourceId: message.id,
      key,
      request,
    };
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
}
