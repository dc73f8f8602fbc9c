import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { evaluationStatusEnum } from './evaluations';
import { participants } from './programme';
import { programmes } from './tenancy';

/**
 * The programme's list of themes that leaders rank in their expectations ("which topics matter
 * most to me"). Seeded from the gatherings' themes when the expectation round is first made; the
 * staff edit it (add, rename, reorder, remove).
 */
export const programmeThemes = pgTable(
  'programme_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => programmes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('programme_themes_programme_idx').on(t.programmeId),
    check('programme_themes_title_length', sql`char_length(${t.title}) BETWEEN 1 AND 200`),
  ],
);

/**
 * The expectation round ("forventningsavklaring") of a programme: one per programme. Closing is
 * final for the same reason as for the gathering evaluations: the aggregate is released at close,
 * and showing it again after one more answer or edit would let anyone difference the two.
 */
export const expectationRounds = pgTable('expectation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  programmeId: uuid('programme_id')
    .notNull()
    .unique('expectation_rounds_programme_unique')
    .references(() => programmes.id, { onDelete: 'cascade' }),
  status: evaluationStatusEnum('status').notNull().default('draft'),
  openedAt: timestamp('opened_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  /** The Oslo day of the last reminder round (claimed atomically, so at most one a day). */
  lastRemindedOn: date('last_reminded_on'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One leader's expectations. NOT anonymous (the leader sees and edits their own while the round
 * is open), but confidential: no one but its author reads it; everybody else gets the aggregate.
 */
export const expectationAnswers = pgTable(
  'expectation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => expectationRounds.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
    /** "What do I need?" */
    needs: text('needs'),
    /** "What do I expect to get out of the programme?" */
    expectations: text('expectations'),
    /** Own topics beyond the programme's themes, one per element. */
    ownTopics: text('own_topics')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('expectation_answers_round_participant').on(t.roundId, t.participantId),
    check(
      'expectation_answers_text_length',
      sql`coalesce(char_length(${t.needs}), 0) <= 2000 AND coalesce(char_length(${t.expectations}), 0) <= 2000`,
    ),
  ],
);

/** A leader's ranking of the programme's themes: rank 1 matters most. A subset may be ranked. */
export const expectationThemeRanks = pgTable(
  'expectation_theme_ranks',
  {
    answerId: uuid('answer_id')
      .notNull()
      .references(() => expectationAnswers.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => programmeThemes.id, { onDelete: 'cascade' }),
    rank: smallint('rank').notNull(),
  },
  (t) => [
    primaryKey({ name: 'expectation_theme_ranks_pk', columns: [t.answerId, t.themeId] }),
    unique('expectation_theme_ranks_answer_rank').on(t.answerId, t.rank),
    check('expectation_theme_ranks_rank_positive', sql`${t.rank} >= 1`),
  ],
);

export const metEnum = pgEnum('expectation_met', ['met', 'partly', 'not_met']);
export const continueEnum = pgEnum('continue_programme', ['yes', 'no', 'unsure']);

/**
 * The overall programme evaluation after the last gathering: one per programme, anonymous like
 * the gathering evaluations (see the evaluations table for why closing is final).
 */
export const overallEvaluations = pgTable(
  'overall_evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    programmeId: uuid('programme_id')
      .notNull()
      .unique('overall_evaluations_programme_unique')
      .references(() => programmes.id, { onDelete: 'cascade' }),
    status: evaluationStatusEnum('status').notNull().default('draft'),
    /** Null: the programme's threshold. */
    anonymityThreshold: integer('anonymity_threshold'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closesAt: timestamp('closes_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The Oslo day of the last reminder round (claimed atomically, so at most one a day). */
    lastRemindedOn: date('last_reminded_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'overall_evaluations_threshold_min',
      sql`${t.anonymityThreshold} IS NULL OR ${t.anonymityThreshold} >= 3`,
    ),
  ],
);

/**
 * One anonymous overall answer: NO user, participant, session or exact time (random uuid key, the
 * day only). The per-part ratings are null when the leader marks a part "not applicable".
 */
export const overallEvaluationAnswers = pgTable(
  'overall_evaluation_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    overallEvaluationId: uuid('overall_evaluation_id')
      .notNull()
      .references(() => overallEvaluations.id, { onDelete: 'cascade' }),
    overall: smallint('overall').notNull(),
    gatherings: smallint('gatherings'),
    networkGroups: smallint('network_groups'),
    coaching: smallint('coaching'),
    developmentProject: smallint('development_project'),
    leadershipPlatform: smallint('leadership_platform'),
    expectationsMet: metEnum('expectations_met').notNull(),
    continueProgramme: continueEnum('continue_programme').notNull(),
    /** "What has been most valuable to you?" */
    valuable: text('valuable'),
    /** "What should be done differently if the programme continues?" */
    improve: text('improve'),
    submittedOn: date('submitted_on').notNull(),
  },
  (t) => [
    index('overall_evaluation_answers_eval_idx').on(t.overallEvaluationId),
    check(
      'overall_evaluation_answers_ratings',
      sql`${t.overall} BETWEEN 1 AND 5 AND coalesce(${t.gatherings}, 1) BETWEEN 1 AND 5 AND coalesce(${t.networkGroups}, 1) BETWEEN 1 AND 5 AND coalesce(${t.coaching}, 1) BETWEEN 1 AND 5 AND coalesce(${t.developmentProject}, 1) BETWEEN 1 AND 5 AND coalesce(${t.leadershipPlatform}, 1) BETWEEN 1 AND 5`,
    ),
    check(
      'overall_evaluation_answers_text_length',
      sql`coalesce(char_length(${t.valuable}), 0) <= 2000 AND coalesce(char_length(${t.improve}), 0) <= 2000`,
    ),
  ],
);

/**
 * "Was this theme met?" for each of the leader's own top themes, stored APART from the answer
 * (no answer id): a set of three themes is close to a fingerprint of the person who ranked them,
 * so tying it to the answer row would let anyone holding the expectations re-identify the answer.
 * A row says only "someone judged theme X met / partly / not met".
 */
export const overallEvaluationThemeJudgements = pgTable(
  'overall_evaluation_theme_judgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    overallEvaluationId: uuid('overall_evaluation_id')
      .notNull()
      .references(() => overallEvaluations.id, { onDelete: 'cascade' }),
    themeId: uuid('theme_id')
      .notNull()
      .references(() => programmeThemes.id, { onDelete: 'cascade' }),
    met: metEnum('met').notNull(),
  },
  (t) => [index('overall_evaluation_theme_judgements_eval_idx').on(t.overallEvaluationId)],
);

/** THAT a leader has answered the overall evaluation — never what, never when. */
export const overallEvaluationParticipations = pgTable(
  'overall_evaluation_participations',
  {
    overallEvaluationId: uuid('overall_evaluation_id')
      .notNull()
      .references(() => overallEvaluations.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({
      name: 'overall_evaluation_participations_pk',
      columns: [t.overallEvaluationId, t.participantId],
    }),
  ],
);
