import { Injectable } from '@nestjs/common';
import { AppError } from '@app/domain';
import { KpiRepository, ProjectionFailureRepository, type OverdueFilter } from '@app/persistence';
import {
  addDays,
  computeKpis,
  daysBetween,
  defaultRules,
  startOfSwedishDate,
  swedishDate,
  ukRuns,
  type ReportRules,
} from '@app/reporting';
import { ReportsService } from '../reports/reports.service';
import type { KpiQuery, WhatIfRequest } from './monitoring.schemas';

const HOUR = 3_600_000;
/** "Recent" deviations on the situation page: the last 30 days. */
const RECENT_DEVIATION_DAYS = 30;
/** Clinical Frailty Scale 5 ("mildly frail") and above counts as frail (seeds 003, 004). */
const FRAIL_FROM_CFS = 5;
const laneValues = [
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
  'system',
] as const;
type Lane = (typeof laneValues)[number];

/**
 * The processägare's live view: overdue tasks, the effect-goal KPIs of a period (the stays
 * admitted in it, see libs/reporting/src/kpi.ts) and what-if recomputations, which read the
 * recorded stays and change nothing.
 */
@Injectable()
export class MonitoringService {
  constructor(
    private readonly kpis: KpiRepository,
    private readonly reports: ReportsService,
    private readonly projectionFailures: ProjectionFailureRepository,
  ) {}

  /** "Läget just nu": exact counts of stays, open and overdue tasks (per lane) and deviations. */
  async situation(now: Date) {
    const since = new Date(now.getTime() - RECENT_DEVIATION_DAYS * 24 * HOUR);
    const counts = await this.kpis.situation(now, since);
    const lanes = counts.lanes.filter((l): l is typeof l & { lane: Lane } =>
      (laneValues as readonly string[]).includes(l.lane),
    );
    return {
      asOf: now.toISOString(),
      admittedStays: counts.admittedStays,
      openTasks: lanes.reduce((sum, l) => sum + l.open, 0),
      overdueTasks: lanes.reduce((sum, l) => sum + l.overdue, 0),
      deviations: {
        total: counts.deviations,
        recent: counts.recentDeviations,
        days: RECENT_DEVIATION_DAYS,
      },
      byLane: laneValues.map((lane) => {
        const row = lanes.find((l) => l.lane === lane);
        return { lane, open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
      }),
    };
  }

  /** Projections refused for good, newest first: the stays whose read model is behind. */
  async projectionFailuresLatest(limit: number) {
    const rows = await this.projectionFailures.latest(limit);
    return { items: rows.map((r) => ({ ...r, failedAt: r.failedAt.toISOString() })) };
  }

  async overdue(filter: Omit<OverdueFilter, 'now'>, now: Date) {
    const { items, total } = await this.kpis.overdue({ ...filter, now });
    return {
      asOf: now.toISOString(),
      total,
      offset: filter.offset ?? 0,
      items: items.map((t) => {
        const dueAt = t.dueAt ?? now;
        return {
          taskId: t.id,
          stayId: t.stayId,
          activityId: t.activityId,
          unitId: t.unitId,
          lane: t.lane,
          status: t.status as 'open' | 'claimed',
          kommunCode: t.stay.kommunCode,
          wardUnitId: t.stay.wardUnitId,
          triggeredAt: t.triggeredAt.toISOString(),
          dueAt: dueAt.toISOString(),
          hoursOverdue: Math.round(((now.getTime() - dueAt.getTime()) / HOUR) * 10) / 10,
          escalatedAt: t.escalatedAt?.toISOString() ?? null,
        };
      }),
    };
  }

  async kpisFor(query: KpiQuery, now: Date, rules: ReportRules = defaultRules) {
    const period = periodOf(query, now);
    const cohort = await this.kpis.cohort({
      from: startOfSwedishDate(period.from),
      to: startOfSwedishDate(addDays(period.to, 1)),
      ...(query.kommun ? { kommunCode: query.kommun } : {}),
      ...(query.ward ? { wardUnitId: query.ward } : {}),
      ...(query.careType ? { careType: query.careType } : {}),
      ...(query.frailty
        ? { frailty: { frail: query.frailty === 'frail', minCfs: FRAIL_FROM_CFS } }
        : {}),
    });
    const kpis = computeKpis(
      {
        stays: cohort.map((s) => ({
          stayId: s.id,
          admittedAt: s.admittedAt,
          events: s.events,
          sevenDayFlag: s.sevenDayFlag,
          plannedDischargeDateSet: s.plannedDischargeDate !== null,
          plannedDischargeDateMoves: s.plannedDischargeDateMoves,
          ended: s.status !== 'admitted' || ukRuns(s.events).end !== null,
          readmittedWithin30Days: s.readmittedWithin30Days,
          ukFirstAt: s.ukFirstAt,
          sipNeeded: s.counters.sipNeeded === true,
          sipOffered: s.counters.sipOffered === true,
        })),
        tasks: cohort.flatMap((s) => s.tasks),
        deviations: cohort.flatMap((s) => s.deviations),
      },
      rules,
      now,
    );
    return {
      period: {
        ...period,
        kommun: query.kommun ?? null,
        ward: query.ward ?? null,
        careType: query.careType ?? null,
        frailty: query.frailty ?? null,
        asOf: now.toISOString(),
      },
      kpis,
    };
  }

  /** The period's KPIs and a month's amounts under today's rules and under the changed ones. */
  async whatIf(request: WhatIfRequest, now: Date) {
    const scenarioRules: ReportRules = { ...defaultRules, ...request.rules };
    const query: KpiQuery = {
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
      ...(request.kommun ? { kommun: request.kommun } : {}),
      ...(request.ward ? { ward: request.ward } : {}),
      ...(request.careType ? { careType: request.careType } : {}),
      ...(request.frailty ? { frailty: request.frailty } : {}),
    };
    periodOf(query, now, 'body'); // a bad period names the body's fields, not the query's
    const [baseline, scenario] = await Promise.all([
      this.kpisFor(query, now),
      this.kpisFor(query, now, scenarioRules),
    ]);
    const month = request.month ?? baseline.period.to.slice(0, 7);
    const amounts = async (rules: ReportRules) => {
      const report = await this.reports
        .betalningsansvar(month, query.kommun, now, rules)
        .catch((error: unknown) => {
          throw namingBodyFields(error);
        });
      const kommuner = report.kommuner.map((k) => ({
        kommunCode: k.kommunCode,
        agreement: k.agreement,
        vgrAmountSek: k.vgrAmountSek,
        nationalAmountSek: k.national.amountSek,
        amountDueSek: k.amountDueSek,
      }));
      const totalDueSek = Math.round(kommuner.reduce((s, k) => s + k.amountDueSek, 0) * 100) / 100;
      return { kommuner, totalDueSek };
    };
    const [baseBilling, scenarioBilling] = await Promise.all([
      amounts({ ...defaultRules }),
      amounts(scenarioRules),
    ]);
    return {
      period: baseline.period,
      month,
      rules: { baseline: { ...defaultRules }, scenario: { ...scenarioRules } },
      baseline: { kpis: baseline.kpis, betalningsansvar: baseBilling },
      scenario: { kpis: scenario.kpis, betalningsansvar: scenarioBilling },
    };
  }
}

/** The period's first and last day: `to` defaults to today, `from` to 29 days before it. */
function periodOf(
  query: { from?: string; to?: string },
  now: Date,
  where: 'query' | 'body' = 'query',
) {
  const to = query.to ?? swedishDate(now);
  const from = query.from ?? addDays(to, -29);
  if (daysBetween(from, to) < 0)
    throw AppError.invalidInput('The period is empty', [
      { field: `${where}.from`, reason: 'must not be after to' },
    ]);
  if (daysBetween(from, to) > 366)
    throw AppError.invalidInput('The period is too long', [
      { field: `${where}.from`, reason: 'the period can be at most 367 days' },
    ]);
  return { from, to };
}

/** The report service names the GET's query fields; for what-if they are the body's. */
function namingBodyFields(error: unknown): unknown {
  if (!(error instanceof AppError) || error.fields.length === 0) return error;
  return new AppError(
    error.kind,
    error.message,
    error.fields.map((f) => ({ ...f, field: f.field.replace(/^query\./, 'body.') })),
    error.retryAfterSeconds,
  );
}
