import { Alert, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api';

/** Turns any error into the catalog's text for its code; never shows raw server messages. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => t(`errors.${isApiError(error) ? error.code : 'unknown'}`);
}

export function ErrorAlert({ error, children }: { error: unknown; children?: React.ReactNode }) {
  const errorText = useErrorText();
  return (
    <Alert data-color="danger" role="alert">
      <Paragraph>{errorText(error)}</Paragraph>
      {children}
    </Alert>
  );
}
