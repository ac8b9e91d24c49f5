import { useTranslation } from 'react-i18next';
import { useDefinition } from '../api/hooks';

const phases = [
  'inskrivning',
  'under_vardtiden',
  'utskrivningsklar',
  'utskrivning',
  'efter_utskrivning',
] as const;

const lanes = [
  'slutenvard',
  'regional_primarvard',
  'kommunal_primarvard',
  'kommunal_socialtjanst',
  'system',
] as const;

/** The process definition: phases, lanes and each activity's mål, syfte and hur. */
export function ProcessPage() {
  const { t } = useTranslation();
  const definition = useDefinition();
  if (!definition) return <p className="loading">{t('app.loading')}</p>;
  return (
    <>
      <h1>{t('process.title')}</h1>
      <p className="intro">
        {t('process.intro', { version: definition.version, title: definition.title })}
      </p>
      {phases.map((phase) => (
        <section key={phase} aria-labelledby={`phase-${phase}`}>
          <h2 id={`phase-${phase}`}>{t(`stay.phases.${phase}`)}</h2>
          {lanes.map((lane) => {
            const activities = definition.activities.filter(
              (a) => a.phase === phase && a.lane === lane,
            );
            if (activities.length === 0) return null;
            return (
              <div key={lane} className={`process-lane lane-${lane}`}>
                <h3>{t(`stay.lanes.${lane}`)}</h3>
                {activities.map((a) => (
                  <details key={a.id} className="activity">
                    <summary>{a.title}</summary>
                    <dl>
                      <dt>{t('process.goal')}</dt>
                      <dd>{a.goal}</dd>
                      <dt>{t('process.purpose')}</dt>
                      <dd>{a.purpose}</dd>
                      <dt>{t('process.how')}</dt>
                      <dd>{a.how}</dd>
                      <dt>{t('process.performer')}</dt>
                      <dd>{a.performerRole}</dd>
                      {a.outcomes.length > 0 ? (
                        <>
                          <dt>{t('process.outcomes')}</dt>
                          <dd>{a.outcomes.map((o) => o.title).join(' · ')}</dd>
                        </>
                      ) : null}
                    </dl>
                  </details>
                ))}
              </div>
            );
          })}
        </section>
      ))}
    </>
  );
}
