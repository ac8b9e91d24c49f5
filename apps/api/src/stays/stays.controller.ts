import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import {
  AppError,
  admissionSchema,
  manualDeviationSchema,
  stayEventRequestSchema,
  stayListQuerySchema,
} from '@app/domain';
import { StayQueryRepository, UnitRepository } from '@app/persistence';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/auth.guard';
import { scopeOf, unitForStay, type Principal } from '../auth/principal';
import { DeviationsService } from '../deviations/deviations.service';
import { parseInput } from '../http/parse';
import { PAGE_SIZE, cursorDate, cursorParts, cursorUuid, pageOf } from '../http/paging';
import { idempotencyKey, requestHash } from '../http/request';
import { StayAccessService } from './stay-access.service';
import { presentStayListItem, presentTimeline } from './stay.presenter';
import { StaysService } from './stays.service';

export const stayIdSchema = z.object({ id: z.uuid('must be a stay id (uuid)') });

@Controller('api/v1/stays')
export class StaysController {
  constructor(
    private readonly service: StaysService,
    private readonly access: StayAccessService,
    private readonly query: StayQueryRepository,
    private readonly deviations: DeviationsService,
    private readonly audit: AuditService,
    private readonly units: UnitRepository,
  ) {}

  /** Admission, by ward staff for their own ward. */
  @Post()
  @HttpCode(201)
  async admit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const validKey = idempotencyKey(key);
    const admission = parseInput(admissionSchema, body, 'body');
    // An unknown ward is the request's fault (422, from the service); another ward is not yours.
    if (principal.role !== 'ward_staff' || !principal.unitIds.includes(admission.wardUnitId)) {
      const ward = await this.units.findById(admission.wardUnitId);
      if (principal.role !== 'ward_staff' || ward?.lane === 'slutenvard')
        throw AppError.forbidden('Only staff of the ward admit a patient to it');
    }
    const result = await this.service.admit(admission, validKey, requestHash(body));
    await this.audit.ok(principal, 'stay.admit', [
      { unitId: admission.wardUnitId, stayId: result.id },
    ]);
    return result;
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const filter = parseInput(stayListQuerySchema, query, 'query');
    const [admittedAt, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const rows = await this.query.list({
      scope: scopeOf(principal),
      ...(filter.unit ? { unitId: filter.unit } : {}),
      ...(filter.kommun ? { kommunCode: filter.kommun } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.cursor
        ? { after: { admittedAt: cursorDate(admittedAt), id: cursorUuid(id) } }
        : {}),
      limit: PAGE_SIZE + 1,
    });
    const page = pageOf(rows, (last) => [last.admittedAt.toISOString(), last.id]);
    await this.audit.ok(
      principal,
      'stay.list',
      page.items.map((row) => ({ unitId: unitForStay(principal, row), stayId: row.id })),
    );
    return {
      items: page.items.map((row) => presentStayListItem(row, principal)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  async timeline(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const stay = await this.query.findTimeline(id, scopeOf(principal));
    if (!stay) {
      await this.audit.denied(principal, 'stay.read', {
        unitId: principal.unitIds[0] ?? null,
        stayId: id,
      });
      throw AppError.notFound(`Stay ${id} was not found`);
    }
    await this.audit.ok(principal, 'stay.read', [
      { unitId: unitForStay(principal, stay), stayId: id },
    ]);
    return presentTimeline(stay, principal);
  }

  /** A process event, registered by staff of the stay's ward. */
  @Post(':id/events')
  @HttpCode(201)
  async registerEvent(
    @CurrentPrincipal() principal: Principal,
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const event = parseInput(stayEventRequestSchema, body, 'body');
    const updateId = `event:${key === undefined ? crypto.randomUUID() : idempotencyKey(key)}`;
    const { stay } = await this.access.stayToChange(principal, id, 'stay.event');
    if (!principal.unitIds.includes(stay.wardUnitId)) {
      await this.audit.denied(principal, 'stay.event', {
        unitId: principal.unitIds[0] ?? null,
        stayId: id,
      });
      throw AppError.forbidden("Only staff of the stay's ward register its events");
    }
    const result = await this.service.registerEvent(id, event, updateId);
    await this.audit.ok(principal, 'stay.event', [{ unitId: stay.wardUnitId, stayId: id }]);
    return result;
  }

  /** A manual samverkansavvikelse, reported by any party of the stay. */
  @Post(':id/deviations')
  @HttpCode(201)
  async reportDeviation(
    @CurrentPrincipal() principal: Principal,
    @Param() params: unknown,
    @Body() body: unknown,
    @Headers('idempotency-key') key: string | undefined,
  ) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    const validKey = idempotencyKey(key);
    const report = parseInput(manualDeviationSchema, body, 'body');
    const { stay, unitId } = await this.access.stayToChange(principal, id, 'deviation.report');
    const deviation = await this.deviations.report(stay, report, validKey, requestHash(body));
    await this.audit.ok(principal, 'deviation.report', [{ unitId, stayId: id }]);
    return deviation;
  }
}
