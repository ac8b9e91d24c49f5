import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Kpis, Rate } from '../api/monitoring';
import { useDefinition } from '../api/hooks';
import { formatDate } from '../lib/time';
import { formatDecimal, formatShare } from '../lib/format';

function Card({
  label,
  value,
  detail,
}: {
  label: string;
  value: string | number;
  detail?: string;
}) {
  return (
    <div className="card">
      <span className="card-label">{label}</span>
      <strong className="card-value">{value}</strong>
      {detail ? <span className="small">{detail}</span> : null}
    </div>
  );
}

/** A bar chart with the same numbers as a table, so nothing is only in the picture. */
export function ChartWithTable(props: {
  title: string;
  rows: { label: string; value: number; detail?: string }[];
  colour: string;
  valueLabel: string;
  /** Bars across the page, one row per label (long labels, e.g. activities). */
  layout?: 'horizontal';
}) {
  const across = props.layout === 'horizontal';
  const { t } = useTranslation();
  return (
    <figure className="chart">
      <figcaption>
        <strong>{props.title}</strong> <span className="small">{t('dashboard.chartCaption')}</span>
      </figcaption>
      {props.rows.length === 0 ? <p className="empty">{t('dashboard.noData')}</p> : null}
      <ResponsiveContainer
        width="100%"
        height={props.rows.length === 0 ? 0 : across ? 40 + props.rows.length * 48 : 220}
      >
        <BarChart
          data={props.rows}
          layout={across ? 'vertical' : 'horizontal'}
          margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          {across ? (
            <>
              <XAxis type="number" domain={[0, 100]} unit=" %" />
              <YAxis type="category" dataKey="label" width={300} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
            </>
          )}
          <Tooltip />
          <Bar
            dataKey="value"
            name={props.valueLabel}
            fill={props.colour}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
      <table className="list compact">
        <tbody>
          {props.rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{across ? `${row.value} %` : row.value}</td>
              {row.detail ? <td>{row.detail}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function KpiSection({ data }: { data: Kpis }) {
  const { t } = useTranslation();
  const definition = useDefinition();
  const title = (id: string) => definition?.activities.find((a) => a.id === id)?.title ?? id;
  // Activities with at least one task that has come due, the least often on time first.
  const onTime = data.kpis.activities
    .filter((a) => a.onTime.of > 0 && a.onTime.share !== null)
    .sort((a, b) => (a.onTime.share ?? 0) - (b.onTime.share ?? 0))
    .map((a) => ({
      label: title(a.activityId),
      value: Math.round((a.onTime.share ?? 0) * 100),
      detail: t('kpi.rate', { count: a.onTime.count, of: a.onTime.of }),
    }));
  const k = data.kpis;
  const rate = (r: Rate) => t('kpi.rate', { count: r.count, of: r.of });
  return (
    <>
      <p className="intro">
        {t('kpi.period', { from: formatDate(data.period.from), to: formatDate(data.period.to) })}
      </p>
      <div className="cards">
        <Card label={t('kpi.stays')} value={k.stays} />
        <Card
          label={t('kpi.ukMean')}
          value={formatDecimal(k.ukDays.meanPerStay)}
          detail={t('kpi.ukTotal', { total: k.ukDays.total, running: k.ukDays.stillRunning })}
        />
        <Card
          label={t('kpi.sevenDays')}
          value={formatShare(k.moreThanSevenDaysAfterUk.share)}
          detail={rate(k.moreThanSevenDaysAfterUk)}
        />
        <Card
          label={t('kpi.pudMoves')}
          value={k.plannedDischargeDateMoves.moves}
          detail={t('kpi.perStay', { value: formatDecimal(k.plannedDischargeDateMoves.perStay) })}
        />
        <Card
          label={t('kpi.inskrivningsmeddelande', {
            hours: k.inskrivningsmeddelandeOnTime.deadlineHours,
          })}
          value={formatShare(k.inskrivningsmeddelandeOnTime.share)}
          detail={rate(k.inskrivningsmeddelandeOnTime)}
        />
        <Card
          label={t('kpi.sipOffered')}
          value={formatShare(k.sipOffered.share)}
          detail={rate(k.sipOffered)}
        />
        <Card
          label={t('kpi.sipKallelse', { days: k.sipKallelseOnTime.deadlineDays })}
          value={formatShare(k.sipKallelseOnTime.share)}
          detail={rate(k.sipKallelseOnTime)}
        />
        <Card
          label={t('kpi.readmissions')}
          value={formatShare(k.readmissionsWithin30Days.share)}
          detail={rate(k.readmissionsWithin30Days)}
        />
        <Card label={t('kpi.deviations')} value={k.deviations.total} />
      </div>
      <div className="side-by-side">
        <ChartWithTable
          title={t('kpi.ukDistribution')}
          rows={k.ukDays.distribution.map((d) => ({ label: d.bucket, value: d.stays }))}
          colour="#1f5f8b"
          valueLabel={t('kpi.stays')}
        />
        <ChartWithTable
          title={t('kpi.deviationsByCategory')}
          rows={k.deviations.byCategory.map((d) => ({
            label: t(`deviations.categories.${d.category}`, { defaultValue: d.category }),
            value: d.count,
          }))}
          colour="#a4262c"
          valueLabel={t('kpi.deviations')}
        />
      </div>
      <ChartWithTable
        title={t('kpi.onTimeByActivity')}
        rows={onTime}
        colour="#2e6b30"
        valueLabel={t('kpi.onTimeShare')}
        layout="horizontal"
      />
    </>
  );
}
