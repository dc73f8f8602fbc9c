import { Alert, Button, Checkbox, Paragraph, Switch, Textfield } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DiscoveryResult, type SaveSsoConfig, type SsoConfig, isApiError, oidcApi } from '../api';
import { ErrorAlert } from './error-alert';

type Form = {
  issuer: string;
  oauthClientId: string;
  clientSecret: string;
  clearSecret: boolean;
  scopes: string;
  emailClaim: string;
  trustEmailClaim: boolean;
  enabled: boolean;
  label: string;
};

function formOf(config: SsoConfig | null, clientName: string): Form {
  return {
    issuer: config?.issuer ?? '',
    oauthClientId: config?.oauthClientId ?? '',
    clientSecret: '',
    clearSecret: false,
    scopes: config?.scopes ?? 'openid email profile',
    emailClaim: config?.emailClaim ?? 'email',
    trustEmailClaim: config?.trustEmailClaim ?? false,
    enabled: config?.enabled ?? false,
    label: config?.label ?? `Logg inn med ${clientName}`,
  };
}

/**
 * One municipality's SSO set-up. The stored secret is never shown: the field is empty, and
 * leaving it empty keeps what is stored.
 */
export function OidcConfigForm({
  providerId,
  clientId,
  clientName,
  config,
}: {
  providerId: string;
  clientId: string;
  clientName: string;
  config: SsoConfig | null;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<Form>(() => formOf(config, clientName));
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Form>) => {
    setSaved(false);
    setForm((f) => ({ ...f, ...patch }));
  };
  const save = useMutation({
    mutationFn: (body: SaveSsoConfig) => oidcApi.save(providerId, clientId, body),
    onSuccess: () => {
      setSaved(true);
      setForm((f) => ({ ...f, clientSecret: '', clearSecret: false }));
      void queryClient.invalidateQueries({ queryKey: ['sso', providerId] });
    },
  });
  const discovery = useMutation({
    mutationFn: (issuer: string) => oidcApi.testDiscovery(providerId, clientId, issuer),
  });
  const id = (field: string) => `sso-${clientId}-${field}`;
  const fieldError = (field: keyof Form) => {
    if (!isApiError(save.error, 'validation_failed') || save.error.field !== field) return undefined;
    return field === 'clientSecret' ? t('oidc.admin.noSecretsKey') : t('errors.validation_failed');
  };
  const generalError =
    save.isError && !fieldError(((save.error as { field?: string }).field ?? '') as keyof Form);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate({
      issuer: form.issuer.trim(),
      oauthClientId: form.oauthClientId.trim(),
      ...(form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      clearSecret: form.clearSecret,
      scopes: form.scopes.trim(),
      emailClaim: form.emailClaim.trim(),
      trustEmailClaim: form.trustEmailClaim,
      enabled: form.enabled,
      label: form.label.trim(),
    });
  };

  return (
    <form className="app-form" onSubmit={submit} noValidate data-testid={`sso-form-${clientId}`}>
      <Textfield
        id={id('issuer')}
        label={t('oidc.admin.issuer')}
        description={t('oidc.admin.issuerHelp')}
        name="issuer"
        type="url"
        value={form.issuer}
        onChange={(e) => set({ issuer: e.target.value })}
        error={fieldError('issuer')}
        required
      />
      <div>
        <Button
          type="button"
          variant="secondary"
          data-size="sm"
          loading={discovery.isPending}
          disabled={!form.issuer.trim()}
          onClick={() => discovery.mutate(form.issuer.trim())}
        >
          {t('oidc.admin.testDiscovery')}
        </Button>
      </div>
      <div aria-live="polite">
        {discovery.isError ? <ErrorAlert error={discovery.error} /> : null}
        {discovery.data ? <DiscoveryReport result={discovery.data} /> : null}
      </div>
      <Textfield
        id={id('oauthClientId')}
        label={t('oidc.admin.oauthClientId')}
        name="oauthClientId"
        autoComplete="off"
        value={form.oauthClientId}
        onChange={(e) => set({ oauthClientId: e.target.value })}
        error={fieldError('oauthClientId')}
        required
      />
      <Textfield
        id={id('clientSecret')}
        label={t('oidc.admin.clientSecret')}
        description={
          config?.hasClientSecret ? t('oidc.admin.clientSecretStored') : t('oidc.admin.clientSecretNone')
        }
        name="clientSecret"
        type="password"
        autoComplete="new-password"
        value={form.clientSecret}
        onChange={(e) => set({ clientSecret: e.target.value })}
        error={fieldError('clientSecret')}
      />
      {config?.hasClientSecret ? (
        <Checkbox
          label={t('oidc.admin.clearSecret')}
          checked={form.clearSecret}
          onChange={(e) => set({ clearSecret: e.target.checked })}
        />
      ) : null}
      <Textfield
        id={id('scopes')}
        label={t('oidc.admin.scopes')}
        name="scopes"
        value={form.scopes}
        onChange={(e) => set({ scopes: e.target.value })}
        error={fieldError('scopes')}
      />
      <Textfield
        id={id('emailClaim')}
        label={t('oidc.admin.emailClaim')}
        name="emailClaim"
        value={form.emailClaim}
        onChange={(e) => set({ emailClaim: e.target.value })}
        error={fieldError('emailClaim')}
      />
      <Checkbox
        label={t('oidc.admin.trustEmailClaim')}
        checked={form.trustEmailClaim}
        onChange={(e) => set({ trustEmailClaim: e.target.checked })}
      />
      <Textfield
        id={id('label')}
        label={t('oidc.admin.label')}
        description={t('oidc.admin.labelHelp')}
        name="label"
        value={form.label}
        onChange={(e) => set({ label: e.target.value })}
        error={fieldError('label')}
      />
      <Switch
        label={t('oidc.admin.enabled')}
        checked={form.enabled}
        onChange={(e) => set({ enabled: e.target.checked })}
      />
      <div className="app-form__actions">
        <Button type="submit" loading={save.isPending}>
          {t('oidc.admin.save')}
        </Button>
      </div>
      <div aria-live="polite">
        {saved ? (
          <Alert data-color="success">
            <Paragraph>{t('oidc.admin.saved')}</Paragraph>
          </Alert>
        ) : null}
        {generalError ? <ErrorAlert error={save.error} /> : null}
      </div>
    </form>
  );
}

function DiscoveryReport({ result }: { result: DiscoveryResult }) {
  const { t } = useTranslation();
  if (!result.ok) {
    return (
      <Alert data-color="danger" data-testid="sso-discovery">
        <Paragraph>{t('oidc.admin.discoveryFailed', { error: result.error ?? '' })}</Paragraph>
      </Alert>
    );
  }
  const list = (items: string[]) => (items.length ? items.join(', ') : '–');
  return (
    <Alert data-color="success" data-testid="sso-discovery">
      <Paragraph>{t('oidc.admin.discoveryOk', { issuer: result.issuer ?? '' })}</Paragraph>
      <dl className="app-sso-discovery">
        <dt>{t('oidc.admin.endpoints')}</dt>
        <dd>
          {[result.authorizationEndpoint, result.tokenEndpoint, result.userinfoEndpoint]
            .filter((x): x is string => x !== null)
            .map((x) => (
              <code key={x} style={{ display: 'block', overflowWrap: 'anywhere' }}>
                {x}
              </code>
            ))}
        </dd>
        <dt>{t('oidc.admin.pkceMethods')}</dt>
        <dd>{list(result.codeChallengeMethods)}</dd>
        <dt>{t('oidc.admin.scopesSupported')}</dt>
        <dd>{list(result.scopesSupported)}</dd>
        <dt>{t('oidc.admin.claimsSupported')}</dt>
        <dd>{list(result.claimsSupported)}</dd>
      </dl>
    </Alert>
  );
}
