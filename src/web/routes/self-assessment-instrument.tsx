import {
  Alert,
  Button,
  Checkbox,
  Field,
  Heading,
  Label,
  Paragraph,
  Select,
  Tag,
  Textfield,
} from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { DIMENSIONS, type Dimension } from '../../contracts/self-assessment-constants';
import { type Instrument, type InstrumentItem, type Locale, isApiError } from '../api';
import { ErrorAlert } from '../components/error-alert';
import { PageLoading } from '../components/loading';
import { NotFound } from '../components/not-found';
import { useInstrument, useSaveInstrument } from '../components/self-assessment-data';
import { isNotFound, isUuid } from '../programme-data';
import { useLocale } from '../session';
import { AdminHead } from './admin';
import '../components/self-assessment.css';

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

const LANGS: readonly Locale[] = ['nb', 'nn', 'en'];
type Draft = Omit<InstrumentItem, 'id'> & { id?: string; key: string };

const toDrafts = (i: Instrument): Draft[] => i.items.map((it) => ({ ...it, key: it.id }));
let newKey = 0;

/**
 * `/admin/:providerId/self-assessment`: the provider admin's questionnaire. Texts in three
 * languages for the leader ("I …") and for employees ("My leader …"), the order, new items and
 * deactivated ones (never removed: running programmes' answers are keyed by them). Programmes that
 * have started keep the items they started with.
 */
export function SelfAssessmentInstrumentPage() {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const { providerId = '' } = useParams();
  const query = useInstrument(providerId);
  if (!isUuid(providerId) || (query.isError && isNotFound(query.error))) return <NotFound />;
  return (
    <div className="app-page" data-testid="sa-instrument-page">
      <AdminHead
        title={t('selfAssessment.instrument.title')}
        path={`/admin/${providerId}/self-assessment`}
        lead={t('selfAssessment.instrument.lead')}
      />
      {query.isPending ? <PageLoading /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      {query.data ? (
        <Editor key={query.data.version ?? 0} providerId={providerId} instrument={query.data} />
      ) : null}
    </div>
  );
}

function Editor({ providerId, instrument }: { providerId: string; instrument: Instrument }) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const locale = useLocale();
  const save = useSaveInstrument(providerId);
  const [items, setItems] = useState<Draft[]>(() => toDrafts(instrument));
  const [saved, setSaved] = useState(false);
  const set = (key: string, patch: Partial<Draft>) => {
    setSaved(false);
    setItems((list) => list.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  };
  const move = (index: number, by: -1 | 1) => {
    setSaved(false);
    setItems((list) => {
      const next = [...list];
      const [it] = next.splice(index, 1);
      if (it) next.splice(index + by, 0, it);
      return next;
    });
  };
  const add = () => {
    setSaved(false);
    const empty = { nb: '', nn: '', en: '' };
    setItems((list) => [
      ...list,
      { key: `new-${++newKey}`, dimension: 'task', active: true, self: { ...empty }, employee: { ...empty } },
    ]);
  };
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      {
        baseVersion: instrument.version,
        items: items.map(({ key: _key, ...rest }) => rest),
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form onSubmit={onSubmit} noValidate className="app-sa-instrument" data-testid="sa-instrument-form">
      <Paragraph data-size="sm">
        {instrument.isDefault ? (
          t('selfAssessment.instrument.defaultNote')
        ) : (
          <Tag data-color="info">
            {t('selfAssessment.instrument.version', { version: instrument.version })}
          </Tag>
        )}{' '}
        {t('selfAssessment.instrument.snapshotNote')}
      </Paragraph>
      <ol className="app-sa-instrument__list">
        {items.map((it, index) => (
          <li key={it.key} className="app-sa-instrument__item" data-testid={`sa-instrument-item-${index}`}>
            <details open={!it.id}>
              <summary>
                <span>{it.self[locale] || t('selfAssessment.instrument.untitled')}</span>{' '}
                <Tag data-color="neutral">{t(`selfAssessment.dimensions.${it.dimension}`)}</Tag>{' '}
                {!it.active ? (
                  <Tag data-color="warning">{t('selfAssessment.instrument.inactive')}</Tag>
                ) : null}
              </summary>
              <div className="app-sa-instrument__fields">
                <Field>
                  <Label>{t('selfAssessment.instrument.dimension')}</Label>
                  <Select
                    value={it.dimension}
                    onChange={(e) => set(it.key, { dimension: e.target.value as Dimension })}
                  >
                    {DIMENSIONS.map((d) => (
                      <Select.Option key={d} value={d}>
                        {t(`selfAssessment.dimensions.${d}`)}
                      </Select.Option>
                    ))}
                  </Select>
                </Field>
                <Checkbox
                  label={t('selfAssessment.instrument.active')}
                  checked={it.active}
                  onChange={(e) => set(it.key, { active: e.target.checked })}
                />
                {(['self', 'employee'] as const).map((wording) =>
                  LANGS.map((lang) => (
                    <Textfield
                      key={`${wording}-${lang}`}
                      label={t(`selfAssessment.instrument.${wording}Text`, {
                        lang: t(`language.names.${lang}`),
                      })}
                      value={it[wording][lang]}
                      maxLength={300}
                      onChange={(e) => set(it.key, { [wording]: { ...it[wording], [lang]: e.target.value } })}
                      data-testid={`sa-instrument-${index}-${wording}-${lang}`}
                    />
                  )),
                )}
                <div className="app-sa-instrument__move">
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                  >
                    {t('selfAssessment.instrument.moveUp')}
                  </Button>
                  <Button
                    type="button"
                    variant="tertiary"
                    data-size="sm"
                    disabled={index === items.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    {t('selfAssessment.instrument.moveDown')}
                  </Button>
                </div>
              </div>
            </details>
          </li>
        ))}
      </ol>
      <div>
        <Button type="button" variant="secondary" onClick={add} data-testid="sa-instrument-add">
          {t('selfAssessment.instrument.add')}
        </Button>
      </div>
      <div aria-live="polite">
        {saved ? (
          <Alert data-color="success" data-testid="sa-instrument-saved">
            <Paragraph>{t('selfAssessment.instrument.saved')}</Paragraph>
          </Alert>
        ) : null}
        {save.error ? (
          isApiError(save.error, 'conflict') ? (
            <Alert data-color="warning">
              <Heading level={2} data-size="xs">
                {t('selfAssessment.instrument.conflict')}
              </Heading>
            </Alert>
          ) : (
            <ErrorAlert error={save.error} />
          )
        ) : null}
      </div>
      <div>
        <Button type="submit" loading={save.isPending} data-testid="sa-instrument-save">
          {t('selfAssessment.instrument.save')}
        </Button>
      </div>
    </form>
  );
}
