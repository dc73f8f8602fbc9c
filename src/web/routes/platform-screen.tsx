import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Locale } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { useRoundResult } from '../components/platform-data';
import { PlatformResultBars } from '../components/platform-rounds';
import '../components/platform-styles.css';
import { RouterLink } from '../components/router-link';
import { formatTime } from '../format';
import { isNotFound, isUuid } from '../programme-data';

/**
 * `/programmes/:programmeId/platform/rounds/:roundId/screen`: the live result for the projector.
 * Large type, high contrast; asks the server every two seconds (no reload, no server memory).
 */
export function PlatformScreenRoute() {
  const { programmeId, roundId } = useParams();
  if (!isUuid(programmeId) || !isUuid(roundId)) return <NotFound />;
  return <PlatformScreen programmeId={programmeId} roundId={roundId} />;
}

function PlatformScreen({ programmeId, roundId }: { programmeId: string; roundId: string }) {
  const { t, i18n } = useTranslation();
  const result = useRoundResult(programmeId, roundId, true);
  useDocumentTitle(t('platform.screen.documentTitle', { title: result.data?.title ?? '' }));
  if (result.isPending) return <PageLoading />;
  if (result.isError) return isNotFound(result.error) ? <NotFound /> : <ErrorAlert error={result.error} />;
  const r = result.data;
  return (
    <div className="app-platform-screen" data-testid="platform-screen">
      <RouterLink to={`/programmes/${programmeId}/platform`} className="app-platform-screen__back">
        {t('platform.screen.back')}
      </RouterLink>
      <p className="app-platform-screen__status" data-testid="platform-screen-status">
        {r.status === 'open' ? t('platform.screen.open') : t('platform.screen.closed')}
      </p>
      <Heading level={1} className="app-platform-screen__title">
        {r.title}
      </Heading>
      <div aria-live="polite" aria-atomic="false">
        <PlatformResultBars result={r} large />
      </div>
      {r.voters === 0 && r.status === 'open' ? (
        <Paragraph className="app-platform-screen__voters">{t('platform.screen.waiting')}</Paragraph>
      ) : null}
      <p className="app-platform-screen__updated">
        {t('platform.screen.updated', {
          time: formatTime(new Date(result.dataUpdatedAt), i18n.language as Locale),
        })}
      </p>
    </div>
  );
}
