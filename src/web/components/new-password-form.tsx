import { Button, Textfield } from '@digdir/designsystemet-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from './form';

/** A new password typed twice, checked for length and equality before it is sent. */
export function NewPasswordForm({
  passwordLabel,
  repeatLabel,
  submitLabel,
  pending,
  onSubmit,
}: {
  passwordLabel: string;
  repeatLabel: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (password: string) => void;
}) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const passwordRef = useRef<HTMLInputElement>(null);
  const repeatRef = useRef<HTMLInputElement>(null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!password) found.password = t('validation.passwordRequired');
    else if (password.length < PASSWORD_MIN_LENGTH)
      found.password = t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH });
    else if (password !== repeat) found.repeat = t('validation.passwordsDiffer');
    setErrors(found);
    if (found.password) return passwordRef.current?.focus();
    if (found.repeat) return repeatRef.current?.focus();
    onSubmit(password);
  };

  return (
    <form className="app-form" data-color="accent" onSubmit={submit} noValidate>
      <Textfield
        ref={passwordRef}
        label={passwordLabel}
        description={t('validation.passwordTooShort', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        required
      />
      <Textfield
        ref={repeatRef}
        label={repeatLabel}
        type="password"
        name="repeat-password"
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={errors.repeat}
        required
      />
      <div className="app-form__actions">
        <Button type="submit" loading={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
