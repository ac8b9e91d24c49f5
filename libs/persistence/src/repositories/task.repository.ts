import { Injectable } from '@nestjs/common';
import type { Lane, Task } from '../generated/prisma/client';
import type { TaskState } from '@app/workflows';
import { PrismaService } from '../prisma.service';
import { visibleStay, type StayScope } from './access-scope';
import { NOTIFY_ON_WRITTEN_TASKS } from './notification-outbox';
import { TASK_COLUMNS } from './task-query.repository';

/** What a task action needs to know of the task and its stay, and whether the user sees it. */
export interface TaskForAction {
  id: string;
  stayId: string;
  unitId: string;
  lane: Lane;
  workflowId: string;
  /** The stay's kommun (the patient's folkbokföringskommun at admission). */
  kommunCode: string;
  visible: boolean;
}

/** The stay of a task, as far as access, audit and the FHIR mapping need it. */
export interface VisibleTaskStay {
  id: string;
  wardUnitId: string;
  kommunCode: string;
  listedVardcentralUnitId: string | null;
  processDefinitionVersion: number;
}

export interface VisibleTask {
  task: Task;
  stay: VisibleTaskStay;
  /** Whether the scope it was read with sees the stay. */
  visible: boolean;
}

/** The workflow's task projections. Queues are read through TaskQueryRepository. */
@Injectable()
export class TaskRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Idempotent, versioned upsert of a batch in one statement: a row changes only when the
   * projection is newer than what is stored, so an older or repeated projection changes
   * nothing. The same statement writes the outbox (see NOTIFY_ON_WRITTEN_TASKS): a task that
   * is stored has its notifications stored with it, or neither is.
   */
  async project(tasks: readonly TaskState[]): Promise<void> {
    const newest = new Map<string, TaskState>();
    for (const task of tasks)
      if ((newest.get(task.id)?.version ?? -1) < task.version) newest.set(task.id, task);
    if (newest.size === 0) return;
    await this.prisma.$executeRaw`
      WITH written AS (
      INSERT INTO task (id, stay_id, activity_id, unit_id, lane, status, triggered_at, due_at,
        overdue, claimed_by, completed_at, completed_by, outcome, note, cancel_reason,
        reassign_reason, reminded_at, escalated_at, version, updated_at)
      SELECT t.id, t."stayId", t."activityId", t."unitId", t.lane, t.status, t."triggeredAt",
        t."dueAt", t.overdue, t."claimedBy", t."completedAt", t."completedBy", t.outcome, t.note,
        t."cancelReason", t."reassignReason", t."remindedAt", t."escalatedAt", t.version, now()
      FROM jsonb_to_recordset(${JSON.stringify([...newest.values()])}::jsonb) AS t(
        id text, "stayId" uuid, "activityId" text, "unitId" text, lane "Lane",
        status "TaskStatus", "triggeredAt" timestamptz, "dueAt" timestamptz, overdue boolean,
        "claimedBy" text, "completedAt" timestamptz, "completedBy" text, outcome text,
        note text, "cancelReason" text, "reassignReason" text, "remindedAt" timestamptz,
        "escalatedAt" timestamptz, version int)
      ON CONFLICT (id) DO UPDATE SET
        unit_id = EXCLUDED.unit_id, status = EXCLUDED.status, due_at = EXCLUDED.due_at,
        overdue = EXCLUDED.overdue, claimed_by = EXCLUDED.claimed_by,
        completed_at = EXCLUDED.completed_at, completed_by = EXCLUDED.completed_by,
        outcome = EXCLUDED.outcome, note = EXCLUDED.note, cancel_reason = EXCLUDED.cancel_reason,
        reassign_reason = EXCLUDED.reassign_reason, reminded_at = EXCLUDED.reminded_at,
        escalated_at = EXCLUDED.escalated_at, version = EXCLUDED.version, updated_at = now()
      WHERE task.version < EXCLUDED.version
      RETURNING id, unit_id, status, triggered_at, due_at, overdue, reminded_at)
      ${NOTIFY_ON_WRITTEN_TASKS}`;
  }

  findById(id: string) {
    return this.prisma.task.findUnique({ where: { id } });
  }

  /**
   * The task, the stay fields that say through which unit a user reaches it, and whether
   * `scope` sees the stay, in one statement (null: no such task).
   */
  async findVisible(id: string, scope: StayScope): Promise<VisibleTask | null> {
    const rows = await this.prisma.$queryRaw<
      (Task & Omit<VisibleTaskStay, 'id'> & { visible: boolean })[]
    >`
      SELECT task_row.*, s.ward_unit_id AS "wardUnitId", s.kommun_code AS "kommunCode",
        s.listed_vardcentral_unit_id AS "listedVardcentralUnitId",
        s.process_definition_version AS "processDefinitionVersion", ${visibleStay(scope)} AS visible
      FROM (SELECT ${TASK_COLUMNS} FROM task WHERE id = ${id}) AS task_row
      JOIN stay s ON s.id = task_row."stayId"::uuid`;
    const row = rows[0];
    if (!row) return null;
    const {
      wardUnitId,
      kommunCode,
      listedVardcentralUnitId,
      processDefinitionVersion,
      visible,
      ...task
    } = row;
    return {
      task,
      visible,
      stay: {
        id: task.stayId,
        wardUnitId,
        kommunCode,
        listedVardcentralUnitId,
        processDefinitionVersion,
      },
    };
  }

  /** The process definition version of each of these stays. */
  async stayVersions(stayIds: readonly string[]): Promise<Map<string, number>> {
    const stays = await this.prisma.stay.findMany({
      where: { id: { in: [...new Set(stayIds)] } },
      select: { id: true, processDefinitionVersion: true },
    });
    return new Map(stays.map((s) => [s.id, s.processDefinitionVersion]));
  }

  /** The task, its stay's workflow and whether `scope` sees the stay, in one statement. */
  async findForAction(id: string, scope: StayScope): Promise<TaskForAction | null> {
    const rows = await this.prisma.$queryRaw<TaskForAction[]>`
      SELECT t.id, t.stay_id::text AS "stayId", t.unit_id AS "unitId", t.lane::text AS lane,
        s.workflow_id AS "workflowId", s.kommun_code AS "kommunCode",
        ${visibleStay(scope)} AS visible
      FROM task t JOIN stay s ON s.id = t.stay_id
      WHERE t.id = ${id}`;
    return rows[0] ?? null;
  }
}
