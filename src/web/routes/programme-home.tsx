import { Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ProgrammePart } from '../../contracts/programmes';
import type { ProgrammeDetail } from '../api';
import { useDocumentTitle } from '../components/document-title';
import { PartCard } from '../components/part-card';
import { CoachingSummaryCard } from '../components/coaching-summary-card';
import { DevProjectHomeCards, NextEventCard } from '../components/dev-project-red-thread';
import { MellomarbeidCard } from '../components/mellomarbeid-card';
import { ProgrammeGate } from '../components/programme-gate';
import { RouterLink } from '../components/router-link';
import { formatDate, formatDateWithWeekday, formatNumber, formatTime, todayInOslo } from '../format';
import { partsForRole } from '../programme-data';
import { retentionPath } from '../retention';
import { useLocale, useSession } from '../session';

/** `/programmes/:programmeId`: the role's home page in this programme. */
export function ProgrammeHomePage() {
  const { programmeId } = useParams();
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) => <ProgrammeHome programme={programme} />}
    </ProgrammeGate>
  );
}

function ProgrammeHome({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  useDocumentTitle(programme.name);
  const { role, focus, other } = partsForRole(programme);
  const firstName = session?.user.name.split(' ')[0] ?? '';

  // A participant sees "My gatherings", "My network group" …; everyone else the part's name.
  const title = (key: ProgrammePart, featured: boolean) => {
    if (
      featured &&
      role === 'participant' &&
      (key === 'gatherings' || key === 'groups' || key === 'project' || key === 'coaching')
    )
      return t(`participantParts.${key}`);
    return t(`parts.${key}.name`);
  };

  return (
    <div className="app-page" data-role={role}>
      <div className="app-section">
        <Heading level={1} data-size="lg">
          {t('programme.greeting', { name: firstName })}
        </Heading>
        <Paragraph data-size="lg" className="app-page__lead" data-testid="role-intro">
          {t(`programme.roleIntro.${role}`)}
        </Paragraph>
      </div>

      {role === 'participant' ? <RedThread programme={programme} /> : null}

      <ProgrammeFacts programme={programme} />

      {focus.length > 0 ? (
        <section className="app-section" aria-labelledby="focus-heading">
          <Heading level={2} data-size="md" id="focus-heading">
            {t(`programme.focusTitle.${role}`)}
          </Heading>
          <ul className="app-grid app-grid--featured">
            {focus.map((p) => (
              <li key={p.key}>
                <PartCard programmeId={programme.id} part={p.key} title={title(p.key, true)} featured />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {other.length > 0 ? (
        <section className="app-section" aria-labelledby="other-heading">
          <Heading level={2} data-size="md" id="other-heading">
            {t('programme.otherPartsTitle')}
          </Heading>
          <ul className="app-grid">
            {other.map((p) => (
              <li key={p.key}>
                <PartCard
                  programmeId={programme.id}
                  part={p.key}
                  title={title(p.key, false)}
                  featured={false}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/**
 * The participant's red thread: what comes next, what to work on until then, the own project
 * and its last log entry, and the coaching sessions left — one glance, each linking onwards.
 */
function RedThread({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const has = (part: ProgrammePart) => programme.parts.some((p) => p.key === part);
  return (
    <section className="app-section" aria-labelledby="red-thread-heading" data-testid="red-thread">
      <Heading level={2} data-size="md" id="red-thread-heading">
        {t('devProject.home.heading')}
      </Heading>
      <Paragraph>{t('devProject.home.intro')}</Paragraph>
      <div className="app-red-thread">
        <NextEventCard programmeId={programme.id} showPlanLink={has('plan')} />
        {/* Two columns where there is room: the card lays its two texts side by side. */}
        <div className="app-red-thread__wide">
          <MellomarbeidCard programmeId={programme.id} headingLevel={3} />
        </div>
        {has('project') ? <DevProjectHomeCards programmeId={programme.id} /> : null}
        <CoachingSummaryCard programmeId={programme.id} />
      </div>
    </section>
  );
}

function ProgrammeFacts({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (d: string | null) => (d ? formatDate(d, locale) : t('common.notSet'));
  const next = programme.nextGathering;
  // An active programme that has not begun yet is not "in progress" but starting on a day.
  const upcoming =
    programme.status === 'active' && !!programme.startsOn && programme.startsOn > todayInOslo();

  return (
    <Card data-color="neutral" className="app-section">
      <div className="app-card-title">
        <Heading level={2} data-size="sm">
          {programme.name}
        </Heading>
        {upcoming ? (
          <Tag data-color="info" data-size="sm">
            {t('programmeStatus.upcoming', { date: date(programme.startsOn) })}
          </Tag>
        ) : (
          <Tag data-color={programme.status === 'active' ? 'success' : 'neutral'} data-size="sm">
            {t(`programmeStatus.${programme.status}`)}
          </Tag>
        )}
      </div>
      <dl className="app-facts">
        <div>
          <dt>{t('programme.client')}</dt>
          <dd>{programme.client.name}</dd>
        </div>
        <div>
          <dt>{t('programme.provider')}</dt>
          <dd>{programme.provider.name}</dd>
        </div>
        <div>
          <dt>{t('programme.period')}</dt>
          <dd>
            {programme.startsOn || programme.endsOn
              ? t('common.range', { from: date(programme.startsOn), to: date(programme.endsOn) })
              : t('common.notSet')}
          </dd>
        </div>
        <div>
          <dt>{t('programme.participants')}</dt>
          <dd>{formatNumber(programme.counts.participants, locale)}</dd>
        </div>
        <div>
          <dt>{t('programme.gatherings')}</dt>
          <dd>{formatNumber(programme.counts.gatherings, locale)}</dd>
        </div>
        <div>
          <dt>{t('programme.advisors')}</dt>
          <dd>{formatNumber(programme.counts.advisors, locale)}</dd>
        </div>
        <div className="app-facts__wide">
          <dt>{t('programme.nextGathering')}</dt>
          <dd>
            {next ? (
              <>
                {t('programme.nextGatheringValue', { number: next.number, theme: next.theme })}
                <br />
                <span className="app-subtle">
                  {next.startsAt
                    ? t('common.dateAtTime', {
                        date: formatDateWithWeekday(next.startsAt, locale),
                        time: formatTime(next.startsAt, locale),
                      })
                    : t('programme.dateNotSet')}
                </span>
              </>
            ) : (
              t('programme.noNextGathering')
            )}
          </dd>
        </div>
      </dl>
      {programme.roles.includes('provider_admin') || programme.roles.includes('client_admin') ? (
        <Paragraph data-size="sm">
          <RouterLink to={retentionPath(programme.id)} data-testid="retention-link">
            {t('retentionSettings.link')}
          </RouterLink>
        </Paragraph>
      ) : null}
    </Card>
  );
}
