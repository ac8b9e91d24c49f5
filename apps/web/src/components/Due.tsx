import { useTranslation } from 'react-i18next';
import { dueKey, dueParts, dueTone } from '../lib/due';
import { formatDateTime } from '../lib/time';

/** A due time as text and tone ("Försenad · 2 dagar sen"), with the exact time on hover. */
export function Due({
  dueAt,
  overdue,
  now,
}: {
  dueAt: string | null;
  overdue?: boolean;
  now: Date;
}) {
  const { t } = useTranslation();
  const due = dueAt ? new Date(dueAt) : null;
  const tone = dueTone(due, now, overdue);
  if (!due) return <span className="due due-none">{t('due.tone.none')}</span>;
  const { key, count } = dueKey(dueParts(due, now));
  return (
    <span className={`due due-${tone}`}>
      <span className="due-tone">
        <span aria-hidden="true">{tone === 'overdue' ? '⚠ ' : tone === 'soon' ? '◷ ' : ''}</span>
        {t(`due.tone.${tone}`)}
      </span>{' '}
      <span>{t(key, { count })}</span>
      <span className="due-at">{t('due.at', { time: formatDateTime(due) })}</span>
    </span>
  );
}
