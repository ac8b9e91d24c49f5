import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { Rate } from '../api/monitoring';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatSek, formatShare } from '../lib/format';

/** The rules a processägare can try (POST /api/v1/monitoring/what-if → rules). */
const ruleNames = ['sipKallelseDays', 'inskrivningsmeddelandeHours', 'dailyAmountSek'] as const;
type RuleName = (typeof ruleNames)[number];

interface Side {
  kpis: { sipKallelseOnTime: Rate; inskrivningsmeddelandeOnTime: Rate };
  betalningsansvar: { totalDueSek: number };
}
interface WhatIfAnswer {
  month: string;
  rules: { baseline: Record<string, number>; scenario: Record<string, number> };
  baseline: Side;
  scenario: Side;
}

/**
 * "Vad händer om…": change a rule and see today's figures beside the changed ones, on the
 * recorded stays of the KPI selection; nothing is changed by asking.
 */
export function WhatIf({ query }: { query: string }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<RuleName, string>>({
    sipKallelseDays: '',
    inskrivningsmeddelandeHours: '',
    dailyAmountSek: '',
  });
  const [answer, setAnswer] = useState<WhatIfAnswer>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const rules = Object.fromEntries(
      ruleNames.filter((r) => values[r].trim() !== '').map((r) => [r, Number(values[r])]),
    );
    try {
      const period = Object.fromEntries(new URLSearchParams(query));
      setAnswer(
        await api<WhatIfAnswer>('/api/v1/monitoring/what-if', {
          method: 'POST',
          body: { ...period, rules },
        }),
      );
    } catch (e) {
      setError(e);
    }
    setBusy(false);
  };
  const rate = (r: Rate) =>
    `${formatShare(r.share)} (${t('kpi.rate', { count: r.count, of: r.of })})`;

  return (
    <section aria-labelledby="what-if-title">
      <h2 id="what-if-title">{t('whatIf.title')}</h2>
      <p className="intro">{t('whatIf.intro')}</p>
      <form className="filters" onSubmit={(e) => void submit(e)}>
        {ruleNames.map((name) => (
          <label key={name}>
            {t(`whatIf.rules.${name}`)}
            <input
              type="number"
              inputMode="numeric"
              min={0}
              value={values[name]}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
            />
          </label>
        ))}
        <button type="submit" className="primary" disabled={busy}>
          {t('whatIf.run')}
        </button>
      </form>
      <ErrorMessage
        error={error}
        labels={Object.fromEntries(ruleNames.map((r) => [r, t(`whatIf.rules.${r}`)]))}
      />
      {answer ? (
        <table className="list compact">
          <caption>{t('whatIf.caption', { month: answer.month })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('whatIf.figure')}</th>
              <th scope="col">{t('whatIf.today')}</th>
              <th scope="col">{t('whatIf.changed')}</th>
            </tr>
          </thead>
          <tbody>
            {ruleNames.map((name) => (
              <tr key={name}>
                <th scope="row">{t(`whatIf.rules.${name}`)}</th>
                <td>{answer.rules.baseline[name]}</td>
                <td>{answer.rules.scenario[name]}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('whatIf.sipOnTime')}</th>
              <td>{rate(answer.baseline.kpis.sipKallelseOnTime)}</td>
              <td>{rate(answer.scenario.kpis.sipKallelseOnTime)}</td>
            </tr>
            <tr>
              <th scope="row">{t('whatIf.imOnTime')}</th>
              <td>{rate(answer.baseline.kpis.inskrivningsmeddelandeOnTime)}</td>
              <td>{rate(answer.scenario.kpis.inskrivningsmeddelandeOnTime)}</td>
            </tr>
            <tr>
              <th scope="row">{t('whatIf.due')}</th>
              <td>{formatSek(answer.baseline.betalningsansvar.totalDueSek)}</td>
              <td>{formatSek(answer.scenario.betalningsansvar.totalDueSek)}</td>
            </tr>
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
