import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newKey } from '../api/client';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime, stockholmLocalNow, stockholmLocalToIso } from '../lib/time';
import { CodeSelect } from '../components/CodeSelect';

const kinds = [
  'needs-assessed',
  'planned-discharge-date-set',
  'planned-discharge-date-changed',
  'utskrivningsklar',
  'utskrivningsklar-revoked',
  'discharged',
] as const;
type Kind = (typeof kinds)[number];
const needs = [
  'socialtjanst',
  'kommunalHalsoOchSjukvard',
  'regionalPrimarvard',
  'korttid',
  'hjalpmedel',
  'rehab',
  'palliativ',
] as const;
const destinations = ['home', 'korttid', 'sarskilt-boende', 'other-hospital'] as const;

/** The ward registers what happened: needs, PUD and its moves, UK, revocation, discharge. */
export function EventForm({ stayId, onSaved }: { stayId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Kind>('needs-assessed');
  const [occurredAt, setOccurredAt] = useState(stockholmLocalNow);
  const [chosen, setChosen] = useState<Record<string, boolean>>({});
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [destination, setDestination] = useState<string>('home');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();

  const data = (): Record<string, unknown> => {
    switch (kind) {
      case 'needs-assessed':
        return Object.fromEntries(
          needs
            .map((n) => [n, chosen[n] ?? false])
            .filter(([n, v]) => v || needs.indexOf(n as never) < 3),
        );
      case 'planned-discharge-date-set':
      case 'planned-discharge-date-changed':
        return { date };
      case 'utskrivningsklar-revoked':
        return reason.trim() ? { reason: reason.trim() } : {};
      case 'discharged':
        return { destination };
      default:
        return {};
    }
  };
  const save = async () => {
    setConfirming(false);
    setError(undefined);
    try {
      await api(`/api/v1/stays/${stayId}/events`, {
        method: 'POST',
        idempotencyKey: newKey(),
        body: { type: kind, occurredAt: stockholmLocalToIso(occurredAt), data: data() },
      });
      setMessage(t('forms.saved', { what: t(`events.${kind}`) }));
      onSaved();
    } catch (e) {
      setError(e);
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setMessage(undefined);
    setConfirming(true);
  };

  return (
    <section className="panel" aria-labelledby="event-form-title">
      <h2 id="event-form-title">{t('stay.register')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <label>
          {t('forms.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`events.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('forms.occurredAt')}
          <input
            type="datetime-local"
            required
            value={occurredAt}
            onChange={(e) => setOccurredAt(e.target.value)}
          />
        </label>
        {kind === 'needs-assessed' ? (
          <fieldset>
            <legend>{t('forms.needs')}</legend>
            {needs.map((n) => (
              <label key={n} className="choice">
                <input
                  type="checkbox"
                  checked={chosen[n] ?? false}
                  onChange={(e) => setChosen({ ...chosen, [n]: e.target.checked })}
                />
                {t(`forms.need.${n}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {kind === 'planned-discharge-date-set' || kind === 'planned-discharge-date-changed' ? (
          <label>
            {t('forms.date')}
            <input type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
        ) : null}
        {kind === 'utskrivningsklar-revoked' ? (
          <label>
            {t('forms.reason')}
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
        ) : null}
        {kind === 'discharged' ? (
          <CodeSelect
            label={t('forms.destination')}
            value={destination}
            codes={destinations}
            labelPrefix="forms.destinations"
            onChange={setDestination}
          />
        ) : null}
        <ErrorMessage error={error} />
        <p role="status" className="status-line">
          {message}
        </p>
        <div className="buttons">
          <button type="submit" className="primary">
            {t('forms.submit')}
          </button>
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={t('forms.confirmTitle')}
          text={t('forms.confirm', {
            what: t(`events.${kind}`),
            when: formatDateTime(stockholmLocalToIso(occurredAt)),
          })}
          yes={t('forms.yes')}
          no={t('forms.no')}
          onYes={() => void save()}
          onNo={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
