import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { useApi, useDefinition, useUnits } from '../api/hooks';
import type { StayTimeline } from '../api/types';
import { useMe } from '../auth/session';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../lib/time';
import { DeviationForm } from './DeviationForm';
import { EventForm } from './EventForm';
import { Timeline } from './Timeline';
import { WaitingFor } from './WaitingFor';

/** Vårdtillfälle: who, where, the timeline, and the forms for what happens next. */
export function StayPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const location = useLocation();
  const stay = useApi<StayTimeline>(`/api/v1/stays/${id ?? ''}`);
  const definition = useDefinition(stay.data?.processDefinitionVersion);
  const units = useUnits();
  const unitName = (unitId: string) => units.find((u) => u.id === unitId)?.name ?? unitId;
  const data = stay.data;
  const message = (location.state as { message?: string } | null)?.message;
  const { reload } = stay;
  const changed = () => {
    reload();
    setTimeout(reload, 1500);
  };
  return (
    <>
      <h1>
        {t('stay.title')}
        {data ? `: ${data.patient ? data.patient.name : data.patientPseudonym}` : ''}
      </h1>
      <p role="status" className="status-line">
        {message}
      </p>
      <ErrorMessage error={stay.error} />
      {data ? (
        <>
          <dl className="facts">
            {data.patient ? (
              <div>
                <dt>{t('admit.personnummer')}</dt>
                <dd>{data.patient.personnummer}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('stays.ward')}</dt>
              <dd>{unitName(data.wardUnitId)}</dd>
            </div>
            <div>
              <dt>{t('stays.admitted')}</dt>
              <dd>{formatDateTime(data.admittedAt)}</dd>
            </div>
            <div>
              <dt>{t('stays.status')}</dt>
              <dd>{t(`stays.statuses.${data.status}`)}</dd>
            </div>
            <div>
              <dt>{t('stay.frailty')}</dt>
              <dd>
                {data.frailty ? t('stay.cfs', { score: data.frailty.cfs }) : t('stay.noFrailty')}
              </dd>
            </div>
            <div>
              <dt>{t('stay.ukDays')}</dt>
              <dd>{data.counters.utskrivningsklarDays}</dd>
            </div>
            <div>
              <dt>{t('stay.pudMoves')}</dt>
              <dd>{data.counters.plannedDischargeDateMoves}</dd>
            </div>
          </dl>
          {definition && me.role !== 'processagare' ? (
            <WaitingFor
              stay={data}
              definition={definition}
              units={units}
              myUnitIds={me.units.map((u) => u.id)}
            />
          ) : null}
          {definition ? <Timeline stay={data} definition={definition} units={units} /> : null}
          <div className="side-by-side">
            {me.role === 'ward_staff' && me.units.some((u) => u.id === data.wardUnitId) ? (
              definition ? (
                <EventForm
                  key={definition.version}
                  stayId={data.id}
                  eventTypes={definition.acceptedEventTypes}
                  units={units}
                  wardUnitId={data.wardUnitId}
                  onSaved={changed}
                />
              ) : null
            ) : null}
            {me.role !== 'processagare' ? (
              <DeviationForm stay={data} units={units} onSaved={changed} />
            ) : null}
          </div>
        </>
      ) : null}
    </>
  );
}
