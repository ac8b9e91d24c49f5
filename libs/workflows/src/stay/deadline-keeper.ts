import { patched } from '@temporalio/workflow';
import { findActivity, type ProcessDefinition } from '@app/process-definition/interpreter';
import { tasksFallingOverdue } from './interpreter';
import { Patch } from './patches';
import { remindersDue, type TaskTiming } from './reminders';
import type { DeviationRecord, StayState, TaskState } from './types';

/**
 * What the stay workflow does when time passes: marks tasks overdue with an automatic
 * deviation (samverkansavvikelse, "försenad aktivitet") against the responsible unit,
 * reminds units before tasks fall due and escalates overdue tasks to the unit's lead.
 */
export function deadlineKeeper(deps: {
  definition: ProcessDefinition;
  state: StayState;
  stayId: string;
  timing: TaskTiming;
  saveTasks: (tasks: TaskState[]) => Promise<void>;
  recordDeviation: (deviation: DeviationRecord) => Promise<void>;
  recordDeviations: (deviations: DeviationRecord[]) => Promise<void>;
}) {
  const { definition, state } = deps;

  const deviationFor = (task: TaskState, missedAt?: string): DeviationRecord => ({
    id: `${task.id}:overdue`,
    stayId: deps.stayId,
    taskId: task.id,
    unitId: task.unitId,
    category: 'forsenad-aktivitet',
    description: `${findActivity(definition, task.activityId)?.title ?? task.activityId}: inte klar före tidsfristen.`,
    source: 'automatic',
    occurredAt: task.dueAt ?? missedAt ?? new Date().toISOString(),
  });

  /** Projects tasks that just became overdue and records a deviation against each unit. */
  const recordOverdue = async (tasks: TaskState[], missedAt?: string): Promise<void> => {
    if (tasks.length === 0) return;
    if (patched(Patch.batchedOverdue)) {
      // Two activities however many tasks fall due together (admission's tasks often do).
      await deps.saveTasks(tasks);
      await deps.recordDeviations(tasks.map((task) => deviationFor(task, missedAt)));
      return;
    }
    for (const task of tasks) {
      await deps.saveTasks([task]);
      await deps.recordDeviation(deviationFor(task, missedAt));
    }
  };

  const markOverdue = async (): Promise<void> => {
    const due = tasksFallingOverdue(state, new Date());
    for (const task of due) {
      task.overdue = true;
      task.version += 1;
    }
    await recordOverdue(due);
  };

  const remindAndEscalate = async (): Promise<void> => {
    const { remind, escalate } = remindersDue(state, new Date(), deps.timing);
    if (remind.length + escalate.length === 0 || !patched(Patch.taskReminders)) return;
    const now = new Date().toISOString();
    for (const task of remind) task.remindedAt = now;
    for (const task of escalate) task.escalatedAt = now;
    const changed = [...new Set([...remind, ...escalate])];
    for (const task of changed) task.version += 1;
    await deps.saveTasks(changed);
  };

  return { recordOverdue, markOverdue, remindAndEscalate };
}
