import {
  Alert,
  Button,
  Card,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
} from '@digdir/designsystemet-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../contracts/common';
import { isApiError, type ProgrammeDetail } from '../api';
import { checkInvitation, fieldOfError, NAME_MAX_LENGTH, type InvitationProblems } from '../invitations';
import { useInvite } from '../programme-data';
import { useSession } from '../session';
import { ErrorAlert } from './error-alert';
import { RouterLink } from './router-link';
import { EmailField } from './email-field';

interface Sent {
  email: string;
  role: Role;
  membershipCreated: boolean;
}

/**
 * "Invite someone": name, e-mail and one of the roles this user may give (`roles`, never empty).
 * Checked before sending, with each message tied to its field and focus on the first one wrong;
 * on success the form empties and focus moves to the confirmation.
 */
export function InviteForm({ programme, roles }: { programme: ProgrammeDetail; roles: readonly Role[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data: session } = useSession();
  const invite = useInvite(programme.id);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles[0] ?? 'participant');
  const [problems, setProblems] = useState<InvitationProblems>({});
  const [sent, setSent] = useState<Sent | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const sentRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  // A server-side check the form did not catch (it mirrors the contract, so rarely) goes on its field.
  const serverField = fieldOfError(invite.error);
  const nameError =
    serverField === 'name' || problems.name === 'tooLong'
      ? t('participants.invite.nameTooLong', { max: NAME_MAX_LENGTH })
      : problems.name === 'required'
        ? t('participants.invite.nameRequired')
        : undefined;
  const emailError =
    serverField === 'email' || problems.email === 'invalid'
      ? t('validation.emailInvalid')
      : problems.email === 'required'
        ? t('participants.invite.emailRequired')
        : undefined;
  // In development the e-mail stays in the outbox, which a provider admin can open.
  const outboxPath =
    session?.mailDevMode && session.adminOf.some((p) => p.id === programme.provider.id)
      ? `/admin/${programme.provider.id}/outbox`
      : null;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    invite.reset();
    setSent(null);
    const found = checkInvitation({ name, email });
    setProblems(found);
    if (found.name) return nameRef.current?.focus();
    if (found.email) return emailRef.current?.focus();
    invite.mutate(
      { name: name.trim(), email: email.trim(), role },
      {
        onSuccess: (result, request) => {
          setName('');
          setEmail('');
          setRole(roles[0] ?? 'participant');
          setSent({ email: request.email, role: request.role, membershipCreated: result.membershipCreated });
        },
        onError: (error) => {
          const field = fieldOfError(error);
          if (field === 'name') nameRef.current?.focus();
          else if (field === 'email') emailRef.current?.focus();
        },
      },
    );
  };

  return (
    <Card data-color="neutral" className="app-section app-invite" asChild>
      <section aria-labelledby={headingId} data-testid="invite">
        <Heading level={2} data-size="sm" id={headingId}>
          {t('participants.invite.heading')}
        </Heading>
        <Paragraph>{t('participants.invite.intro')}</Paragraph>
        {sent ? (
          <Alert data-color="success" role="status" tabIndex={-1} ref={sentRef} data-testid="invite-sent">
            <Paragraph>
              {sent.membershipCreated
                ? t('participants.invite.sent', { email: sent.email })
                : t('participants.invite.alreadyMember', {
                    email: sent.email,
                    role: t(`roles.${sent.role}`),
                  })}
            </Paragraph>
            {outboxPath ? (
              <Paragraph>
                <RouterLink to={outboxPath}>{t('participants.invite.openOutbox')}</RouterLink>
              </Paragraph>
            ) : null}
          </Alert>
        ) : null}
        {invite.isError && !serverField ? (
          <ErrorAlert error={invite.error}>
            {isApiError(invite.error, 'forbidden') ? (
              <Paragraph>{t('participants.invite.forbidden')}</Paragraph>
            ) : null}
          </ErrorAlert>
        ) : null}
        <form className="app-form" data-color="accent" onSubmit={submit} noValidate>
          <div className="app-form__row">
            <Textfield
              ref={nameRef}
              label={t('participants.invite.name')}
              name="name"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              error={nameError}
              required
            />
            <EmailField
              ref={emailRef}
              label={t('participants.invite.email')}
              autoComplete="off"
              value={email}
              onChange={setEmail}
              error={emailError}
            />
          </div>
          <Fieldset>
            <Fieldset.Legend>{t('participants.invite.role')}</Fieldset.Legend>
            {roles.map((r) => (
              <Radio
                key={r}
                name="role"
                value={r}
                label={t(`roles.${r}`)}
                description={t(`participants.invite.roleHelp.${r}`)}
                checked={role === r}
                onChange={() => setRole(r)}
              />
            ))}
          </Fieldset>
          <div className="app-form__actions">
            <Button type="submit" loading={invite.isPending}>
              {invite.isPending ? t('participants.invite.submitting') : t('participants.invite.submit')}
            </Button>
          </div>
        </form>
      </section>
    </Card>
  );
}
