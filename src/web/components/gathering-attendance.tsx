import { Button, Heading, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceStatus } from '../../contracts/gatherings-constants';
import { ATTENDANCE_NOTE_MAX } from '../../contracts/gatherings-constants';
import type { AttendanceRow, GatheringDetail } from '../api';
import { useGatheringAttendance, useMarkAttendance, useMarkRestPresent } from '../gathering';
import { ErrorAlert } from './error-alert';
import { PageLoading } from './loading';

/** "Til stades" / "Borte" / "Ikkje registrert" as a tag. */
function StatusTag({ status }: { status: AttendanceStatus | null }) {
  const { t } = useTranslation();
  if (status === null)
    return (
      <Tag data-color="neutral" data-size="sm" variant="outline">
        {t('gathering.attendance.unmarked')}
      </Tag>
    );
  return (
    <Tag data-color={status === 'present' ? 'success' : 'warning'} data-size="sm">
      {t(`gathering.attendance.${status}`)}
    </Tag>
  );
}

/**
 * Attendance on the gathering page. The staff mark each leader with two big toggles (saved at
 * once, per person; a second tap on the chosen one undoes it) and an optional note when absent;
 * the client admin reads statuses (no notes); a leader sees their own.
 */
export function GatheringAttendance({ gathering }: { gathering: GatheringDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const attendance = useGatheringAttendance(gathering.programmeId, gathering.number);
  const { markAttendance, readAllAttendance } = gathering.permissions;
  // One live region for the whole list: each save is announced once, not per row.
  const [announcement, setAnnouncement] = useState('');
  const restPresent = useMarkRestPresent(gathering.programmeId, gathering.number);

  return (
    <section
      className="app-section"
      aria-labelledby={headingId}
      id="attendance"
      data-testid="gathering-attendance"
    >
      <Heading level={2} data-size="sm" id={headingId}>
        {t('gathering.attendance.title')}
      </Heading>
      {attendance.isPending ? (
        <PageLoading />
      ) : attendance.isError ? (
        <ErrorAlert error={attendance.error} />
      ) : !readAllAttendance ? (
        <OwnAttendance row={attendance.data.rows[0] ?? null} />
      ) : (
        <>
          <Paragraph data-testid="attendance-counts">
            {t('gathering.attendance.counts', attendance.data.counts)}
          </Paragraph>
          <div className="ds-sr-only" aria-live="polite" data-testid="attendance-announcement">
            {announcement}
          </div>
          {attendance.data.rows.length === 0 ? (
            <Paragraph className="app-subtle">{t('gathering.attendance.noParticipants')}</Paragraph>
          ) : markAttendance ? (
            <>
              <Paragraph data-size="sm">{t('gathering.attendance.markHelp')}</Paragraph>
              {attendance.data.counts.unmarked > 0 ? (
                <div>
                  <Button
                    type="button"
                    variant="secondary"
                    data-testid="attendance-rest-present"
                    onClick={() => {
                      if (!restPresent.isPending)
                        restPresent.mutate(undefined, {
                          onSuccess: (a) =>
                            setAnnouncement(t('gathering.attendance.restSaved', { count: a.counts.present })),
                        });
                    }}
                  >
                    {t('gathering.attendance.restPresent', { count: attendance.data.counts.unmarked })}
                  </Button>
                  {restPresent.isError ? <ErrorAlert error={restPresent.error} /> : null}
                </div>
              ) : null}
              <ul className="app-attendance">
                {attendance.data.rows.map((row) => (
                  <AttendanceMarker
                    key={row.participantId}
                    gathering={gathering}
                    row={row}
                    onSaved={setAnnouncement}
                  />
                ))}
              </ul>
            </>
          ) : (
            <AttendanceTable rows={attendance.data.rows} />
          )}
        </>
      )}
    </section>
  );
}

function OwnAttendance({ row }: { row: AttendanceRow | null }) {
  const { t } = useTranslation();
  if (!row) return <Paragraph className="app-subtle">{t('gathering.attendance.notALeader')}</Paragraph>;
  return (
    <Paragraph data-testid="own-attendance">
      {t('gathering.attendance.yours')} <StatusTag status={row.status} />
      {row.note ? ` (${row.note})` : null}
    </Paragraph>
  );
}

function AttendanceTable({ rows }: { rows: readonly AttendanceRow[] }) {
  const { t } = useTranslation();
  return (
    <div className="app-absence-table-wrap">
      <Table data-size="sm">
        <caption className="ds-sr-only">{t('gathering.attendance.title')}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('gathering.attendance.name')}</Table.HeaderCell>
            <Table.HeaderCell>{t('gathering.attendance.status')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((r) => (
            <Table.Row key={r.participantId}>
              <Table.Cell>
                {r.name}
                {r.unit ? <span className="app-subtle"> · {r.unit}</span> : null}
              </Table.Cell>
              <Table.Cell>
                <StatusTag status={r.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

function AttendanceMarker({
  gathering,
  row,
  onSaved,
}: {
  gathering: GatheringDetail;
  row: AttendanceRow;
  onSaved: (message: string) => void;
}) {
  const { t } = useTranslation();
  const mark = useMarkAttendance(gathering.programmeId, gathering.number);
  const [note, setNote] = useState(row.note ?? '');
  const groupId = useId();

  const send = (status: AttendanceStatus | null, nextNote: string | null) => {
    mark.mutate(
      { participantId: row.participantId, status, note: status === 'absent' ? nextNote : null },
      {
        onSuccess: (saved) =>
          onSaved(
            t('gathering.attendance.saved', {
              name: saved.name,
              status: t(`gathering.attendance.${saved.status ?? 'unmarked'}`),
            }),
          ),
      },
    );
  };
  // Optimistic: a tap shows at once, while it is saved.
  const shown = mark.isPending ? mark.variables.status : row.status;
  const tap = (status: AttendanceStatus) => {
    // Not disabled while saving (a disabled button drops keyboard focus): ignore the tap instead.
    if (mark.isPending) return;
    // A second tap on the chosen status undoes the mark.
    const next = shown === status ? null : status;
    if (next !== 'absent') setNote('');
    send(next, next === 'absent' ? note.trim() || null : null);
  };
  const saveNote = () => {
    if ((row.note ?? '') !== note.trim()) send('absent', note.trim() || null);
  };

  return (
    <li data-testid="attendance-row">
      <div className="app-attendance__who" id={groupId}>
        <strong>{row.name}</strong>
        {row.unit ? <div className="app-subtle">{row.unit}</div> : null}
      </div>
      <div className="app-attendance__toggles" role="group" aria-labelledby={groupId}>
        <Button
          type="button"
          variant={shown === 'present' ? 'primary' : 'secondary'}
          data-color={shown === 'present' ? 'success' : undefined}
          aria-pressed={shown === 'present'}
          onClick={() => tap('present')}
        >
          {t('gathering.attendance.present')}
        </Button>
        <Button
          type="button"
          variant={shown === 'absent' ? 'primary' : 'secondary'}
          data-color={shown === 'absent' ? 'warning' : undefined}
          aria-pressed={shown === 'absent'}
          onClick={() => tap('absent')}
        >
          {t('gathering.attendance.absent')}
        </Button>
      </div>
      {shown === 'absent' ? (
        <div className="app-attendance__note">
          <Textfield
            label={t('gathering.attendance.note', { name: row.name })}
            description={t('gathering.attendance.noteHelp')}
            data-size="sm"
            value={note}
            maxLength={ATTENDANCE_NOTE_MAX}
            onChange={(e) => setNote(e.target.value)}
            onBlur={saveNote}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                saveNote();
              }
            }}
          />
        </div>
      ) : null}
      {mark.isError ? (
        <div className="app-attendance__status">
          <ErrorAlert error={mark.error} />
        </div>
      ) : null}
    </li>
  );
}
