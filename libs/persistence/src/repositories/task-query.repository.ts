import { Injectable } from '@nestjs/common';
import type { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface TaskPageFilter {
  /** Only tasks of these units; undefined: every unit (processägare). */
  unitIds?: readonly string[];
  /** Without a status, a queue shows what still needs doing (open and claimed). */
  status?: 'open' | 'claimed' | 'done' | 'cancelled';
  /** Overdue as clients see it: flagged by the workflow, or live and past its due time. */
  overdue?: boolean;
  dueBefore?: Date;
  stayId?: string;
  /** Keyset: the last row of the previous page (due time, then id; undated last). */
  after?: { dueAt: Date | null; id: string };
  limit: number;
  now: Date;
}

const LIVE = ['open', 'claimed'] as const;

/** Task queues in a stable order, one keyset page at a time. */
@Injectable()
export class TaskQueryRepository {
  constructor(private readonly prisma: PrismaService) {}

  page(filter: TaskPageFilter) {
    const and: Prisma.TaskWhereInput[] = [
      { status: filter.status ?? { in: [...LIVE] } },
      ...(filter.unitIds ? [{ unitId: { in: [...filter.unitIds] } }] : []),
      ...(filter.stayId ? [{ stayId: filter.stayId }] : []),
      ...(filter.dueBefore ? [{ dueAt: { lt: filter.dueBefore } }] : []),
    ];
    const pastDue: Prisma.TaskWhereInput = {
      status: { in: [...LIVE] },
      dueAt: { lte: filter.now },
    };
    if (filter.overdue === true) and.push({ OR: [{ overdue: true }, pastDue] });
    if (filter.overdue === false) and.push({ overdue: false, NOT: pastDue });
    if (filter.after) {
      const { dueAt, id } = filter.after;
      and.push(
        dueAt === null
          ? { dueAt: null, id: { gt: id } }
          : { OR: [{ dueAt: { gt: dueAt } }, { dueAt, id: { gt: id } }, { dueAt: null }] },
      );
    }
    return this.prisma.task.findMany({
      where: { AND: and },
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      take: filter.limit,
    });
  }
}
