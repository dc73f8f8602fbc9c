import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Gathering, ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { formatDateWithWeekday, formatTime, machineDate } from '../format';
import { useGatherings } from '../programme-data';
import { useLocale } from '../session';

/** `/programmes/:programmeId/gatherings`: each gathering with its time (Oslo), venue, advisors and agenda. */
export function GatheringsPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const gatherings = useGatherings(programme.id);

  return (
    <div className="app-page">
      <ProgrammePageHead
        programme={programme}
        title={t('gatherings.title')}
        path={`/programmes/${programme.id}/gatherings`}
        lead={t('gatherings.intro')}
      />
      {gatherings.isPending ? (
        <PageLoading />
      ) : gatherings.isError ? (
        <ErrorAlert error={gatherings.error} />
      ) : gatherings.data.gatherings.length === 0 ? (
        <Paragraph>{t('gatherings.empty')}</Paragraph>
      ) : (
        <ol className="app-gathering-list">
          {[...gatherings.data.gatherings]
            .sort((a, b) => a.number - b.number)
            .map((g) => (
              <li key={g.id}>
                <GatheringCard gathering={g} />
              </li>
            ))}
        </ol>
      )}
    </div>
  );
}

function When({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { startsAt, endsAt } = gathering;
  if (!startsAt) return <span className="app-subtle">{t('gatherings.notScheduled')}</span>;
  const day = (iso: string) => formatDateWithWeekday(iso, locale);
  const at = (iso: string) => t('common.dateAtTime', { date: day(iso), time: formatTime(iso, locale) });
  let text: string;
  if (!endsAt) text = at(startsAt);
  else if (day(startsAt) === day(endsAt))
    text = t('gatherings.timeRange', {
      date: day(startsAt),
      from: formatTime(startsAt, locale),
      to: formatTime(endsAt, locale),
    });
  // Lunch to lunch spans two days.
  else text = t('common.range', { from: at(startsAt), to: at(endsAt) });
  return <time dateTime={machineDate(startsAt)}>{text}</time>;
}

function GatheringCard({ gathering }: { gathering: Gathering }) {
  const { t } = useTranslation();
  const headingId = `gathering-${gathering.id}`;
  const agenda = [...gathering.agenda].sort((a, b) => a.position - b.position);
  return (
    <Card data-color="neutral" className="app-gathering" aria-labelledby={headingId} asChild>
      <article>
        <div className="app-card-title">
          <Heading level={2} data-size="sm" id={headingId}>
            {t('gatherings.heading', { number: gathering.number, theme: gathering.theme })}
          </Heading>
          <Tag data-color="neutral" data-size="sm">
            {t(`gatheringFormats.${gathering.format}`)}
          </Tag>
        </div>
        <dl>
          <dt>{t('gatherings.when')}</dt>
          <dd>
            <When gathering={gathering} />
          </dd>
          <dt>{t('gatherings.venue')}</dt>
          <dd>{gathering.venue ?? <span className="app-subtle">{t('gatherings.venueNotSet')}</span>}</dd>
          <dt>{t('gatherings.advisors')}</dt>
          <dd>
            {gathering.advisors.length > 0 ? (
              gathering.advisors.map((a) => a.name).join(', ')
            ) : (
              <span className="app-subtle">{t('gatherings.noAdvisors')}</span>
            )}
          </dd>
          {gathering.goal ? (
            <>
              <dt>{t('gatherings.goal')}</dt>
              <dd>{gathering.goal}</dd>
            </>
          ) : null}
        </dl>
        <Heading level={3} data-size="2xs">
          {t('gatherings.agenda')}
        </Heading>
        {agenda.length > 0 ? (
          <ol className="app-agenda">
            {agenda.map((item) => (
              <li key={item.id}>
                <div className="app-agenda__item">
                  <span>{item.title}</span>
                  <Tag
                    data-color={item.kind === 'platform_work' ? 'accent' : 'neutral'}
                    data-size="sm"
                    variant="outline"
                  >
                    {t(`agendaKinds.${item.kind}`)}
                  </Tag>
                </div>
              </li>
            ))}
          </ol>
        ) : (
          <Paragraph className="app-subtle">{t('gatherings.noAgenda')}</Paragraph>
        )}
      </article>
    </Card>
  );
}
