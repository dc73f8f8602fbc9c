import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, isApiError } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { isEmail, PASSWORD_MIN_LENGTH } from '../components/form';
import { NewPasswordForm } from '../components/new-password-form';
import { RouterLink } from '../components/router-link';
import { EmailField } from '../components/email-field';

/** `/password-reset`: ask for a link. The answer is the same whether or not the address exists. */
export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.requestTitle'));
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string>();
  const emailRef = useRef<HTMLInputElement>(null);
  const request = useMutation({ mutationFn: api.requestPasswordReset });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const problem = !email.trim()
      ? t('validation.emailRequired')
      : !isEmail(email)
        ? t('validation.emailInvalid')
        : undefined;
    setError(problem);
    if (problem) return emailRef.current?.focus();
    request.mutate({ email: email.trim() });
  };

  return (
    <div className="app-narrow app-page">
      <Heading level={1} data-size="lg">
        {t('passwordReset.requestTitle')}
      </Heading>
      {request.isSuccess ? (
        <Alert data-color="success" role="status">
          <Paragraph>{t('passwordReset.requestSent')}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{t('passwordReset.requestIntro')}</Paragraph>
          {request.isError ? <ErrorAlert error={request.error} /> : null}
          <Card data-color="neutral">
            <form className="app-form" data-color="accent" onSubmit={submit} noValidate>
              <EmailField
                ref={emailRef}
                label={t('passwordReset.email')}
                autoComplete="email"
                value={email}
                onChange={setEmail}
                error={error}
              />
              <div className="app-form__actions">
                <Button type="submit" loading={request.isPending}>
                  {t('passwordReset.requestSubmit')}
                </Button>
              </div>
            </form>
          </Card>
        </>
      )}
      <Paragraph>
        <RouterLink to="/login">{t('common.goToLogin')}</RouterLink>
      </Paragraph>
    </div>
  );
}

/** `/password-reset/:token`: the link from the e-mail; set a new password. */
export function PasswordResetConfirmPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('passwordReset.confirmTitle'));
  const { token = '' } = useParams();
  const confirm = useMutation({ mutationFn: api.confirmPasswordReset });

  return (
    <div className="app-narrow app-page">
      <Heading level={1} data-size="lg">
        {t('passwordReset.confirmTitle')}
      </Heading>
      {confirm.isSuccess ? (
        <>
          <Alert data-color="success" role="status">
            <Paragraph>{t('passwordReset.confirmed')}</Paragraph>
          </Alert>
          <Paragraph>
            <RouterLink to="/login">{t('common.goToLogin')}</RouterLink>
          </Paragraph>
        </>
      ) : (
        <>
          <Paragraph>{t('passwordReset.confirmIntro', { min: PASSWORD_MIN_LENGTH })}</Paragraph>
          {confirm.isError ? (
            <ErrorAlert error={confirm.error}>
              {isApiError(confirm.error, 'invalid_token') ||
              isApiError(confirm.error, 'validation_failed') ? (
                <Paragraph>
                  <RouterLink to="/password-reset">{t('passwordReset.requestNewLink')}</RouterLink>
                </Paragraph>
              ) : null}
            </ErrorAlert>
          ) : null}
          <Card data-color="neutral">
            <NewPasswordForm
              passwordLabel={t('passwordReset.newPassword')}
              repeatLabel={t('passwordReset.repeatPassword')}
              submitLabel={t('passwordReset.confirmSubmit')}
              pending={confirm.isPending}
              onSubmit={(password) => confirm.mutate({ token, password })}
            />
          </Card>
        </>
      )}
    </div>
  );
}
