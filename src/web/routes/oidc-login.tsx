import {
  Alert,
  Button,
  Card,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { oidcApi } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { safeNextPath } from '../components/form';
import { PageLoading } from '../components/loading';
import { RouterLink } from '../components/router-link';
import { useLocale, useSession } from '../session';

/**
 * `/login/sso`: pick the municipality, then the browser goes to our start URL, which sends it on
 * to the municipality's identity provider (a full navigation: the provider's page is not ours).
 * Signed in, the same page links the account to the municipality's identity instead (the way in
 * for Ansattporten and ID-porten, which send no e-mail address to match).
 */
export function OidcLoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const linking = Boolean(session.data);
  useDocumentTitle(linking ? t('oidc.linkTitle') : t('oidc.chooseTitle'));
  const locale = useLocale();
  const [params] = useSearchParams();
  const linked = params.get('linked') === '1';
  const next = linking ? '/login/sso?linked=1' : safeNextPath(params.get('next'));
  const options = useQuery({ queryKey: ['sso-options'], queryFn: oidcApi.options });
  const [clientId, setClientId] = useState('');
  const [error, setError] = useState('');
  const [going, setGoing] = useState(false);
  const selectRef = useRef<HTMLSelectElement>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (!clientId) {
      setError(t('oidc.chooseRequired'));
      selectRef.current?.focus();
      return;
    }
    setError('');
    setGoing(true);
    window.location.assign(oidcApi.startUrl(clientId, next, locale, linking));
  };

  return (
    <div className="app-narrow app-page">
      <Heading level={1} data-size="lg">
        {linking ? t('oidc.linkTitle') : t('oidc.chooseTitle')}
      </Heading>
      <Paragraph>{linking ? t('oidc.linkIntro') : t('oidc.chooseIntro')}</Paragraph>
      {linked && linking ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('oidc.linked')}</Paragraph>
        </Alert>
      ) : null}
      {options.isPending || session.isPending ? (
        <PageLoading />
      ) : options.isError ? (
        <ErrorAlert error={options.error} />
      ) : options.data.options.length === 0 ? (
        <Paragraph>{t('oidc.none')}</Paragraph>
      ) : (
        <Card data-color="neutral">
          <form className="app-form" data-color="accent" onSubmit={submit} noValidate>
            <Field>
              <Label>{t('oidc.chooseLabel')}</Label>
              <Select
                ref={selectRef}
                name="municipality"
                value={clientId}
                onChange={(e) => setClientId(e.target.value)}
                aria-invalid={error ? true : undefined}
              >
                <Select.Option value="">–</Select.Option>
                {options.data.options.map((o) => (
                  <Select.Option key={o.clientId} value={o.clientId}>
                    {o.label}
                  </Select.Option>
                ))}
              </Select>
              {error ? <ValidationMessage>{error}</ValidationMessage> : null}
            </Field>
            <div className="app-form__actions">
              <Button type="submit" loading={going}>
                {linking ? t('oidc.linkContinue') : t('oidc.continue')}
              </Button>
            </div>
          </form>
        </Card>
      )}
      {linking ? null : (
        <Paragraph>
          <RouterLink to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`}>
            {t('oidc.orPassword')}
          </RouterLink>
        </Paragraph>
      )}
    </div>
  );
}
