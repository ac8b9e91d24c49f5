import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../api/hooks';
import type { Situation } from '../api/monitoring';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatCount } from '../lib/format';
import { lanes } from './Timeline';
import { Monitoring } from './Monitoring';

function Card({ label, value, detail }: { label: string; value?: number; detail?: string }) {
  return (
    <div className="card">
      <span className="card-label">{label}</span>
      <strong className="card-value" data-testid={`kpi-${label}`}>
        {value === undefined ? '…' : formatCount(value)}
      </strong>
      {detail ? <span className="small">{detail}</span> : null}
    </div>
  );
}

/** Processägare: the situation now, counted exactly by the API, then the monitoring endpoints. */
export function DashboardPage() {
  const { t } = useTranslation();
  const situation = useApi<Situation>('/api/v1/monitoring/situation');
  const now = situation.data;
  const byLane = lanes.map((lane) => {
    const row = now?.byLane.find((l) => l.lane === lane);
    return { lane: t(`stay.lanes.${lane}`), open: row?.open ?? 0, overdue: row?.overdue ?? 0 };
  });
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <section aria-labelledby="now-title">
        <h2 id="now-title">{t('dashboard.now')}</h2>
        <ErrorMessage error={situation.error} />
        <div className="cards">
          <Card label={t('dashboard.stays')} value={now?.admittedStays} />
          <Card label={t('dashboard.openTasks')} value={now?.openTasks} />
          <Card label={t('dashboard.overdueTasks')} value={now?.overdueTasks} />
          <Card
            label={t('dashboard.deviations')}
            value={now?.deviations.total}
            {...(now
              ? {
                  detail: t('dashboard.recentDeviations', {
                    count: now.deviations.recent,
                    days: now.deviations.days,
                  }),
                }
              : {})}
          />
        </div>
        <figure className="chart">
          <figcaption>
            <strong>{t('dashboard.byLane')}</strong>{' '}
            <span className="small">{t('dashboard.chartCaption')}</span>
          </figcaption>
          <ResponsiveContainer width="100%" height={240}>
            <BarChart data={byLane} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="lane" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Bar
                dataKey="open"
                name={t('dashboard.openTasks')}
                fill="#1f5f8b"
                isAnimationActive={false}
              />
              <Bar
                dataKey="overdue"
                name={t('dashboard.overdueTasks')}
                fill="#a4262c"
                isAnimationActive={false}
              />
            </BarChart>
          </ResponsiveContainer>
          <table className="list compact">
            <thead>
              <tr>
                <th scope="col">{t('tasks.unit')}</th>
                <th scope="col">{t('dashboard.openTasks')}</th>
                <th scope="col">{t('dashboard.overdueTasks')}</th>
              </tr>
            </thead>
            <tbody>
              {byLane.map((row) => (
                <tr key={row.lane}>
                  <th scope="row">{row.lane}</th>
                  <td>{row.open}</td>
                  <td>{row.overdue}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </section>
      <Monitoring />
    </>
  );
}
