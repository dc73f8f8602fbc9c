import { Button, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReminderResult } from '../../contracts/evaluations';
import { ErrorAlert } from './error-alert';

/**
 * "Send reminder now" for an open survey (the expectation round, the overall evaluation): e-mails
 * the leaders who have not answered, at most once a day, and says how many it reached.
 */
export function ReminderButton({ send, testId }: { send: () => Promise<ReminderResult>; testId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const remind = useMutation({ mutationFn: send });
  return (
    <>
      <div className="app-evaluation__actions">
        <Button
          variant="secondary"
          loading={remind.isPending}
          data-testid={testId}
          onClick={() =>
            remind.mutate(undefined, {
              onSuccess: (r) =>
                setMessage(
                  r.alreadySentToday
                    ? t('surveyReminders.alreadyReminded')
                    : r.queued === 0
                      ? t('surveyReminders.remindedNone')
                      : t('surveyReminders.reminded', { count: r.queued }),
                ),
            })
          }
        >
          {t('surveyReminders.button')}
        </Button>
      </div>
      <Paragraph aria-live="polite" data-testid={`${testId}-message`}>
        {message}
      </Paragraph>
      {remind.isError ? <ErrorAlert error={remind.error} /> : null}
    </>
  );
}
