/**
 * The task queue's filters, kept in the URL (?unit=…&view=…) so a reload, a bookmark or the
 * back button shows the same queue. Pure: parse and serialise URLSearchParams.
 */
export const taskViews = ['open', 'claimed', 'overdue', 'done'] as const;
export type TaskView = (typeof taskViews)[number];

export interface TaskFilters {
  unit: string | null;
  view: TaskView;
}

export const defaultView: TaskView = 'open';

export function readTaskFilters(params: URLSearchParams, units: readonly string[]): TaskFilters {
  const unit = params.get('unit');
  const view = params.get('view');
  return {
    unit: unit && units.includes(unit) ? unit : (units[0] ?? null),
    view: taskViews.includes(view as TaskView) ? (view as TaskView) : defaultView,
  };
}

export function writeTaskFilters(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.unit) params.set('unit', filters.unit);
  if (filters.view !== defaultView) params.set('view', filters.view);
  return params;
}

/** The API query (GET /api/v1/tasks) for the filters. */
export function taskQuery(filters: TaskFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.unit) query.set('unit', filters.unit);
  if (filters.view === 'overdue') query.set('overdue', 'true');
  else query.set('status', filters.view);
  return query;
}
