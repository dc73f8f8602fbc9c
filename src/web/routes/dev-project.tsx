import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { DevProject, MyDevProject, ProgrammeDetail } from '../api';
import { useMyDevProject, useSharedDevProject } from '../components/dev-project-data';
import { DevProjectEntryForm } from '../components/dev-project-entry-form';
import { DevProjectForm } from '../components/dev-project-form';
import { DevProjectEntryView, DevProjectLog } from '../components/dev-project-log';
import { DevProjectOverview } from '../components/dev-project-overview';
import { DevProjectSharing } from '../components/dev-project-sharing';
import '../components/dev-project.css';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { ProgrammeGate } from '../components/programme-gate';
import { ProgrammePageHead } from '../components/programme-page-head';
import { RouterLink } from '../components/router-link';
import { isNotFound, isUuid, primaryRole } from '../programme-data';

/**
 * `/programmes/:programmeId/project`: a leader's own development project ("Meg som leiar") and
 * learning log; for staff and the client admin, who has a project (yes/no), and for an advisor
 * the projects shared with them.
 */
export function DevProjectPage({ programme }: { programme: ProgrammeDetail }) {
  const { t } = useTranslation();
  const owner = primaryRole(programme.roles) === 'participant';
  const path = `/programmes/${programme.id}/project`;
  const advisor = programme.roles.includes('advisor');
  return (
    <div className="app-page" data-testid="dev-project-page">
      <ProgrammePageHead
        programme={programme}
        title={t('parts.project.name')}
        path={path}
        lead={
          owner
            ? t('devProject.lead')
            : advisor
              ? t('devProject.overview.leadAdvisor')
              : t('devProject.overview.lead')
        }
      />
      {owner ? <MyProject programmeId={programme.id} /> : <DevProjectOverview programmeId={programme.id} />}
    </div>
  );
}

type Where = 'project' | 'log' | 'sharing';

function MyProject({ programmeId }: { programmeId: string }) {
  const query = useMyDevProject(programmeId);
  // Each section says what happened next to where it happened (a polite live region of its own).
  const [message, setMessage] = useState<{ where: Where; text: string }>({ where: 'project', text: '' });
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const mine = { ...query.data, programmeId };
  const say = (where: Where) => (text: string) => setMessage({ where, text });
  const shown = (where: Where) => (message.where === where ? message.text : '');
  return (
    <>
      <ProjectSection mine={mine} message={shown('project')} onMessage={say('project')} />
      {mine.project ? (
        <DevProjectSharing mine={mine} message={shown('sharing')} onMessage={say('sharing')} />
      ) : null}
      {mine.project ? <LogSection mine={mine} message={shown('log')} onMessage={say('log')} /> : null}
    </>
  );
}

/** A polite live region for what the last action in a section did. */
function SectionMessage({ text, testId }: { text: string; testId: string }) {
  return (
    <Paragraph aria-live="polite" aria-atomic="true" data-testid={testId}>
      {text}
    </Paragraph>
  );
}

function ProjectSection({
  mine,
  message,
  onMessage,
}: {
  mine: MyDevProject & { programmeId: string };
  message: string;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const project = mine.project;
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('devProject.project.heading')}
      </Heading>
      <SectionMessage text={message} testId="dev-project-message" />
      {project && !editing ? (
        <Card data-color="neutral" className="app-dev-project__entry" data-testid="dev-project-description">
          <ProjectDescription project={project} />
          <div className="app-form__actions">
            <Button variant="secondary" data-size="sm" onClick={() => setEditing(true)}>
              {t('devProject.project.edit')}
            </Button>
          </div>
        </Card>
      ) : (
        <Card data-color="neutral">
          <DevProjectForm
            programmeId={mine.programmeId}
            project={project}
            onDone={(m) => {
              setEditing(false);
              if (m) onMessage(m);
            }}
          />
        </Card>
      )}
    </section>
  );
}

/** Title, goal, dimensions and success criteria, for the owner and for a coach it is shared with. */
function ProjectDescription({ project }: { project: DevProject }) {
  const { t } = useTranslation();
  return (
    <>
      <Heading level={3} data-size="sm" data-testid="dev-project-title">
        {project.title}
      </Heading>
      <ul className="app-dev-project__tags" aria-label={t('devProject.project.dimensions')}>
        {project.dimensions.map((d) => (
          <li key={d}>
            <Tag data-size="sm" data-color="accent">
              {t(`devProject.dimensions.${d}`)}
            </Tag>
          </li>
        ))}
      </ul>
      <dl className="app-dev-project__answers">
        <div>
          <dt>{t('devProject.project.goal')}</dt>
          <dd>{project.goal}</dd>
        </div>
        <div>
          <dt>{t('devProject.project.successCriteria')}</dt>
          <dd>{project.successCriteria}</dd>
        </div>
      </dl>
    </>
  );
}

function LogSection({
  mine,
  message,
  onMessage,
}: {
  mine: MyDevProject & { programmeId: string };
  message: string;
  onMessage: (m: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="app-section" aria-labelledby={headingId}>
      <Heading level={2} data-size="md" id={headingId}>
        {t('devProject.log.heading')}
      </Heading>
      <Paragraph>{t('devProject.log.intro')}</Paragraph>
      <Card data-color="neutral">
        <DevProjectEntryForm mine={mine} entry={null} onDone={onMessage} />
      </Card>
      <SectionMessage text={message} testId="dev-project-log-message" />
      <DevProjectLog mine={mine} onMessage={onMessage} />
    </section>
  );
}

/** `/programmes/:programmeId/project/:projectId`: a project shared with the reader (an advisor). */
export function DevProjectSharedRoute() {
  const { programmeId, projectId } = useParams();
  if (!isUuid(projectId)) return <NotFound />;
  return (
    <ProgrammeGate programmeId={programmeId}>
      {(programme) => <SharedProject programme={programme} projectId={projectId} />}
    </ProgrammeGate>
  );
}

function SharedProject({ programme, projectId }: { programme: ProgrammeDetail; projectId: string }) {
  const { t } = useTranslation();
  const query = useSharedDevProject(programme.id, projectId);
  const logId = useId();
  if (query.isPending) return <PageLoading />;
  if (query.isError) return isNotFound(query.error) ? <NotFound /> : <ErrorAlert error={query.error} />;
  const { owner, project, entries, scope } = query.data;
  const back = `/programmes/${programme.id}/project`;
  return (
    <div className="app-page" data-testid="dev-project-shared">
      <ProgrammePageHead
        programme={programme}
        title={t('devProject.shared.title', { name: owner.name })}
        path={`${back}/${projectId}`}
        lead={t('devProject.shared.lead', { name: owner.name })}
      />
      <Paragraph>
        <RouterLink to={back}>{t('devProject.shared.back')}</RouterLink>
      </Paragraph>
      <Card data-color="neutral" className="app-dev-project__entry app-section">
        <ProjectDescription project={project} />
      </Card>
      <section className="app-section" aria-labelledby={logId}>
        <Heading level={2} data-size="md" id={logId}>
          {t('devProject.log.heading')}
        </Heading>
        {scope === 'chosen' ? <Paragraph>{t('devProject.shared.chosen')}</Paragraph> : null}
        {entries.length === 0 ? (
          <Paragraph>{t('devProject.shared.noEntries')}</Paragraph>
        ) : (
          <ol className="app-dev-project__entries" data-testid="dev-project-entries">
            {entries.map((e) => (
              <li key={e.id}>
                <DevProjectEntryView entry={e} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
