import { useTranslation } from 'react-i18next';
import { useEffect, useRef } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../auth/session';

export function Layout() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const { pathname } = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page moves the keyboard focus to its content, as a page load would.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [pathname]);
  if (!me) return null;
  const ward = me.role === 'ward_staff';
  const owner = me.role === 'processagare';
  const links = [
    ...(owner ? [] : [{ to: '/', label: t('nav.tasks') }]),
    { to: '/stays', label: t('nav.stays') },
    ...(ward ? [{ to: '/stays/new', label: t('nav.admit') }] : []),
    { to: '/deviations', label: t('nav.deviations') },
    ...(owner ? [{ to: '/', label: t('nav.dashboard') }] : []),
    { to: '/process', label: t('nav.process') },
  ];
  return (
    <>
      <a className="skip" href="#main">
        {t('app.skip')}
      </a>
      <header className="top">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')}>
          <ul>
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end>
                  {l.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="who">
          <span>{t('nav.signedInAs', { name: me.displayName, role: me.roleTitle })}</span>
          <button onClick={signOut}>{t('nav.signOut')}</button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </>
  );
}
