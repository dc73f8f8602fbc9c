import { Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, isApiError } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { NewPasswordForm } from '../components/new-password-form';
import { setSession } from '../session';

/** `/invitation/:token`: the invited person sets a password and is logged in. */
export function InvitationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const accept = useMutation({
    mutationFn: api.acceptInvitation,
    onSuccess: (session) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      setSession(queryClient, session);
      void navigate('/', { replace: true });
    },
  });

  return (
    <div className="app-narrow app-page">
      <Heading level={1} data-size="lg">
        {t('invitation.title')}
      </Heading>
      <Paragraph>{t('invitation.intro')}</Paragraph>
      {accept.isError ? (
        isApiError(accept.error, 'invalid_token') ? (
          <ErrorAlert error={accept.error}>
            <Paragraph>{t('invitation.invalidLink')}</Paragraph>
          </ErrorAlert>
        ) : (
          <ErrorAlert error={accept.error} />
        )
      ) : null}
      <Card data-color="neutral">
        <NewPasswordForm
          passwordLabel={t('invitation.password')}
          repeatLabel={t('invitation.repeatPassword')}
          submitLabel={t('invitation.submit')}
          pending={accept.isPending}
          onSubmit={(password) => accept.mutate({ token, password })}
        />
      </Card>
    </div>
  );
}
