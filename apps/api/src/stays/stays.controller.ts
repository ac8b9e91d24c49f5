import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import {
  admissionSchema,
  manualDeviationSchema,
  stayEventRequestSchema,
  stayListQuerySchema,
} from '@app/domain';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { PAGE_SIZE, cursorDate, cursorParts, cursorUuid, pageOf } from '../http/paging';
import { idempotencyKey, requestHash } from '../http/request';
import { StayReadService } from './stay-read.service';
import { presentStayListItem, presentTimeline } from './stay.presenter';
import { StaysService } from './stays.service';

export const stayIdSchema = z.object({ id: z.uuid('must be a stay id (uuid)') });

@Controller('api/v1/stays')
export class StaysController {
  constructor(
    private readonly service: StaysService,
    private readonly reads: StayReadService,
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
    return this.service.admit(principal, admission, validKey, requestHash(body));
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    const filter = parseInput(stayListQuerySchema, query, 'query');
    const [admittedAt, id] = filter.cursor ? cursorParts(filter.cursor, 2) : [];
    const rows = await this.reads.list(
      principal,
      {
        ...(filter.unit ? { unitId: filter.unit } : {}),
        ...(filter.kommun ? { kommunCode: filter.kommun } : {}),
        ...(filter.status ? { status: filter.status } : {}),
        ...(filter.cursor
          ? { after: { admittedAt: cursorDate(admittedAt), id: cursorUuid(id) } }
          : {}),
        limit: PAGE_SIZE + 1,
      },
      PAGE_SIZE,
    );
    const page = pageOf(rows, (last) => [last.admittedAt.toISOString(), last.id]);
    return {
      items: page.items.map((row) => presentStayListItem(row, principal)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  async timeline(@CurrentPrincipal() principal: Principal, @Param() params: unknown) {
    const { id } = parseInput(stayIdSchema, params, 'path');
    return presentTimeline(await this.reads.timeline(principal, id, 'stay.read'), principal);
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
    const validKey = idempotencyKey(key);
    return this.service.registerEvent(principal, id, event, { key: validKey, request: body });
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
    return this.service.reportDeviation(principal, id, report, validKey, requestHash(body));
  }
}
