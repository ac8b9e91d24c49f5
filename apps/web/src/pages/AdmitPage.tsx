import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, newKey } from '../api/client';
import { useUnits } from '../api/hooks';
import { useMe } from '../auth/session';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { kommunName } from '../lib/format';
import { DateTimeInput } from '../components/SwedishDateTime';
import { isLocalDateTime, stockholmLocalNow, stockholmLocalToIso } from '../lib/time';
import { CodeSelect } from '../components/CodeSelect';

const careTypes = ['somatic', 'psychiatric', 'psychiatric-lpt'] as const;

/** Ward staff admit a patient (POST /api/v1/stays), after a confirmation. */
export function AdmitPage() {
  const { t } = useTranslation();
  const me = useMe();
  const units = useUnits();
  const navigate = useNavigate();
  const kommuner = [
    ...new Map(units.filter((u) => u.kommunCode).map((u) => [u.kommunCode, u])).values(),
  ];
  const [form, setForm] = useState({
    personnummer: '',
    name: '',
    kommun: '',
    vardcentral: '',
    ward: me.units[0]?.id ?? '',
    admittedAt: stockholmLocalNow(),
    careType: 'somatic' as (typeof careTypes)[number],
  });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [key] = useState(newKey);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [field]: e.target.value });
  const kommun = form.kommun || kommuner[0]?.kommunCode || '';

  const submit = async () => {
    setConfirming(false);
    try {
      const stay = await api<{ id: string }>('/api/v1/stays', {
        method: 'POST',
        idempotencyKey: key,
        body: {
          patient: {
            personnummer: form.personnummer,
            name: form.name,
            folkbokforingskommun: kommun,
            ...(form.vardcentral ? { listedVardcentralUnitId: form.vardcentral } : {}),
          },
          wardUnitId: form.ward,
          admittedAt: stockholmLocalToIso(form.admittedAt),
          careType: form.careType,
        },
      });
      void navigate(`/stays/${stay.id}`, { state: { message: t('admit.done') } });
    } catch (e) {
      setError(e);
    }
  };
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!isLocalDateTime(form.admittedAt)) {
      setError(new Error(t('forms.invalidDateTime')));
      return;
    }
    setError(undefined);
    setConfirming(true);
  };

  return (
    <>
      <h1>{t('admit.title')}</h1>
      <p className="intro">{t('admit.intro')}</p>
      <ErrorMessage
        error={error}
        labels={{
          personnummer: t('admit.personnummer'),
          name: t('admit.name'),
          folkbokforingskommun: t('admit.kommun'),
          listedVardcentralUnitId: t('admit.vardcentral'),
          wardUnitId: t('admit.ward'),
          admittedAt: t('admit.admittedAt'),
          careType: t('admit.careType'),
        }}
      />
      <form className="form" onSubmit={onSubmit}>
        <label>
          {t('admit.personnummer')} <span className="hint">{t('admit.personnummerHint')}</span>
          <input
            required
            value={form.personnummer}
            onChange={set('personnummer')}
            autoComplete="off"
          />
        </label>
        <label>
          {t('admit.name')}
          <input required value={form.name} onChange={set('name')} autoComplete="off" />
        </label>
        <label>
          {t('admit.kommun')}
          <select value={kommun} onChange={set('kommun')}>
            {kommuner.map((u) => (
              <option key={u.kommunCode} value={u.kommunCode ?? ''}>
                {kommunName(u.kommunCode ?? '')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('admit.vardcentral')}
          <select value={form.vardcentral} onChange={set('vardcentral')}>
            <option value="">{t('admit.noVardcentral')}</option>
            {units
              .filter((u) => u.lane === 'regional_primarvard')
              .map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
          </select>
        </label>
        <label>
          {t('admit.ward')}
          <select value={form.ward} onChange={set('ward')}>
            {me.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <DateTimeInput
          label={t('admit.admittedAt')}
          value={form.admittedAt}
          onChange={(value) => set('admittedAt')({ target: { value } })}
        />
        <CodeSelect
          label={t('admit.careType')}
          value={form.careType}
          codes={careTypes}
          labelPrefix="admit.careTypes"
          onChange={(value) => set('careType')({ target: { value } })}
        />
        <div className="buttons">
          <button type="submit" className="primary">
            {t('admit.submit')}
          </button>
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t('forms.confirmTitle')}
          text={t('admit.confirm', {
            name: form.name,
            ward: me.units.find((u) => u.id === form.ward)?.name ?? form.ward,
          })}
          yes={t('admit.submit')}
          no={t('forms.no')}
          onYes={() => void submit()}
          onNo={() => setConfirming(false)}
        />
      ) : null}
    </>
  );
}
