import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import type { Me } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { finishOidcSignIn, startOidcSignIn } from './oidc';
import { useSession } from './session';

export function SignInPage() {
  const { t } = useTranslation();
  const { config, signInWithToken } = useSession();
  const navigate = useNavigate();
  const [users, setUsers] = useState<Me[]>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (config?.authMode !== 'dev') return;
    api<{ items: Me[] }>('/api/v1/dev/users').then((r) => setUsers(r.items), setError);
  }, [config]);

  const pick = async (userId: string) => {
    try {
      const { accessToken } = await api<{ accessToken: string }>('/api/v1/dev/token', {
        method: 'POST',
        body: { userId },
      });
      await signInWithToken(accessToken);
      void navigate('/');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <main id="main" className="signin">
      <h1>{t('app.name')}</h1>
      <h2>{t('signIn.title')}</h2>
      <ErrorMessage error={error} />
      {config?.authMode === 'oidc' ? (
        <>
          <p>{t('signIn.oidcIntro')}</p>
          <button
            className="primary"
            onClick={() => void startOidcSignIn(config.oidc).catch(setError)}
          >
            {t('signIn.oidcButton')}
          </button>
        </>
      ) : (
        <>
          <p>{t('signIn.devIntro')}</p>
          <ul className="user-list">
            {users?.map((u) => (
              <li key={u.id}>
                <button onClick={() => void pick(u.id)}>
                  <strong>
                    <span className="visually-hidden">{t('signIn.choose')} </span>
                    {u.displayName}
                  </strong>
                  <span>
                    {u.roleTitle}
                    {u.units[0] ? ` · ${u.units[0].name}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

export function CallbackPage() {
  const { t } = useTranslation();
  const { config, signInWithToken } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (config?.authMode !== 'oidc') return;
    finishOidcSignIn(config.oidc, window.location.search)
      .then(signInWithToken)
      .then(() => navigate('/', { replace: true }))
      .catch((e: unknown) => setError((e as Error).message));
  }, [config, navigate, signInWithToken]);
  return (
    <main id="main" className="signin">
      <h1>{t('signIn.title')}</h1>
      <p role="status">{error ? t('signIn.failed', { reason: error }) : t('signIn.callback')}</p>
    </main>
  );
}
