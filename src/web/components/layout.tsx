import { Button, Paragraph, SkipLink } from '@digdir/designsystemet-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useMatch } from 'react-router';
import type { SessionResponse } from '../api';
import { hasProgrammeList, useLogout, useSession } from '../session';
import { ErrorAlert } from './error-alert';
import { LanguageSwitch } from './language-switch';
import { PageLoading } from './loading';
import { NavRouterLink, RouterLink } from './router-link';

const MAIN_ID = 'main';

/**
 * The page frame: skip link, header (product, programme, user, language, log-out), main menu,
 * main and footer landmarks. `requireSession` sends visitors without a session to the login page
 * and back afterwards; without it the frame adapts to whoever is there (login pages, 404).
 */
export function Layout({ requireSession }: { requireSession: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  useFocusMainOnNavigation();

  if (session.isPending) {
    return (
      <Frame session={null}>
        <PageLoading />
      </Frame>
    );
  }
  if (session.isError) {
    return (
      <Frame session={null}>
        <ErrorAlert error={session.error}>
          <Button variant="secondary" onClick={() => void session.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      </Frame>
    );
  }
  if (requireSession && !session.data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return (
    <Frame session={session.data}>
      <Outlet />
    </Frame>
  );
}

function Frame({ session, children }: { session: SessionResponse | null; children: React.ReactNode }) {
  const { t } = useTranslation();
  // Tests wait for main's data-path to match the address: then the new page has rendered.
  const { pathname } = useLocation();
  const focusMain = (event: React.MouseEvent<HTMLAnchorElement>) => {
    // Move focus without adding "#main" to the URL, which the router would treat as navigation.
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <>
      <SkipLink href={`#${MAIN_ID}`} onClick={focusMain}>
        {t('layout.skipToContent')}
      </SkipLink>
      <Header session={session} />
      <main id={MAIN_ID} className="app-main" tabIndex={-1} data-path={pathname}>
        <div className="app-container">{children}</div>
      </main>
      <footer className="app-footer">
        <div className="app-container">
          <Paragraph data-size="sm">{t('layout.footer')}</Paragraph>
          <Paragraph data-size="sm">
            <RouterLink to="/accessibility">{t('accessibility.footerLink')}</RouterLink>
          </Paragraph>
        </div>
      </footer>
    </>
  );
}

function BrandMark() {
  return (
    <svg className="app-brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="var(--ds-color-accent-base-default)" />
      <path
        d="M9 8h3v13h8v3H9zM18 8h4.5a4.5 4.5 0 0 1 0 9H21v-3h1.5a1.5 1.5 0 0 0 0-3H21v7h-3z"
        fill="var(--ds-color-accent-base-contrast-default)"
      />
    </svg>
  );
}

function Header({ session }: { session: SessionResponse | null }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const match = useMatch('/programmes/:programmeId/*');
  const programmeId = match?.params.programmeId;
  const programme = session?.programmes.find((p) => p.id === programmeId);
  // Someone with one programme always has a way back to it, e.g. from a not-found page.
  const navProgramme = programme ?? (session?.programmes.length === 1 ? session.programmes[0] : undefined);

  // The role shown is the one in the current programme; elsewhere, every role the user holds.
  const roles = programme ? programme.roles : [...new Set(session?.programmes.flatMap((p) => p.roles) ?? [])];

  return (
    <header className="app-header">
      <div className="app-container app-header__bar">
        <div className="app-brand">
          <RouterLink to="/" className="app-brand__name" data-color="neutral">
            <BrandMark />
            {t('app.name')}
          </RouterLink>
          {programme ? (
            <p className="app-brand__programme">
              <span className="ds-sr-only">{t('layout.currentProgramme')}: </span>
              {programme.name}
            </p>
          ) : null}
        </div>
        <div className="app-tools">
          {session ? (
            <p className="app-user" data-testid="current-user">
              <span className="ds-sr-only">{t('layout.signedInAs')} </span>
              <span className="app-user__name">{session.user.name}</span>
              {roles.length > 0 ? (
                <span className="app-user__role">{roles.map((r) => t(`roles.${r}`)).join(', ')}</span>
              ) : null}
            </p>
          ) : null}
          {session ? (
            <RouterLink to="/my-data" className="app-user__data" data-testid="my-data-link">
              {t('privacy.mineTitle')}
            </RouterLink>
          ) : null}
          <LanguageSwitch />
          {session ? (
            <Button
              variant="secondary"
              data-size="sm"
              loading={logout.isPending}
              onClick={() => logout.mutate()}
            >
              {logout.isPending ? t('layout.loggingOut') : t('layout.logout')}
            </Button>
          ) : null}
        </div>
      </div>
      {session ? (
        <nav className="app-nav" aria-label={t('layout.mainNav')}>
          <div className="app-container">
            <ul className="app-nav__list">
              {hasProgrammeList(session) ? (
                <li>
                  <NavRouterLink to="/">{t('layout.myProgrammes')}</NavRouterLink>
                </li>
              ) : null}
              {navProgramme ? (
                <li>
                  <NavRouterLink to={`/programmes/${navProgramme.id}`}>
                    {t('layout.programmeHome')}
                  </NavRouterLink>
                </li>
              ) : null}
              <li>
                <NavRouterLink to="/my-days">{t('myDays.navLink')}</NavRouterLink>
              </li>
              {session.adminOf.flatMap((provider) => {
                const suffix = session.adminOf.length > 1 ? ` (${provider.name})` : '';
                return [
                  <li key={`${provider.id}-rates`}>
                    <NavRouterLink to={`/admin/${provider.id}/rates`}>
                      {t('rates.navLink') + suffix}
                    </NavRouterLink>
                  </li>,
                  <li key={`${provider.id}-outbox`}>
                    <NavRouterLink to={`/admin/${provider.id}/outbox`}>
                      {t('home.outboxLink') + suffix}
                    </NavRouterLink>
                  </li>,
                  <li key={`${provider.id}-audit`}>
                    <NavRouterLink to={`/admin/${provider.id}/audit`}>
                      {t('home.auditLink') + suffix}
                    </NavRouterLink>
                  </li>,
                  <li key={`${provider.id}-sso`}>
                    <NavRouterLink to={`/admin/${provider.id}/sso`}>
                      {t('oidc.admin.navLink') + suffix}
                    </NavRouterLink>
                  </li>,
                  <li key={`${provider.id}-processing`}>
                    <NavRouterLink to={`/admin/${provider.id}/processing`}>
                      {t('processing.navLink') + suffix}
                    </NavRouterLink>
                  </li>,
                ];
              })}
              {clientAdminOf(session).map((client, _, all) => (
                <li key={`${client.id}-processing`}>
                  <NavRouterLink to={`/clients/${client.id}/processing`}>
                    {t('processing.navLink') + (all.length > 1 ? ` (${client.name})` : '')}
                  </NavRouterLink>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      ) : null}
    </header>
  );
}

/** The municipalities whose record of processing this user reads as their client admin. */
function clientAdminOf(session: SessionResponse): { id: string; name: string }[] {
  const clients = new Map<string, string>();
  for (const p of session.programmes) {
    if (p.roles.includes('client_admin')) clients.set(p.clientId, p.clientName);
  }
  return [...clients].map(([id, name]) => ({ id, name }));
}

// Module-level, not a ref: moving between the public and the logged-in frame mounts a new Layout.
let lastPathname: string | null = null;

/**
 * After client-side navigation, focus goes to the new page's h1 (or main), so keyboard and screen
 * reader users start at the new content instead of wherever the old page left them. Not on the
 * first page load: there the browser starts at the top, with the skip link first.
 */
function useFocusMainOnNavigation() {
  const { pathname } = useLocation();
  useEffect(() => {
    const previous = lastPathname;
    lastPathname = pathname;
    if (previous === null || previous === pathname) return;
    const frame = requestAnimationFrame(() => {
      const main = document.getElementById(MAIN_ID);
      const heading = main?.querySelector<HTMLElement>('h1');
      const target = heading ?? main;
      if (!target) return;
      if (target !== main) target.tabIndex = -1;
      target.focus({ preventScroll: false });
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}
