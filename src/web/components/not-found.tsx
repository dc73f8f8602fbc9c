import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from './document-title';
import { RouterLink } from './router-link';

/**
 * "Page not found". Also shown for things outside the user's tenancy: the API answers 404 there
 * too, so the page never reveals whether something exists.
 */
export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="app-page" data-testid="not-found">
      <Heading level={1} data-size="lg">
        {t('notFound.title')}
      </Heading>
      <Paragraph className="app-page__lead">{t('notFound.body')}</Paragraph>
      <Paragraph>
        <RouterLink to="/">{t('notFound.toHome')}</RouterLink>
      </Paragraph>
    </div>
  );
}
