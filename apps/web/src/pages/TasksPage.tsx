import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, newKey } from '../api/client';
import { useApi, useDefinition, usePagedApi, useUnits } from '../api/hooks';
import type { Page, StayListItem, Task } from '../api/types';
import { useMe } from '../auth/session';
import { Due } from '../components/Due';
import { ErrorMessage } from '../components/ErrorMessage';
import { ConfirmDialog } from '../components/Dialog';
import { CompleteDialog } from './CompleteDialog';
import { ReassignDialog } from './ReassignDialog';
import {
  readTaskFilters,
  taskQuery,
  taskDues,
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
  const urlKey = `${fromUrl.unit ?? ''}|${fromUrl.view}|${fromUrl.due}`;
  // When the URL changes (back button, a link), the filters follow it: adjusted while
  // rendering, as React advises for state derived from a changed input.
  const [shownUrlKey, setShownUrlKey] = useState(urlKey);
  if (shownUrlKey !== urlKey) {
    setShownUrlKey(urlKey);
    setLocal(fromUrl);
  }
  // The due choice is turned into an instant once per choice, so the list does not refetch.
  const [asked] = useState(() => new Date());
  const tasks = usePagedApi<Task>(`/api/v1/tasks?${taskQuery(filters, asked).toString()}`);
  const units = useUnits();
  // Who each task is about (the queue itself carries only the stay id).
  const stays = useApi<Page<StayListItem>>('/api/v1/stays');
  const patient = (task: Task) => {
    const stay = stays.data?.items.find((s) => s.id === task.stayId);
    return stay?.patient ? `${stay.patient.name}, ${stay.patient.personnummer}` : null;
  };
  const [completing, setCompleting] = useState<Task>();
  const [reassigning, setReassigning] = useState<Task>();
  const [releasing, setReleasing] = useState<Task>();
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

  const release = async (task: Task) => {
    setReleasing(undefined);
    setError(undefined);
    try {
      await api(`/api/v1/tasks/${task.id}/release`, { method: 'POST', idempotencyKey: newKey() });
      setMessage(t('tasks.released'));
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
        <label>
          {t('tasks.due')}
          <select
            value={filters.due}
            onChange={(e) => setFilters({ ...filters, due: e.target.value as TaskFilters['due'] })}
          >
            {taskDues.map((due) => (
              <option key={due} value={due}>
                {t(`tasks.dues.${due}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={later}>
          {t('tasks.refresh')}
        </button>
      </form>
      <p role="status" className="status-line">
        {message}
      </p>
      <ErrorMessage error={error ?? tasks.error} />
      {tasks.data?.items.length === 0 ? <p className="empty">{t('tasks.empty')}</p> : null}
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
                  {task.reassignReason ? (
                    <span className="small">
                      {t('tasks.reassignedBecause', { reason: task.reassignReason })}
                    </span>
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
                  {task.status === 'claimed' && task.claimedBy === me.id ? (
                    <button
                      onClick={() => setReleasing(task)}
                      aria-label={`${t('tasks.release')}: ${title(task)}`}
                    >
                      {t('tasks.release')}
                    </button>
                  ) : null}
                  {task.status === 'open' ||
                  (task.status === 'claimed' && task.claimedBy === me.id) ? (
                    <button
                      onClick={() => setReassigning(task)}
                      aria-label={`${t('tasks.reassign')}: ${title(task)}`}
                    >
                      {t('tasks.reassign')}
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
      {tasks.data && tasks.data.items.length > 0 ? (
        <div className="buttons">
          <span className="small">
            {t(tasks.more ? 'tasks.shownMore' : 'tasks.shown', { count: tasks.data.items.length })}
          </span>
          {tasks.more ? (
            <button type="button" onClick={tasks.loadMore} disabled={tasks.loadingMore}>
              {t('tasks.more')}
            </button>
          ) : null}
        </div>
      ) : null}
      {releasing ? (
        <ConfirmDialog
          title={t('tasks.release')}
          text={t('tasks.releaseConfirm', { title: title(releasing) })}
          yes={t('tasks.releaseYes')}
          no={t('tasks.cancel')}
          onYes={() => void release(releasing)}
          onNo={() => setReleasing(undefined)}
        />
      ) : null}
      {reassigning ? (
        <ReassignDialog
          task={reassigning}
          title={title(reassigning)}
          units={units}
          onClose={() => setReassigning(undefined)}
          onDone={() => {
            setReassigning(undefined);
            setMessage(t('tasks.reassigned'));
            later();
          }}
        />
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
