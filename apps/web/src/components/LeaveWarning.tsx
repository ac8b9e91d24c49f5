import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from './Dialog';

/**
 * Asks before a half-filled form is left: our dialog when a link in the app is followed
 * (react-router's blocker), the browser's own question when the tab is closed or reloaded.
 */
export function LeaveWarning({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
  if (blocker.state !== 'blocked') return null;
  return (
    <ConfirmDialog
      title={t('forms.leaveTitle')}
      text={t('forms.leave')}
      yes={t('forms.leaveYes')}
      no={t('forms.leaveNo')}
      onYes={() => blocker.proceed()}
      onNo={() => blocker.reset()}
    />
  );
}
