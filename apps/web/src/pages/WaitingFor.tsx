import { useTranslation } from 'react-i18next';
import type { ProcessDefinition, StayTimeline, Unit } from '../api/types';
import { Due } from '../components/Due';

/**
 * What the signed-in user's units are waiting for from the other parties of the stay: the
 * open tasks of other units, the soonest due first, with who holds each one.
 */
export function WaitingFor(props: {
  stay: StayTimeline;
  definition: ProcessDefinition;
  units: Unit[];
  myUnitIds: string[];
}) {
  const { t } = useTranslation();
  const now = new Date();
  const waiting = props.stay.tasks
    .filter(
      (task) =>
        (task.status === 'open' || task.status === 'claimed') &&
        !props.myUnitIds.includes(task.unitId) &&
        task.lane !== 'system',
    )
    .sort((a, b) => (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999'));
  const title = (id: string) => props.definition.activities.find((a) => a.id === id)?.title ?? id;
  const unitName = (id: string) => props.units.find((u) => u.id === id)?.name ?? id;
  return (
    <section className="panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('stay.waitingFor')}</h2>
      {waiting.length === 0 ? <p className="empty">{t('stay.waitingForNone')}</p> : null}
      {waiting.length > 0 ? (
        <table className="list compact">
          <thead>
            <tr>
              <th scope="col">{t('tasks.task')}</th>
              <th scope="col">{t('dashboard.unit')}</th>
              <th scope="col">{t('tasks.due')}</th>
            </tr>
          </thead>
          <tbody>
            {waiting.map((task) => (
              <tr key={task.id} className={task.overdue ? 'row-overdue' : ''}>
                <th scope="row">{title(task.activityId)}</th>
                <td>{unitName(task.unitId)}</td>
                <td>
                  <Due dueAt={task.dueAt} overdue={task.overdue} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
