import { Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../audit/audit.service';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principal';
import { parseInput } from '../http/parse';
import { requireProcessOwner } from '../monitoring/process-owner';
import { betalningsansvarCsv } from './betalningsansvar.csv';
import { betalningsansvarQuerySchema, correctionSchema } from './reports.schemas';
import { ReportsService } from './reports.service';

/** Betalningsansvar per kommun and month (JSON, or CSV with Accept: text/csv), and corrections. */
@Controller('api/v1/reports/betalningsansvar')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  async betalningsansvar(
    @CurrentPrincipal() principal: Principal,
    @Query() query: unknown,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    await requireProcessOwner(principal, this.audit, 'report.betalningsansvar');
    const { month, kommun } = parseInput(betalningsansvarQuerySchema, query, 'query');
    const report = await this.reports.betalningsansvar(month, kommun, new Date());
    await this.audit.list(
      principal,
      'report.betalningsansvar',
      null,
      report.stays.map((s) => s.stayId),
    );
    if (!wantsCsv(accept)) return report;
    response.setHeader('Content-Type', 'text/csv; charset=utf-8');
    response.setHeader(
      'Content-Disposition',
      `attachment; filename="betalningsansvar-${month}${kommun ? `-${kommun}` : ''}.csv"`,
    );
    return betalningsansvarCsv(report);
  }

  @Post('corrections')
  @HttpCode(201)
  async correct(@CurrentPrincipal() principal: Principal, @Body() body: unknown) {
    await requireProcessOwner(principal, this.audit, 'report.betalningsansvar.correct');
    const request = parseInput(correctionSchema, body, 'body');
    const correction = await this.reports.correct(request, principal.userId, new Date());
    await this.audit.ok(principal, 'report.betalningsansvar.correct', [
      { unitId: null, stayId: correction.stayId },
    ]);
    return correction;
  }
}

/** CSV when the client prefers it to JSON (a plain text/csv, or listed before JSON). */
function wantsCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((t) => t.split(';')[0]?.trim().toLowerCase());
  const csv = types.indexOf('text/csv');
  const json = types.findIndex((t) => t === 'application/json' || t === '*/*');
  return csv !== -1 && (json === -1 || csv < json);
}
