import { isLive } from './lifecycle';
import type { StayState, TaskState } from './types';

const HOUR_MS = 3_600_000;

/** When the unit is reminded of a task, and when an overdue task is escalated to its lead. */
export interface TaskTiming {
  reminderBeforeDueHours: number;
  escalationAfterDueHours: number;
}

export const defaultTaskTiming: TaskTiming = {
  reminderBeforeDueHours: 4,
  escalationAfterDueHours: 24,
};

const remindAt = (t: TaskState, timing: TaskTiming) =>
  t.dueAt === undefined ? undefined : Date.parse(t.dueAt) - timing.reminderBeforeDueHours * HOUR_MS;
const escalateAt = (t: TaskState, timing: TaskTiming) =>
  t.dueAt === undefined
    ? undefined
    : Date.parse(t.dueAt) + timing.escalationAfterDueHours * HOUR_MS;

/**
 * Live tasks whose reminder or escalation time has come at `now`. A task registered so late
 * that it is already past its due time gets no reminder (it is overdue instead).
 */
export function remindersDue(
  state: StayState,
  now: Date,
  timing: TaskTiming,
): { remind: TaskState[]; escalate: TaskState[] } {
  const remind: TaskState[] = [];
  const escalate: TaskState[] = [];
  for (const task of state.tasks) {
    if (!isLive(task) || task.dueAt === undefined) continue;
    const due = Date.parse(task.dueAt);
    const reminder = remindAt(task, timing);
    if (
      !task.remindedAt &&
      reminder !== undefined &&
      reminder <= now.getTime() &&
      now.getTime() < due
    )
      remind.push(task);
    const escalation = escalateAt(task, timing);
    if (!task.escalatedAt && escalation !== undefined && escalation <= now.getTime())
      escalate.push(task);
  }
  return { remind, escalate };
}

/** The next time remindersDue will act on, if any. */
export function nextReminderAt(state: StayState, timing: TaskTiming): number | undefined {
  let next: number | undefined;
  const consider = (at: number | undefined) => {
    if (at !== undefined && (next === undefined || at < next)) next = at;
  };
  for (const task of state.tasks) {
    if (!isLive(task) || task.dueAt === undefined) continue;
    // Once overdue a task is never reminded (remindersDue skips it): waking for it would spin.
    if (!task.remindedAt && !task.overdue) consider(remindAt(task, timing));
    if (!task.escalatedAt) consider(escalateAt(task, timing));
  }
  return next;
}
