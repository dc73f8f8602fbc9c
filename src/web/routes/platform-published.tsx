import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type Locale, type ProgrammeDetail, platformApi, saveFile } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { usePublishedPlatform } from '../components/platform-data';
import '../components/platform-styles.css';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { formatDate } from '../format';
import { isNotFound } from '../programme-data';

/** `/programmes/:programmeId/platform/published`: the concluded platform, read-only, with the PDF. */
export function PlatformPublishedRoute() {
  const { programmeId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) =>
        programme.parts.some((p) => p.key === 'platform') ? (
          <PublishedPage programme={programme} />
        ) : (
          <NotFound />
        )
      }
    </ProgrammeGate>
  );
}

function PublishedPage({ programme }: { programme: ProgrammeDetail }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const query = usePublishedPlatform(programme.id);
  const download = useMutation({
    mutationFn: () => platformApi.downloadPdf(programme.id, locale),
    onSuccess: saveFile,
  });
  const path = `/programmes/${programme.id}/platform/published`;
  return (
    <div className="app-page app-platform" data-testid="platform-published">
      <ProgrammePageHead programme={programme} title={t('platform.published.title')} path={path} />
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? (
        isNotFound(query.error) ? (
          <Paragraph>{t('platform.published.notPublished')}</Paragraph>
        ) : (
          <ErrorAlert error={query.error} />
        )
      ) : null}
      {query.data ? (
        <article className="app-platform-doc">
          <Paragraph className="app-platform-doc__lead">
            {t('platform.published.lead', {
              programme: query.data.programmeName,
              client: query.data.clientName,
            })}
          </Paragraph>
          <Paragraph data-testid="platform-published-date">
            {query.data.publishedBy
              ? t('platform.published.dateBy', {
                  date: formatDate(query.data.publishedAt, locale),
                  name: query.data.publishedBy,
                })
              : t('platform.published.date', { date: formatDate(query.data.publishedAt, locale) })}
          </Paragraph>
          <div className="app-form__actions">
            <Button onClick={() => download.mutate()} loading={download.isPending} data-testid="platform-pdf">
              {t('platform.published.download')}
            </Button>
          </div>
          {download.isError ? <ErrorAlert error={download.error} /> : null}
          <Heading level={2} data-size="md">
            {t('platform.published.principles')}
          </Heading>
          <ol className="app-platform-doc__principles" data-testid="platform-published-principles">
            {query.data.principles.map((p, i) => (
              <li key={i}>
                <Heading level={3} data-size="sm">
                  {p.statement}
                </Heading>
                {p.explanation ? <Paragraph>{p.explanation}</Paragraph> : null}
              </li>
            ))}
          </ol>
          <Heading level={2} data-size="md">
            {t('platform.published.participants')}
          </Heading>
          <ul className="app-platform-doc__people" data-testid="platform-published-people">
            {query.data.participants.map((name, i) => (
              <li key={`${i}-${name}`}>{name}</li>
            ))}
          </ul>
        </article>
      ) : null}
      <RouterLink to={`/programmes/${programme.id}/platform`}>{t('platform.published.back')}</RouterLink>
    </div>
  );
}
