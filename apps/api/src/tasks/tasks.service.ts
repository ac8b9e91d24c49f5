import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { AppError, type CompleteTaskRequest } from '@app/domain';
import { StayRepository, TaskRepository } from '@app/persistence';
import { completeTaskUpdate, type TaskState } from '@app/workflows';

@Injectable()
export class TasksService {
  constructor(
    private readonly client: Client,
    private readonly tasks: TaskRepository,
    private readonly stays: StayRepository,
  ) {}

  /**
   * Completes a task through a Workflow Update whose id is derived from the Idempotency-Key:
   * the same key returns the first answer; another key on a finished task is refused (409).
   */
  async complete(
    taskId: string,
    request: CompleteTaskRequest,
    key: string,
    actor: string,
  ): Promise<TaskState> {
    const task = await this.tasks.findById(taskId);
    if (!task) throw AppError.notFound(`Task ${taskId} was not found`);
    const stay = await this.stays.findById(task.stayId);
    if (!stay) throw AppError.notFound(`Task ${taskId} was not found`);
    return this.client.workflow.getHandle(stay.workflowId).executeUpdate(completeTaskUpdate, {
      args: [
        {
          taskId,
          actor,
          occurredAt: (request.occurredAt ?? new Date()).toISOString(),
          ...(request.outcome === undefined ? {} : { outcome: request.outcome }),
          ...(request.note === undefined ? {} : { note: request.note }),
        },
      ],
      updateId: `complete:${taskId}:${key}`,
    });
  }
}
