import { Alert, Button, Card, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { isEmail, safeNextPath } from '../components/form';
import { RouterLink } from '../components/router-link';
import { clearSession, useLogin, useSession } from '../session';
import { EmailField } from '../components/email-field';

export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.title'));
  const session = useSession();
  const login = useLogin();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const loggedOut = (location.state as { loggedOut?: boolean } | null)?.loggedOut === true;

  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Arriving from "log out": the session ends here, once the logged-in pages are gone.
  useEffect(() => {
    if (loggedOut) clearSession(queryClient);
  }, [loggedOut, queryClient]);

  if (session.data && !login.isPending && !loggedOut) return <Navigate to={next} replace />;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!email.trim()) found.email = t('validation.emailRequired');
    else if (!isEmail(email)) found.email = t('validation.emailInvalid');
    if (!password) found.password = t('validation.passwordRequired');
    setErrors(found);
    if (found.email) return emailRef.current?.focus();
    if (found.password) return passwordRef.current?.focus();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate(next, { replace: true }),
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  };

  return (
    <div className="app-narrow app-page">
      <Heading level={1} data-size="lg">
        {t('login.title')}
      </Heading>
      <Paragraph>{t('login.intro')}</Paragraph>
      {loggedOut && !login.isError ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('login.loggedOut')}</Paragraph>
        </Alert>
      ) : null}
      {login.isError ? (
        // invalid_credentials is deliberately the same message whether or not the e-mail exists.
        <ErrorAlert error={login.error} />
      ) : null}
      <Card data-color="neutral">
        <form className="app-form" data-color="accent" onSubmit={submit} noValidate>
          <EmailField
            ref={emailRef}
            label={t('login.email')}
            autoComplete="username"
            value={email}
            onChange={setEmail}
            error={errors.email}
          />
          <Textfield
            ref={passwordRef}
            label={t('login.password')}
            type="password"
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={errors.password}
            required
          />
          <div className="app-form__actions">
            <Button type="submit" loading={login.isPending}>
              {login.isPending ? t('login.submitting') : t('login.submit')}
            </Button>
            <RouterLink to="/password-reset">{t('login.forgotPassword')}</RouterLink>
          </div>
        </form>
      </Card>
      <Paragraph>
        <RouterLink to={next === '/' ? '/login/sso' : `/login/sso?next=${encodeURIComponent(next)}`}>
          {t('oidc.loginWithMunicipality')}
        </RouterLink>
      </Paragraph>
    </div>
  );
}
