import { Alert, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { oidcApi } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { OidcConfigForm } from '../components/oidc-config-form';
import { isNotFound, isUuid } from '../programme-data';
import { AdminHead } from './admin';

/** `/admin/:providerId/sso`: each municipality's OpenID Connect log-in, set up by the provider admin. */
export function SsoAdminPage() {
  const { t } = useTranslation();
  const { providerId = '' } = useParams();
  const list = useQuery({
    queryKey: ['sso', providerId],
    queryFn: () => oidcApi.list(providerId),
    enabled: isUuid(providerId),
  });
  if (!isUuid(providerId) || (list.isError && isNotFound(list.error))) return <NotFound />;

  return (
    <div className="app-page">
      <AdminHead
        title={t('oidc.admin.title')}
        path={`/admin/${providerId}/sso`}
        lead={t('oidc.admin.intro')}
      />
      {list.isPending ? (
        <PageLoading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <>
          {!list.data.secretsKeyConfigured ? (
            <Alert data-color="warning">
              <Paragraph>{t('oidc.admin.noSecretsKey')}</Paragraph>
            </Alert>
          ) : null}
          <Paragraph>
            {t('oidc.admin.redirectUri')}: <code data-testid="sso-redirect-uri">{list.data.redirectUri}</code>
          </Paragraph>
          {list.data.clients.length === 0 ? <Paragraph>{t('oidc.admin.noClients')}</Paragraph> : null}
          {list.data.clients.map((c) => (
            <Card key={c.clientId} data-color="neutral" className="app-section">
              <Heading level={2} data-size="sm">
                {c.name}{' '}
                <Tag data-color={c.config?.enabled ? 'success' : 'neutral'} data-size="sm">
                  {c.config
                    ? c.config.enabled
                      ? t('oidc.admin.enabledTag')
                      : t('oidc.admin.disabledTag')
                    : t('oidc.admin.notConfigured')}
                </Tag>
              </Heading>
              <OidcConfigForm
                providerId={providerId}
                clientId={c.clientId}
                clientName={c.name}
                config={c.config}
              />
            </Card>
          ))}
        </>
      )}
    </div>
  );
}
