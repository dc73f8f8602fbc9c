/**
 * The privacy registry: every table that holds something about a person, what an export shows of
 * it and what an erasure does to it. tests/api/privacy.db.test.ts reads the live schema (foreign
 * keys to users and participants, person-ish column names) and fails when a table or a column is
 * missing here, so a part built later cannot forget its people.
 *
 * Table and column names are constants of this file (never input): the services build SQL from them
 * with `sql.identifier`.
 */

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

export const PRIVACY_PARTS = [
  'account',
  'programmes',
  'gatherings',
  'groups',
  'coaching',
  'developmentProject',
  'platform',
  'evaluations',
  'expectations',
  'selfAssessment',
  'tenFactor',
  'invoicing',
  'planning',
  'mail',
  'security',
] as const;
export type PrivacyPart = (typeof PRIVACY_PARTS)[number];

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

/**
 * Order matters only for foreign keys: rows that point at others are handled before the rows they
 * point at (users last).
 */
export const PRIVACY_REGISTRY: readonly TableRule[] = [
  // --- security and sign-in -------------------------------------------------------------------
  {
    table: 'sessions',
    part: 'security',
    label: 'Sessions',
    refs: [{ column: 'user_id', key: 'user', erase: 'delete' }],
    exportColumns: {
      auth_method: 'Signed in with',
      ip: 'IP address',
      user_agent: 'Browser',
      created_at: 'Started',
      last_seen_at: 'Last seen',
      expires_at: 'Expires',
    },
    note: 'Sessions are revoked: the person is signed out everywhere.',
  },
  {
    table: 'auth_tokens',
    part: 'security',
    label: 'Invitations and password resets',
    refs: [
      { column: 'user_id', key: 'user', erase: 'delete' },
      { column: 'created_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: { purpose: 'Purpose', created_at: 'Sent', expires_at: 'Expires', used_at: 'Used' },
    note: 'The person’s invitation and reset links are deleted; links they sent to others lose the sender.',
  },
  {
    table: 'login_attempts',
    part: 'security',
    label: 'Sign-in attempts',
    refs: [{ column: 'email_key', key: 'email', erase: 'delete' }],
    exportColumns: { at: 'When', ip: 'IP address', succeeded: 'Succeeded' },
    note: 'Attempts with the person’s e-mail address are deleted.',
  },
  {
    table: 'user_identities',
    part: 'security',
    label: 'Single sign-on identities',
    refs: [{ column: 'user_id', key: 'user', erase: 'delete' }],
    exportColumns: { issuer: 'Identity provider', subject: 'Subject', created_at: 'Linked' },
    note: 'Links to the municipality’s identity provider are deleted.',
  },
  {
    table: 'oidc_login_states',
    part: 'security',
    label: 'Single sign-on links in progress',
    refs: [{ column: 'link_user_id', key: 'user', erase: 'delete' }],
    exportColumns: { created_at: 'Started', expires_at: 'Expires' },
    note: 'Unfinished sign-on links are deleted.',
  },
  {
    table: 'client_sso_configs',
    part: 'security',
    label: 'Single sign-on set-ups edited',
    refs: [{ column: 'updated_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { label: 'Set-up', updated_at: 'Edited' },
    note: 'The set-up stays; who edited it is cleared.',
  },
  {
    table: 'calendar_feeds',
    part: 'security',
    label: 'Calendar subscriptions',
    refs: [{ column: 'user_id', key: 'user', erase: 'delete' }],
    exportColumns: { created_at: 'Created', revoked_at: 'Revoked' },
    note: 'Calendar feed links are deleted.',
  },
  {
    table: 'audit_log',
    part: 'security',
    label: 'Audit trail (what the person did)',
    refs: [{ column: 'actor_user_id', key: 'user', erase: 'keep' }],
    exportColumns: { at: 'When', action: 'Action', resource_type: 'On', ip: 'IP address' },
    scrub: { details: 'jsonb' },
    note: 'The trail stays (who read or changed what must outlive the person); it holds ids only, and any name or e-mail in its details is replaced.',
  },
  // --- mail ---------------------------------------------------------------------------------------
  {
    table: 'email_outbox',
    part: 'mail',
    label: 'E-mails',
    refs: [{ column: 'to_address', key: 'email', erase: 'delete' }],
    exportColumns: {
      kind: 'Kind',
      subject: 'Subject',
      status: 'Status',
      created_at: 'Queued',
      sent_at: 'Sent',
    },
    scrub: { subject: 'text', text_body: 'text', html_body: 'text' },
    note: 'E-mails to the person are deleted; e-mails to others lose the person’s name and address.',
  },
  {
    table: 'email_attachments',
    part: 'mail',
    label: 'E-mail attachments',
    refs: [],
    exportColumns: {},
    scrub: { content: 'text', filename: 'text' },
    note: 'Attachments of e-mails to the person go with them; others lose the person’s name and address.',
  },
  {
    table: 'event_reminders',
    part: 'mail',
    label: 'Reminders sent',
    refs: [{ column: 'email', key: 'email', erase: 'delete' }],
    exportColumns: { event_key: 'Event', created_at: 'Sent' },
    note: 'The record of reminders sent to the person is deleted.',
  },
  // --- coaching -----------------------------------------------------------------------------------
  {
    table: 'coaching_notes',
    part: 'coaching',
    label: 'Coaching notes written',
    refs: [
      { column: 'author_user_id', key: 'user', erase: 'delete' },
      {
        column: 'session_id',
        key: 'participant',
        erase: 'delete',
        through: { table: 'coaching_sessions', column: 'participant_id' },
        // The advisor's working notes: erased with the leader, not handed out with their export.
        export: false,
      },
    ],
    exportColumns: { body: 'Note', created_at: 'Written', updated_at: 'Changed' },
    note: 'Notes the person wrote, and the advisor’s notes on the person’s sessions, are deleted.',
  },
  {
    table: 'coaching_reflections',
    part: 'coaching',
    label: 'Coaching preparation and reflection',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { preparation: 'Preparation', reflection: 'Reflection', updated_at: 'Changed' },
    note: 'The leader’s preparation and reflection are deleted.',
  },
  {
    table: 'coaching_sessions',
    part: 'coaching',
    label: 'Coaching sessions',
    refs: [
      {
        column: 'participant_id',
        key: 'participant',
        erase: 'keepAnonymised',
        blank: { meeting_link: 'null' },
        keepWhen: 'exists (select 1 from deliveries d where d.coaching_session_id = coaching_sessions.id)',
      },
      { column: 'advisor_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: {
      number: 'Session',
      starts_at: 'Starts',
      ends_at: 'Ends',
      status: 'Status',
      mode: 'Mode',
      meeting_link: 'Meeting link',
    },
    note: 'Sessions that became deliveries stay with their time (invoicing), tied to the anonymised participant; other sessions are deleted. As advisor, the person is cleared from sessions.',
  },
  // --- invoicing ----------------------------------------------------------------------------------
  {
    table: 'deliveries',
    part: 'invoicing',
    label: 'Deliveries',
    refs: [
      { column: 'advisor_user_id', key: 'user', erase: 'null' },
      { column: 'registered_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: { kind: 'Kind', delivered_on: 'Delivered', quantity: 'Quantity', note: 'Note' },
    scrub: { note: 'text' },
    note: 'Deliveries stay with their amounts and dates (invoicing); the person is cleared from them.',
  },
  {
    table: 'quotes',
    part: 'invoicing',
    label: 'Offers',
    refs: [{ column: 'created_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { version: 'Version', status: 'Status', created_at: 'Created' },
    note: 'Offers stay with their amounts (invoicing); who made them is cleared.',
  },
  {
    table: 'advisor_unavailability',
    part: 'planning',
    label: 'Unavailability',
    refs: [{ column: 'user_id', key: 'user', erase: 'delete' }],
    exportColumns: { from_date: 'From', to_date: 'To', note: 'Note' },
    note: 'The advisor’s days away are deleted.',
  },
  {
    table: 'plan_proposals',
    part: 'planning',
    label: 'Plan proposals made',
    refs: [{ column: 'created_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { status: 'Status', created_at: 'Created' },
    scrub: { input: 'jsonb', result: 'jsonb' },
    note: 'Plans stay; who made them is cleared, and the person’s name and e-mail are replaced inside them.',
  },
  {
    table: 'roster_imports',
    part: 'planning',
    label: 'Participant list imports made',
    refs: [{ column: 'created_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { file_name: 'File', status: 'Status', created_at: 'Imported' },
    scrub: { preview: 'jsonb' },
    note: 'Imports stay; who made them is cleared, and the person’s name and e-mail are replaced in every preview.',
  },
  // --- gatherings ---------------------------------------------------------------------------------
  {
    table: 'gathering_advisors',
    part: 'gatherings',
    label: 'Gatherings staffed',
    refs: [{ column: 'user_id', key: 'user', erase: 'delete' }],
    exportColumns: { gathering_id: 'Gathering' },
    note: 'The advisor is removed from the gatherings’ staffing.',
  },
  {
    table: 'gathering_attendance',
    part: 'gatherings',
    label: 'Attendance at gatherings',
    refs: [
      { column: 'participant_id', key: 'participant', erase: 'delete' },
      { column: 'recorded_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: { gathering_id: 'Gathering', status: 'Attendance', note: 'Note', recorded_at: 'Recorded' },
    note: 'The person’s attendance is deleted; attendance they recorded for others loses the recorder.',
  },
  {
    table: 'gathering_materials',
    part: 'gatherings',
    label: 'Files uploaded',
    refs: [{ column: 'uploaded_by', key: 'user', erase: 'delete' }],
    exportColumns: {
      original_filename: 'File name',
      content_type: 'Type',
      size_bytes: 'Size (bytes)',
      created_at: 'Uploaded',
    },
    note: 'Files the person uploaded are deleted, from the database and from the file store.',
  },
  {
    table: 'interim_work',
    part: 'gatherings',
    label: 'Interim work recorded',
    refs: [{ column: 'recorded_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { recorded_at: 'Recorded' },
    note: 'The programme’s interim work stays; who recorded it is cleared.',
  },
  {
    table: 'practice_cases',
    part: 'gatherings',
    label: 'Practice cases',
    refs: [
      { column: 'participant_id', key: 'participant', erase: 'delete' },
      { column: 'used_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: {
      title: 'Title',
      description: 'Description',
      shared_with_peers: 'Shared',
      created_at: 'Written',
    },
    note: 'The leader’s cases are deleted; cases the person used in a gathering lose that mark.',
  },
  // --- groups -------------------------------------------------------------------------------------
  {
    table: 'keep_apart_pairs',
    part: 'groups',
    label: 'Keep-apart rules',
    refs: [
      { column: 'participant_a', key: 'participant', erase: 'delete' },
      { column: 'participant_b', key: 'participant', erase: 'delete' },
    ],
    exportColumns: { reason: 'Reason', created_at: 'Created' },
    note: 'Rules naming the person are deleted.',
  },
  {
    table: 'network_group_members',
    part: 'groups',
    label: 'Network group membership',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { group_id: 'Group' },
    note: 'The person leaves their network group.',
  },
  {
    table: 'network_meeting_attendance',
    part: 'groups',
    label: 'Attendance at network meetings',
    refs: [
      { column: 'participant_id', key: 'participant', erase: 'delete' },
      { column: 'recorded_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: { meeting_id: 'Meeting', present: 'Present', recorded_at: 'Recorded' },
    note: 'The person’s attendance is deleted.',
  },
  {
    table: 'network_meeting_focus',
    part: 'groups',
    label: 'Network meeting focus edited',
    refs: [{ column: 'updated_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { text: 'Focus', updated_at: 'Edited' },
    scrub: { text: 'text' },
    note: 'The group’s shared text stays; who edited it is cleared.',
  },
  {
    table: 'network_meeting_notes',
    part: 'groups',
    label: 'Group notes edited',
    refs: [{ column: 'updated_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { text: 'Notes', updated_at: 'Edited' },
    scrub: { text: 'text' },
    note: 'The group’s shared notes stay; who edited them is cleared.',
  },
  {
    table: 'network_meeting_note_versions',
    part: 'groups',
    label: 'Group note versions written',
    refs: [{ column: 'author_user_id', key: 'user', erase: 'null' }],
    exportColumns: { version: 'Version', text: 'Notes', created_at: 'Written' },
    scrub: { text: 'text' },
    note: 'Earlier versions of the group’s notes stay; their author is cleared.',
  },
  {
    table: 'network_meetings',
    part: 'groups',
    label: 'Network meetings facilitated',
    refs: [{ column: 'advisor_user_id', key: 'user', erase: 'null' }],
    exportColumns: { number: 'Meeting', starts_at: 'Starts', ends_at: 'Ends' },
    note: 'Meetings stay (invoicing); the facilitating advisor is cleared.',
  },
  {
    table: 'group_polls',
    part: 'groups',
    label: 'Meeting polls created or fixed',
    refs: [
      { column: 'created_by_user_id', key: 'user', erase: 'null' },
      { column: 'fixed_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: { status: 'Status', created_at: 'Created', fixed_at: 'Fixed' },
    note: 'Polls stay; who created or fixed them is cleared.',
  },
  {
    table: 'group_poll_votes',
    part: 'groups',
    label: 'Meeting poll answers',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { slot_id: 'Time slot', answer: 'Answer', updated_at: 'Answered' },
    note: 'The person’s poll answers are deleted.',
  },
  // --- development project ------------------------------------------------------------------------
  {
    table: 'dev_projects',
    part: 'developmentProject',
    label: 'Development project',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: {
      title: 'Title',
      goal: 'Goal',
      success_criteria: 'Success criteria',
      dimensions: 'Dimensions',
      created_at: 'Started',
    },
    note: 'The project and its log entries are deleted.',
  },
  {
    table: 'dev_project_shares',
    part: 'developmentProject',
    label: 'Development projects shared with the person',
    refs: [{ column: 'advisor_user_id', key: 'user', erase: 'delete' }],
    exportColumns: { project_id: 'Project', created_at: 'Shared' },
    note: 'Shares with the advisor are deleted.',
  },
  // --- platform -----------------------------------------------------------------------------------
  {
    table: 'principles',
    part: 'platform',
    label: 'Principles proposed',
    refs: [{ column: 'proposed_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { statement: 'Principle', explanation: 'Explanation', created_at: 'Proposed' },
    note: 'The programme’s shared platform stays; who proposed is cleared.',
  },
  {
    table: 'principle_versions',
    part: 'platform',
    label: 'Principle versions written',
    refs: [{ column: 'author_user_id', key: 'user', erase: 'null' }],
    exportColumns: { version: 'Version', statement: 'Principle', change: 'Change', created_at: 'Written' },
    note: 'Versions stay; their author is cleared.',
  },
  {
    table: 'principle_comments',
    part: 'platform',
    label: 'Comments on principles',
    refs: [{ column: 'author_user_id', key: 'user', erase: 'delete' }],
    exportColumns: { body: 'Comment', created_at: 'Written' },
    note: 'The person’s comments are deleted.',
  },
  {
    table: 'voting_rounds',
    part: 'platform',
    label: 'Voting rounds opened',
    refs: [{ column: 'opened_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { title: 'Round', opened_at: 'Opened' },
    note: 'Rounds stay; who opened them is cleared.',
  },
  {
    table: 'votes',
    part: 'platform',
    label: 'Votes',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { principle_id: 'Principle', points: 'Points', agree: 'Agrees', created_at: 'Voted' },
    note: 'The person’s votes are deleted.',
  },
  {
    table: 'platform_publications',
    part: 'platform',
    label: 'Platform publications',
    refs: [{ column: 'published_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { published_at: 'Published' },
    scrub: { document: 'jsonb' },
    note: 'Published platforms stay; who published is cleared.',
  },
  // --- evaluations --------------------------------------------------------------------------------
  {
    table: 'evaluation_participations',
    part: 'evaluations',
    label: 'Gathering evaluations answered',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { evaluation_id: 'Evaluation' },
    note: 'Who answered is deleted; the anonymous answers hold no person and stay.',
  },
  {
    table: 'overall_evaluation_participations',
    part: 'evaluations',
    label: 'Programme evaluations answered',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { overall_evaluation_id: 'Evaluation' },
    note: 'Who answered is deleted; the anonymous answers hold no person and stay.',
  },
  {
    table: 'expectation_answers',
    part: 'expectations',
    label: 'Expectations',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: {
      needs: 'Needs',
      expectations: 'Expectations',
      own_topics: 'Own topics',
      updated_at: 'Answered',
    },
    note: 'The leader’s expectations are deleted.',
  },
  // --- self-assessment ----------------------------------------------------------------------------
  {
    table: 'self_assessment_responses',
    part: 'selfAssessment',
    label: 'Self-assessment answers',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { answers: 'Answers', updated_at: 'Answered' },
    note: 'The leader’s own answers are deleted.',
  },
  {
    table: 'self_assessment_rounds',
    part: 'selfAssessment',
    label: 'Self-assessment rounds (360)',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { status: 'Status', invited: 'Invited', closed_at: 'Closed' },
    note: 'The leader’s rounds and the anonymous ratings given in them are deleted.',
  },
  {
    table: 'self_assessment_instruments',
    part: 'selfAssessment',
    label: 'Self-assessment instrument edited',
    refs: [{ column: 'updated_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { version: 'Version', updated_at: 'Edited' },
    note: 'The instrument stays; who edited it is cleared.',
  },
  // --- 10-FAKTOR ----------------------------------------------------------------------------------
  {
    table: 'ten_factor_actions',
    part: 'tenFactor',
    label: '10-FAKTOR actions',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: {
      factor: 'Factor',
      description: 'Action',
      owner: 'Responsible',
      deadline: 'Deadline',
      status: 'Status',
    },
    note: 'The leader’s actions and their notes are deleted.',
  },
  {
    table: 'ten_factor_choices',
    part: 'tenFactor',
    label: '10-FAKTOR factors chosen',
    refs: [{ column: 'participant_id', key: 'participant', erase: 'delete' }],
    exportColumns: { keep_factor: 'Keep', improve_factor: 'Improve', updated_at: 'Chosen' },
    note: 'The leader’s choices are deleted.',
  },
  {
    table: 'ten_factor_links',
    part: 'tenFactor',
    label: '10-FAKTOR unit',
    refs: [
      { column: 'participant_id', key: 'participant', erase: 'delete' },
      { column: 'set_by_user_id', key: 'user', erase: 'null' },
    ],
    exportColumns: { unit_name: 'Unit', set_at: 'Linked' },
    note: 'The link from the leader to their unit is deleted.',
  },
  {
    table: 'ten_factor_imports',
    part: 'tenFactor',
    label: '10-FAKTOR imports made',
    refs: [{ column: 'created_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { file_name: 'File', created_at: 'Imported' },
    note: 'Imports stay; who made them is cleared.',
  },
  {
    table: 'ten_factor_settings',
    part: 'tenFactor',
    label: '10-FAKTOR settings changed',
    refs: [{ column: 'updated_by_user_id', key: 'user', erase: 'null' }],
    exportColumns: { enabled: 'On', updated_at: 'Changed' },
    note: 'Settings stay; who changed them is cleared.',
  },
  // --- programmes and the account (last: others point at them) ------------------------------------
  {
    table: 'participants',
    part: 'programmes',
    label: 'Participation in programmes',
    refs: [
      { column: 'user_id', key: 'user', erase: 'keepAnonymised', blank: PARTICIPANT_BLANK },
      { column: 'reports_to_id', key: 'participant', erase: 'null', export: false },
    ],
    exportColumns: {
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
    },
    note: 'The participant row stays without name, e-mail or any other detail, so that the programme’s counts and the coaching it was billed for add up; everything else about the person is gone.',
  },
  {
    table: 'memberships',
    part: 'programmes',
    label: 'Roles',
    refs: [{ column: 'user_id', key: 'user', erase: 'delete' }],
    exportColumns: {
      role: 'Role',
      client_id: 'Municipality',
      programme_id: 'Programme',
      created_at: 'Given',
    },
    note: 'Every role is removed.',
  },
  {
    table: 'users',
    part: 'account',
    label: 'Account',
    refs: [{ column: 'id', key: 'user', erase: 'delete' }],
    exportColumns: {
      name: 'Name',
      email: 'E-mail',
      locale: 'Language',
      created_at: 'Created',
      last_login_at: 'Last signed in',
      disabled_at: 'Disabled',
    },
    note: 'The account is deleted: the person can no longer sign in.',
  },
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
