import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { assessedFlags, needs } from '../../../../libs/process-definition/src/vocabulary';
import type { Unit } from '../api/types';
import { DateInput } from '../components/SwedishDateTime';
import type { Field, Values } from '../lib/schema-form';
import { formatDate } from '../lib/time';

const needSet = new Set<string>(needs);
const circumstanceSet = new Set<string>(assessedFlags);

/** A field's Swedish label (forms.field.<name>); the raw name only if the locale lacks it. */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (name: string) => t(`forms.field.${name}`, { defaultValue: name });
}

/** A value as the confirmation shows it: Ja/Nej, a unit's name, a Swedish date, a label. */
export function valueText(t: TFunction, name: string, value: unknown, units: Unit[]): string {
  if (typeof value === 'boolean') return value ? t('forms.answerYes') : t('forms.answerNo');
  const text = String(value);
  if (/UnitId$|^unitId$/.test(name)) return units.find((u) => u.id === text)?.name ?? text;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDate(text);
  return t(`forms.option.${name}.${text}`, { defaultValue: text });
}

/** The generated fields of one event type (see lib/schema-form.ts). */
export function EventFields(props: {
  fields: Field[];
  values: Values;
  units: Unit[];
  wardUnitId: string;
  onChange: (name: string, value: string | boolean) => void;
}) {
  const { t } = useTranslation();
  const label = useFieldLabel();
  const { fields, values, onChange } = props;
  const boxes = fields.filter((f) => f.kind === 'checkbox' || f.kind === 'yes-no-unchanged');
  const groups = [
    { legend: t('forms.needs'), of: boxes.filter((f) => needSet.has(f.name)) },
    { legend: t('forms.circumstances'), of: boxes.filter((f) => circumstanceSet.has(f.name)) },
    {
      legend: t('forms.data'),
      of: boxes.filter((f) => !needSet.has(f.name) && !circumstanceSet.has(f.name)),
    },
  ].filter((g) => g.of.length > 0);
  const optional = (f: Field) => (f.required ? '' : ` ${t('forms.optional')}`);

  return (
    <>
      {groups.map((group) => (
        <fieldset key={group.legend}>
          <legend>{group.legend}</legend>
          {group.of.map((f) =>
            f.kind === 'checkbox' ? (
              <label key={f.name} className="choice">
                <input
                  type="checkbox"
                  checked={values[f.name] === true}
                  onChange={(e) => onChange(f.name, e.target.checked)}
                />
                {label(f.name)}
              </label>
            ) : (
              <label key={f.name} className="choice">
                <select
                  value={typeof values[f.name] === 'string' ? (values[f.name] as string) : ''}
                  onChange={(e) => onChange(f.name, e.target.value)}
                >
                  <option value="">{t('forms.unchanged')}</option>
                  <option value="yes">{t('forms.answerYes')}</option>
                  <option value="no">{t('forms.answerNo')}</option>
                </select>
                {label(f.name)}
              </label>
            ),
          )}
        </fieldset>
      ))}
      {fields.map((f) => {
        const value = typeof values[f.name] === 'string' ? (values[f.name] as string) : '';
        switch (f.kind) {
          case 'checkbox':
          case 'yes-no-unchanged':
            return null;
          case 'choice':
            return (
              <label key={f.name}>
                {label(f.name) + optional(f)}
                <select
                  required={f.required}
                  value={value}
                  onChange={(e) => onChange(f.name, e.target.value)}
                >
                  {f.required ? null : <option value="">{t('forms.choose')}</option>}
                  {f.options.map((o) => (
                    <option key={o} value={o}>
                      {t(`forms.option.${f.name}.${o}`, { defaultValue: o })}
                    </option>
                  ))}
                </select>
              </label>
            );
          case 'date':
            return (
              <DateInput
                key={f.name}
                label={label(f.name) + optional(f)}
                required={f.required}
                value={value}
                onChange={(v) => onChange(f.name, v)}
              />
            );
          case 'unit':
            return (
              <label key={f.name}>
                {label(f.name) + optional(f)}
                <select
                  required={f.required}
                  value={value}
                  onChange={(e) => onChange(f.name, e.target.value)}
                >
                  <option value="">{t('forms.choose')}</option>
                  {props.units
                    .filter((u) => u.id !== props.wardUnitId)
                    .map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                </select>
              </label>
            );
          case 'long-text':
            return (
              <label key={f.name}>
                {label(f.name) + optional(f)}
                <textarea
                  rows={3}
                  required={f.required}
                  maxLength={f.maxLength}
                  value={value}
                  onChange={(e) => onChange(f.name, e.target.value)}
                />
              </label>
            );
          case 'text':
            return (
              <label key={f.name}>
                {label(f.name) + optional(f)}
                <input
                  required={f.required}
                  maxLength={f.maxLength}
                  pattern={f.pattern?.replace(/^\^|\$$/g, '')}
                  value={value}
                  onChange={(e) => onChange(f.name, e.target.value)}
                />
              </label>
            );
        }
      })}
    </>
  );
}
