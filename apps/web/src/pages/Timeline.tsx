import { useTranslation } from 'react-i18next';
import type { ProcessDefinition, StayTimeline, Unit } from '../api/types';
import { Due } from '../components/Due';
import { formatDate, formatDateTime } from '../lib/time';
import { useFieldLabel, valueText } from './EventFields';

export const lanes = [
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
] as const;
const phases = [
  'inskrivning',
  'under_vardtiden',
  'utskrivningsklar',
  'utskrivning',
  'efter_utskrivning',
] as const;
const milestoneEvents = [
  'admitted',
  'needs-assessed',
  'planned-discharge-date-set',
  'planned-discharge-date-changed',
  'utskrivningsklar',
  'utskrivningsklar-revoked',
  'discharged',
  'died',
  'transferred',
];

interface Milestone {
  at: string;
  label: string;
  detail?: string;
}

function milestonesOf(stay: StayTimeline, label: (key: string) => string): Milestone[] {
  const list: Milestone[] = [{ at: stay.admittedAt, label: label('admitted') }];
  for (const e of stay.events)
    if (milestoneEvents.includes(e.type) && e.type !== 'admitted') {
      const date = typeof e.data.date === 'string' ? formatDate(e.data.date) : undefined;
      list.push({ at: e.occurredAt, label: label(e.type), ...(date ? { detail: date } : {}) });
    }
  for (const task of stay.tasks) {
    if (task.status !== 'done' || !task.completedAt) continue;
    if (task.activityId === 'send-inskrivningsmeddelande')
      list.push({ at: task.completedAt, label: label('inskrivningsmeddelande') });
    if (task.activityId.startsWith('hold-sip'))
      list.push({ at: task.completedAt, label: label('sip') });
  }
  return list.sort((a, b) => a.at.localeCompare(b.at));
}

/** The stay as the process draws it: milestones, then the four lanes by phase. */
export function Timeline(props: {
  stay: StayTimeline;
  definition: ProcessDefinition;
  units: Unit[];
}) {
  const { t } = useTranslation();
  const { stay, definition, units } = props;
  const now = new Date();
  const activity = (id: string) => definition.activities.find((a) => a.id === id);
  const laneOfUnit = (id: string) => units.find((u) => u.id === id)?.lane;
  const label = useFieldLabel();
  const eventLabel = (type: string) =>
    t(`events.${type}`, {
      defaultValue: definition.eventTypes.find((e) => e.type === type)?.title ?? type,
    });
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('stay.timeline')}</h2>
      <h3>{t('stay.milestones')}</h3>
      <ol className="milestones">
        {milestonesOf(stay, eventLabel).map((m, i) => (
          <li key={`${m.label}-${i}`}>
            <time dateTime={m.at}>{formatDateTime(m.at)}</time>
            <strong>{m.label}</strong>
            {m.detail ? <span>{m.detail}</span> : null}
          </li>
        ))}
      </ol>
      <details className="event-log">
        <summary>
          {t('stay.events')} ({stay.events.length})
        </summary>
        {stay.events.length === 0 ? <p className="empty">{t('stay.noEvents')}</p> : null}
        <ol>
          {stay.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>{' '}
              <strong>{eventLabel(e.type)}</strong>
              {Object.entries(e.data).length ? (
                <span>
                  {' – '}
                  {Object.entries(e.data)
                    .map(([name, value]) => `${label(name)}: ${valueText(t, name, value, units)}`)
                    .join(', ')}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </details>
      <div className="swimlanes" role="table" aria-label={t('stay.timeline')}>
        <div role="row" className="lane-head">
          <span role="columnheader" className="lane-name">
            <span className="visually-hidden">{t('stay.lane')}</span>
          </span>
          {phases.map((p) => (
            <span role="columnheader" key={p}>
              {t(`stay.phases.${p}`)}
            </span>
          ))}
          <span role="columnheader">{t('deviations.title')}</span>
        </div>
        {lanes.map((lane) => (
          <div role="row" key={lane} className={`lane lane-${lane}`}>
            <span role="rowheader" className="lane-name">
              {t(`stay.lanes.${lane}`)}
            </span>
            {phases.map((phase) => (
              <div role="cell" key={phase}>
                <ul>
                  {stay.tasks
                    .filter(
                      (task) => task.lane === lane && activity(task.activityId)?.phase === phase,
                    )
                    .map((task) => (
                      <li
                        key={task.id}
                        className={`chip chip-${task.status}${task.overdue ? ' chip-overdue' : ''}`}
                      >
                        <span>{activity(task.activityId)?.title ?? task.activityId}</span>
                        <span className="small">{t(`tasks.statuses.${task.status}`)}</span>
                        {task.status === 'open' || task.status === 'claimed' ? (
                          <Due dueAt={task.dueAt} overdue={task.overdue} now={now} />
                        ) : null}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
            <div role="cell">
              <ul>
                {stay.deviations
                  .filter((d) => laneOfUnit(d.unitId) === lane)
                  .map((d) => (
                    <li key={d.id} className="chip chip-deviation">
                      <span>
                        <span aria-hidden="true">⚠ </span>
                        {t('stay.deviation')}:{' '}
                        {t(`deviations.categories.${d.category}`, { defaultValue: d.category })}
                      </span>
                      <span className="small">{formatDateTime(d.occurredAt)}</span>
                    </li>
                  ))}
              </ul>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
