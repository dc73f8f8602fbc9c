import {
  Button,
  Checkbox,
  Fieldset,
  Heading,
  Paragraph,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEV_PROJECT_DIMENSIONS, DEV_PROJECT_LIMITS } from '../../contracts/dev-projects-constants';
import type { DevProject } from '../api';
import { type ProjectForm, type Problems, checkProjectForm, useSaveDevProject } from './dev-project-data';
import { ErrorAlert } from './error-alert';

/** The project's description: title, goal, the leadership model's dimensions, how to know it worked. */
export function DevProjectForm({
  programmeId,
  project,
  onDone,
}: {
  programmeId: string;
  /** Null: writing it for the first time. */
  project: DevProject | null;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ProjectForm>(() => ({
    title: project?.title ?? '',
    goal: project?.goal ?? '',
    dimensions: project?.dimensions ?? [],
    successCriteria: project?.successCriteria ?? '',
  }));
  const [problems, setProblems] = useState<Problems<keyof ProjectForm>>({});
  const save = useSaveDevProject(programmeId);
  const set = (patch: Partial<ProjectForm>) => setForm((f) => ({ ...f, ...patch }));
  const error = (field: keyof ProjectForm, max: number = DEV_PROJECT_LIMITS.text) =>
    problems[field] ? t(`devProject.errors.${problems[field]}`, { max }) : undefined;

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    const found = checkProjectForm(form);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(
      {
        title: form.title.trim(),
        goal: form.goal.trim(),
        dimensions: DEV_PROJECT_DIMENSIONS.filter((d) => form.dimensions.includes(d)),
        successCriteria: form.successCriteria.trim(),
      },
      { onSuccess: () => onDone(t('devProject.project.saved')) },
    );
  };

  return (
    <form className="app-form" onSubmit={onSubmit} noValidate data-testid="dev-project-form">
      {project ? null : (
        <div>
          <Heading level={2} data-size="sm">
            {t('devProject.project.startHeading')}
          </Heading>
          <Paragraph>{t('devProject.project.startIntro')}</Paragraph>
        </div>
      )}
      <Textfield
        label={t('devProject.project.title')}
        name="title"
        value={form.title}
        maxLength={DEV_PROJECT_LIMITS.title}
        onChange={(e) => set({ title: e.target.value })}
        error={error('title', DEV_PROJECT_LIMITS.title)}
      />
      <Textfield
        multiline
        rows={4}
        label={t('devProject.project.goal')}
        description={t('devProject.project.goalHelp')}
        name="goal"
        value={form.goal}
        onChange={(e) => set({ goal: e.target.value })}
        error={error('goal')}
      />
      <Fieldset data-testid="dev-project-dimensions">
        <Fieldset.Legend>{t('devProject.project.dimensions')}</Fieldset.Legend>
        <Fieldset.Description>{t('devProject.project.dimensionsHelp')}</Fieldset.Description>
        {DEV_PROJECT_DIMENSIONS.map((d) => (
          <Checkbox
            key={d}
            name="dimensions"
            value={d}
            label={t(`devProject.dimensions.${d}`)}
            checked={form.dimensions.includes(d)}
            onChange={(e) =>
              set({
                dimensions: e.target.checked
                  ? [...form.dimensions, d]
                  : form.dimensions.filter((x) => x !== d),
              })
            }
          />
        ))}
        {problems.dimensions ? <ValidationMessage>{error('dimensions')}</ValidationMessage> : null}
      </Fieldset>
      <Textfield
        multiline
        rows={3}
        label={t('devProject.project.successCriteria')}
        description={t('devProject.project.successCriteriaHelp')}
        name="successCriteria"
        value={form.successCriteria}
        onChange={(e) => set({ successCriteria: e.target.value })}
        error={error('successCriteria')}
      />
      <div className="app-form__actions">
        <Button type="submit" loading={save.isPending} data-testid="dev-project-save">
          {t('devProject.project.save')}
        </Button>
        {project ? (
          <Button type="button" variant="secondary" onClick={() => onDone('')}>
            {t('devProject.project.cancel')}
          </Button>
        ) : null}
      </div>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </form>
  );
}
