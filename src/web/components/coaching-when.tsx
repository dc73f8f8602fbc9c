import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';
import { formatDateWithWeekday, formatTime } from '../format';
import { useLocale } from '../session';
import { useErrorText } from './error-alert';

/** "tysdag 12. januar 2027 kl. 09:00–10:00": a session's time in the reader's language. */
export function useWhen(): (start: string, end: string) => string {
  const { t } = useTranslation();
  const locale = useLocale();
  return (start, end) =>
    t('coaching.when', {
      date: formatDateWithWeekday(start, locale),
      start: formatTime(start, locale),
      end: formatTime(end, locale),
    });
}

/** "09:00–10:00". */
export function useClock(): (start: string, end: string) => string {
  const locale = useLocale();
  return (start, end) => `${formatTime(start, locale)}–${formatTime(end, locale)}`;
}

const FIELD_ERRORS: Record<string, 'taken' | 'quota' | 'overlap' | 'cutoff'> = {
  sessionId: 'taken',
  quota: 'quota',
  startsAt: 'overlap',
  cutoff: 'cutoff',
};

/** A booking's refusal in words: taken, quota used, overlap, too late; else the generic text. */
export function CoachingError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const generic = useErrorText();
  const specific = isApiError(error, 'conflict') && error.field ? FIELD_ERRORS[error.field] : undefined;
  return (
    <Alert data-color="danger" role="alert" data-testid="coaching-error">
      <Paragraph>{specific ? t(`coaching.errors.${specific}`) : generic(error)}</Paragraph>
    </Alert>
  );
}
