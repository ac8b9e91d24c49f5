import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi, useDefinition, useUnits } from '../api/hooks';
import type { OverdueList as Overdue } from '../api/monitoring';
import { Due } from '../components/Due';
import { ErrorMessage } from '../components/ErrorMessage';
import { kommunName } from '../lib/format';
import { overdueQuery, overdueSorts, readOverdueFilters, PAGE_SIZE } from '../lib/overdue-filters';
import { formatDateTime } from '../lib/time';

const ages = ['', '24', '72', '168'] as const;

/**
 * Uppföljning's overdue tasks: filtered by kommun, unit, activity and age, sorted, and paged;
 * every choice in the URL, so a link or the back button shows the same list.
 */
export function OverdueList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readOverdueFilters(params);
  const list = useApi<Overdue>(`/api/v1/monitoring/overdue?${overdueQuery(filters).toString()}`);
  const definition = useDefinition();
  const units = useUnits();
  const kommuner = [...new Set(units.map((u) => u.kommunCode).filter(Boolean))] as string[];
  const title = (id: string) => definition?.activities.find((a) => a.id === id)?.title ?? id;
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  // From the URL as it is when the change lands, so quick successive choices all stay.
  const set = (name: string, value: string) => {
    setParams(
      () => {
        // react-router's own "current" is the last render's; the location is the latest.
        const next = new URLSearchParams(window.location.search);
        if (value) next.set(name, value);
        else next.delete(name);
        if (name !== 'page') next.delete('page');
        return next;
      },
      { replace: name !== 'page' },
    );
  };
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const now = new Date();

  return (
    <section aria-labelledby="overdue-title">
      <h2 id="overdue-title">{t('dashboard.overdue')}</h2>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('stays.kommun')}
          <select value={filters.kommun} onChange={(e) => set('kommun', e.target.value)}>
            <option value="">{t('overdue.all')}</option>
            {kommuner.map((code) => (
              <option key={code} value={code}>
                {kommunName(code)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard.unit')}
          <select value={filters.unit} onChange={(e) => set('unit', e.target.value)}>
            <option value="">{t('overdue.all')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('tasks.task')}
          <select value={filters.activity} onChange={(e) => set('activity', e.target.value)}>
            <option value="">{t('overdue.all')}</option>
            {(definition?.activities ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('overdue.age')}
          <select value={filters.minHours} onChange={(e) => set('minHours', e.target.value)}>
            {ages.map((h) => (
              <option key={h} value={h}>
                {t(`overdue.ages.${h || 'any'}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('overdue.sort')}
          <select value={filters.sort} onChange={(e) => set('sort', e.target.value)}>
            {overdueSorts.map((s) => (
              <option key={s} value={s}>
                {t(`overdue.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </form>
      <ErrorMessage error={list.error} />
      <p role="status" className="status-line" data-testid="overdue-count">
        {list.data
          ? t('overdue.count', { count: total, page: filters.page, pages })
          : t('app.loading')}
      </p>
      {list.data && list.data.items.length > 0 ? (
        <table className="list compact">
          <caption className="visually-hidden">{t('dashboard.overdue')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tasks.task')}</th>
              <th scope="col">{t('dashboard.unit')}</th>
              <th scope="col">{t('stays.kommun')}</th>
              <th scope="col">{t('tasks.due')}</th>
              <th scope="col">{t('dashboard.escalated')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((task) => (
              <tr key={task.taskId}>
                <th scope="row">
                  {title(task.activityId)}
                  <Link className="small" to={`/stays/${task.stayId}`}>
                    {t('tasks.openStay')}
                  </Link>
                </th>
                <td>{unitName(task.unitId)}</td>
                <td>{kommunName(task.kommunCode)}</td>
                <td>
                  <Due dueAt={task.dueAt} overdue now={now} />
                </td>
                <td>{task.escalatedAt ? formatDateTime(task.escalatedAt) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.data?.items.length === 0 ? <p className="empty">{t('dashboard.noOverdue')}</p> : null}
      {pages > 1 ? (
        <nav className="pager" aria-label={t('overdue.pages')}>
          <button
            type="button"
            disabled={filters.page <= 1}
            onClick={() => set('page', String(filters.page - 1))}
          >
            {t('overdue.previous')}
          </button>
          <span>{t('overdue.pageOf', { page: filters.page, pages })}</span>
          <button
            type="button"
            disabled={filters.page >= pages}
            onClick={() => set('page', String(filters.page + 1))}
          >
            {t('overdue.next')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
