import { stockholmLocalNow, stockholmLocalToIso } from './time';

/**
 * The task queue's filters, kept in the URL (?unit=…&view=…) so a reload, a bookmark or the
 * back button shows the same queue. Pure: parse and serialise URLSearchParams.
 */
export const taskViews = ['open', 'claimed', 'overdue', 'done'] as const;
export type TaskView = (typeof taskViews)[number];

/** Due within: any time, before the end of today (Stockholm), within three days. */
export const taskDues = ['any', 'today', '3d'] as const;
export type TaskDue = (typeof taskDues)[number];

export interface TaskFilters {
  unit: string | null;
  view: TaskView;
  due: TaskDue;
}

export const defaultView: TaskView = 'open';

export function readTaskFilters(params: URLSearchParams, units: readonly string[]): TaskFilters {
  const unit = params.get('unit');
  const view = params.get('view');
  const due = params.get('due');
  return {
    unit: unit && units.includes(unit) ? unit : (units[0] ?? null),
    view: taskViews.includes(view as TaskView) ? (view as TaskView) : defaultView,
    due: taskDues.includes(due as TaskDue) ? (due as TaskDue) : 'any',
  };
}

export function writeTaskFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.unit) params.set('unit', filters.unit);
  if (filters.view !== defaultView) params.set('view', filters.view);
  if (filters.due !== 'any') params.set('due', filters.due);
  return params;
}

/** The API query (GET /api/v1/tasks) for the filters. */
export function taskQuery(filters: TaskFilters, now = new Date()): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.unit) query.set('unit', filters.unit);
  if (filters.view === 'overdue') query.set('overdue', 'true');
  else query.set('status', filters.view);
  if (filters.due !== 'any') query.set('dueBefore', dueBefore(filters.due, now));
  return query;
}

/** The instant a "due" choice ends: midnight after today in Stockholm, or 72 hours on. */
function dueBefore(due: Exclude<TaskDue, 'any'>, now: Date): string {
  if (due === '3d') return new Date(now.getTime() + 72 * 3_600_000).toISOString();
  const today = stockholmLocalNow(now).slice(0, 10);
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10);
  return stockholmLocalToIso(`${tomorrow}T00:00`);
}
