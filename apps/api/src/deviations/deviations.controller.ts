import { Controller, Get, Query } from '@nestjs/common';
import { deviationListQuerySchema } from '@app/domain';
import { DeviationRepository } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/auth.guard';
import { isProcessOwner, scopeOf, type Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE, cursorDate, cursorParts, pageOf } from '../http/paging';
import { presentDeviation } from '../stays/stay.presenter';

/** Samverkansavvikelser on the stays the user may see (processägare: all), newest first. */
@Controller('api/v1/deviations')
export class DeviationsController {
  constructor(
    private readonly deviations: DeviationRepository,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const filter = parseInput(deviationListQuerySchema, query, 'query');
    const [occurredAt, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const rows = await this.deviations.list({
      scope: scopeOf(principal),
      ...(filter.unit ? { unitId: filter.unit } : {}),
      ...(filter.kommun ? { kommunCode: filter.kommun } : {}),
      ...(filter.category ? { category: filter.category } : {}),
      ...(filter.source ? { source: filter.source } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      ...(filter.cursor ? { before: { occurredAt: cursorDate(occurredAt), id: id ?? '' } } : {}),
      limit: PAGE_SIZE + 1,
    });
    const page = pageOf(rows, (last) => [last.occurredAt.toISOString(), last.id]);
    await this.audit.list(
      principal,
      'deviation.list',
      isProcessOwner(principal) ? null : (principal.unitIds[0] ?? null),
      page.items.map((d) => d.stayId),
    );
    return {
      items: page.items.map((d) => presentDeviation(d, d.kommunCode)),
      nextCursor: page.nextCursor,
    };
  }
}
