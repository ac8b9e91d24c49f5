import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppError, type CompleteTaskRequest, type ReassignTaskRequest } from '@app/domain';
import { TaskRepository, UnitRepository } from '@app/persistence';
import {
  claimTaskUpdate,
  completeTaskUpdate,
  reassignTaskUpdate,
  releaseTaskUpdate,
  type TaskState,
} from '@app/workflows';
import { AuditService } from '../audit/audit.service';
import { IdempotentWriteService } from '../commands/idempotent-write.service';
import { scopeOf, type Principal } from '../auth/principal';

export type TaskAction =
  | { kind: 'claim' }
  | { kind: 'release' }
  | { kind: 'complete'; request: CompleteTaskRequest }
  | { kind: 'reassign'; request: ReassignTaskRequest };

/**
 * Claim, release, reassign and complete: Workflow Updates whose id is derived from the
 * Idempotency-Key, scoped per action and task, claimed first in PostgreSQL with the request's
 * hash and audit row (IdempotentWriteService). The same key and request return the first
 * answer, another request with it is a 422; the workflow's validators refuse (409) a task
 * claimed by someone else or already done.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly client: Client,
    private readonly tasks: TaskRepository,
    private readonly units: UnitRepository,
    private readonly audit: AuditService,
    private readonly writes: IdempotentWriteService,
  ) {}

  async act(
    principal: Principal,
    taskId: string,
    action: TaskAction,
    idempotency: { key: string; request: unknown },
  ): Promise<TaskState> {
    const auditAction = `task.${action.kind}`;
    const task = await this.tasks.findForAction(taskId, scopeOf(principal));
    if (!task?.visible) {
      await this.audit.denied(principal, auditAction, {
        unitId: principal.unitIds[0] ?? null,
        stayId: task?.stayId ?? null,
        taskId,
      });
      throw AppError.notFound(`Task ${taskId} was not found`);
    }
    // Processägare read every queue but act only on their own unit's tasks (escalated
    // disputes, samverkansavvikelser), like everyone else.
    if (!principal.unitIds.includes(task.unitId)) {
      await this.audit.denied(principal, auditAction, {
        unitId: principal.unitIds[0] ?? null,
        stayId: task.stayId,
        taskId,
      });
      throw AppError.forbidden('The task belongs to another unit');
    }
    if (action.kind === 'reassign') await this.checkTarget(action.request, task);
    if (action.kind === 'complete' && action.request.receivingUnitId !== undefined)
      await this.checkReceiver(action.request.receivingUnitId, task);
    const { key, request } = idempotency;
    return this.writes.run(
      {
        principal,
        action: auditAction,
        subject: { unitId: task.unitId, stayId: task.stayId, taskId },
        scope: `${action.kind}:${taskId}`,
        resourceId: taskId,
        key,
        request,
      },
      () => this.execute(task.workflowId, taskId, action, key, principal.userId),
    );
  }

  private execute(
    workflowId: string,
    taskId: string,
    action: TaskAction,
    key: string,
    actor: string,
  ): Promise<TaskState> {
    const handle = this.client.workflow.getHandle(workflowId);
    const updateId = `${action.kind}:${taskId}:${key}`;
    switch (action.kind) {
      case 'claim':
        return handle.executeUpdate(claimTaskUpdate, { args: [{ taskId, actor }], updateId });
      case 'release':
        return handle.executeUpdate(releaseTaskUpdate, { args: [{ taskId, actor }], updateId });
      case 'reassign':
        return handle.executeUpdate(reassignTaskUpdate, {
          args: [
            { taskId, actor, toUnitId: action.request.toUnitId, reason: action.request.reason },
          ],
          updateId,
        });
      case 'complete': {
        const { occurredAt, outcome, note, receivingUnitId } = action.request;
        return handle.executeUpdate(completeTaskUpdate, {
          args: [
            {
              taskId,
              actor,
              occurredAt: (occurredAt ?? new Date()).toISOString(),
              ...(outcome === undefined ? {} : { outcome }),
              ...(note === undefined ? {} : { note }),
              ...(receivingUnitId === undefined ? {} : { receivingUnitId }),
            },
          ],
          updateId,
        });
      }
    }
  }

  /**
   * A task moves only to a known unit of its own lane (who else could perform it?), and a
   * municipal task only within the stay's kommun: the patient's kommun is the huvudman, and
   * another kommun's unit would otherwise gain sight of a patient who is not theirs.
   */
  private async checkTarget(
    request: ReassignTaskRequest,
    task: { lane: string; kommunCode: string },
  ): Promise<void> {
    const target = await this.units.findById(request.toUnitId);
    if (!target)
      throw AppError.unprocessable('Unknown unit', [
        { field: 'body.toUnitId', reason: `no unit with id "${request.toUnitId}"` },
      ]);
    if (target.lane !== task.lane)
      throw AppError.unprocessable('The unit cannot perform this task', [
        { field: 'body.toUnitId', reason: `must be a unit of the task's lane (${task.lane})` },
      ]);
    if (target.lane.startsWith('kommunal_') && target.kommunCode !== task.kommunCode)
      throw AppError.unprocessable('The unit belongs to another kommun', [
        {
          field: 'body.toUnitId',
          reason: `must be a unit of the patient's kommun (${task.kommunCode})`,
        },
      ]);
  }

  /**
   * A routed task goes to a known unit of its lane that performs tasks (not another intake),
   * and a municipal one to a unit of the stay's kommun, as for a reassign.
   */
  private async checkReceiver(
    unitId: string,
    task: { lane: string; kommunCode: string },
  ): Promise<void> {
    const lane = task.lane;
    const target = await this.units.findById(unitId);
    const field = 'body.receivingUnitId';
    if (!target)
      throw AppError.unprocessable('Unknown unit', [
        { field, reason: `no unit with id "${unitId}"` },
      ]);
    if (target.lane !== lane)
      throw AppError.unprocessable('The unit cannot perform this task', [
        { field, reason: `must be a unit of the task's lane (${lane})` },
      ]);
    if (target.kind === 'intake')
      throw AppError.unprocessable('The unit is an intake', [
        { field, reason: 'must be the receiving unit itself, not another intake' },
      ]);
    if (target.lane.startsWith('kommunal_') && target.kommunCode !== task.kommunCode)
      throw AppError.unprocessable('The unit belongs to another kommun', [
        { field, reason: `must be a unit of the patient's kommun (${task.kommunCode})` },
      ]);
  }
}
