import { Card, Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AbsenceOverview, Gathering, ProgrammeDetail } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { formatDateWithWeekday, formatTime, machineDate } from '../format';
import { gatheringPath, useAbsenceOverview } from '../gathering';
import { useGatherings } from '../programme-data';
import { useLocale } from '../session';
import '../components/gathering.css';

/**
 * `/programmes/:programmeId/gatherings`: each gathering with its time (Oslo), venue, advisors and
 * timed agenda, linking to its page; then attendance over the programme (who missed what; a
 * leader sees their own).
 */
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
        <>
          <ol className="app-gathering-list">
            {[...gatherings.data.gatherings]
              .sort((a, b) => a.number - b.number)
              .map((g) => (
                <li key={g.id}>
                  <GatheringCard gathering={g} programmeId={programme.id} />
                </li>
              ))}
          </ol>
          <AbsenceSection programme={programme} />
        </>
      )}
    </div>
  );
}

/** The gathering's time in Oslo: one day with a time range, or two (lunch to lunch). */
export function GatheringWhen({ gathering }: { gathering: Pick<Gathering, 'startsAt' | 'endsAt'> }) {
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

function GatheringCard({ gathering, programmeId }: { gathering: Gathering; programmeId: string }) {
  const { t } = useTranslation();
  const headingId = `gathering-${gathering.id}`;
  const agenda = [...gathering.agenda].sort((a, b) => a.position - b.position);
  return (
    <Card data-color="neutral" className="app-gathering" aria-labelledby={headingId} asChild>
      <article>
        <div className="app-card-title">
          <Heading level={2} data-size="sm" id={headingId}>
            <RouterLink to={gatheringPath(programmeId, gathering.number)}>
              {t('gatherings.heading', { number: gathering.number, theme: gathering.theme })}
            </RouterLink>
          </Heading>
          <Tag data-color="neutral" data-size="sm">
            {t(`gatheringFormats.${gathering.format}`)}
          </Tag>
        </div>
        <dl>
          <dt>{t('gatherings.when')}</dt>
          <dd>
            <GatheringWhen gathering={gathering} />
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
                  <span>
                    {item.startTime ? (
                      <>
                        <time className="app-timed-agenda__time">{item.startTime}</time>{' '}
                      </>
                    ) : null}
                    {item.title}
                  </span>
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
        <Paragraph data-size="sm">
          <RouterLink to={gatheringPath(programmeId, gathering.number)} aria-describedby={headingId}>
            {t('gathering.open')}
          </RouterLink>
        </Paragraph>
      </article>
    </Card>
  );
}

/** Who missed what: the staff and the client admin see everyone, a leader their own line. */
function AbsenceSection({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const overview = useAbsenceOverview(programme.id);
  const leaderOnly = programme.roles.every((r) => r === 'participant');
  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="absence-overview">
      <Heading level={2} data-size="sm" id={headingId}>
        {leaderOnly ? t('gathering.absence.ownTitle') : t('gathering.absence.title')}
      </Heading>
      {overview.isPending ? (
        <PageLoading />
      ) : overview.isError ? (
        <ErrorAlert error={overview.error} />
      ) : leaderOnly ? (
        <OwnAbsence overview={overview.data} />
      ) : (
        <AbsenceTable overview={overview.data} />
      )}
    </section>
  );
}

function OwnAbsence({ overview }: { overview: AbsenceOverview }) {
  const { t } = useTranslation();
  const me = overview.participants[0];
  if (!me) return <Paragraph className="app-subtle">{t('gathering.attendance.notALeader')}</Paragraph>;
  return (
    <Paragraph>{t('gathering.absence.own', { present: me.present, absent: me.absences.length })}</Paragraph>
  );
}

function AbsenceTable({ overview }: { overview: AbsenceOverview }) {
  const { t } = useTranslation();
  const absentees = overview.participants.filter((p) => p.absences.length > 0);
  return (
    <>
      <div className="app-absence-table-wrap">
        <Table data-size="sm" data-testid="absence-per-gathering">
          <caption>{t('gathering.absence.perGathering')}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{t('gathering.absence.gathering')}</Table.HeaderCell>
              <Table.HeaderCell>{t('gathering.attendance.present')}</Table.HeaderCell>
              <Table.HeaderCell>{t('gathering.attendance.absent')}</Table.HeaderCell>
              <Table.HeaderCell>{t('gathering.attendance.unmarked')}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {overview.gatherings.map((g) => (
              <Table.Row key={g.id}>
                <Table.HeaderCell scope="row">{t('gathering.crumb', { number: g.number })}</Table.HeaderCell>
                <Table.Cell>{g.present}</Table.Cell>
                <Table.Cell>{g.absent}</Table.Cell>
                <Table.Cell>{g.unmarked}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {absentees.length === 0 ? (
        <Paragraph className="app-subtle">{t('gathering.absence.none')}</Paragraph>
      ) : (
        <div className="app-absence-table-wrap">
          <Table data-size="sm" data-testid="absence-per-leader">
            <caption>{t('gathering.absence.whoMissed')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('gathering.attendance.name')}</Table.HeaderCell>
                <Table.HeaderCell>{t('gathering.absence.missed')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {absentees.map((p) => (
                <Table.Row key={p.participantId}>
                  <Table.HeaderCell scope="row">
                    {p.name}
                    {p.unit ? <span className="app-subtle"> · {p.unit}</span> : null}
                  </Table.HeaderCell>
                  <Table.Cell>
                    {p.absences
                      .map((a) =>
                        a.note
                          ? t('gathering.absence.missedWithNote', { number: a.gatheringNumber, note: a.note })
                          : t('gathering.crumb', { number: a.gatheringNumber }),
                      )
                      .join(', ')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </>
  );
}
