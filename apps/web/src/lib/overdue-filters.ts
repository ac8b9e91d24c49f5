import { overdueSorts, type OverdueSort } from '../../../../libs/domain/src/vocabulary';

/**
 * Uppföljning's overdue list, its filters kept in the URL (?kommun=…&unit=…&activity=…
 * &minHours=…&sort=…&page=…). Pure: parse the URL, build the API query.
 */

export { overdueSorts };
export const PAGE_SIZE = 25;

export interface OverdueFilters {
  kommun: string;
  unit: string;
  activity: string;
  /** At least this many hours overdue ('' = any). */
  minHours: string;
  sort: OverdueSort;
  /** 1-based. */
  page: number;
}

const slug = /^[a-z0-9][a-z0-9-]{1,79}$/;

/** What the URL says; anything malformed reads as "no filter" rather than a refused request. */
export function readOverdueFilters(params: URLSearchParams): OverdueFilters {
  const kommun = params.get('kommun') ?? '';
  const unit = params.get('unit') ?? '';
  const activity = params.get('activity') ?? '';
  const minHours = params.get('minHours') ?? '';
  const sort = params.get('sort') as OverdueSort | null;
  const page = Number(params.get('page') ?? '1');
  return {
    kommun: /^\d{4}$/.test(kommun) ? kommun : '',
    unit: slug.test(unit) ? unit : '',
    activity: slug.test(activity) ? activity : '',
    minHours: /^[1-9]\d{0,4}$/.test(minHours) ? minHours : '',
    sort: sort && overdueSorts.includes(sort) ? sort : 'most-overdue',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** GET /api/v1/monitoring/overdue for the filters: one page of PAGE_SIZE. */
export function overdueQuery(filters: OverdueFilters): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.kommun) query.set('kommun', filters.kommun);
  if (filters.unit) query.set('unit', filters.unit);
  if (filters.activity) query.set('activity', filters.activity);
  if (filters.minHours) query.set('minHoursOverdue', filters.minHours);
  query.set('sort', filters.sort);
  query.set('limit', String(PAGE_SIZE));
  query.set('offset', String((filters.page - 1) * PAGE_SIZE));
  return query;
}
