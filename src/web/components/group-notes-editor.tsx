import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingNote, NoteConflict } from '../api';
import { formatDateTime } from '../format';
import { useSaveNote } from '../group-space';
import { useLocale } from '../session';
import { ErrorAlert } from './error-alert';
import { groupStyles } from './group-space-styles';

/**
 * A meeting's shared notes. Saving names the version the writer started from; when someone else
 * saved in between, both texts are shown side by side with a merge to edit, and the merge is
 * saved on the other person's version. Nothing is overwritten without being seen.
 */
export function GroupNotesEditor({
  programmeId,
  groupId,
  meetingNumber,
  note,
  editable,
}: {
  programmeId: string;
  groupId: string;
  meetingNumber: number;
  note: MeetingNote;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const save = useSaveNote(programmeId, groupId);
  const [text, setText] = useState(note.text);
  const [base, setBase] = useState(note.version);
  const [conflict, setConflict] = useState<NoteConflict | null>(null);
  const [merged, setMerged] = useState('');
  const [message, setMessage] = useState('');
  // The server text the field was last filled from: typing makes the field differ from it.
  const loaded = useRef(note.text);

  const typed = useRef(text);
  typed.current = text;

  // A newer version from the server replaces the text only while nothing is typed here.
  useEffect(() => {
    if (typed.current !== loaded.current) return;
    loaded.current = note.text;
    setText(note.text);
    setBase(note.version);
  }, [note.version, note.text]);

  const id = `notes-${note.meetingId}`;
  const who = (n: MeetingNote) => n.updatedBy?.name ?? t('groupLife.notes.someone');
  const when = (n: MeetingNote) => (n.updatedAt ? formatDateTime(n.updatedAt, locale) : '');

  const submit = (body: { baseVersion: number; text: string }) => {
    setMessage('');
    save.mutate(
      { meetingId: note.meetingId, ...body },
      {
        onSuccess: (answer) => {
          if ('conflict' in answer) {
            setConflict(answer.conflict);
            setMerged(answer.conflict.suggestedMerge);
            return;
          }
          setConflict(null);
          loaded.current = answer.saved.text;
          setText(answer.saved.text);
          setBase(answer.saved.version);
          setMessage(
            answer.saved.version === body.baseVersion
              ? t('groupLife.notes.unchanged')
              : t('groupLife.notes.saved'),
          );
        },
      },
    );
  };

  if (!editable)
    return (
      <div data-testid="group-notes">
        <Paragraph data-size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.text || '–'}
        </Paragraph>
      </div>
    );

  return (
    <div data-testid="group-notes">
      {conflict ? null : (
        <form
          className="app-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            submit({ baseVersion: base, text });
          }}
        >
          <Textfield
            id={id}
            multiline
            rows={5}
            label={t('groupLife.notes.label', { number: meetingNumber })}
            description={
              note.updatedBy
                ? t('groupLife.notes.lastSaved', { name: who(note), when: when(note) })
                : t('groupLife.notes.hint')
            }
            value={text}
            onChange={(e) => setText(e.target.value)}
            data-testid="group-notes-text"
          />
          <div className="app-form__actions">
            <Button type="submit" variant="secondary" loading={save.isPending} data-testid="group-notes-save">
              {t('groupLife.notes.save')}
            </Button>
          </div>
        </form>
      )}
      {conflict ? (
        <Alert data-color="warning" data-testid="group-notes-conflict">
          <Heading level={4} data-size="2xs">
            {t('groupLife.notes.conflictTitle')}
          </Heading>
          <Paragraph data-size="sm">
            {t('groupLife.notes.conflictIntro', {
              name: who(conflict.current),
              when: when(conflict.current),
            })}
          </Paragraph>
          <div style={groupStyles.compare}>
            <section aria-labelledby={`${id}-theirs`}>
              <Heading level={5} data-size="2xs" id={`${id}-theirs`}>
                {t('groupLife.notes.theirs', { name: who(conflict.current) })}
              </Heading>
              <div style={groupStyles.text} data-testid="group-notes-theirs">
                {conflict.current.text || '–'}
              </div>
            </section>
            <section aria-labelledby={`${id}-mine`}>
              <Heading level={5} data-size="2xs" id={`${id}-mine`}>
                {t('groupLife.notes.mine')}
              </Heading>
              <div style={groupStyles.text} data-testid="group-notes-mine">
                {conflict.mine || '–'}
              </div>
            </section>
          </div>
          <form
            className="app-form"
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              setText(merged);
              submit({ baseVersion: conflict.current.version, text: merged });
            }}
          >
            <Textfield
              multiline
              rows={6}
              label={t('groupLife.notes.merged')}
              description={t('groupLife.notes.mergedHint', { name: who(conflict.current) })}
              value={merged}
              onChange={(e) => setMerged(e.target.value)}
              data-testid="group-notes-merged"
            />
            <div className="app-form__actions">
              <Button type="submit" loading={save.isPending} data-testid="group-notes-save-merged">
                {t('groupLife.notes.saveMerged')}
              </Button>
              <Button
                type="button"
                variant="tertiary"
                onClick={() => {
                  loaded.current = conflict.current.text;
                  setText(conflict.current.text);
                  setBase(conflict.current.version);
                  setConflict(null);
                }}
              >
                {t('groupLife.notes.discardMine')}
              </Button>
            </div>
          </form>
        </Alert>
      ) : null}
      <Paragraph aria-live="polite" data-size="sm" data-testid="group-notes-message">
        {message}
      </Paragraph>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
    </div>
  );
}
