import type {
  DeviationRecord,
  ProjectionFailureRecord,
  ReadmissionLink,
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
  recordDeviations(deviations: DeviationRecord[]): Promise<void>;
  /**
   * Finds the patient's latest stay that ended (discharged) within `windowDays` before this
   * admission, by the keyed hash, and links the two stays in the read model.
   */
  linkReadmission(input: {
    stayId: string;
    patientKey: string;
    admittedAt: string;
    windowDays: number;
  }): Promise<ReadmissionLink | null>;
  /** Records on the stay that a projection was refused for good (visible to processägare). */
  recordProjectionFailure(failure: ProjectionFailureRecord): Promise<void>;
}
