import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { RouterLink } from '../components/router-link';
import { useSession } from '../session';

/** `/`: straight into the only programme, or a list of programmes (and the admin tools). */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.title'));
  const { data: session } = useSession();
  if (!session) return null; // The layout only renders this with a session.

  const { programmes, adminOf } = session;
  const only = programmes.length === 1 ? programmes[0] : undefined;
  if (only && adminOf.length === 0) return <Navigate to={`/programmes/${only.id}`} replace />;

  return (
    <div className="app-page">
      <div className="app-section">
        <Heading level={1} data-size="lg">
          {t('home.title')}
        </Heading>
        <Paragraph className="app-page__lead">
          {programmes.length > 0 ? t('home.intro') : t('home.empty')}
        </Paragraph>
      </div>
      {programmes.length > 0 ? (
        <ul className="app-grid app-grid--featured" data-testid="programme-list">
          {programmes.map((p) => (
            <li key={p.id}>
              <Card data-color="accent" className="app-card-link">
                <Heading level={2} data-size="sm">
                  <RouterLink to={`/programmes/${p.id}`}>{p.name}</RouterLink>
                </Heading>
                <Paragraph data-size="sm">
                  {t('home.programmeMeta', { client: p.clientName, provider: p.providerName })}
                </Paragraph>
                <Paragraph data-size="sm" className="app-subtle">
                  {t('home.yourRoles', { roles: p.roles.map((r) => t(`roles.${r}`)).join(', ') })}
                </Paragraph>
              </Card>
            </li>
          ))}
        </ul>
      ) : null}
      {adminOf.map((provider) => (
        <section key={provider.id} className="app-section" aria-labelledby={`admin-${provider.id}`}>
          <Heading level={2} data-size="md" id={`admin-${provider.id}`}>
            {adminOf.length > 1 ? `${t('home.adminTitle')}: ${provider.name}` : t('home.adminTitle')}
          </Heading>
          <Paragraph>{t('home.adminIntro', { provider: provider.name })}</Paragraph>
          <ul className="app-grid">
            <li>
              <Card data-color="accent" className="app-card-link">
                <Heading level={3} data-size="xs">
                  <RouterLink to={`/admin/${provider.id}/outbox`}>{t('home.outboxLink')}</RouterLink>
                </Heading>
              </Card>
            </li>
            <li>
              <Card data-color="accent" className="app-card-link">
                <Heading level={3} data-size="xs">
                  <RouterLink to={`/admin/${provider.id}/audit`}>{t('home.auditLink')}</RouterLink>
                </Heading>
              </Card>
            </li>
            <li>
              <Card data-color="accent" className="app-card-link">
                <Heading level={3} data-size="xs">
                  <RouterLink to={`/admin/${provider.id}/privacy`}>{t('privacy.adminLink')}</RouterLink>
                </Heading>
              </Card>
            </li>
          </ul>
        </section>
      ))}
    </div>
  );
}
