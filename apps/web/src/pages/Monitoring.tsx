import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiFetch } from '../api/client';
import { useApi } from '../api/hooks';
import type { Betalningsansvar, Kpis } from '../api/monitoring';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDecimal, formatSek, kommunName } from '../lib/format';
import { formatDateTime, MONTH_PATTERN, stockholmLocalNow } from '../lib/time';
import { KpiFilters, useKpiQuery } from './KpiFilters';
import { KpiSection } from './Kpis';
import { OverdueList } from './OverdueList';
import { WhatIf } from './WhatIf';
import { MonthInput } from '../components/SwedishDateTime';

/** Shown for a monitoring endpoint the API does not have (yet), or the error itself. */
function Unavailable({ error, path }: { error: unknown; path: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  if (error instanceof ApiError && error.status === 404)
    return (
      <p className="notice" role="status">
        {t('dashboard.notAvailable', { path })}
      </p>
    );
  return <ErrorMessage error={error} />;
}

const thisMonth = () => stockholmLocalNow().slice(0, 7);
const isMonth = (value: string) => new RegExp(`^${MONTH_PATTERN}$`).test(value);

export function Monitoring() {
  const { t } = useTranslation();
  const kpiQuery = useKpiQuery();
  const kpis = useApi<Kpis>(`/api/v1/monitoring/kpis${kpiQuery ? `?${kpiQuery}` : ''}`);
  const [typed, setMonth] = useState(thisMonth);
  // A month half typed asks nothing; the last whole one stays on the page.
  const [month, setWholeMonth] = useState(typed);
  if (isMonth(typed) && typed !== month) setWholeMonth(typed);
  const billingPath = `/api/v1/reports/betalningsansvar?month=${month}`;
  const billing = useApi<Betalningsansvar>(billingPath);
  const [csvError, setCsvError] = useState<unknown>();

  const download = async () => {
    try {
      const response = await apiFetch(billingPath, { accept: 'text/csv' });
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = `betalningsansvar-${month}.csv`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setCsvError(e);
    }
  };

  return (
    <>
      <section aria-labelledby="kpi-title">
        <h2 id="kpi-title">{t('dashboard.kpis')}</h2>
        <KpiFilters />
        <Unavailable error={kpis.error} path="/api/v1/monitoring/kpis" />
        {kpis.data ? <KpiSection data={kpis.data} /> : null}
      </section>
      <WhatIf query={kpiQuery} />
      <OverdueList />
      <section aria-labelledby="billing-title">
        <h2 id="billing-title">{t('dashboard.billing')}</h2>
        <form className="filters" onSubmit={(e) => e.preventDefault()}>
          <MonthInput label={t('dashboard.month')} value={typed} onChange={setMonth} />
          <button type="button" onClick={() => void download()} disabled={Boolean(billing.error)}>
            {t('dashboard.download')}
          </button>
        </form>
        <Unavailable error={billing.error ?? csvError} path="/api/v1/reports/betalningsansvar" />
        {billing.data ? (
          <>
            <p className="intro">
              {t('billing.dailyAmount', { amount: formatSek(billing.data.dailyAmount.amountSek) })}{' '}
              {billing.data.frozen
                ? t('billing.frozen')
                : t('billing.freezesAt', { at: formatDateTime(billing.data.freezesAt) })}
            </p>
            {billing.data.kommuner.length === 0 ? (
              <p className="empty">{t('billing.empty')}</p>
            ) : null}
            {billing.data.kommuner.length > 0 ? (
              <div className="scroll">
                <table className="list compact">
                  <thead>
                    <tr>
                      <th scope="col">{t('stays.kommun')}</th>
                      <th scope="col">{t('billing.agreement')}</th>
                      <th scope="col">{t('billing.cases')}</th>
                      <th scope="col">{t('billing.notBillable')}</th>
                      <th scope="col">{t('billing.meanUkDays')}</th>
                      <th scope="col">{t('billing.vgr')}</th>
                      <th scope="col">{t('billing.national')}</th>
                      <th scope="col">{t('billing.due')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {billing.data.kommuner.map((k) => (
                      <tr key={k.kommunCode}>
                        <th scope="row">{kommunName(k.kommunCode)}</th>
                        <td>{t(`billing.agreements.${k.agreement}`)}</td>
                        <td>{k.cases}</td>
                        <td>{k.notBillableCases}</td>
                        <td>{formatDecimal(k.mean.meanUkDays)}</td>
                        <td>{formatSek(k.vgrAmountSek)}</td>
                        <td>{formatSek(k.national.amountSek)}</td>
                        <td>
                          <strong>{formatSek(k.amountDueSek)}</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
