/**
 * What each retention category deletes or clears, table by table, for one programme. One list
 * serves both the preview (counts) and the deletion (the same conditions), so the two cannot drift.
 *
 * Table and column names are constants of this file (never input); the programme id is a bound
 * parameter.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { RetentionCategoryId } from '../../domain/retention/categories';

/** What replaces an e-mail's body once the programme's retention deletes it (recipient and subject stay). */
export const RETENTION_BODY_MARKER = '[deleted under the programme’s retention policy]';

export interface RetentionStep {
  table: string;
  /** The rows of the programme this step is about (SQL over the table's own columns). */
  where: (programmeId: string) => SQL;
  /**
   * - `delete`: the rows go;
   * - `cascade`: the rows go with a parent deleted by another step of the category (counted only);
   * - `clear`: the free-text columns are emptied (`set`), the row stays (ratings for the report).
   */
  action: { kind: 'delete' } | { kind: 'cascade' } | { kind: 'clear'; set: SQL };
}

const inProgramme = (programmeId: string) => sql`programme_id = ${programmeId}`;
const sessionsOf = (p: string) =>
  sql`session_id in (select id from coaching_sessions where programme_id = ${p})`;
const projectsOf = (p: string) => sql`project_id in (select id from dev_projects where programme_id = ${p})`;
const meetingsOf = (p: string) =>
  sql`meeting_id in (select id from network_meetings where programme_id = ${p})`;
const phasesOf = (p: string) =>
  sql`phase_id in (select id from self_assessment_phases where programme_id = ${p})`;
const roundsOf = (p: string) =>
  sql`round_id in (select r.id from self_assessment_rounds r
        join self_assessment_phases ph on ph.id = r.phase_id where ph.programme_id = ${p})`;
// Only mail that has left (or given up): a message still waiting is sent as it was written.
const finishedMail = (p: string) => sql`programme_id = ${p} and status in ('sent', 'failed')`;

export const RETENTION_STEPS: Readonly<Record<RetentionCategoryId, readonly RetentionStep[]>> = {
  coachingNotes: [
    { table: 'coaching_notes', where: sessionsOf, action: { kind: 'delete' } },
    { table: 'coaching_reflections', where: sessionsOf, action: { kind: 'delete' } },
  ],
  devProjects: [
    { table: 'dev_project_entries', where: projectsOf, action: { kind: 'cascade' } },
    { table: 'dev_project_shares', where: projectsOf, action: { kind: 'cascade' } },
    { table: 'dev_projects', where: inProgramme, action: { kind: 'delete' } },
  ],
  networkNotes: [
    { table: 'network_meeting_notes', where: meetingsOf, action: { kind: 'delete' } },
    { table: 'network_meeting_note_versions', where: meetingsOf, action: { kind: 'delete' } },
    {
      table: 'group_poll_votes',
      where: (p) =>
        sql`slot_id in (select s.id from group_poll_slots s join group_polls g on g.id = s.poll_id
              where g.programme_id = ${p})`,
      action: { kind: 'delete' },
    },
  ],
  practiceWork: [
    { table: 'practice_cases', where: inProgramme, action: { kind: 'delete' } },
    { table: 'interim_work', where: inProgramme, action: { kind: 'delete' } },
  ],
  surveyFreeText: [
    {
      table: 'evaluation_answers',
      where: (p) =>
        sql`evaluation_id in (select id from evaluations where programme_id = ${p})
            and (good is not null or better is not null)`,
      action: { kind: 'clear', set: sql`good = null, better = null` },
    },
    {
      table: 'overall_evaluation_answers',
      where: (p) =>
        sql`overall_evaluation_id in (select id from overall_evaluations where programme_id = ${p})
            and (valuable is not null or improve is not null)`,
      action: { kind: 'clear', set: sql`valuable = null, improve = null` },
    },
    {
      table: 'expectation_answers',
      where: (p) =>
        sql`round_id in (select id from expectation_rounds where programme_id = ${p})
            and (needs is not null or expectations is not null or cardinality(own_topics) > 0)`,
      action: { kind: 'clear', set: sql`needs = null, expectations = null, own_topics = '{}'` },
    },
  ],
  selfAssessments: [
    { table: 'self_assessment_responses', where: phasesOf, action: { kind: 'delete' } },
    { table: 'self_assessment_ratings', where: roundsOf, action: { kind: 'delete' } },
    { table: 'self_assessment_rating_tokens', where: roundsOf, action: { kind: 'delete' } },
  ],
  emailBodies: [
    {
      table: 'email_attachments',
      where: (p) => sql`outbox_id in (select id from email_outbox where ${finishedMail(p)})`,
      action: { kind: 'delete' },
    },
    {
      table: 'email_outbox',
      where: (p) =>
        sql`${finishedMail(p)} and (text_body <> ${RETENTION_BODY_MARKER} or html_body is not null)`,
      action: { kind: 'clear', set: sql`text_body = ${RETENTION_BODY_MARKER}, html_body = null` },
    },
  ],
};
