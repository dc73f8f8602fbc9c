import { Button, Checkbox, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEV_PROJECT_SHARE_SCOPES, type DevProjectShareScope } from '../../contracts/dev-projects-constants';
import type { MyDevProject } from '../api';
import { useShareDevProject } from './dev-project-data';
import { ErrorAlert } from './error-alert';

/** Which of the programme's advisors may read the project, and whether all entries or chosen ones. */
export function sharingStatus(t: (key: string, o?: Record<string, string>) => string, mine: MyDevProject) {
  const names = mine.sharing.advisors.map((a) => a.name).join(', ');
  if (mine.sharing.advisors.length === 0) return t('devProject.sharing.statusPrivate');
  return mine.sharing.scope === 'all'
    ? t('devProject.sharing.statusAll', { names })
    : t('devProject.sharing.statusChosen', { names });
}

export function DevProjectSharing({
  mine,
  message,
  onMessage,
}: {
  mine: MyDevProject & { programmeId: string };
  message: string;
  onMessage: (message: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [advisorIds, setAdvisorIds] = useState<string[]>(() => mine.sharing.advisors.map((a) => a.id));
  const [scope, setScope] = useState<DevProjectShareScope>(mine.sharing.scope);
  const share = useShareDevProject(mine.programmeId);

  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    share.mutate(
      { advisorUserIds: advisorIds, scope },
      { onSuccess: () => onMessage(t('devProject.sharing.saved')) },
    );
  };

  return (
    <section className="app-section" aria-labelledby={headingId} data-testid="dev-project-sharing">
      <Heading level={2} data-size="sm" id={headingId}>
        {t('devProject.sharing.heading')}
      </Heading>
      <Paragraph data-testid="dev-project-sharing-status">
        <strong>{sharingStatus(t as never, mine)}</strong>
      </Paragraph>
      <Paragraph>{t('devProject.sharing.rule')}</Paragraph>
      {mine.advisors.length === 0 ? (
        <Paragraph>{t('devProject.sharing.noAdvisors')}</Paragraph>
      ) : (
        <form className="app-form" onSubmit={onSubmit} noValidate>
          <Fieldset>
            <Fieldset.Legend>{t('devProject.sharing.advisors')}</Fieldset.Legend>
            {mine.advisors.map((a) => (
              <Checkbox
                key={a.id}
                name="advisors"
                value={a.id}
                label={a.coach ? `${a.name} (${t('devProject.sharing.coach')})` : a.name}
                checked={advisorIds.includes(a.id)}
                onChange={(e) =>
                  setAdvisorIds((ids) => (e.target.checked ? [...ids, a.id] : ids.filter((x) => x !== a.id)))
                }
              />
            ))}
          </Fieldset>
          <Fieldset>
            <Fieldset.Legend>{t('devProject.sharing.scope')}</Fieldset.Legend>
            {DEV_PROJECT_SHARE_SCOPES.map((s) => (
              <Radio
                key={s}
                name="scope"
                value={s}
                label={s === 'all' ? t('devProject.sharing.scopeAll') : t('devProject.sharing.scopeChosen')}
                checked={scope === s}
                onChange={() => setScope(s)}
              />
            ))}
          </Fieldset>
          <div className="app-form__actions">
            <Button
              type="submit"
              variant="secondary"
              loading={share.isPending}
              data-testid="dev-project-share-save"
            >
              {t('devProject.sharing.save')}
            </Button>
          </div>
          <Paragraph aria-live="polite" aria-atomic="true" data-testid="dev-project-sharing-message">
            {message}
          </Paragraph>
          {share.isError ? <ErrorAlert error={share.error} /> : null}
        </form>
      )}
    </section>
  );
}
