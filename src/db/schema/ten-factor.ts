import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  boolean,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { participants } from './programme';
import { programmes } from './tenancy';
import { users } from './users';

/**
 * KS 10-FAKTOR follow-up (optional per programme). A survey's results per unit are imported from
 * the municipality's file; units below the anonymity threshold are stored but never shown (the
 * services filter through src/domain/ten-factor). Each leader is linked to a unit, picks one factor
 * to keep and one to improve, and records actions with follow-up notes.
 */
export const tenFactorSettings = pgTable('ten_factor_settings', {
  programmeId: uuid('programme_id')
    .primaryKey()
    .references(() => programmes.id, { onDelete: 'cascade' }),
  enabled: boolean('enabled').notNull().default(false),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** An uploaded file's stored preview, committed (or not) as a survey. */
export const tenFactorImports = pgTable(
  'ten_factor_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** The domain's TenFactorPreview as JSON (validated with the contract when read). */
    preview: jsonb('preview').notNull(),
    status: text('status', { enum: ['preview', 'committed'] })
      .notNull()
      .default('preview'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [index('ten_factor_imports_programme_idx').on(t.programmeId)],
);

/** One survey round ("10-FAKTOR 2026"): a later survey is compared with the earlier ones. */
export const tenFactorSurveys = pgTable(
  'ten_factor_surveys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    label: text('label').notNull(),
    year: integer('year').notNull(),
    /** The file's "municipality total" row: respondents and means (null: none in the file). */
    totalRespondents: integer('total_respondents'),
    totalMeans: jsonb('total_means'),
    importId: uuid('import_id').references(() => tenFactorImports.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('ten_factor_surveys_programme_label').on(t.programmeId, t.label),
    check('ten_factor_surveys_year', sql`${t.year} BETWEEN 2000 AND 2100`),
  ],
);

/** A unit's results in a survey; stored even below the threshold (never shown then). */
export const tenFactorUnits = pgTable(
  'ten_factor_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    surveyId: uuid('survey_id')
      .notNull()
      .references(() => tenFactorSurveys.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** `unitKey(name)`: how leaders are matched to units. */
    nameKey: text('name_key').notNull(),
    respondents: integer('respondents').notNull(),
    /** The ten factor means (1–5) by factor code word; null when the file left them out. */
    means: jsonb('means'),
    rowNumber: integer('row_number').notNull(),
  },
  (t) => [
    unique('ten_factor_units_survey_key').on(t.surveyId, t.nameKey),
    check('ten_factor_units_respondents', sql`${t.respondents} >= 0`),
  ],
);

/**
 * The unit a leader is linked to, when set by hand (by the leader or the staff). Without a row the
 * participant's own `unit` is used. Kept as a name, so the link carries over to later surveys.
 */
export const tenFactorLinks = pgTable('ten_factor_links', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id, { onDelete: 'cascade' }),
  unitName: text('unit_name').notNull(),
  setByUserId: uuid('set_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A leader's choice following KS's guidance: one factor to keep ("ta vare på"), one to improve. */
export const tenFactorChoices = pgTable(
  'ten_factor_choices',
  {
    participantId: uuid('participant_id')
      .primaryKey()
      .references(() => participants.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    keepFactor: text('keep_factor').notNull(),
    improveFactor: text('improve_factor').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ten_factor_choices_programme_idx').on(t.programmeId),
    check('ten_factor_choices_differ', sql`${t.keepFactor} <> ${t.improveFactor}`),
  ],
);

export const tenFactorActionStatusEnum = pgEnum('ten_factor_action_status', [
  'planned',
  'in_progress',
  'done',
]);

/** An action the leader agrees on for a chosen factor: what, who owns it, by when, how far. */
export const tenFactorActions = pgTable(
  'ten_factor_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    factor: text('factor').notNull(),
    description: text('description').notNull(),
    owner: text('owner').notNull(),
    deadline: date('deadline').notNull(),
    status: tenFactorActionStatusEnum('status').notNull().default('planned'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('ten_factor_actions_participant_idx').on(t.participantId),
    index('ten_factor_actions_programme_idx').on(t.programmeId),
  ],
);

/** A dated follow-up note on an action (e.g. from a gathering or a coaching session). */
export const tenFactorActionNotes = pgTable(
  'ten_factor_action_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    actionId: uuid('action_id')
      .notNull()
      .references(() => tenFactorActions.id, { onDelete: 'cascade' }),
    notedOn: date('noted_on').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('ten_factor_action_notes_action_idx').on(t.actionId)],
);
