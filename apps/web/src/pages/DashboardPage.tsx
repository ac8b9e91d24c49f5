import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApi } from '../api/hooks';
import type { Deviation, Page, StayListItem, Task } from '../api/types';
import { lanes } from './Timeline';
import { Monitoring } from './Monitoring';

function Card({ label, page }: { label: string; page: Page<unknown> | undefined }) {
  const { t } = useTranslation();
  const value = page
    ? page.nextCursor
      ? t('dashboard.more', { count: page.items.length })
      : page.items.length
    : '…';
  return (
    <div className="card">
      <span className="card-label">{label}</span>
      <strong className="card-value" data-testid={`kpi-${label}`}>
        {value}
      </strong>
    </div>
  );
}

/** Processägare: the situation now (from the lists), then the monitoring endpoints. */
export function DashboardPage() {
  const { t } = useTranslation();
  const stays = useApi<Page<StayListItem>>('/api/v1/stays?status=admitted');
  const open = useApi<Page<Task>>('/api/v1/tasks?status=open');
  const overdue = useApi<Page<Task>>('/api/v1/tasks?overdue=true');
  const deviations = useApi<Page<Deviation>>('/api/v1/deviations');
  const byLane = lanes.map((lane) => ({
    lane: t(`stay.lanes.${lane}`),
    open: open.data?.items.filter((task) => task.lane === lane).length ?? 0,
    overdue: overdue.data?.items.filter((task) => task.lane === lane).length ?? 0,
  }));
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <section aria-labelledby="now-title">
        <h2 id="now-title">{t('dashboard.now')}</h2>
        <div className="cards">
          <Card label={t('dashboard.stays')} page={stays.data} />
          <Card label={t('dashboard.openTasks')} page={open.data} />
          <Card label={t('dashboard.overdueTasks')} page={overdue.data} />
          <Card label={t('dashboard.deviations')} page={deviations.data} />
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
