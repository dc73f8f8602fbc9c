import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format';
import { useCalendarFeed, useCreateFeed, useRevokeFeed } from '../plan';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';

/** The user's private iCalendar subscription: make, rotate, revoke. The URL is shown once. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const locale = useLocale();
  const feed = useCalendarFeed();
  const create = useCreateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const active = feed.data?.active ?? false;
  return (
    <section className="app-section" aria-labelledby="calendar-feed-heading" data-testid="calendar-feed">
      <Heading level={2} data-size="sm" id="calendar-feed-heading">
        {t('planPage.feed.heading')}
      </Heading>
      <Paragraph>{t('planPage.feed.lead')}</Paragraph>
      <Paragraph aria-live="polite">
        {active && feed.data?.createdAt
          ? t('planPage.feed.active', { date: formatDate(feed.data.createdAt, locale) })
          : t('planPage.feed.none')}
      </Paragraph>
      {url ? (
        <Textfield
          label={t('planPage.feed.url')}
          description={t('planPage.feed.urlHelp')}
          readOnly
          value={url}
          onFocus={(e) => e.target.select()}
          data-testid="calendar-feed-url"
        />
      ) : null}
      <div className="app-form__actions">
        <Button
          variant={active ? 'secondary' : 'primary'}
          loading={create.isPending}
          onClick={() => create.mutate(undefined, { onSuccess: (f) => setUrl(f.url) })}
        >
          {active ? t('planPage.feed.rotate') : t('planPage.feed.create')}
        </Button>
        {active ? (
          <Button
            variant="tertiary"
            loading={revoke.isPending}
            onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}
          >
            {t('planPage.feed.revoke')}
          </Button>
        ) : null}
      </div>
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      {revoke.isError ? <ErrorAlert error={revoke.error} /> : null}
    </section>
  );
}
