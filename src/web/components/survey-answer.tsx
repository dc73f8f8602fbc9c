/**
 * The pieces of an anonymous answer form shared by the gathering evaluation and the overall
 * evaluation: the notice that replaces the form, the form's frame (error summary, submit), a
 * question as a fieldset of radios, and an optional free text.
 */
import {
  Alert,
  Button,
  Fieldset,
  Heading,
  Paragraph,
  Radio,
  Textfield,
  ValidationMessage,
} from '@digdir/designsystemet-react';
import { type FormEvent, type ReactElement, type ReactNode, type RefObject, useId } from 'react';
import { isApiError } from '../api';
import { ErrorAlert } from './error-alert';
import { RouterLink } from './router-link';

/**
 * What stands instead of the form, or null while the leader may answer: sent just now; answered
 * before (or refused as such); not open; not a leader of the programme. Test ids `<prefix>-sent`,
 * `-already-answered`, `-not-open`, `-not-participant`.
 */
export function answerNotice(p: {
  prefix: string;
  sent: boolean;
  answered: boolean;
  /** The submit was refused with a conflict (answered in another tab, or closed meanwhile). */
  conflict: boolean;
  open: boolean;
  canAnswer: boolean;
  texts: { sent: string; alreadyAnswered: string; notOpen: string; notParticipant: string };
}): ReactElement | null {
  if (p.sent)
    return (
      <Alert data-color="success" data-testid={`${p.prefix}-sent`}>
        <Paragraph>{p.texts.sent}</Paragraph>
      </Alert>
    );
  if (p.answered || p.conflict)
    return (
      <Alert data-color="info" data-testid={`${p.prefix}-already-answered`}>
        <Paragraph>{p.answered ? p.texts.alreadyAnswered : p.texts.notOpen}</Paragraph>
      </Alert>
    );
  if (!p.open)
    return (
      <Alert data-color="info" data-testid={`${p.prefix}-not-open`}>
        <Paragraph>{p.texts.notOpen}</Paragraph>
      </Alert>
    );
  if (!p.canAnswer)
    return (
      <Alert data-color="info" data-testid={`${p.prefix}-not-participant`}>
        <Paragraph>{p.texts.notParticipant}</Paragraph>
      </Alert>
    );
  return null;
}

/** The notice with a way back, or else the form. */
export function NoticeOrForm({
  notice,
  back,
  backText,
  children,
}: {
  notice: ReactElement | null;
  back: string;
  backText: string;
  children: ReactNode;
}) {
  if (!notice) return children;
  return (
    <>
      {notice}
      <Paragraph>
        <RouterLink to={back}>{backText}</RouterLink>
      </Paragraph>
    </>
  );
}

/**
 * The form's frame: an error summary that takes the focus on a failed submit, the questions, a
 * server error (a conflict is shown as the notice instead), and the submit button.
 */
export function SurveyForm({
  prefix,
  onSubmit,
  summaryRef,
  showErrors,
  fixErrors,
  error,
  pending,
  submit,
  children,
}: {
  /** Test ids `<prefix>-form`, `-form-errors`, `-submit`. */
  prefix: string;
  onSubmit: (e: FormEvent) => void;
  summaryRef: RefObject<HTMLDivElement | null>;
  showErrors: boolean;
  fixErrors: string;
  error: unknown;
  pending: boolean;
  submit: string;
  children: ReactNode;
}) {
  return (
    <form className="app-evaluation-form" onSubmit={onSubmit} noValidate data-testid={`${prefix}-form`}>
      <div ref={summaryRef} tabIndex={-1} aria-live="polite">
        {showErrors ? (
          <Alert data-color="danger" data-testid={`${prefix}-form-errors`}>
            <Paragraph>{fixErrors}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {children}
      {error && !isApiError(error, 'conflict') ? <ErrorAlert error={error} /> : null}
      <div>
        <Button type="submit" loading={pending} data-testid={`${prefix}-submit`}>
          {submit}
        </Button>
      </div>
    </form>
  );
}

export interface ChoiceProps {
  name: string;
  legend: string;
  hint?: string;
  options: readonly { value: string; label: string }[];
  value: string | undefined;
  error: string | null;
  onChange: (v: string) => void;
  /** The legend's heading level. */
  level: 2 | 3;
  testId: string;
}

/** One question: a fieldset whose legend is the question, its options as radios in a row. */
export function ChoiceFieldset({
  name,
  legend,
  hint,
  options,
  value,
  error,
  onChange,
  level,
  testId,
}: ChoiceProps) {
  const errorId = useId();
  return (
    <Fieldset data-testid={testId} aria-describedby={error ? errorId : undefined}>
      <Fieldset.Legend>
        <Heading level={level} data-size="2xs">
          {legend}
        </Heading>
      </Fieldset.Legend>
      {hint ? <Fieldset.Description>{hint}</Fieldset.Description> : null}
      <div className="app-evaluation-form__scale">
        {options.map((o) => (
          <Radio
            key={o.value}
            name={name}
            value={o.value}
            label={o.label}
            checked={value === o.value}
            aria-invalid={error ? true : undefined}
            onChange={() => onChange(o.value)}
          />
        ))}
      </div>
      {error ? <ValidationMessage id={errorId}>{error}</ValidationMessage> : null}
    </Fieldset>
  );
}

/** The options 1 to 5 of a rating question. */
export const SCALE_OPTIONS: readonly { value: string; label: string }[] = ['1', '2', '3', '4', '5'].map(
  (v) => ({ value: v, label: v }),
);

/** An optional free text answer. */
export function FreeTextField({
  name,
  label,
  description,
  maxLength,
  value,
  onChange,
}: {
  name: string;
  label: string;
  description: string;
  maxLength: number;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <Textfield
      multiline
      rows={4}
      name={name}
      label={label}
      description={description}
      maxLength={maxLength}
      value={value}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
