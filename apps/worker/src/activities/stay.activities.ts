import type {
  StayRepository,
  TaskRepository,
  TimelineRepository,
  UnitRepository,
} from '@app/persistence';
import type { StayActivities } from '@app/workflows';

export interface StayActivityDependencies {
  stays: StayRepository;
  tasks: TaskRepository;
  timeline: TimelineRepository;
  units: UnitRepository;
}

/** The stay workflow's I/O: resolving units and projecting state into PostgreSQL. */
export function createStayActivities(deps: StayActivityDependencies): StayActivities {
  return {
    async resolveStayUnits(input) {
      const [hemsjukvard, socialtjanst] = await Promise.all([
        deps.units.findKommunUnit(input.kommunCode, 'kommunal_primarvard'),
        deps.units.findKommunUnit(input.kommunCode, 'kommunal_socialtjanst'),
      ]);
      return {
        ward: input.wardUnitId,
        ...(input.listedVardcentralUnitId
          ? { listedVardcentral: input.listedVardcentralUnitId }
          : {}),
        ...(hemsjukvard ? { kommunHemsjukvard: hemsjukvard.id } : {}),
        ...(socialtjanst ? { kommunSocialtjanst: socialtjanst.id } : {}),
      };
    },
    projectStay: (snapshot) => deps.stays.project(snapshot),
    projectEvent: (event) => deps.timeline.recordEvent(event),
    projectTasks: (tasks) => deps.tasks.project(tasks),
    recordDeviation: (deviation) => deps.timeline.recordDeviations([deviation]),
    recordDeviations: (deviations) => deps.timeline.recordDeviations(deviations),
    linkReadmission: (input) => deps.stays.linkReadmission(input),
  };
}
