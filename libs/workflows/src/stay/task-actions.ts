import { ApplicationFailure } from '@temporalio/workflow';
import { findActivity, type ProcessDefinition } from '@app/process-definition/interpreter';
import { StayFailure } from './messages';
import { routingProblem } from './routing';
import type {
  CompleteTaskArgs,
  ReassignTaskArgs,
  StayState,
  TaskActorArgs,
  TaskState,
} from './types';

/**
 * Validators and state changes of the task actions (claim, release, reassign, complete).
 * Validators throw before anything enters history; apply* mutate the task and return it.
 */

function refuse(type: string, message: string): never {
  throw ApplicationFailure.create({ type, message });
}

export function liveTask(state: StayState, taskId: string): TaskState {
  const task = state.tasks.find((t) => t.id === taskId);
  if (!task) return refuse(StayFailure.taskNotFound, `Task ${taskId} does not belong to this stay`);
  if (task.status === 'done' || task.status === 'cancelled')
    return refuse(StayFailure.taskAlreadyDone, `Task ${taskId} is already ${task.status}`);
  return task;
}

function notClaimedByOther(task: TaskState, actor: string): void {
  if (task.status === 'claimed' && task.claimedBy !== actor)
    refuse(StayFailure.taskClaimedByOther, `Task ${task.id} is claimed by someone else`);
}

export function validateClaim(state: StayState, args: TaskActorArgs): void {
  notClaimedByOther(liveTask(state, args.taskId), args.actor);
}

export function validateRelease(state: StayState, args: TaskActorArgs): void {
  const task = liveTask(state, args.taskId);
  if (task.status !== 'claimed')
    refuse(StayFailure.taskNotClaimed, `Task ${task.id} is not claimed`);
  notClaimedByOther(task, args.actor);
}

export function validateReassign(state: StayState, args: ReassignTaskArgs): void {
  const task = liveTask(state, args.taskId);
  notClaimedByOther(task, args.actor);
  if (task.unitId === args.toUnitId)
    refuse(StayFailure.sameUnit, `Task ${task.id} already belongs to ${args.toUnitId}`);
}

export function validateComplete(
  definition: ProcessDefinition,
  state: StayState,
  args: CompleteTaskArgs,
): void {
  const task = liveTask(state, args.taskId);
  notClaimedByOther(task, args.actor);
  const outcomes = findActivity(definition, task.activityId)?.outcomes ?? [];
  if (outcomes.length > 0 && !outcomes.some((o) => o.id === args.outcome))
    refuse(
      StayFailure.invalidOutcome,
      `outcome must be one of: ${outcomes.map((o) => o.id).join(', ')}`,
    );
  const routing = routingProblem(task, args);
  if (routing !== undefined) refuse(StayFailure.invalidRouting, routing);
}

export function applyClaim(task: TaskState, args: TaskActorArgs): TaskState {
  if (task.status === 'claimed') return task; // the same actor claiming again changes nothing
  task.status = 'claimed';
  task.claimedBy = args.actor;
  task.version += 1;
  return task;
}

export function applyRelease(task: TaskState): TaskState {
  task.status = 'open';
  delete task.claimedBy;
  task.version += 1;
  return task;
}

export function applyReassign(task: TaskState, args: ReassignTaskArgs): TaskState {
  task.unitId = args.toUnitId;
  task.status = 'open';
  delete task.claimedBy;
  task.reassignReason = args.reason;
  task.version += 1;
  return task;
}

export function applyComplete(task: TaskState, args: CompleteTaskArgs): TaskState {
  task.status = 'done';
  task.completedAt = args.occurredAt;
  task.completedBy = args.actor;
  if (args.outcome !== undefined) task.outcome = args.outcome;
  if (args.note !== undefined) task.note = args.note;
  task.version += 1;
  return task;
}
