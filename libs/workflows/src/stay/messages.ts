import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  CompleteTaskArgs,
  ReassignTaskArgs,
  RegisterEventArgs,
  RegisterEventResult,
  StayState,
  TaskActorArgs,
  TaskState,
} from './types';

/** Workflow ids carry no patient data: only the stay's opaque uuid. */
export const stayWorkflowId = (stayId: string): string => `stay-${stayId}`;

/** Message definitions, declared once and shared by the workflow, the API and the tests. */
/** Sent with the workflow's start: answers once the admission's first tasks are in the read model. */
export const admitUpdate = defineUpdate<RegisterEventResult>('admit');
export const registerEventUpdate = defineUpdate<RegisterEventResult, [RegisterEventArgs]>(
  'registerEvent',
);
export const completeTaskUpdate = defineUpdate<TaskState, [CompleteTaskArgs]>('completeTask');
export const claimTaskUpdate = defineUpdate<TaskState, [TaskActorArgs]>('claimTask');
export const releaseTaskUpdate = defineUpdate<TaskState, [TaskActorArgs]>('releaseTask');
export const reassignTaskUpdate = defineUpdate<TaskState, [ReassignTaskArgs]>('reassignTask');
export const stayStateQuery = defineQuery<StayState>('stayState');
/**
 * Sent by a readmission's stay to the patient's earlier stay (still watched for the window):
 * its after-discharge tasks that a readmission makes moot are cancelled, the reason kept.
 */
export const readmittedSignal =
  defineSignal<[{ readmissionStayId: string; occurredAt: string }]>('readmitted');

/** Failure types the workflow's validators raise; the API maps them to HTTP statuses. */
export const StayFailure = {
  taskNotFound: 'TaskNotFound',
  taskAlreadyDone: 'TaskAlreadyDone',
  taskClaimedByOther: 'TaskClaimedByOther',
  taskNotClaimed: 'TaskNotClaimed',
  sameUnit: 'SameUnit',
  invalidOutcome: 'InvalidOutcome',
  invalidRouting: 'InvalidRouting',
  unknownEventType: 'UnknownEventType',
  stayEnded: 'StayEnded',
  /** PostgreSQL refused a projection for good; recorded on the stay, the change is in Temporal. */
  projectionFailed: 'ProjectionFailed',
} as const;

/**
 * The failure type of a projection activity that can never succeed (PostgreSQL's data and
 * integrity errors, SQLSTATE classes 22 and 23, or our own validation): not retried.
 */
export const PROJECTION_DATA_ERROR = 'ProjectionDataError';
