import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DATE_PATTERN, MONTH_PATTERN, TIME_PATTERN } from '../lib/time';

/**
 * Date and time typed the Swedish way (2026-12-03, 15:24) whatever the browser's locale:
 * plain text fields with a pattern, never the native pickers that follow the browser's
 * language ("12/03/2026, 03:24 PM"). Times are Europe/Stockholm (see lib/time.ts).
 */

/** A date, ÅÅÅÅ-MM-DD. */
export function DateInput(props: {
  label: string;
  value: string;
  required?: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <label>
      {props.label}
      <span className="hint" id={hintId}>
        {t('forms.dateHint')}
      </span>
      <input
        inputMode="numeric"
        autoComplete="off"
        pattern={DATE_PATTERN}
        title={t('forms.dateHint')}
        placeholder="ÅÅÅÅ-MM-DD"
        size={12}
        aria-describedby={hintId}
        required={props.required}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** A month, ÅÅÅÅ-MM. */
export function MonthInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label>
      {props.label}
      <input
        inputMode="numeric"
        autoComplete="off"
        pattern={MONTH_PATTERN}
        title={t('forms.monthHint')}
        placeholder="ÅÅÅÅ-MM"
        size={9}
        required
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/**
 * Date and 24-hour time in Stockholm; the value is "2026-12-03T15:24" (as stockholmLocalToIso
 * takes it). Two fields in one group, so a screen reader hears "När, datum" and "När, tid".
 */
export function DateTimeInput(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const [date = '', time = ''] = props.value.split('T');
  return (
    <fieldset className="date-time">
      <legend>{props.label}</legend>
      <label>
        {t('forms.datePart')}
        <input
          inputMode="numeric"
          autoComplete="off"
          pattern={DATE_PATTERN}
          title={t('forms.dateHint')}
          placeholder="ÅÅÅÅ-MM-DD"
          size={12}
          required
          value={date}
          onChange={(e) => props.onChange(`${e.target.value}T${time}`)}
        />
      </label>
      <label>
        {t('forms.timePart')}
        <input
          inputMode="numeric"
          autoComplete="off"
          pattern={TIME_PATTERN}
          title={t('forms.timeHint')}
          placeholder="TT:MM"
          size={6}
          required
          value={time}
          onChange={(e) => props.onChange(`${date}T${e.target.value}`)}
        />
      </label>
    </fieldset>
  );
}
