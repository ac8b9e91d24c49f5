import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useApi, useUnits } from '../api/hooks';
import type { Deviation, Page } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { formatDateTime } from '../lib/time';

/** Samverkansavvikelser the user may see, newest first; the source filter stays in the URL. */
export function DeviationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const source =
    params.get('source') === 'manual' || params.get('source') === 'automatic'
      ? params.get('source')
      : '';
  const list = useApi<Page<Deviation>>(`/api/v1/deviations${source ? `?source=${source}` : ''}`);
  const units = useUnits();
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <>
      <h1>{t('deviations.title')}</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('deviations.source')}
          <select
            value={source ?? ''}
            onChange={(e) => setParams(e.target.value ? { source: e.target.value } : {})}
          >
            <option value="">{t('deviations.all')}</option>
            <option value="manual">{t('deviations.sources.manual')}</option>
            <option value="automatic">{t('deviations.sources.automatic')}</option>
          </select>
        </label>
      </form>
      <ErrorMessage error={list.error} />
      {list.data?.items.length === 0 ? <p className="empty">{t('deviations.empty')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">{t('deviations.occurredAt')}</th>
              <th scope="col">{t('deviations.category')}</th>
              <th scope="col">{t('deviations.unit')}</th>
              <th scope="col">{t('deviations.source')}</th>
              <th scope="col">{t('deviations.description')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.occurredAt)}</td>
                <th scope="row">
                  {t(`deviations.categories.${d.category}`, { defaultValue: d.category })}
                  <Link className="small" to={`/stays/${d.stayId}`}>
                    {t('deviations.stay')}
                  </Link>
                </th>
                <td>{unitName(d.unitId)}</td>
                <td>{t(`deviations.sources.${d.source}`)}</td>
                <td>{d.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
