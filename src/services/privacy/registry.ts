/**
 * The privacy registry: every table that holds something about a person, what an export shows of
 * it and what an erasure does to it. tests/api/privacy.db.test.ts reads the live schema (foreign
 * keys to users and participants, person-ish column names) and fails when a table or a column is
 * missing here, so a part built later cannot forget its people.
 *
 * Table and column names are constants of this file (never input): the services build SQL from them
 * with `sql.identifier`.
 */

import type { PrivacyPart } from '../../domain/privacy/parts';

/** How a column finds the person: their user id, one of their participant rows, their e-mail address. */
export type PersonKey = 'user' | 'participant' | 'email';

/**
 * What an erasure does to the rows a column points at:
 * - `delete`: the rows go (the person's own content);
 * - `null`: the reference is cleared, the row stays (shared content the person only touched,
 *   e.g. who last edited the group notes);
 * - `keepAnonymised`: the row stays for invoicing or for counts the municipality was billed by;
 *   the `blank` columns are cleared or set to the neutral marker, amounts and dates stay;
 * - `keep`: the row stays as it is because it holds no more than an id that no longer leads to a
 *   person (the audit trail); text columns in `scrub` still lose the person's name and e-mail.
 */
export type EraseAction = 'delete' | 'null' | 'keepAnonymised' | 'keep';

export interface PersonColumn {
  column: string;
  key: PersonKey;
  erase: EraseAction;
  /** keepAnonymised: columns cleared (`null`) or replaced by the marker (`marker`). */
  blank?: Readonly<Record<string, 'null' | 'marker' | 'erasedEmail'>>;
  /**
   * keepAnonymised: only rows for which this SQL condition (over the table's own columns) holds are
   * kept; the others are deleted. E.g. a coaching session is kept only when it became a delivery.
   */
  keepWhen?: string;
  /**
   * The column points at a row of another table that belongs to the person: `column in (select id
   * from through.table where through.column = <the person>)`. E.g. notes on the person's sessions.
   */
  through?: { table: string; column: string };
  /** false: the column finds rows about someone else (e.g. whom they report to), so it selects nothing for the export. */
  export?: false;
}

export { PRIVACY_PARTS, type PrivacyPart } from '../../domain/privacy/parts';

export interface TableRule {
  table: string;
  part: PrivacyPart;
  /** A plain name for the table in the export and the preview. */
  label: string;
  refs: readonly PersonColumn[];
  /** Exported columns → plain labels. Secrets, hashes and tokens are never listed. */
  exportColumns: Readonly<Record<string, string>>;
  /** Text or JSON columns in which the person's e-mail and name are replaced by the marker wherever they appear. */
  scrub?: Readonly<Record<string, 'text' | 'jsonb'>>;
  /** Why the table is treated as it is (shown in the preview). */
  note: string;
}

/** What replaces a name or free text that is erased. */
export const ERASED_MARKER = '[erased]';

const PARTICIPANT_BLANK = {
  name: 'marker',
  email: 'erasedEmail',
  user_id: 'null',
  external_id: 'null',
  phone: 'null',
  title: 'null',
  sector: 'null',
  unit: 'null',
  location: 'null',
  gender: 'null',
  reports_to_id: 'null',
} as const;

type RefOptions = Pick<PersonColumn, 'blank' | 'keepWhen' | 'through' | 'export'>;

/** A column that finds the person by `key`; the three below read as the rule does. */
const by =
  (key: PersonKey) =>
  (column: string, erase: EraseAction, options: RefOptions = {}): PersonColumn => ({
    column,
    key,
    erase,
    ...options,
  });
/** A column that finds the person by their user id. */
const byUser = by('user');
/** A column that finds the person by one of their participant rows. */
const byParticipant = by('participant');
/** A column that finds the person by their e-mail address. */
const byEmail = by('email');

/**
 * Builds one rule as a short chain that reads like the rule itself:
 * `table(name, part, label, ...refs).exports(columns)[.scrubs(columns)].note(why)`.
 */
function table(name: string, part: PrivacyPart, label: string, ...refs: PersonColumn[]) {
  const rule = (exportColumns: TableRule['exportColumns'], scrub?: TableRule['scrub']) => ({
    note: (note: string): TableRule => ({
      table: name,
      part,
      label,
      refs,
      exportColumns,
      ...(scrub ? { scrub } : {}),
      note,
    }),
  });
  return {
    exports: (exportColumns: TableRule['exportColumns']) => ({
      ...rule(exportColumns),
      scrubs: (scrub: NonNullable<TableRule['scrub']>) => rule(exportColumns, scrub),
    }),
  };
}

/**
 * Order matters only for foreign keys: rows that point at others are handled before the rows they
 * point at (users last).
 */
export const PRIVACY_REGISTRY: readonly TableRule[] = [
  // --- security and sign-in -----------------------------------------------------------------------
  table('sessions', 'security', 'Sessions', byUser('user_id', 'delete'))
    .exports({
      auth_method: 'Signed in with',
      ip: 'IP address',
      user_agent: 'Browser',
      created_at: 'Started',
      last_seen_at: 'Last seen',
      expires_at: 'Expires',
    })
    .note('Sessions are revoked: the person is signed out everywhere.'),
  table(
    'auth_tokens',
    'security',
    'Invitations and password resets',
    byUser('user_id', 'delete'),
    byUser('created_by_user_id', 'null'),
  )
    .exports({ purpose: 'Purpose', created_at: 'Sent', expires_at: 'Expires', used_at: 'Used' })
    .note('The person’s invitation and reset links are deleted; links they sent to others lose the sender.'),
  table('login_attempts', 'security', 'Sign-in attempts', byEmail('email_key', 'delete'))
    .exports({ at: 'When', ip: 'IP address', succeeded: 'Succeeded' })
    .note('Attempts with the person’s e-mail address are deleted.'),
  table('user_identities', 'security', 'Single sign-on identities', byUser('user_id', 'delete'))
    .exports({ issuer: 'Identity provider', subject: 'Subject', created_at: 'Linked' })
    .note('Links to the municipality’s identity provider are deleted.'),
  table('oidc_login_states', 'security', 'Single sign-on links in progress', byUser('link_user_id', 'delete'))
    .exports({ created_at: 'Started', expires_at: 'Expires' })
    .note('Unfinished sign-on links are deleted.'),
  table(
    'client_sso_configs',
    'security',
    'Single sign-on set-ups edited',
    byUser('updated_by_user_id', 'null'),
  )
    .exports({ label: 'Set-up', updated_at: 'Edited' })
    .note('The set-up stays; who edited it is cleared.'),
  table('calendar_feeds', 'security', 'Calendar subscriptions', byUser('user_id', 'delete'))
    .exports({ created_at: 'Created', revoked_at: 'Revoked' })
    .note('Calendar feed links are deleted.'),
  table('audit_log', 'security', 'Audit trail (what the person did)', byUser('actor_user_id', 'keep'))
    .exports({ at: 'When', action: 'Action', resource_type: 'On', ip: 'IP address' })
    .scrubs({ details: 'jsonb' })
    .note(
      'The trail stays (who read or changed what must outlive the person); it holds ids only, and any name or e-mail in its details is replaced.',
    ),
  // --- mail ---------------------------------------------------------------------------------------
  table('email_outbox', 'mail', 'E-mails', byEmail('to_address', 'delete'))
    .exports({ kind: 'Kind', subject: 'Subject', status: 'Status', created_at: 'Queued', sent_at: 'Sent' })
    .scrubs({ subject: 'text', text_body: 'text', html_body: 'text' })
    .note('E-mails to the person are deleted; e-mails to others lose the person’s name and address.'),
  table('email_attachments', 'mail', 'E-mail attachments')
    .exports({})
    .scrubs({ content: 'text', filename: 'text' })
    .note('Attachments of e-mails to the person go with them; others lose the person’s name and address.'),
  table('event_reminders', 'mail', 'Reminders sent', byEmail('email', 'delete'))
    .exports({ event_key: 'Event', created_at: 'Sent' })
    .note('The record of reminders sent to the person is deleted.'),
  // --- coaching -----------------------------------------------------------------------------------
  table(
    'coaching_notes',
    'coaching',
    'Coaching notes (written by the person, or by the advisor about the person’s sessions)',
    byUser('author_user_id', 'delete'),
    // The advisor's notes on the leader's sessions are personal data about the leader: the right of
    // access (GDPR art. 15) covers them, so they are in the leader's export, and erased with them.
    byParticipant('session_id', 'delete', {
      through: { table: 'coaching_sessions', column: 'participant_id' },
    }),
  )
    .exports({ body: 'Note', created_at: 'Written', updated_at: 'Changed' })
    .note('Notes the person wrote, and the advisor’s notes on the person’s sessions, are deleted.'),
  table(
    'coaching_reflections',
    'coaching',
    'Coaching preparation and reflection',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ preparation: 'Preparation', reflection: 'Reflection', updated_at: 'Changed' })
    .note('The leader’s preparation and reflection are deleted.'),
  table(
    'coaching_sessions',
    'coaching',
    'Coaching sessions',
    byParticipant('participant_id', 'keepAnonymised', {
      blank: { meeting_link: 'null' },
      keepWhen: 'exists (select 1 from deliveries d where d.coaching_session_id = coaching_sessions.id)',
    }),
    byUser('advisor_user_id', 'null'),
  )
    .exports({
      number: 'Session',
      starts_at: 'Starts',
      ends_at: 'Ends',
      status: 'Status',
      mode: 'Mode',
      meeting_link: 'Meeting link',
    })
    .note(
      'Sessions that became deliveries stay with their time (invoicing), tied to the anonymised participant; other sessions are deleted. As advisor, the person is cleared from sessions.',
    ),
  // --- invoicing and planning ---------------------------------------------------------------------
  table(
    'deliveries',
    'invoicing',
    'Deliveries',
    byUser('advisor_user_id', 'null'),
    byUser('registered_by_user_id', 'null'),
  )
    .exports({ kind: 'Kind', delivered_on: 'Delivered', quantity: 'Quantity', note: 'Note' })
    .scrubs({ note: 'text' })
    .note('Deliveries stay with their amounts and dates (invoicing); the person is cleared from them.'),
  table('quotes', 'invoicing', 'Offers', byUser('created_by_user_id', 'null'))
    .exports({ version: 'Version', status: 'Status', created_at: 'Created' })
    .note('Offers stay with their amounts (invoicing); who made them is cleared.'),
  table('advisor_unavailability', 'planning', 'Unavailability', byUser('user_id', 'delete'))
    .exports({ from_date: 'From', to_date: 'To', note: 'Note' })
    .note('The advisor’s days away are deleted.'),
  table('plan_proposals', 'planning', 'Plan proposals made', byUser('created_by_user_id', 'null'))
    .exports({ status: 'Status', created_at: 'Created' })
    .scrubs({ input: 'jsonb', result: 'jsonb' })
    .note('Plans stay; who made them is cleared, and the person’s name and e-mail are replaced inside them.'),
  table('roster_imports', 'planning', 'Participant list imports made', byUser('created_by_user_id', 'null'))
    .exports({ file_name: 'File', status: 'Status', created_at: 'Imported' })
    .scrubs({ preview: 'jsonb' })
    .note(
      'Imports stay; who made them is cleared, and the person’s name and e-mail are replaced in every preview.',
    ),
  // --- gatherings ---------------------------------------------------------------------------------
  table('gathering_advisors', 'gatherings', 'Gatherings staffed', byUser('user_id', 'delete'))
    .exports({ gathering_id: 'Gathering' })
    .note('The advisor is removed from the gatherings’ staffing.'),
  table(
    'gathering_attendance',
    'gatherings',
    'Attendance at gatherings',
    byParticipant('participant_id', 'delete'),
    byUser('recorded_by_user_id', 'null'),
  )
    .exports({ gathering_id: 'Gathering', status: 'Attendance', note: 'Note', recorded_at: 'Recorded' })
    .note('The person’s attendance is deleted; attendance they recorded for others loses the recorder.'),
  table('gathering_materials', 'gatherings', 'Files uploaded', byUser('uploaded_by', 'delete'))
    .exports({
      original_filename: 'File name',
      content_type: 'Type',
      size_bytes: 'Size (bytes)',
      created_at: 'Uploaded',
    })
    .note('Files the person uploaded are deleted, from the database and from the file store.'),
  table('interim_work', 'gatherings', 'Interim work recorded', byUser('recorded_by_user_id', 'null'))
    .exports({ recorded_at: 'Recorded' })
    .note('The programme’s interim work stays; who recorded it is cleared.'),
  table(
    'practice_cases',
    'gatherings',
    'Practice cases',
    byParticipant('participant_id', 'delete'),
    byUser('used_by_user_id', 'null'),
  )
    .exports({
      title: 'Title',
      description: 'Description',
      shared_with_peers: 'Shared',
      created_at: 'Written',
    })
    .note('The leader’s cases are deleted; cases the person used in a gathering lose that mark.'),
  // --- groups -------------------------------------------------------------------------------------
  table(
    'keep_apart_pairs',
    'groups',
    'Keep-apart rules',
    byParticipant('participant_a', 'delete'),
    byParticipant('participant_b', 'delete'),
  )
    .exports({ reason: 'Reason', created_at: 'Created' })
    .note('Rules naming the person are deleted.'),
  table(
    'network_group_members',
    'groups',
    'Network group membership',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ group_id: 'Group' })
    .note('The person leaves their network group.'),
  table(
    'network_meeting_attendance',
    'groups',
    'Attendance at network meetings',
    byParticipant('participant_id', 'delete'),
    byUser('recorded_by_user_id', 'null'),
  )
    .exports({ meeting_id: 'Meeting', present: 'Present', recorded_at: 'Recorded' })
    .note('The person’s attendance is deleted.'),
  table(
    'network_meeting_focus',
    'groups',
    'Network meeting focus edited',
    byUser('updated_by_user_id', 'null'),
  )
    .exports({ text: 'Focus', updated_at: 'Edited' })
    .scrubs({ text: 'text' })
    .note('The group’s shared text stays; who edited it is cleared.'),
  table('network_meeting_notes', 'groups', 'Group notes edited', byUser('updated_by_user_id', 'null'))
    .exports({ text: 'Notes', updated_at: 'Edited' })
    .scrubs({ text: 'text' })
    .note('The group’s shared notes stay; who edited them is cleared.'),
  table(
    'network_meeting_note_versions',
    'groups',
    'Group note versions written',
    byUser('author_user_id', 'null'),
  )
    .exports({ version: 'Version', text: 'Notes', created_at: 'Written' })
    .scrubs({ text: 'text' })
    .note('Earlier versions of the group’s notes stay; their author is cleared.'),
  table('network_meetings', 'groups', 'Network meetings facilitated', byUser('advisor_user_id', 'null'))
    .exports({ number: 'Meeting', starts_at: 'Starts', ends_at: 'Ends' })
    .note('Meetings stay (invoicing); the facilitating advisor is cleared.'),
  table(
    'group_polls',
    'groups',
    'Meeting polls created or fixed',
    byUser('created_by_user_id', 'null'),
    byUser('fixed_by_user_id', 'null'),
  )
    .exports({ status: 'Status', created_at: 'Created', fixed_at: 'Fixed' })
    .note('Polls stay; who created or fixed them is cleared.'),
  table('group_poll_votes', 'groups', 'Meeting poll answers', byParticipant('participant_id', 'delete'))
    .exports({ slot_id: 'Time slot', answer: 'Answer', updated_at: 'Answered' })
    .note('The person’s poll answers are deleted.'),
  // --- development project ------------------------------------------------------------------------
  table(
    'dev_projects',
    'developmentProject',
    'Development project',
    byParticipant('participant_id', 'delete'),
  )
    .exports({
      title: 'Title',
      goal: 'Goal',
      success_criteria: 'Success criteria',
      dimensions: 'Dimensions',
      created_at: 'Started',
    })
    .note('The project and its log entries are deleted.'),
  table(
    'dev_project_shares',
    'developmentProject',
    'Development projects shared with the person',
    byUser('advisor_user_id', 'delete'),
  )
    .exports({ project_id: 'Project', created_at: 'Shared' })
    .note('Shares with the advisor are deleted.'),
  // --- platform -----------------------------------------------------------------------------------
  table('principles', 'platform', 'Principles proposed', byUser('proposed_by_user_id', 'null'))
    .exports({ statement: 'Principle', explanation: 'Explanation', created_at: 'Proposed' })
    .note('The programme’s shared platform stays; who proposed is cleared.'),
  table('principle_versions', 'platform', 'Principle versions written', byUser('author_user_id', 'null'))
    .exports({ version: 'Version', statement: 'Principle', change: 'Change', created_at: 'Written' })
    .note('Versions stay; their author is cleared.'),
  table('principle_comments', 'platform', 'Comments on principles', byUser('author_user_id', 'delete'))
    .exports({ body: 'Comment', created_at: 'Written' })
    .note('The person’s comments are deleted.'),
  table('voting_rounds', 'platform', 'Voting rounds opened', byUser('opened_by_user_id', 'null'))
    .exports({ title: 'Round', opened_at: 'Opened' })
    .note('Rounds stay; who opened them is cleared.'),
  table('votes', 'platform', 'Votes', byParticipant('participant_id', 'delete'))
    .exports({ principle_id: 'Principle', points: 'Points', agree: 'Agrees', created_at: 'Voted' })
    .note('The person’s votes are deleted.'),
  table('platform_publications', 'platform', 'Platform publications', byUser('published_by_user_id', 'null'))
    .exports({ published_at: 'Published' })
    .scrubs({ document: 'jsonb' })
    .note('Published platforms stay; who published is cleared.'),
  // --- evaluations and expectations ---------------------------------------------------------------
  table(
    'evaluation_participations',
    'evaluations',
    'Gathering evaluations answered',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ evaluation_id: 'Evaluation' })
    .note('Who answered is deleted; the anonymous answers hold no person and stay.'),
  table(
    'overall_evaluation_participations',
    'evaluations',
    'Programme evaluations answered',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ overall_evaluation_id: 'Evaluation' })
    .note('Who answered is deleted; the anonymous answers hold no person and stay.'),
  table('expectation_answers', 'expectations', 'Expectations', byParticipant('participant_id', 'delete'))
    .exports({
      needs: 'Needs',
      expectations: 'Expectations',
      own_topics: 'Own topics',
      updated_at: 'Answered',
    })
    .note('The leader’s expectations are deleted.'),
  // --- self-assessment ----------------------------------------------------------------------------
  table(
    'self_assessment_responses',
    'selfAssessment',
    'Self-assessment answers',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ answers: 'Answers', updated_at: 'Answered' })
    .note('The leader’s own answers are deleted.'),
  table(
    'self_assessment_rounds',
    'selfAssessment',
    'Self-assessment rounds (360)',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ status: 'Status', invited: 'Invited', closed_at: 'Closed' })
    .note('The leader’s rounds and the anonymous ratings given in them are deleted.'),
  table(
    'self_assessment_instruments',
    'selfAssessment',
    'Self-assessment instrument edited',
    byUser('updated_by_user_id', 'null'),
  )
    .exports({ version: 'Version', updated_at: 'Edited' })
    .note('The instrument stays; who edited it is cleared.'),
  // --- 10-FAKTOR ----------------------------------------------------------------------------------
  table('ten_factor_actions', 'tenFactor', '10-FAKTOR actions', byParticipant('participant_id', 'delete'))
    .exports({
      factor: 'Factor',
      description: 'Action',
      owner: 'Responsible',
      deadline: 'Deadline',
      status: 'Status',
    })
    .note('The leader’s actions and their notes are deleted.'),
  table(
    'ten_factor_choices',
    'tenFactor',
    '10-FAKTOR factors chosen',
    byParticipant('participant_id', 'delete'),
  )
    .exports({ keep_factor: 'Keep', improve_factor: 'Improve', updated_at: 'Chosen' })
    .note('The leader’s choices are deleted.'),
  table(
    'ten_factor_links',
    'tenFactor',
    '10-FAKTOR unit',
    byParticipant('participant_id', 'delete'),
    byUser('set_by_user_id', 'null'),
  )
    .exports({ unit_name: 'Unit', set_at: 'Linked' })
    .note('The link from the leader to their unit is deleted.'),
  table('ten_factor_imports', 'tenFactor', '10-FAKTOR imports made', byUser('created_by_user_id', 'null'))
    .exports({ file_name: 'File', created_at: 'Imported' })
    .note('Imports stay; who made them is cleared.'),
  table(
    'ten_factor_settings',
    'tenFactor',
    '10-FAKTOR settings changed',
    byUser('updated_by_user_id', 'null'),
  )
    .exports({ enabled: 'On', updated_at: 'Changed' })
    .note('Settings stay; who changed them is cleared.'),
  // --- programmes and the account (last: others point at them) ------------------------------------
  table(
    'participants',
    'programmes',
    'Participation in programmes',
    byUser('user_id', 'keepAnonymised', { blank: PARTICIPANT_BLANK }),
    byParticipant('reports_to_id', 'null', { export: false }),
  )
    .exports({
      programme_id: 'Programme',
      name: 'Name',
      email: 'E-mail',
      phone: 'Phone',
      title: 'Title',
      level: 'Leader level',
      sector: 'Sector',
      unit: 'Unit',
      location: 'Location',
      gender: 'Gender',
      external_id: 'Employee number',
      created_at: 'Added',
    })
    .note(
      'The participant row stays without name, e-mail or any other detail, so that the programme’s counts and the coaching it was billed for add up; everything else about the person is gone.',
    ),
  table('memberships', 'programmes', 'Roles', byUser('user_id', 'delete'))
    .exports({ role: 'Role', client_id: 'Municipality', programme_id: 'Programme', created_at: 'Given' })
    .note('Every role is removed.'),
  table('users', 'account', 'Account', byUser('id', 'delete'))
    .exports({
      name: 'Name',
      email: 'E-mail',
      locale: 'Language',
      created_at: 'Created',
      last_login_at: 'Last signed in',
      disabled_at: 'Disabled',
    })
    .note('The account is deleted: the person can no longer sign in.'),
];

/**
 * Column names that hold a person's e-mail, name or traces of them even without a foreign key.
 * The registry test requires every table with one of these to be listed above.
 */
export const PERSONISH_COLUMNS = [
  'email',
  'to_address',
  'email_key',
  'phone',
  'user_agent',
  'ip',
  'owner',
] as const;

/** Tables that have a person-ish column by name but hold no person (with the reason, checked by the test). */
export const NOT_PERSONAL: Readonly<Record<string, string>> = {};

export function ruleFor(table: string): TableRule | undefined {
  return PRIVACY_REGISTRY.find((r) => r.table === table);
}
