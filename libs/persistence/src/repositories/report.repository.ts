import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { reportCountersSchema, ukEventsInclude } from './kpi.repository';

export interface NewCorrection {
  id: string;
  stayId: string;
  month: string;
  ukDays: number;
  reason: string;
  correctedBy: string;
}

const billingSelect = {
  id: true,
  kommunCode: true,
  ukEndedAt: true,
  counters: true,
  events: ukEventsInclude,
} as const;

/** Read models for the betalningsansvar report, and its corrections. */
@Injectable()
export class ReportRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Stays whose UK count ended in [start, end), with their UK events and counters. */
  async staysWithUkEndedBetween(start: Date, end: Date, kommunCode?: string) {
    const stays = await this.prisma.stay.findMany({
      where: {
        ukEndedAt: { gte: start, lt: end },
        ...(kommunCode ? { kommunCode } : {}),
      },
      orderBy: [{ ukEndedAt: 'asc' }, { id: 'asc' }],
      select: billingSelect,
    });
    return stays.map((s) => ({ ...s, counters: reportCountersSchema.parse(s.counters ?? {}) }));
  }

  async findBillingStay(stayId: string) {
    const stay = await this.prisma.stay.findUnique({
      where: { id: stayId },
      select: billingSelect,
    });
    return stay
      ? { ...stay, counters: reportCountersSchema.parse(stay.counters ?? {}) }
      : undefined;
  }

  /** Every correction of these stays, newest first (the first per stay counts). */
  corrections(stayIds: readonly string[]) {
    return this.prisma.betalningsansvarCorrection.findMany({
      where: { stayId: { in: [...stayIds] } },
      orderBy: [{ correctedAt: 'desc' }, { id: 'desc' }],
    });
  }

  addCorrection(correction: NewCorrection) {
    return this.prisma.betalningsansvarCorrection.create({ data: correction });
  }

  /** The month's frozen report, if it was frozen already. */
  async snapshot(month: string): Promise<unknown> {
    const row = await this.prisma.betalningsansvarSnapshot.findUnique({ where: { month } });
    return row?.report;
  }

  /** Freezes the month's report unless another request froze it first; returns the frozen one. */
  async freeze(month: string, report: Prisma.InputJsonValue): Promise<unknown> {
    await this.prisma.betalningsansvarSnapshot.createMany({
      data: [{ month, report }],
      skipDuplicates: true,
    });
    const row = await this.prisma.betalningsansvarSnapshot.findUniqueOrThrow({ where: { month } });
    return row.report;
  }
}
