import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { OverdueSort } from '@app/domain';
import type { Lane, Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

/** The events that move the UK clock, in the order the workflow recorded them. */
export const ukClockEventTypes = [
  'utskrivningsklar',
  'utskrivningsklar-revoked',
  'discharged',
  'died',
  'transferred',
];

/** The measured counters of a stay (StayCounters in libs/workflows), as far as reports read them. */
export const reportCountersSchema = z.looseObject({
  inskrivningsmeddelandeSentAt: z.string().optional(),
  ukNoticeSentAt: z.string().optional(),
  sipNeeded: z.boolean().optional(),
  sipOffered: z.boolean().optional(),
  sipKallelseSentAt: z.string().optional(),
});

export const ukEventsInclude = {
  where: { type: { in: ukClockEventTypes } },
  orderBy: [{ recordedAt: 'asc' as const }, { occurredAt: 'asc' as const }, { id: 'asc' as const }],
  select: { type: true, occurredAt: true },
};

export interface CohortFilter {
  /** Stays admitted in [from, to). */
  from: Date;
  to: Date;
  kommunCode?: string;
  wardUnitId?: string;
  careType?: string;
  /** Frail: a CFS at or above `minCfs` was recorded; not frail: none was, or a lower one. */
  frailty?: { frail: boolean; minCfs: number };
}

export interface OverdueFilter {
  now: Date;
  lane?: Lane;
  unitId?: string;
  kommunCode?: string;
  activityId?: string;
  /** Only tasks at least this many hours past their due time. */
  minHoursOverdue?: number;
  sort?: OverdueSort;
  limit: number;
  /** Rows to skip (a page's start); the total says how many pages there are. */
  offset?: number;
}

const overdueOrder = {
  'most-overdue': [{ dueAt: 'asc' }, { id: 'asc' }],
  'least-overdue': [{ dueAt: 'desc' }, { id: 'asc' }],
  activity: [{ activityId: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }],
  unit: [{ unitId: 'asc' }, { dueAt: 'asc' }, { id: 'asc' }],
  kommun: [{ stay: { kommunCode: 'asc' } }, { dueAt: 'asc' }, { id: 'asc' }],
} satisfies Record<OverdueSort, Prisma.TaskOrderByWithRelationInput[]>;

/** Read models for the processägare's monitoring: cohorts for KPIs and the overdue list. */
@Injectable()
export class KpiRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The stays admitted in the period, with what the KPIs need of their events, tasks and deviations. */
  async cohort(filter: CohortFilter) {
    const frail = filter.frailty
      ? (
          await this.prisma.stayFrailty.findMany({
            where: { cfs: { gte: filter.frailty.minCfs } },
            select: { stayId: true },
          })
        ).map((f) => f.stayId)
      : [];
    const stays = await this.prisma.stay.findMany({
      where: {
        admittedAt: { gte: filter.from, lt: filter.to },
        ...(filter.kommunCode ? { kommunCode: filter.kommunCode } : {}),
        ...(filter.wardUnitId ? { wardUnitId: filter.wardUnitId } : {}),
        ...(filter.careType ? { careType: filter.careType } : {}),
        ...(filter.frailty ? { id: filter.frailty.frail ? { in: frail } : { notIn: frail } } : {}),
      },
      orderBy: [{ admittedAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        status: true,
        admittedAt: true,
        ukFirstAt: true,
        sevenDayFlag: true,
        plannedDischargeDate: true,
        plannedDischargeDateMoves: true,
        readmittedWithin30Days: true,
        counters: true,
        events: ukEventsInclude,
        tasks: {
          select: {
            stayId: true,
            activityId: true,
            status: true,
            triggeredAt: true,
            dueAt: true,
            completedAt: true,
          },
        },
        deviations: { select: { category: true, unitId: true } },
      },
    });
    return stays.map((s) => ({ ...s, counters: reportCountersSchema.parse(s.counters ?? {}) }));
  }

  /** Open or claimed tasks past their due time, the latest first; and how many there are. */
  async overdue(filter: OverdueFilter) {
    const where = {
      status: { in: ['open' as const, 'claimed' as const] },
      ...(filter.minHoursOverdue
        ? { dueAt: { lt: new Date(filter.now.getTime() - filter.minHoursOverdue * 3_600_000) } }
        : { OR: [{ overdue: true }, { dueAt: { lt: filter.now } }] }),
      ...(filter.lane ? { lane: filter.lane } : {}),
      ...(filter.unitId ? { unitId: filter.unitId } : {}),
      ...(filter.activityId ? { activityId: filter.activityId } : {}),
      ...(filter.kommunCode ? { stay: { kommunCode: filter.kommunCode } } : {}),
    };
    const [items, total] = await Promise.all([
      this.prisma.task.findMany({
        where,
        orderBy: overdueOrder[filter.sort ?? 'most-overdue'],
        take: filter.limit,
        skip: filter.offset ?? 0,
        select: {
          id: true,
          stayId: true,
          activityId: true,
          unitId: true,
          lane: true,
          status: true,
          triggeredAt: true,
          dueAt: true,
          escalatedAt: true,
          stay: { select: { kommunCode: true, wardUnitId: true } },
        },
      }),
      this.prisma.task.count({ where }),
    ]);
    return { items, total };
  }

  /**
   * The situation now, counted exactly: admitted stays, deviations (all and since `since`)
   * and open tasks per lane with the overdue among them.
   */
  async situation(now: Date, since: Date) {
    const [admittedStays, deviations, recentDeviations, lanes] = await Promise.all([
      this.prisma.stay.count({ where: { status: 'admitted' } }),
      this.prisma.deviation.count(),
      this.prisma.deviation.count({ where: { occurredAt: { gte: since } } }),
      this.openTaskCounts(now),
    ]);
    return { admittedStays, deviations, recentDeviations, lanes };
  }

  /** Live task counts per lane (open or claimed; overdue among them), for the metrics. */
  async openTaskCounts(now: Date) {
    const rows = await this.prisma.$queryRaw<{ lane: string; open: bigint; overdue: bigint }[]>`
      SELECT lane::text AS lane, count(*) AS open,
             count(*) FILTER (WHERE overdue OR due_at < ${now}) AS overdue
      FROM task WHERE status IN ('open', 'claimed') GROUP BY lane`;
    return rows.map((r) => ({ lane: r.lane, open: Number(r.open), overdue: Number(r.overdue) }));
  }

  /** Deviations per category and source, for the metrics. */
  async deviationCounts() {
    const rows = await this.prisma.deviation.groupBy({
      by: ['category', 'source'],
      _count: { _all: true },
    });
    return rows.map((r) => ({ category: r.category, source: r.source, count: r._count._all }));
  }
}
