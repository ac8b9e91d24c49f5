import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, newKey } from '../api/client';
import type { AcceptedEventType, Unit } from '../api/types';
import { ConfirmDialog } from '../components/Dialog';
import { ErrorMessage } from '../components/ErrorMessage';
import { DateTimeInput } from '../components/SwedishDateTime';
import { dataOf, fieldsOf, initialValues, isDirty, type Values } from '../lib/schema-form';
import {
  formatDateTime,
  isLocalDateTime,
  stockholmLocalNow,
  stockholmLocalToIso,
} from '../lib/time';
import { EventFields, useFieldLabel, valueText } from './EventFields';
import { LeaveWarning } from '../components/LeaveWarning';

/** Registered by the API itself (admission is POST /stays), never from this form. */
const notFromTheForm = new Set(['admitted']);

/**
 * The ward registers what happened to the stay. The event types and each one's fields come
 * from the stay's process definition (its JSON Schemas), so every event the definition
 * accepts can be registered, with its data, and confirmed before it is sent.
 */
export function EventForm(props: {
  stayId: string;
  eventTypes: AcceptedEventType[];
  units: Unit[];
  wardUnitId: string;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const types = props.eventTypes.filter((e) => !notFromTheForm.has(e.type));
  const [kind, setKind] = useState(types[0]?.type ?? '');
  const chosen = types.find((e) => e.type === kind);
  // A walk over a handful of properties: cheaper than keeping a memo of it right.
  const fields = chosen ? fieldsOf(chosen.dataSchema) : [];
  const [values, setValues] = useState<Values>({});
  const [occurredAt, setOccurredAt] = useState(stockholmLocalNow);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  // One key per thing the user means to register: a retry after a lost answer is not a second event.
  const [key, setKey] = useState(newKey);
  const current = { ...initialValues(fields), ...values };

  const choose = (type: string) => {
    setKind(type);
    setValues({});
    setError(undefined);
    setKey(newKey());
  };
  const save = async () => {
    setConfirming(false);
    setError(undefined);
    try {
      await api(`/api/v1/stays/${props.stayId}/events`, {
        method: 'POST',
        idempotencyKey: key,
        body: {
          type: kind,
          occurredAt: stockholmLocalToIso(occurredAt),
          data: dataOf(fields, current),
        },
      });
      setMessage(t('forms.saved', { what: chosen?.title ?? kind }));
      setValues({});
      setKey(newKey());
      props.onSaved();
    } catch (e) {
      // What was typed stays in the form; the message says which field and why.
      setError(e);
    }
  };
  const onSubmit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setMessage(undefined);
    if (!isLocalDateTime(occurredAt)) {
      setError(new Error(t('forms.invalidDateTime')));
      return;
    }
    setError(undefined);
    setConfirming(true);
  };
  const data = dataOf(fields, current);
  const summary = Object.entries(data).map(
    ([name, value]) => `${label(name)}: ${valueText(t, name, value, props.units)}`,
  );

  return (
    <section className="panel" aria-labelledby="event-form-title">
      <h2 id="event-form-title">{t('stay.register')}</h2>
      <form className="form" onSubmit={onSubmit}>
        <label>
          {t('forms.kind')}
          <select value={kind} onChange={(e) => choose(e.target.value)}>
            {types.map((e) => (
              <option key={e.type} value={e.type}>
                {e.title}
              </option>
            ))}
          </select>
        </label>
        <DateTimeInput label={t('forms.occurredAt')} value={occurredAt} onChange={setOccurredAt} />
        <EventFields
          fields={fields}
          values={current}
          units={props.units}
          wardUnitId={props.wardUnitId}
          onChange={(name, value) => setValues({ ...current, [name]: value })}
        />
        <ErrorMessage
          error={error}
          labels={{ occurredAt: t('forms.occurredAt'), type: t('forms.kind') }}
        />
        <p role="status" className="status-line">
          {message}
        </p>
        <div className="buttons">
          <button type="submit" className="primary">
            {t('forms.submit')}
          </button>
        </div>
      </form>
      <LeaveWarning dirty={isDirty(fields, current)} />
      {confirming ? (
        <ConfirmDialog
          title={t('forms.confirmTitle')}
          text={t('forms.confirm', {
            what: chosen?.title ?? kind,
            when: formatDateTime(stockholmLocalToIso(occurredAt)),
          })}
          details={summary.length ? summary : [t('forms.noData')]}
          yes={t('forms.yes')}
          no={t('forms.no')}
          onYes={() => void save()}
          onNo={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}
