import type {
  ProjectionFailureRepository,
  StayRepository,
  TaskRepository,
  TimelineRepository,
  UnitRepository,
} from '@app/persistence';
import type { StayActivities } from '@app/workflows';
import { withProjectionFailures } from './projection-errors';

export interface StayActivityDependencies {
  stays: StayRepository;
  tasks: TaskRepository;
  timeline: TimelineRepository;
  units: UnitRepository;
  projectionFailures: ProjectionFailureRepository;
}

/**
 * The stay workflow's I/O: resolving units and projecting state into PostgreSQL. A write
 * PostgreSQL refuses for good fails non-retryable (see projection-errors.ts).
 */
export function createStayActivities(deps: StayActivityDependencies): StayActivities {
  return withProjectionFailures<StayActivities>({
    resolveStayUnits: (input) => deps.units.resolveStayUnits(input),
    projectStay: (snapshot) => deps.stays.project(snapshot),
    projectEvent: (event) => deps.timeline.recordEvent(event),
    projectTasks: (tasks) => deps.tasks.project(tasks),
    recordDeviation: (deviation) => deps.timeline.recordDeviations([deviation]),
    recordDeviations: (deviations) => deps.timeline.recordDeviations(deviations),
    linkReadmission: (input) => deps.stays.linkReadmission(input),
    recordProjectionFailure: (failure) => deps.projectionFailures.record(failure),
  });
}
