import { emptyCounters } from './counters';
import { nextReminderAt, remindersDue, type TaskTiming } from './reminders';
import type { StayState, TaskState } from './types';

const HOUR = 3_600_000;
const timing: TaskTiming = { reminderBeforeDueHours: 4, escalationAfterDueHours: 24 };
const due = Date.UTC(2026, 10, 23, 12);

function stateWith(task: Partial<TaskState>): StayState {
  return {
    facts: { needs: {}, careType: 'somatic' },
    status: 'admitted',
    counters: emptyCounters(),
    version: 1,
    tasks: [
      {
        id: 't1',
        stayId: 's',
        activityId: 'a',
        unitId: 'u',
        lane: 'slutenvard',
        status: 'open',
        triggeredAt: new Date(due - 24 * HOUR).toISOString(),
        dueAt: new Date(due).toISOString(),
        overdue: false,
        version: 1,
        ...task,
      },
    ],
  };
}

describe('reminders and escalation', () => {
  it('reminds 4 hours before due, once', () => {
    const state = stateWith({});
    expect(nextReminderAt(state, timing)).toBe(due - 4 * HOUR);
    expect(remindersDue(state, new Date(due - 4 * HOUR - 1), timing).remind).toEqual([]);
    expect(remindersDue(state, new Date(due - 4 * HOUR), timing).remind).toHaveLength(1);
    const reminded = stateWith({ remindedAt: new Date(due - 4 * HOUR).toISOString() });
    expect(remindersDue(reminded, new Date(due - HOUR), timing).remind).toEqual([]);
    expect(nextReminderAt(reminded, timing)).toBe(due + 24 * HOUR);
  });

  it('sends no reminder for a task that is already past due, but escalates it after the grace', () => {
    const state = stateWith({ overdue: true });
    expect(remindersDue(state, new Date(due + HOUR), timing).remind).toEqual([]);
    expect(nextReminderAt(state, timing)).toBe(due + 24 * HOUR); // no wake-up for the reminder
    expect(remindersDue(state, new Date(due + 24 * HOUR), timing).escalate).toHaveLength(1);
  });

  it('ignores finished tasks and tasks without a due time', () => {
    expect(nextReminderAt(stateWith({ status: 'done' }), timing)).toBeUndefined();
    expect(nextReminderAt(stateWith({ dueAt: undefined }), timing)).toBeUndefined();
  });
});
