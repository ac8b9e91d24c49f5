import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A calm, readable error with the API's field reasons; announced to screen readers. */
export function ErrorMessage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const text =
    api?.status === 403
      ? t('errors.forbidden')
      : api?.status === 404
        ? t('errors.notFound')
        : t('errors.generic', { detail: (error as Error).message });
  return (
    <div className="notice error" role="alert">
      <p>{text}</p>
      {api?.errors.length ? (
        <ul>
          {api.errors.map((e) => (
            <li key={e.field}>
              {e.field}: {e.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
