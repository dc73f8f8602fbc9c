import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DIMENSIONS, SCALE } from '../../contracts/self-assessment-constants';
import type { Locale } from '../api';
import { ErrorAlert } from './error-alert';

/** `t` for keys built at run time (the catalog's typed keys make such calls too deep for tsc). */
type T = (key: string, vars?: Record<string, unknown>) => string;

export interface FormItem {
  id: string;
  dimension: (typeof DIMENSIONS)[number];
  text: Record<Locale, string>;
}

/**
 * The questionnaire: the items grouped by dimension, five radios each (1 = to a very small extent,
 * 5 = to a very large extent). Every item must be answered; the first missing one gets focus.
 */
export function SelfAssessmentForm({
  items,
  locale,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  testId,
}: {
  items: FormItem[];
  locale: Locale;
  initial: Record<string, number> | null;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (answers: Record<string, number>) => void;
  testId: string;
}) {
  const { t: typed } = useTranslation();
  const t = typed as unknown as T;
  const [answers, setAnswers] = useState<Record<string, number>>(initial ?? {});
  const [tried, setTried] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const missing = items.filter((i) => answers[i.id] === undefined);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing.length > 0) {
      summaryRef.current?.focus();
      return;
    }
    onSubmit(answers);
  };

  return (
    <form className="app-sa-form" onSubmit={submit} noValidate data-testid={testId}>
      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {tried && missing.length > 0 ? (
          <Alert data-color="danger" data-testid={`${testId}-errors`}>
            <Paragraph>{t('selfAssessment.form.fixErrors', { count: missing.length })}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Paragraph data-size="sm">{t('selfAssessment.form.scaleHint')}</Paragraph>
      {DIMENSIONS.map((d) => {
        const inDim = items.filter((i) => i.dimension === d);
        if (inDim.length === 0) return null;
        return (
          <section key={d} className="app-sa-form__dimension">
            <Heading level={3} data-size="xs">
              {t(`selfAssessment.dimensions.${d}`)}
            </Heading>
            {inDim.map((item) => (
              <ItemRadios
                key={item.id}
                item={item}
                text={item.text[locale]}
                value={answers[item.id]}
                error={tried && answers[item.id] === undefined ? t('selfAssessment.form.required') : null}
                onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))}
              />
            ))}
          </section>
        );
      })}
      {error ? <ErrorAlert error={error} /> : null}
      <div>
        <Button type="submit" loading={pending} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

function ItemRadios({
  item,
  text,
  value,
  error,
  onChange,
}: {
  item: FormItem;
  text: string;
  value: number | undefined;
  error: string | null;
  onChange: (v: number) => void;
}) {
  const errorId = useId();
  const name = useId();
  return (
    <Fieldset
      className="app-sa-form__item"
      data-testid={`sa-item-${item.id}`}
      aria-describedby={error ? errorId : undefined}
    >
      <Fieldset.Legend>{text}</Fieldset.Legend>
      <div className="app-sa-form__scale">
        {SCALE.map((v) => (
          <Radio
            key={v}
            name={name}
            value={String(v)}
            label={String(v)}
            checked={value === v}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(v)}
          />
        ))}
      </div>
      {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}
