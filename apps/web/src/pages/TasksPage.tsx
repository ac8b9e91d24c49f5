import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, newKey } from '../api/client';
import { useApi, useDefinition } from '../api/hooks';
import type { Page, StayListItem, Task } from '../api/types';
import { useMe } from '../auth/session';
import { Due } from '../components/Due';
import { ErrorMessage } from '../components/ErrorMessage';
import { CompleteDialog } from './CompleteDialog';
import {
  readTaskFilters,
  taskQuery,
  taskViews,
  writeTaskFilters,
  type TaskFilters,
} from '../lib/filters';

/** Mina uppgifter: the unit's queue by due time, filters in the URL. */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useMe();
  const definition = useDefinition();
  const [params, setParams] = useSearchParams();
  const unitIds = useMemo(() => me.units.map((u) => u.id), [me]);
  const fromUrl = readTaskFilters(params, unitIds);
  // The choice shows at once; the URL (and so the back button and a reload) follows.
  const [filters, setLocal] = useState(fromUrl);
  const urlKey = `${fromUrl.unit ?? ''}|${fromUrl.view}`;
  useEffect(() => setLocal(readTaskFilters(params, unitIds)), [urlKey]);
  const tasks = useApi<Page<Task>>(`/api/v1/tasks?${taskQuery(filters).toString()}`);
  // Who each task is about (the queue itself carries only the stay id).
  const stays = useApi<Page<StayListItem>>('/api/v1/stays');
  const patient = (task: Task) => {
    const stay = stays.data?.items.find((s) => s.id === task.stayId);
    return stay?.patient ? `${stay.patient.name}, ${stay.patient.personnummer}` : null;
  };
  const [completing, setCompleting] = useState<Task>();
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const now = new Date();
  const title = (task: Task) =>
    definition?.activities.find((a) => a.id === task.activityId)?.title ?? task.activityId;
  const setFilters = (next: TaskFilters) => {
    setLocal(next);
    setParams(writeTaskFilters(next));
  };
  const { reload } = tasks;
  const reloadStays = stays.reload;
  const later = useCallback(() => {
    reload();
    reloadStays();
    setTimeout(reload, 1500);
  }, [reload, reloadStays]);

  const claim = async (task: Task) => {
    setError(undefined);
    try {
      await api(`/api/v1/tasks/${task.id}/claim`, { method: 'POST', idempotencyKey: newKey() });
      setMessage(t('tasks.claimed'));
      later();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <h1>{t('tasks.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('tasks.unit')}
          <select
            value={filters.unit ?? ''}
            onChange={(e) => setFilters({ ...filters, unit: e.target.value })}
          >
            {me.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="segmented">
          <legend>{t('tasks.view')}</legend>
          {taskViews.map((view) => (
            <label key={view} className={filters.view === view ? 'checked' : ''}>
              <input
                type="radio"
                name="view"
                value={view}
                checked={filters.view === view}
                onChange={() => setFilters({ ...filters, view })}
              />
              {t(`tasks.views.${view}`)}
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={later}>
          {t('tasks.refresh')}
        </button>
      </form>
      <p role="status" className="status-line">
        {message}
      </p>
      <ErrorMessage error={error ?? tasks.error} />
      {tasks.data && tasks.data.items.length === 0 ? (
        <p className="empty">{t('tasks.empty')}</p>
      ) : null}
      {tasks.data && tasks.data.items.length > 0 ? (
        <table className="list">
          <caption className="visually-hidden">{t(`tasks.views.${filters.view}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tasks.task')}</th>
              <th scope="col">{t('tasks.due')}</th>
              <th scope="col">{t('tasks.status')}</th>
              <th scope="col">{t('tasks.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.data.items.map((task) => (
              <tr key={task.id} className={task.overdue ? 'row-overdue' : ''}>
                <th scope="row">
                  <span className="task-title">{title(task)}</span>
                  {patient(task) ? <span className="patient">{patient(task)}</span> : null}
                  <Link to={`/stays/${task.stayId}`} className="small">
                    {t('tasks.openStay')}
                  </Link>
                </th>
                <td>
                  {task.status === 'done' && task.completedAt ? (
                    t('tasks.statuses.done')
                  ) : (
                    <Due dueAt={task.dueAt} overdue={task.overdue} now={now} />
                  )}
                </td>
                <td>
                  {t(`tasks.statuses.${task.status}`)}
                  {task.claimedBy ? (
                    <span className="small">{t('tasks.claimedBy', { who: task.claimedBy })}</span>
                  ) : null}
                </td>
                <td className="actions">
                  {task.status === 'open' ? (
                    <button
                      onClick={() => void claim(task)}
                      aria-label={`${t('tasks.claim')}: ${title(task)}`}
                    >
                      {t('tasks.claim')}
                    </button>
                  ) : null}
                  {task.status === 'open' || task.status === 'claimed' ? (
                    <button
                      className="primary"
                      onClick={() => setCompleting(task)}
                      aria-label={`${t('tasks.complete')}: ${title(task)}`}
                    >
                      {t('tasks.complete')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {completing ? (
        <CompleteDialog
          task={completing}
          activity={definition?.activities.find((a) => a.id === completing.activityId)}
          onClose={() => setCompleting(undefined)}
          onDone={() => {
            setCompleting(undefined);
            setMessage(t('tasks.done'));
            later();
          }}
        />
      ) : null}
    </>
  );
}
