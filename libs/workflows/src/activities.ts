import type {
  DeviationRecord,
  StayEventRecord,
  StaySnapshot,
  StayUnits,
  StayWorkflowInput,
  TaskState,
} from './stay/types';

/**
 * What the stay workflow asks of the outside world. The worker implements it
 * (apps/worker/src/activities); workflow code only imports this type.
 */
export interface StayActivities {
  resolveStayUnits(input: StayWorkflowInput): Promise<StayUnits>;
  projectStay(snapshot: StaySnapshot): Promise<void>;
  projectEvent(event: StayEventRecord): Promise<void>;
  projectTasks(tasks: TaskState[]): Promise<void>;
  recordDeviation(deviation: DeviationRecord): Promise<void>;
}
