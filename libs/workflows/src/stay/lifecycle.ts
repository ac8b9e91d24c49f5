import {
  dueBeforeEvent,
  findActivity,
  type ProcessDefinition,
} from '@app/process-definition/interpreter';
import type { StayState, TaskState } from './types';

const DAY_MS = 86_400_000;

export const isLive = (task: TaskState): boolean =>
  task.status === 'open' || task.status === 'claimed';

/**
 * How long a discharged stay stays open: until the readmission window has passed, so the
 * activities after discharge can run and a readmission can be reviewed against it.
 */
export function watchUntil(state: StayState, windowDays: number): number | undefined {
  if (state.status !== 'discharged' || !state.endedAt) return undefined;
  return Date.parse(state.endedAt) + windowDays * DAY_MS;
}

/**
 * A stay's workflow is over when an ending event (death, transfer) happened and the tasks
 * that event opened are done, or when a discharged stay's watch has passed.
 */
export function stayIsOver(
  state: StayState,
  ended: boolean,
  now: number,
  windowDays: number,
): boolean {
  if (ended) return !state.tasks.some(isLive);
  const until = watchUntil(state, windowDays);
  return until !== undefined && now >= until;
}

/**
 * Live tasks that had to be done before this event (e.g. "before discharge"): they are
 * late now. Marks them overdue and returns them.
 */
export function tasksMissedByEvent(
  definition: ProcessDefinition,
  state: StayState,
  eventType: string,
): TaskState[] {
  const missed: TaskState[] = [];
  for (const task of state.tasks) {
    if (!isLive(task) || task.overdue) continue;
    const activity = findActivity(definition, task.activityId);
    if (!activity || dueBeforeEvent(activity.deadline) !== eventType) continue;
    task.overdue = true;
    task.version += 1;
    missed.push(task);
  }
  return missed;
}

/** Closes what is still open when the stay's workflow ends. */
export function closeRemainingTasks(state: StayState, reason: string): TaskState[] {
  const closed = state.tasks.filter(isLive);
  for (const task of closed) {
    task.status = 'cancelled';
    task.cancelReason = reason;
    task.version += 1;
  }
  return closed;
}
