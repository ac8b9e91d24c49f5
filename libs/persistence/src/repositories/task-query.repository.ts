import { Injectable } from '@nestjs/common';
import { Prisma, type Task } from '../generated/prisma/client';
import { PrismaService } from '../prisma.service';
import { auditListSql, type ListReader } from './audit.repository';

/** Who reads a page, and how many of its rows they are shown (one more is read ahead). */
export interface PageAudit {
  reader: ListReader;
  shown: number;
}

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

const LIVE = Prisma.sql`status IN ('open', 'claimed')`;

/** A task row's columns under the names of the Task model. */
export const TASK_COLUMNS = Prisma.sql`id, stay_id::text AS "stayId", activity_id AS "activityId",
  unit_id AS "unitId", lane::text AS lane, status::text AS status,
  triggered_at AS "triggeredAt", due_at AS "dueAt", overdue, claimed_by AS "claimedBy",
  completed_at AS "completedAt", completed_by AS "completedBy", outcome, note,
  cancel_reason AS "cancelReason", reassign_reason AS "reassignReason",
  reminded_at AS "remindedAt", escalated_at AS "escalatedAt", version,
  updated_at AS "updatedAt"`;

/**
 * The statement behind a page of a task queue. Written out (rather than generated) so that
 * its plan is known: a unit's live queue is read in order from the partial index
 * task_live_queue_idx and stops after `limit` rows. Exported so that the benchmark runs the
 * very same SQL raw.
 */
export function taskPageQuery(filter: TaskPageFilter): Prisma.Sql {
  const where: Prisma.Sql[] = [
    filter.status ? Prisma.sql`status = ${filter.status}::"TaskStatus"` : LIVE,
  ];
  if (filter.unitIds) where.push(Prisma.sql`unit_id IN (${join(filter.unitIds)})`);
  if (filter.stayId) where.push(Prisma.sql`stay_id = ${filter.stayId}::uuid`);
  if (filter.dueBefore) where.push(Prisma.sql`due_at < ${filter.dueBefore}::timestamptz`);
  const pastDue = Prisma.sql`(${LIVE} AND due_at <= ${filter.now}::timestamptz)`;
  if (filter.overdue === true) where.push(Prisma.sql`(overdue OR ${pastDue})`);
  // An undated task is never overdue, so it stays in the "not overdue" queue.
  if (filter.overdue === false)
    where.push(Prisma.sql`NOT overdue AND NOT coalesce(${pastDue}, false)`);
  if (filter.after) {
    const { dueAt, id } = filter.after;
    where.push(
      dueAt === null
        ? Prisma.sql`due_at IS NULL AND id > ${id}`
        : Prisma.sql`(due_at > ${dueAt}::timestamptz OR (due_at = ${dueAt}::timestamptz AND id > ${id}) OR due_at IS NULL)`,
    );
  }
  return Prisma.sql`SELECT ${TASK_COLUMNS} FROM task WHERE ${Prisma.join(where, ' AND ')}
    ORDER BY due_at ASC NULLS LAST, id ASC LIMIT ${filter.limit}`;
}

const PAGE_ORDER = Prisma.sql`ORDER BY "dueAt" ASC NULLS LAST, id ASC`;

/**
 * The page statement as the API runs it: the page, and one audit row per stay among the rows
 * shown, in one statement. Exported, like taskPageQuery, for the benchmark's raw side.
 */
export function auditedTaskPageQuery(filter: TaskPageFilter, audit: PageAudit): Prisma.Sql {
  const shownStays = Prisma.sql`SELECT "stayId"::uuid AS stay_id FROM page ${PAGE_ORDER}
    LIMIT ${audit.shown}`;
  return Prisma.sql`WITH page AS (${taskPageQuery(filter)}),
    audited AS (${auditListSql(audit.reader, shownStays)})
    SELECT * FROM page ${PAGE_ORDER}`;
}

function join(values: readonly string[]): Prisma.Sql {
  // IN () is not SQL; a principal without units sees nothing.
  return values.length > 0 ? Prisma.join([...values]) : Prisma.sql`NULL`;
}

/** Task queues in a stable order, one keyset page at a time. */
@Injectable()
export class TaskQueryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** A page, audited in the same statement: every read of a queue is logged. */
  page(filter: TaskPageFilter, audit: PageAudit): Promise<Task[]> {
    return this.prisma.queryRows<Task>(auditedTaskPageQuery(filter, audit));
  }
}
