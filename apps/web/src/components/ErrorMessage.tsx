import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { fieldName, swedishReason } from '../lib/problem-text';

/**
 * What went wrong, in Swedish and announced to screen readers: the kind of refusal, then each
 * field by the label the form shows it with and the reason. The form keeps what was typed.
 */
export function ErrorMessage({
  error,
  labels = {},
}: {
  error: unknown;
  /** Labels for fields the event fields' labels (forms.field.*) do not name. */
  labels?: Record<string, string>;
}) {
  const { t } = useTranslation();
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const text = !api
    ? (error as Error).message
    : api.status === 400 || api.status === 422
      ? t('errors.invalid')
      : api.status === 403
        ? t('errors.forbidden')
        : api.status === 404
          ? t('errors.notFound')
          : api.status === 409
            ? t('errors.conflict')
            : api.status === 429
              ? t('errors.tooMany')
              : api.status >= 500
                ? t('errors.unavailable')
                : t('errors.generic', { detail: api.detail });
  const label = (path: string) => {
    const name = fieldName(path);
    return labels[path] ?? labels[name] ?? t(`forms.field.${name}`, { defaultValue: name });
  };
  return (
    <div className="notice error" role="alert">
      <p>{text}</p>
      {api?.errors.length ? (
        <ul>
          {api.errors.map((e) => (
            <li key={`${e.field}:${e.reason}`}>
              <strong>{label(e.field)}</strong>: {swedishReason(e.reason)}
            </li>
          ))}
        </ul>
      ) : null}
      {api && !api.errors.length && api.status !== 403 && api.status !== 404 ? (
        <p className="small">{t('errors.detail', { detail: api.detail })}</p>
      ) : null}
    </div>
  );
}
