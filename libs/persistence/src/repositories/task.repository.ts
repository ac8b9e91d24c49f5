import { Injectable } from '@nestjs/common';
import type { TaskState } from '@app/workflows';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';

export interface TaskListFilter {
  unitId: string;
  status?: 'open' | 'claimed' | 'done' | 'cancelled';
  overdue?: boolean;
  stayId?: string;
  limit: number;
}

@Injectable()
export class TaskRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Idempotent, versioned upsert: an older or repeated projection changes nothing. */
  async project(tasks: readonly TaskState[]): Promise<void> {
    for (const t of tasks) {
      await this.prisma.$executeRaw`
        INSERT INTO task (id, stay_id, activity_id, unit_id, lane, status, triggered_at, due_at,
          overdue, claimed_by, completed_at, completed_by, outcome, note, cancel_reason,
          reassign_reason, reminded_at, escalated_at, version, updated_at)
        VALUES (${t.id}, ${t.stayId}::uuid, ${t.activityId}, ${t.unitId}, ${t.lane}::"Lane",
          ${t.status}::"TaskStatus", ${new Date(t.triggeredAt)}, ${date(t.dueAt)}, ${t.overdue},
          ${t.claimedBy ?? null}, ${date(t.completedAt)}, ${t.completedBy ?? null},
          ${t.outcome ?? null}, ${t.note ?? null}, ${t.cancelReason ?? null},
          ${t.reassignReason ?? null}, ${date(t.remindedAt)}, ${date(t.escalatedAt)}, ${t.version},
          now())
        ON CONFLICT (id) DO UPDATE SET
          unit_id = EXCLUDED.unit_id, status = EXCLUDED.status, due_at = EXCLUDED.due_at,
          overdue = EXCLUDED.overdue, claimed_by = EXCLUDED.claimed_by,
          completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by,
          outcome = EXCLUDED.outcome, note = EXCLUDED.note, cancel_reason = EXCLUDED.cancel_reason,
          reassign_reason = EXCLUDED.reassign_reason, reminded_at = EXCLUDED.reminded_at,
          escalated_at = EXCLUDED.escalated_at, version = EXCLUDED.version,
          updated_at = now()
        WHERE task.version < EXCLUDED.version`;
    }
  }

  findById(id: string) {
    return this.prisma.task.findUnique({ where: { id } });
  }

  /** A unit's queue in a stable order: due time first (undated last), then id. */
  list(filter: TaskListFilter) {
    const where: Prisma.TaskWhereInput = {
      unitId: filter.unitId,
      // Without a status filter, a queue shows what still needs doing.
      status: filter.status ?? { in: ['open', 'claimed'] },
      ...(filter.overdue === undefined ? {} : { overdue: filter.overdue }),
      ...(filter.stayId ? { stayId: filter.stayId } : {}),
    };
    return this.prisma.task.findMany({
      where,
      orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }],
      take: filter.limit,
    });
  }
}

function date(value: string | undefined): Date | null {
  return value === undefined ? null : new Date(value);
}
