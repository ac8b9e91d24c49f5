import { getExternalWorkflowHandle, setHandler } from '@temporalio/workflow';
import type { ProcessDefinition } from '@app/process-definition/interpreter';
import { closeTasksOnEvent } from './interpreter';
import { readmittedSignal, stayWorkflowId } from './messages';
import type { StayState, TaskState } from './types';

/**
 * Readmission within the window (issue 14, rule 6): the earlier stay's after-discharge tasks
 * that no longer apply while the patient is back in hospital (the definition's
 * cancelledBy: readmitted — first home visit, start of home care, follow-up contact) are
 * cancelled, with the readmission kept as the reason, so nobody gets a false deviation.
 */
export function registerReadmissionHandler(deps: {
  definition: ProcessDefinition;
  state: StayState;
  saveTasks: (tasks: TaskState[]) => Promise<void>;
  changed: () => void;
}): void {
  setHandler(readmittedSignal, async ({ readmissionStayId, occurredAt }) => {
    const closed = closeTasksOnEvent(deps.definition, deps.state, {
      type: 'readmitted',
      occurredAt,
    });
    for (const task of closed)
      if (task.status === 'cancelled') task.cancelReason = `readmitted:${readmissionStayId}`;
    await deps.saveTasks(closed);
    deps.changed();
  });
}

/** Tells the earlier stay; one that already closed has nothing left to cancel. */
export async function tellEarlierStay(
  previousStayId: string,
  readmissionStayId: string,
  occurredAt: string,
): Promise<void> {
  try {
    await getExternalWorkflowHandle(stayWorkflowId(previousStayId)).signal(readmittedSignal, {
      readmissionStayId,
      occurredAt,
    });
  } catch {
    // The earlier stay's workflow has completed (its watch ended): no live task to cancel.
  }
}
