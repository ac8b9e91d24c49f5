import type { Lane, PerformerUnit, StayFacts } from '@app/process-definition/interpreter';
import type { StayCounters } from './counters';
import type { TaskTiming } from './reminders';

/** What a stay workflow starts with. No patient identity: only opaque ids and a keyed hash. */
export interface StayWorkflowInput {
  stayId: string;
  processDefinitionVersion: number;
  admittedAt: string;
  careType: string;
  wardUnitId: string;
  kommunCode: string;
  listedVardcentralUnitId?: string;
  /** HMAC of the personnummer, for linking readmissions; never the number itself. */
  patientKey: string;
  /** Set when the workflow continued as new: the state of the previous run. */
  carried?: CarriedStayState;
  /** Reminder and escalation times, fixed at admission (defaults when absent). */
  taskTiming?: TaskTiming;
  /** The units, when the API resolved them at admission (else an activity resolves them). */
  units?: StayUnits;
}

/** The units that perform a stay's activities, resolved once at admission. */
export interface StayUnits {
  ward: string;
  listedVardcentral?: string;
  kommunHemsjukvard?: string;
  kommunSocialtjanst?: string;
  /** The kommun's hemtjänst provider (utförare), by the patient's area where there are several. */
  kommunHemtjanst?: string;
  /** The kommun's korttidsboende. */
  kommunKorttid?: string;
  /** Where escalations and deviation reviews go, when the region has configured one. */
  processagare?: string;
  /**
   * Receivers that could not be resolved (no listed vårdcentral, a kommun without such a unit,
   * several units and no area to choose by): the intake unit that holds their tasks until
   * someone routes them. Only definitions with `settings.routing` use it.
   */
  intake?: Partial<Record<PerformerUnit, string>>;
  /** The patient is folkbokförd in another county than the ward's. */
  outOfCounty?: boolean;
}

export type TaskStatus = 'open' | 'claimed' | 'done' | 'cancelled';

export interface TaskState {
  id: string;
  stayId: string;
  activityId: string;
  unitId: string;
  lane: Lane;
  status: TaskStatus;
  triggeredAt: string;
  dueAt?: string;
  overdue: boolean;
  claimedBy?: string;
  completedAt?: string;
  completedBy?: string;
  outcome?: string;
  note?: string;
  /** Why the task was cancelled (e.g. the event that made it no longer apply). */
  cancelReason?: string;
  /** Why the task was moved to its current unit, when it was reassigned. */
  reassignReason?: string;
  /**
   * The receiver the task is for while it waits at an intake unit, because that receiver
   * could not be resolved; cleared when the intake routes it (or keeps it).
   */
  awaitingRouting?: PerformerUnit;
  /** On a routing task ("Välj mottagande enhet"): the receiver whose tasks it routes. */
  routes?: PerformerUnit;
  /** When the unit was reminded that the task falls due soon. */
  remindedAt?: string;
  /** When the overdue task was escalated to the unit's lead. */
  escalatedAt?: string;
  /** Increases with every change; the read model keeps only the newest. */
  version: number;
}

export interface StayEventRecord {
  id: string;
  stayId: string;
  type: string;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
}

export interface DeviationRecord {
  id: string;
  stayId: string;
  taskId?: string;
  unitId: string;
  category: string;
  description: string;
  source: 'automatic' | 'manual';
  occurredAt: string;
}

export type StayStatus = 'admitted' | 'discharged' | 'died' | 'transferred';

export interface StaySnapshot {
  stayId: string;
  status: StayStatus;
  endedAt?: string;
  counters?: StayCounters;
  version: number;
}

/** An earlier stay of the same patient that ended within the readmission window. */
export interface ReadmissionLink {
  previousStayId: string;
  previousEndedAt: string;
}

export interface StayState {
  facts: StayFacts;
  status: StayStatus;
  endedAt?: string;
  tasks: TaskState[];
  counters: StayCounters;
  version: number;
  /**
   * When each event type last happened (occurredAt), admission included: deadlines that count
   * from an earlier event (v2: the SIP kallelse from UK) read it. Absent in runs that started
   * before it was kept; no v1 deadline reads it.
   */
  eventTimes?: Record<string, string>;
}

/** What a stay carries into a new run when it continues as new (long stays). */
export interface CarriedStayState {
  state: StayState;
  units?: StayUnits;
  ended: boolean;
  admissionTaskIds: string[];
}

export interface RegisterEventArgs {
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface CompleteTaskArgs {
  taskId: string;
  actor: string;
  occurredAt: string;
  outcome?: string;
  note?: string;
  /** For a routing task: the unit that receives the tasks from now on. */
  receivingUnitId?: string;
}

export interface TaskActorArgs {
  taskId: string;
  /** Opaque user id of who acts (never a name or personnummer). */
  actor: string;
}

export interface ReassignTaskArgs extends TaskActorArgs {
  toUnitId: string;
  reason: string;
}

export interface RegisterEventResult {
  eventId: string;
  createdTaskIds: string[];
}

/**
 * A projection PostgreSQL refused for good. Names the activity and the SQLSTATE only: a
 * database message can quote the refused value, which may be patient data.
 */
export interface ProjectionFailureRecord {
  id: string;
  stayId: string;
  /** The activity whose write was refused, e.g. projectTasks. */
  projection: string;
  /** PostgreSQL's SQLSTATE (e.g. 23514), or null for our own validation. */
  sqlState: string | null;
  failedAt: string;
}
