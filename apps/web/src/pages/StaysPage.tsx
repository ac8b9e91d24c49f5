import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi, useUnits } from '../api/hooks';
import type { Page, StayListItem } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../lib/time';

export function StaysPage() {
  const { t } = useTranslation();
  const stays = useApi<Page<StayListItem>>('/api/v1/stays');
  const units = useUnits();
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <>
      <h1>{t('stays.title')}</h1>
      <ErrorMessage error={stays.error} />
      {stays.data?.items.length === 0 ? <p className="empty">{t('stays.empty')}</p> : null}
      {stays.data && stays.data.items.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('admit.name')}</th>
              <th scope="col">{t('stays.ward')}</th>
              <th scope="col">{t('stays.admitted')}</th>
              <th scope="col">{t('stays.status')}</th>
              <th scope="col">{t('stays.openTasks')}</th>
              <th scope="col">{t('stays.overdueTasks')}</th>
            </tr>
          </thead>
          <tbody>
            {stays.data.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">
                  <Link to={`/stays/${s.id}`}>
                    {s.patient
                      ? `${s.patient.name} (${s.patient.personnummer})`
                      : s.patientPseudonym}
                  </Link>
                </th>
                <td>{unitName(s.wardUnitId)}</td>
                <td>{formatDateTime(s.admittedAt)}</td>
                <td>{t(`stays.statuses.${s.status}`)}</td>
                <td>{s.openTasks}</td>
                <td>
                  {s.overdueTasks > 0 ? (
                    <strong className="text-overdue">{s.overdueTasks}</strong>
                  ) : (
                    0
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
