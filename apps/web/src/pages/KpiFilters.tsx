import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useUnits } from '../api/hooks';
import { DateInput } from '../components/SwedishDateTime';
import { kommunName } from '../lib/format';
import { isCalendarDate } from '../lib/time';

/** The KPI filters, in the URL as kpiFrom, kpiTo, kpiKommun, kpiWard, kpiCareType, kpiFrailty. */
const keys = {
  from: 'kpiFrom',
  to: 'kpiTo',
  kommun: 'kpiKommun',
  ward: 'kpiWard',
  careType: 'kpiCareType',
  frailty: 'kpiFrailty',
} as const;
type Key = keyof typeof keys;
const careTypes = ['somatic', 'psychiatric', 'psychiatric-lpt'] as const;
const frailties = ['frail', 'not-frail'] as const;

/** The API query (GET /api/v1/monitoring/kpis) the URL's KPI filters ask for. */
export function useKpiQuery(): string {
  const [params] = useSearchParams();
  const query = new URLSearchParams();
  for (const [name, param] of Object.entries(keys)) {
    const value = params.get(param);
    if (value) query.set(name, value);
  }
  return query.toString();
}

/** Period, kommun, ward, care type and frailty for the Nyckeltal; dates typed ÅÅÅÅ-MM-DD. */
export function KpiFilters() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const units = useUnits();
  const wards = units.filter((u) => u.lane === 'slutenvard');
  const kommuner = [...new Set(units.map((u) => u.kommunCode).filter(Boolean))] as string[];
  const [from, setFrom] = useState(params.get(keys.from) ?? '');
  const [to, setTo] = useState(params.get(keys.to) ?? '');
  // From the URL as it is when the change lands, so quick successive choices all stay.
  const set = (key: Key, value: string) => {
    setParams(
      () => {
        // react-router's own "current" is the last render's; the location is the latest.
        const next = new URLSearchParams(window.location.search);
        if (value) next.set(keys[key], value);
        else next.delete(keys[key]);
        return next;
      },
      { replace: true },
    );
  };
  // A date is asked for once it is a whole date (or emptied): no request per keystroke.
  const date = (key: 'from' | 'to', value: string, keep: (v: string) => void) => {
    keep(value);
    if (value === '' || isCalendarDate(value)) set(key, value);
  };
  const choice = (key: Key, label: string, options: { value: string; text: string }[]) => (
    <label>
      {label}
      <select value={params.get(keys[key]) ?? ''} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('overdue.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('kpi.filters')}>
      <DateInput label={t('kpi.from')} value={from} onChange={(v) => date('from', v, setFrom)} />
      <DateInput label={t('kpi.to')} value={to} onChange={(v) => date('to', v, setTo)} />
      {choice(
        'kommun',
        t('stays.kommun'),
        kommuner.map((code) => ({ value: code, text: kommunName(code) })),
      )}
      {choice(
        'ward',
        t('stays.ward'),
        wards.map((u) => ({ value: u.id, text: u.name })),
      )}
      {choice(
        'careType',
        t('admit.careType'),
        careTypes.map((c) => ({ value: c, text: t(`admit.careTypes.${c}`) })),
      )}
      {choice(
        'frailty',
        t('kpi.frailty'),
        frailties.map((f) => ({ value: f, text: t(`kpi.frailties.${f}`) })),
      )}
    </form>
  );
}
