import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import {
  kpiQuerySchema,
  overdueQuerySchema,
  projectionFailureQuerySchema,
  whatIfSchema,
} from './monitoring.schemas';
import { MonitoringService } from './monitoring.service';
import { requireProcessOwner } from './process-owner';

/** Live monitoring for processägare: overdue tasks, effect-goal KPIs, what-if. */
@Controller('api/v1/monitoring')
export class MonitoringController {
  constructor(
    private readonly monitoring: MonitoringService,
    private readonly audit: AuditService,
  ) {}

  /** Aggregates only: one audit row for the read, none per stay. */
  @Get('situation')
  async situation(@CurrentPrincipal() principal: Principal) {
    await requireProcessOwner(principal, this.audit, 'monitoring.situation');
    const result = await this.monitoring.situation(new Date());
    await this.audit.ok(principal, 'monitoring.situation', [{ unitId: null }]);
    return result;
  }

  @Get('overdue')
  async overdue(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    await requireProcessOwner(principal, this.audit, 'monitoring.overdue');
    const filter = parseInput(overdueQuerySchema, query, 'query');
    const result = await this.monitoring.overdue(
      {
        ...(filter.lane ? { lane: filter.lane } : {}),
        ...(filter.unit ? { unitId: filter.unit } : {}),
        ...(filter.kommun ? { kommunCode: filter.kommun } : {}),
        ...(filter.activity ? { activityId: filter.activity } : {}),
        ...(filter.minHoursOverdue ? { minHoursOverdue: filter.minHoursOverdue } : {}),
        sort: filter.sort,
        limit: filter.limit,
        offset: filter.offset,
      },
      new Date(),
    );
    await this.audit.list(
      principal,
      'monitoring.overdue',
      null,
      result.items.map((t) => t.stayId),
    );
    return result;
  }

  /** Refused projections: stay ids, the write and its SQLSTATE, no patient data. */
  @Get('projection-failures')
  async projectionFailures(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    await requireProcessOwner(principal, this.audit, 'monitoring.projection-failures');
    const { limit } = parseInput(projectionFailureQuerySchema, query, 'query');
    const result = await this.monitoring.projectionFailuresLatest(limit);
    await this.audit.list(
      principal,
      'monitoring.projection-failures',
      null,
      result.items.map((f) => f.stayId),
    );
    return result;
  }

  /** Aggregates only: one audit row for the read, none per stay. */
  @Get('kpis')
  async kpis(@CurrentPrincipal() principal: Principal, @Query() query: unknown) {
    await requireProcessOwner(principal, this.audit, 'monitoring.kpis');
    const result = await this.monitoring.kpisFor(
      parseInput(kpiQuerySchema, query, 'query'),
      new Date(),
    );
    await this.audit.ok(principal, 'monitoring.kpis', [{ unitId: null }]);
    return result;
  }

  @Post('what-if')
  @HttpCode(200)
  async whatIf(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    await requireProcessOwner(principal, this.audit, 'monitoring.what-if');
    const result = await this.monitoring.whatIf(parseInput(whatIfSchema, body, 'body'), new Date());
    await this.audit.ok(principal, 'monitoring.what-if', [{ unitId: null }]);
    return result;
  }
}
