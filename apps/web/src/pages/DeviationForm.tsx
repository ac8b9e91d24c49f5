import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newKey } from '../api/client';
import type { StayTimeline, Unit } from '../api/types';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { isLocalDateTime, stockholmLocalNow, stockholmLocalToIso } from '../lib/time';
import { CodeSelect } from '../components/CodeSelect';
import { DateTimeInput } from '../components/SwedishDateTime';
import { manualDeviationCategories as categories } from '../../../../libs/domain/src/vocabulary';

/** Any party of the stay reports a samverkansavvikelse against one of the stay's units. */
export function DeviationForm(props: { stay: StayTimeline; units: Unit[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const { stay } = props;
  const parties = props.units.filter(
    (u) =>
      u.id === stay.wardUnitId ||
      u.id === stay.listedVardcentralUnitId ||
      (u.kommunCode === stay.kommunCode &&
        (u.lane === 'kommunal_primarvard' || u.lane === 'kommunal_socialtjanst')),
  );
  const [category, setCategory] = useState<string>(categories[0]);
  const [description, setDescription] = useState('');
  const [unitId, setUnitId] = useState('');
  const [occurredAt, setOccurredAt] = useState(stockholmLocalNow);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [key, setKey] = useState(newKey);
  const unit = unitId || parties[0]?.id || '';

  const save = async () => {
    setConfirming(false);
    try {
      await api(`/api/v1/stays/${stay.id}/deviations`, {
        method: 'POST',
        idempotencyKey: key,
        body: { category, description, unitId: unit, occurredAt: stockholmLocalToIso(occurredAt) },
      });
      setMessage(t('deviations.sent'));
      setDescription('');
      setKey(newKey());
      props.onSaved();
    } catch (e) {
      setError(e);
    }
  };
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!isLocalDateTime(occurredAt)) {
      setError(new Error(t('forms.invalidDateTime')));
      return;
    }
    setError(undefined);
    setConfirming(true);
  };

  return (
    <section className="panel" aria-labelledby="deviation-form-title">
      <h2 id="deviation-form-title">{t('deviations.report')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <CodeSelect
          label={t('deviations.category')}
          value={category}
          codes={categories}
          labelPrefix="deviations.categories"
          onChange={setCategory}
        />
        <label>
          {t('deviations.unit')}
          <select value={unit} onChange={(e) => setUnitId(e.target.value)}>
            {parties.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <DateTimeInput
          label={t('deviations.occurredAt')}
          value={occurredAt}
          onChange={setOccurredAt}
        />
        <label>
          {t('deviations.description')}
          <textarea
            required
            rows={3}
            maxLength={2000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <ErrorMessage
          error={error}
          labels={{
            category: t('deviations.category'),
            occurredAt: t('deviations.occurredAt'),
            description: t('deviations.description'),
            unitId: t('deviations.unit'),
          }}
        />
        <p role="status" className="status-line">
          {message}
        </p>
        <div className="buttons">
          <button type="submit">{t('deviations.report')}</button>
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t('forms.confirmTitle')}
          text={t('deviations.confirm', { unit: parties.find((u) => u.id === unit)?.name ?? unit })}
          yes={t('deviations.report')}
          no={t('forms.no')}
          onYes={() => void save()}
          onNo={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
