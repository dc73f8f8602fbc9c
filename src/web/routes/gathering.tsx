import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import {
  GATHERING_GOAL_MAX,
  GATHERING_THEME_MAX,
  GATHERING_VENUE_MAX,
} from '../../contracts/gatherings-constants';
import type { GatheringDetail, ProgrammeDetail } from '../api';
import { isApiError } from '../api';
import { PageBreadcrumbs } from '../components/breadcrumbs';
import { useDocumentTitle } from '../components/document-title';
import { ErrorAlert } from '../components/error-alert';
import { GatheringAgendaEditor, GatheringAgendaView } from '../components/gathering-agenda';
import { GatheringAttendance } from '../components/gathering-attendance';
import { GatheringCases } from '../components/gathering-cases';
import { GatheringInterimWork } from '../components/gathering-interim-work';
import { GatheringMaterials } from '../components/gathering-materials';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { RouterLink } from '../components/router-link';
import { gatheringPath, useGathering, useUpdateGathering } from '../gathering';
import { isNotFound } from '../programme-data';
import { hasProgrammeList, useSession } from '../session';
import { GatheringWhen } from './gatherings';
import '../components/gathering.css';

/** `/programmes/:programmeId/gatherings/:number`: one gathering, for everyone in the programme. */
export function GatheringRoute() {
  const { programmeId, number } = useParams();
  const n = Number(number);
  if (!/^\d{1,4}$/.test(number ?? '') || n < 1) return <NotFound />;
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) =>
        programme.parts.some((p) => p.key === 'gatherings') ? (
          <GatheringPage programme={programme} number={n} />
        ) : (
          <NotFound />
        )
      }
    </ProgrammeGate>
  );
}

export function GatheringPage({ programme, number }: { programme: ProgrammeDetail; number: number }) {
  const { t } = useTranslation();
  const gathering = useGathering(programme.id, number);
  if (gathering.isPending) return <PageLoading />;
  if (gathering.isError)
    return isNotFound(gathering.error) ? <NotFound /> : <ErrorAlert error={gathering.error} />;
  const g = gathering.data;
  return (
    <div className="app-page app-gathering-page" data-testid="gathering-page">
      <GatheringHead programme={programme} gathering={g} />
      <nav aria-label={t('gathering.jumpLabel')}>
        <ul className="app-gathering-page__jump">
          <li>
            <a href="#agenda">{t('gathering.agenda.title')}</a>
          </li>
          <li>
            <a href="#attendance">{t('gathering.attendance.title')}</a>
          </li>
          <li>
            <a href="#cases">{t('gathering.cases.title')}</a>
          </li>
          <li>
            <a href="#interim-work">{t('gathering.interim.title')}</a>
          </li>
          <li>
            <a href="#materials">{t('gathering.materials')}</a>
          </li>
        </ul>
      </nav>
      <GatheringFacts gathering={g} />
      <AgendaSection gathering={g} />
      <GatheringAttendance gathering={g} />
      <GatheringCases gathering={g} />
      <GatheringInterimWork gathering={g} />
      <div id="materials">
        <GatheringMaterials programmeId={programme.id} gatheringId={g.id} canUpload={g.permissions.edit} />
      </div>
      <Siblings gathering={g} />
    </div>
  );
}

function GatheringHead({
  programme,
  gathering: g,
}: {
  programme: ProgrammeDetail;
  gathering: GatheringDetail;
}) {
  const { t } = useTranslation();
  const { data: session } = useSession();
  const title = t('gatherings.heading', { number: g.number, theme: g.theme });
  useDocumentTitle(`${title} – ${programme.name}`);
  return (
    <div className="app-section">
      <PageBreadcrumbs
        crumbs={[
          ...(hasProgrammeList(session) ? [{ label: t('layout.myProgrammes'), to: '/' }] : []),
          { label: programme.name, to: `/programmes/${programme.id}` },
          { label: t('gatherings.title'), to: `/programmes/${programme.id}/gatherings` },
          { label: t('gathering.crumb', { number: g.number }), to: gatheringPath(programme.id, g.number) },
        ]}
      />
      <div className="app-gathering-page__title">
        <Heading level={1} data-size="lg">
          {title}
        </Heading>
        <Tag data-color="neutral" data-size="sm">
          {t(`gatheringFormats.${g.format}`)}
        </Tag>
      </div>
    </div>
  );
}

function GatheringFacts({ gathering: g }: { gathering: GatheringDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  if (editing) return <DetailsForm gathering={g} onDone={() => setEditing(false)} />;
  return (
    <div className="app-section">
      <dl className="app-gathering-facts" data-testid="gathering-facts">
        <dt>{t('gatherings.when')}</dt>
        <dd>
          <GatheringWhen gathering={g} />
        </dd>
        <dt>{t('gatherings.venue')}</dt>
        <dd>{g.venue ?? <span className="app-subtle">{t('gatherings.venueNotSet')}</span>}</dd>
        <dt>{t('gatherings.advisors')}</dt>
        <dd>
          {g.advisors.length > 0 ? (
            g.advisors.map((a) => a.name).join(', ')
          ) : (
            <span className="app-subtle">{t('gatherings.noAdvisors')}</span>
          )}
        </dd>
        <dt>{t('gatherings.goal')}</dt>
        <dd>{g.goal ?? <span className="app-subtle">{t('gathering.details.noGoal')}</span>}</dd>
      </dl>
      {g.permissions.edit ? (
        <div>
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {t('gathering.details.edit')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function DetailsForm({ gathering: g, onDone }: { gathering: GatheringDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [theme, setTheme] = useState(g.theme);
  const [goal, setGoal] = useState(g.goal ?? '');
  const [venue, setVenue] = useState(g.venue ?? '');
  const [tried, setTried] = useState(false);
  const update = useUpdateGathering(g.programmeId, g.number);
  const serverField = isApiError(update.error, 'validation_failed') ? update.error.field : undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!theme.trim()) return;
    update.mutate({ theme: theme.trim(), goal: goal.trim(), venue: venue.trim() }, { onSuccess: onDone });
  };
  return (
    <form
      className="app-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={headingId}
      data-testid="details-form"
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {t('gathering.details.editTitle')}
      </Heading>
      {update.isError && !serverField ? <ErrorAlert error={update.error} /> : null}
      <Textfield
        label={t('gathering.details.theme')}
        value={theme}
        maxLength={GATHERING_THEME_MAX}
        onChange={(e) => setTheme(e.target.value)}
        error={
          (tried && !theme.trim()) || serverField === 'theme'
            ? t('gathering.details.themeRequired')
            : undefined
        }
        required
      />
      <Textfield
        multiline
        rows={3}
        label={t('gatherings.goal')}
        value={goal}
        maxLength={GATHERING_GOAL_MAX}
        onChange={(e) => setGoal(e.target.value)}
      />
      <Textfield
        label={t('gatherings.venue')}
        value={venue}
        maxLength={GATHERING_VENUE_MAX}
        onChange={(e) => setVenue(e.target.value)}
      />
      <Paragraph data-size="sm" className="app-subtle">
        {t('gathering.details.timeNote')}
      </Paragraph>
      <div className="app-form__actions">
        <Button type="submit" disabled={update.isPending} aria-busy={update.isPending || undefined}>
          {update.isPending ? t('gathering.saving') : t('gathering.details.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('gathering.cancel')}
        </Button>
      </div>
    </form>
  );
}

function AgendaSection({ gathering: g }: { gathering: GatheringDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  return (
    <section className="app-section" aria-labelledby={headingId} id="agenda">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('gathering.agenda.title')}
      </Heading>
      {editing ? (
        <GatheringAgendaEditor
          gathering={g}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          <GatheringAgendaView agenda={g.agenda} />
          {g.permissions.edit ? (
            <div>
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('gathering.agenda.edit')}
              </Button>
            </div>
          ) : null}
        </>
      )}
      <div aria-live="polite">
        {saved ? <Paragraph data-size="sm">{t('gathering.agenda.saved')}</Paragraph> : null}
      </div>
    </section>
  );
}

function Siblings({ gathering: g }: { gathering: GatheringDetail }) {
  const { t } = useTranslation();
  if (!g.previous && !g.next) return null;
  return (
    <nav aria-label={t('gathering.siblingsLabel')}>
      <ul className="app-gathering-page__siblings">
        <li>
          {g.previous ? (
            <RouterLink to={gatheringPath(g.programmeId, g.previous.number)}>
              {t('gathering.previous', { number: g.previous.number, theme: g.previous.theme })}
            </RouterLink>
          ) : null}
        </li>
        <li>
          {g.next ? (
            <RouterLink to={gatheringPath(g.programmeId, g.next.number)}>
              {t('gathering.next', { number: g.next.number, theme: g.next.theme })}
            </RouterLink>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}
