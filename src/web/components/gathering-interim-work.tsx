import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INTERIM_FOCUS_MAX } from '../../contracts/gatherings-constants';
import type { GatheringDetail, InterimWork } from '../api';
import { isApiError } from '../api';
import { formatDateTime } from '../format';
import { useSaveInterimWork } from '../gathering';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';

/** The two focuses side by side: for the network groups and for each leader. */
export function InterimWorkText({ work, headingLevel }: { work: InterimWork; headingLevel: 3 | 4 }) {
  const { t } = useTranslation();
  return (
    <div className="app-interim-work">
      <div>
        <Heading level={headingLevel} data-size="2xs">
          {t('gathering.interim.groupFocus')}
        </Heading>
        <Paragraph data-testid="interim-group-focus">{work.groupFocus}</Paragraph>
      </div>
      <div>
        <Heading level={headingLevel} data-size="2xs">
          {t('gathering.interim.individualFocus')}
        </Heading>
        <Paragraph data-testid="interim-individual-focus">{work.individualFocus}</Paragraph>
      </div>
    </div>
  );
}

/**
 * "Mellomarbeid" on the gathering page: what the groups and each leader work on until the next
 * gathering. The staff record it at the end of the day (and may correct it).
 */
export function GatheringInterimWork({ gathering }: { gathering: GatheringDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const work = gathering.interimWork;
  const [editing, setEditing] = useState(false);

  return (
    <section
      className="app-section"
      aria-labelledby={headingId}
      id="interim-work"
      data-testid="gathering-interim-work"
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {t('gathering.interim.title')}
      </Heading>
      {editing ? (
        <InterimWorkForm gathering={gathering} onDone={() => setEditing(false)} />
      ) : work ? (
        <>
          <InterimWorkText work={work} headingLevel={3} />
          <Paragraph data-size="sm" className="app-subtle">
            {work.recordedBy
              ? t('gathering.interim.recordedBy', {
                  name: work.recordedBy,
                  when: formatDateTime(work.updatedAt, locale),
                })
              : t('gathering.interim.recorded', { when: formatDateTime(work.updatedAt, locale) })}
          </Paragraph>
        </>
      ) : (
        <Paragraph className="app-subtle">{t('gathering.interim.none')}</Paragraph>
      )}
      {gathering.permissions.edit && !editing ? (
        <div>
          <Button type="button" variant="secondary" onClick={() => setEditing(true)}>
            {work ? t('gathering.interim.edit') : t('gathering.interim.record')}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function InterimWorkForm({ gathering, onDone }: { gathering: GatheringDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const [groupFocus, setGroupFocus] = useState(gathering.interimWork?.groupFocus ?? '');
  const [individualFocus, setIndividualFocus] = useState(gathering.interimWork?.individualFocus ?? '');
  const [tried, setTried] = useState(false);
  const save = useSaveInterimWork(gathering.programmeId, gathering.number);
  const serverField = isApiError(save.error, 'validation_failed') ? save.error.field : undefined;
  const required = t('gathering.interim.required');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!groupFocus.trim() || !individualFocus.trim()) return;
    save.mutate(
      { groupFocus: groupFocus.trim(), individualFocus: individualFocus.trim() },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="app-form" onSubmit={submit} noValidate data-testid="interim-work-form">
      {save.isError && !serverField ? <ErrorAlert error={save.error} /> : null}
      <Textfield
        multiline
        rows={4}
        label={t('gathering.interim.groupFocus')}
        description={t('gathering.interim.groupFocusHelp')}
        value={groupFocus}
        maxLength={INTERIM_FOCUS_MAX}
        onChange={(e) => setGroupFocus(e.target.value)}
        error={(tried && !groupFocus.trim()) || serverField === 'groupFocus' ? required : undefined}
        required
      />
      <Textfield
        multiline
        rows={4}
        label={t('gathering.interim.individualFocus')}
        description={t('gathering.interim.individualFocusHelp')}
        value={individualFocus}
        maxLength={INTERIM_FOCUS_MAX}
        onChange={(e) => setIndividualFocus(e.target.value)}
        error={(tried && !individualFocus.trim()) || serverField === 'individualFocus' ? required : undefined}
        required
      />
      <div className="app-form__actions">
        <Button type="submit" disabled={save.isPending} aria-busy={save.isPending || undefined}>
          {save.isPending ? t('gathering.saving') : t('gathering.interim.save')}
        </Button>
        <Button type="button" variant="tertiary" onClick={onDone}>
          {t('gathering.cancel')}
        </Button>
      </div>
    </form>
  );
}
