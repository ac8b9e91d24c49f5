import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, currentToken, setToken, whenUnauthorised } from '../api/client';
import type { Me } from '../api/types';
import type { OidcSettings } from './pkce';

export type WebConfig = { authMode: 'dev' } | { authMode: 'oidc'; oidc: OidcSettings };

interface Session {
  config: WebConfig | undefined;
  me: Me | null | undefined;
  signInWithToken: (token: string) => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<WebConfig>();
  // Without a token nobody is signed in, and no request is needed to know it.
  const [me, setMe] = useState<Me | null | undefined>(() => (currentToken() ? undefined : null));

  const signOut = useCallback(() => {
    setToken(null);
    setMe(null);
  }, []);
  const signInWithToken = useCallback(async (token: string) => {
    setToken(token);
    setMe(await api<Me>('/api/v1/me'));
  }, []);

  useEffect(() => {
    whenUnauthorised(signOut);
    void fetch('/web-config.json')
      .then((r) => (r.ok ? (r.json() as Promise<WebConfig>) : { authMode: 'dev' as const }))
      .catch(() => ({ authMode: 'dev' as const }))
      .then(setConfig);
    if (!currentToken()) return;
    api<Me>('/api/v1/me').then(setMe, () => signOut());
  }, [signOut]);

  return (
    <SessionContext.Provider value={{ config, me, signInWithToken, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user (pages under the signed-in layout only). */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('not signed in');
  return me;
}
