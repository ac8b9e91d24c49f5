import { Controller, Get, Query } from '@nestjs/common';
import { AppError, auditQuerySchema } from '@app/domain';
import { AuditRepository } from '@app/persistence';
import { CurrentPrincipal } from '../auth/auth.guard';
import { isProcessOwner, type Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE, cursorDate, cursorParts, cursorUuid, pageOf } from '../http/paging';

/** The audit log, for processägare (log review). */
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    if (!isProcessOwner(principal))
      throw AppError.forbidden('Only processägare read the audit log');
    const filter = parseInput(auditQuerySchema, query, 'query');
    const [at, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const rows = await this.audit.list({
      ...(filter.user ? { userId: filter.user } : {}),
      ...(filter.unit ? { unitId: filter.unit } : {}),
      ...(filter.stay ? { stayId: filter.stay } : {}),
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.outcome ? { outcome: filter.outcome } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      ...(filter.cursor ? { before: { at: cursorDate(at), id: cursorUuid(id) } } : {}),
      limit: PAGE_SIZE + 1,
    });
    const page = pageOf(rows, (last) => [last.at.toISOString(), last.id]);
    return {
      items: page.items.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        userId: e.userId,
        role: e.role,
        unitId: e.unitId,
        action: e.action,
        outcome: e.outcome as 'ok' | 'denied',
        stayId: e.stayId,
        taskId: e.taskId,
      })),
      nextCursor: page.nextCursor,
    };
  }
}
