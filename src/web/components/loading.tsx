import { Skeleton, Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';

/** A page-shaped placeholder while data loads; the spinner carries the accessible "Loading" text. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div className="app-loading" data-loading="true">
      <Spinner aria-label={t('common.loading')} data-size="md" />
      <Skeleton variant="text" width="40%" height="2.5rem" />
      <Skeleton variant="text" width="70%" />
      <Skeleton variant="rectangle" height="8rem" />
    </div>
  );
}
