import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type {
  RetentionConfirmationRequired,
  RetentionSaveResult,
  RetentionView,
} from '../../src/contracts/retention';
import { applyRetention, findDueRetention, runRetentionJob } from '../../src/services/retention/retention';
import { RETENTION_BODY_MARKER } from '../../src/services/retention/targets';
import { createClient, createProgramme, createTenant, createUserWithRole } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Retention per programme: the preview counts exactly what a deletion removes, a deletion touches
// only due categories of its own programme and is done once, free text goes while ratings stay,
// mail still waiting is sent as written, and only the provider admin changes the policy.

const ctx = useTestApp();
const uniq = () => randomUUID().slice(0, 8);

async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result: unknown = await ctx().database.db.execute(query);
  return (result as { rows: T[] }).rows;
}
const exec = (query: SQL) => ctx().database.db.execute(query);
const one = async (query: SQL) => (await rowsOf<{ id: string }>(query))[0]!.id;
const countOf = async (query: SQL) => Number((await rowsOf<{ n: string | number }>(query))[0]!.n);

const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });
const send = (who: LoggedIn, method: 'POST' | 'PUT', url: string, body: unknown) =>
  ctx().app.inject({ method, url, payload: body as object, headers: who.headers(true) });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

// The programme ends 2027-03-31 (nothing is scheduled later): e-mail bodies are due 2027-06-30
// (3 months), coaching notes 2027-09-30 (6), projects, group notes, practice work and
// self-assessments 2028-03-31 (12), survey free text 2029-03-31 (24).
const ENDS_ON = '2027-03-31';

/** Something in every category of the programme, and mail that must survive. */
async function fill(programmeId: string, providerId: string, gatheringId: string, advisorId: string) {
  const [participant] = await rowsOf<{ id: string; user_id: string }>(
    sql`select id, user_id from participants where programme_id = ${programmeId} limit 1`,
  );
  const pid = participant!.id;
  const session = await one(sql`
    insert into coaching_sessions (programme_id, advisor_user_id, participant_id, number, starts_at, ends_at, status)
    values (${programmeId}, ${advisorId}, ${pid}, 1, '2027-03-01T09:00:00Z', '2027-03-01T10:00:00Z', 'held') returning id`);
  await exec(
    sql`insert into coaching_notes (session_id, author_user_id, body) values (${session}, ${advisorId}, 'Privat notat')`,
  );
  await exec(sql`insert into coaching_reflections (session_id, participant_id, preparation, reflection)
    values (${session}, ${pid}, 'Forberedelse', 'Refleksjon')`);

  const project = await one(sql`
    insert into dev_projects (programme_id, participant_id, title, goal, dimensions, success_criteria)
    values (${programmeId}, ${pid}, 'Prosjekt', 'Mål', '{task}', 'Kriterium') returning id`);
  await exec(sql`insert into dev_project_entries (project_id, entry_date, tried) values
    (${project}, '2027-02-10', 'Prøvde A'), (${project}, '2027-03-10', 'Prøvde B')`);
  await exec(
    sql`insert into dev_project_shares (project_id, advisor_user_id) values (${project}, ${advisorId})`,
  );

  const group = await one(sql`insert into network_groups (programme_id, number, name)
    values (${programmeId}, 1, 'Gruppe 1') returning id`);
  const meeting = await one(sql`
    insert into network_meetings (programme_id, group_id, number, starts_at, ends_at, status)
    values (${programmeId}, ${group}, 1, '2027-03-15T08:00:00Z', '2027-03-15T10:30:00Z', 'held') returning id`);
  await exec(
    sql`insert into network_meeting_notes (meeting_id, text, version) values (${meeting}, 'Referat v2', 2)`,
  );
  await exec(sql`insert into network_meeting_note_versions (meeting_id, version, text) values
    (${meeting}, 1, 'Referat v1'), (${meeting}, 2, 'Referat v2')`);
  const poll = await one(
    sql`insert into group_polls (programme_id, group_id) values (${programmeId}, ${group}) returning id`,
  );
  const slot = await one(sql`insert into group_poll_slots (poll_id, starts_at, ends_at)
    values (${poll}, '2027-03-20T08:00:00Z', '2027-03-20T10:00:00Z') returning id`);
  await exec(
    sql`insert into group_poll_votes (slot_id, participant_id, answer) values (${slot}, ${pid}, 'yes')`,
  );

  await exec(sql`insert into practice_cases (programme_id, gathering_id, participant_id, title, description)
    values (${programmeId}, ${gatheringId}, ${pid}, 'Case', 'Beskrivelse')`);
  await exec(sql`insert into interim_work (programme_id, gathering_id, group_focus, individual_focus)
    values (${programmeId}, ${gatheringId}, 'Gruppefokus', 'Individuelt')`);

  const evaluation = await one(sql`insert into evaluations (programme_id, gathering_id, status)
    values (${programmeId}, ${gatheringId}, 'closed') returning id`);
  await exec(sql`insert into evaluation_answers (evaluation_id, overall, relevance, tools, facilitation, good, better, submitted_on) values
    (${evaluation}, 5, 4, 4, 5, 'Bra', 'Mer pause', '2027-02-01'),
    (${evaluation}, 3, 3, 3, 3, null, null, '2027-02-01')`);
  const overall = await one(sql`insert into overall_evaluations (programme_id, status)
    values (${programmeId}, 'closed') returning id`);
  await exec(sql`insert into overall_evaluation_answers (overall_evaluation_id, overall, expectations_met, continue_programme, valuable, submitted_on)
    values (${overall}, 4, 'met', 'yes', 'Nettverket', '2027-03-30')`);
  const round = await one(
    sql`insert into expectation_rounds (programme_id, status) values (${programmeId}, 'closed') returning id`,
  );
  await exec(sql`insert into expectation_answers (round_id, participant_id, needs, own_topics)
    values (${round}, ${pid}, 'Verktøy', '{Tillit}')`);

  await exec(
    sql`insert into self_assessments (programme_id, instrument_version, items) values (${programmeId}, 1, '[]'::jsonb)`,
  );
  const phase = await one(sql`insert into self_assessment_phases (programme_id, phase, status, opened_at)
    values (${programmeId}, 'start', 'closed', now()) returning id`);
  await exec(sql`insert into self_assessment_responses (phase_id, participant_id, answers, updated_at)
    values (${phase}, ${pid}, '{"q1": 4}'::jsonb, now())`);
  const saRound = await one(sql`insert into self_assessment_rounds (phase_id, participant_id, status, invited)
    values (${phase}, ${pid}, 'closed', 2) returning id`);
  await exec(sql`insert into self_assessment_rating_tokens (round_id, token_hash, locale) values
    (${saRound}, ${uniq() + uniq()}, 'nb'), (${saRound}, ${uniq() + uniq()}, 'nb')`);
  await exec(
    sql`insert into self_assessment_ratings (round_id, answers) values (${saRound}, '{"q1": 3}'::jsonb)`,
  );

  const mail = (status: string, programme: string | null) => sql`
    insert into email_outbox (provider_id, programme_id, kind, to_address, subject, text_body, html_body, message_id, status)
    values (${providerId}, ${programme}, 'plan_invitation', 'leder@kommune.test', 'Invitasjon', 'Hei, her er planen', '<p>Hei</p>',
            ${`<${uniq()}@lp.test>`}, ${status}) returning id`;
  const sent = await one(mail('sent', programmeId));
  await exec(sql`insert into email_attachments (outbox_id, filename, content_type, content)
    values (${sent}, 'plan.ics', 'text/calendar', 'BEGIN:VCALENDAR')`);
  await one(mail('failed', programmeId));
  const pending = await one(mail('pending', programmeId));
  const unrelated = await one(mail('sent', null));
  return { sent, pending, unrelated, participantId: pid };
}

/** What each category would delete in the programme filled above. */
const FILLED = {
  coachingNotes: { coaching_notes: 1, coaching_reflections: 1 },
  devProjects: { dev_project_entries: 2, dev_project_shares: 1, dev_projects: 1 },
  networkNotes: { network_meeting_notes: 1, network_meeting_note_versions: 2, group_poll_votes: 1 },
  practiceWork: { practice_cases: 1, interim_work: 1 },
  surveyFreeText: { evaluation_answers: 1, overall_evaluation_answers: 1, expectation_answers: 1 },
  selfAssessments: {
    self_assessment_responses: 1,
    self_assessment_ratings: 1,
    self_assessment_rating_tokens: 2,
  },
  emailBodies: { email_attachments: 1, email_outbox: 2 },
};

/** A filled tenant; the clock set to `now` before logging in (sessions expire when it moves far). */
async function setUp(opts: { endsOn?: string | null; now?: string } = {}) {
  const { app, database } = ctx();
  at(opts.now ?? '2027-05-01T10:00:00Z');
  const db = database.db;
  const t = await createTenant(db);
  const endsOn = opts.endsOn === undefined ? ENDS_ON : opts.endsOn;
  await exec(
    sql`update programmes set starts_on = '2027-01-01', ends_on = ${endsOn} where id = ${t.programme.id}`,
  );
  const filled = await fill(t.programme.id, t.provider.id, t.gathering.id, t.users.advisor.id);
  const [admin, advisor, clientAdmin, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  return {
    t,
    db,
    filled,
    admin,
    advisor,
    clientAdmin,
    participant,
    url: `/api/programmes/${t.programme.id}/retention`,
  };
}

/** Every table's rows of the programme, for "nothing else changed". */
async function snapshot(programmeId: string) {
  const tables = await Promise.all(
    Object.values(FILLED)
      .flatMap((c) => Object.keys(c))
      .map(
        async (table) =>
          [table, await countOf(sql`select count(*) as n from ${sql.identifier(table)}`)] as const,
      ),
  );
  const [texts] = await rowsOf<Record<string, string | null>>(sql`
    select (select string_agg(coalesce(good, '-'), ',' order by good) from evaluation_answers a join evaluations e on e.id = a.evaluation_id where e.programme_id = ${programmeId}) as good,
           (select string_agg(text_body, ',' order by id) from email_outbox where programme_id = ${programmeId}) as bodies`);
  return { tables: Object.fromEntries(tables), texts };
}

const at = (iso: string) => {
  ctx().clock.now = new Date(iso);
  return ctx().clock.now;
};

describe('the preview', () => {
  it('gives every category its due date from the programme’s end and counts exactly what it would delete', async () => {
    const s = await setUp();
    const view = ok<RetentionView>(await get(s.admin, s.url));
    expect(view.end).toBe(ENDS_ON);
    expect(view.canEdit).toBe(true);
    expect(Object.fromEntries(view.categories.map((c) => [c.id, c.dueOn]))).toEqual({
      coachingNotes: '2027-09-30',
      devProjects: '2028-03-31',
      networkNotes: '2028-03-31',
      practiceWork: '2028-03-31',
      surveyFreeText: '2029-03-31',
      selfAssessments: '2028-03-31',
      emailBodies: '2027-06-30',
    });
    expect(view.categories.every((c) => !c.dueNow && !c.pending)).toBe(true);
    expect(Object.fromEntries(view.categories.map((c) => [c.id, c.counts]))).toEqual(FILLED);
    expect(view.history).toEqual([]);
  });

  it('a programme without an end date has nothing due, however long ago its last gathering was', async () => {
    const s = await setUp({ endsOn: null, now: '2035-01-01T10:00:00Z' });
    const view = ok<RetentionView>(await get(s.admin, s.url));
    expect(view.end).toBeNull();
    expect(view.categories.every((c) => c.dueOn === null && !c.dueNow)).toBe(true);
    expect((await findDueRetention(s.db, ctx().clock.now)).map((p) => p.programmeId)).not.toContain(
      s.t.programme.id,
    );
  });

  it('a network meeting after the planned end moves the end (and every due date) later', async () => {
    const s = await setUp({ now: '2027-07-15T10:00:00Z' });
    const [group] = await rowsOf<{ id: string }>(
      sql`select id from network_groups where programme_id = ${s.t.programme.id}`,
    );
    await exec(sql`insert into network_meetings (programme_id, group_id, number, starts_at, ends_at, facilitated)
      values (${s.t.programme.id}, ${group!.id}, 2, '2027-08-20T08:00:00Z', '2027-08-20T10:00:00Z', false)`);
    const view = ok<RetentionView>(await get(s.admin, s.url));
    expect([view.endsOn, view.lastEventOn, view.end]).toEqual([ENDS_ON, '2027-08-20', '2027-08-20']);
    expect(view.categories.find((c) => c.id === 'emailBodies')!.dueOn).toBe('2027-11-20');
  });
});

describe('applying retention', () => {
  it('deletes exactly what the preview counted, only in due categories and only in its programme, once', async () => {
    const s = await setUp({ now: '2027-10-01T10:00:00Z' });
    // A second programme of the same provider, ended as long ago, with a longer policy for nothing.
    const other = await createProgramme(s.db, s.t.provider.id, s.t.client.id);
    await exec(sql`update programmes set ends_on = ${ENDS_ON} where id = ${other.id}`);
    const otherGathering =
      await one(sql`insert into gatherings (programme_id, number, theme, starts_at, ends_at)
      values (${other.id}, 1, 'Samling', '2027-02-01T08:00:00Z', '2027-02-01T15:00:00Z') returning id`);
    await createUserWithRole(s.db, 'participant', {
      id: other.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    await fill(other.id, s.t.provider.id, otherGathering, s.t.users.advisor.id);
    // The other programme keeps its coaching notes 36 months: due in 2030.
    await exec(
      sql`insert into programme_retention (programme_id, category, months) values (${other.id}, 'coachingNotes', 36)`,
    );

    const now = ctx().clock.now;
    const preview = ok<RetentionView>(await get(s.admin, s.url));
    const pending = preview.categories.filter((c) => c.pending);
    expect(pending.map((c) => c.id)).toEqual(['coachingNotes', 'emailBodies']);
    const before = await snapshot(s.t.programme.id);

    const runs = await applyRetention(s.db, s.t.programme.id, now);
    expect(runs.map((r) => [r.category, r.dueOn, r.counts])).toEqual([
      ['coachingNotes', '2027-09-30', FILLED.coachingNotes],
      ['emailBodies', '2027-06-30', FILLED.emailBodies],
    ]);
    // What the preview said is what went.
    for (const c of pending) expect(runs.find((r) => r.category === c.id)!.counts).toEqual(c.counts);
    const after = await snapshot(s.t.programme.id);
    // Rows gone: the coaching notes and reflections and the attachment; the mail rows stay, cleared.
    const removed: Record<string, number> = {
      coaching_notes: 1,
      coaching_reflections: 1,
      email_attachments: 1,
    };
    for (const [table, n] of Object.entries(before.tables))
      expect(after.tables[table], table).toBe(n - (removed[table] ?? 0));
    expect(after.texts!.good).toBe(before.texts!.good);
    expect(after.texts!.bodies).not.toBe(before.texts!.bodies);
    // Not-due categories of this programme, and the whole other programme, are untouched.
    const view = ok<RetentionView>(await get(s.admin, s.url));
    for (const c of view.categories) {
      if (c.id === 'coachingNotes') expect(c.total).toBe(0);
      else if (c.id === 'emailBodies') expect(c.total).toBe(0);
      else expect(c.counts).toEqual(FILLED[c.id]);
    }
    const admin = s.admin;
    const otherView = ok<RetentionView>(await get(admin, `/api/programmes/${other.id}/retention`));
    expect(Object.fromEntries(otherView.categories.map((c) => [c.id, c.counts]))).toEqual(FILLED);

    // Twice: nothing more, no second record.
    expect(await applyRetention(s.db, s.t.programme.id, now)).toEqual([]);
    expect(
      await countOf(sql`select count(*) as n from retention_runs where programme_id = ${s.t.programme.id}`),
    ).toBe(2);
    expect(view.history.map((h) => h.category).sort()).toEqual(['coachingNotes', 'emailBodies']);
  });

  it('clears e-mail bodies that have left, keeps recipient and subject, and leaves waiting and other mail alone', async () => {
    const s = await setUp();
    await applyRetention(s.db, s.t.programme.id, at('2027-07-01T10:00:00Z'));
    const mails = await rowsOf<{
      id: string;
      to_address: string;
      subject: string;
      text_body: string;
      html_body: string | null;
    }>(
      sql`select id::text, to_address, subject, text_body, html_body from email_outbox where id in (${s.filled.sent}, ${s.filled.pending}, ${s.filled.unrelated})`,
    );
    const byId = Object.fromEntries(mails.map((m) => [m.id, m]));
    expect(byId[s.filled.sent]).toMatchObject({
      to_address: 'leder@kommune.test',
      subject: 'Invitasjon',
      text_body: RETENTION_BODY_MARKER,
      html_body: null,
    });
    expect(byId[s.filled.pending]).toMatchObject({
      text_body: 'Hei, her er planen',
      html_body: '<p>Hei</p>',
    });
    expect(byId[s.filled.unrelated]).toMatchObject({ text_body: 'Hei, her er planen' });
    expect(
      await countOf(sql`select count(*) as n from email_attachments where outbox_id = ${s.filled.sent}`),
    ).toBe(0);
  });

  it('clears free text in the surveys and keeps the ratings and answers for the report', async () => {
    const s = await setUp({ now: '2029-04-01T10:00:00Z' });
    await applyRetention(s.db, s.t.programme.id, ctx().clock.now);
    const answers = await rowsOf<{ overall: number; good: string | null; better: string | null }>(sql`
      select a.overall, a.good, a.better from evaluation_answers a join evaluations e on e.id = a.evaluation_id
      where e.programme_id = ${s.t.programme.id} order by a.overall`);
    expect(answers).toEqual([
      { overall: 3, good: null, better: null },
      { overall: 5, good: null, better: null },
    ]);
    const [overall] = await rowsOf<{
      overall: number;
      valuable: string | null;
      expectations_met: string;
    }>(sql`
      select a.overall, a.valuable, a.expectations_met from overall_evaluation_answers a
      join overall_evaluations o on o.id = a.overall_evaluation_id where o.programme_id = ${s.t.programme.id}`);
    expect(overall).toEqual({ overall: 4, valuable: null, expectations_met: 'met' });
    const [expectation] = await rowsOf<{ needs: string | null; own_topics: string[] }>(sql`
      select needs, own_topics from expectation_answers where participant_id = ${s.filled.participantId}`);
    expect(expectation).toEqual({ needs: null, own_topics: [] });
    // Everything is due by now: every category applied, each once, with counts.
    const view = ok<RetentionView>(await get(s.admin, s.url));
    expect(view.categories.every((c) => c.total === 0 && !c.pending)).toBe(true);
    expect(view.history).toHaveLength(7);
    // The self-assessment round (who invited how many) stays; its answers and links go.
    expect(
      await countOf(
        sql`select count(*) as n from self_assessment_rounds where participant_id = ${s.filled.participantId}`,
      ),
    ).toBe(1);
  });

  it('writes one audit entry with counts and due dates, never content', async () => {
    const s = await setUp();
    await applyRetention(s.db, s.t.programme.id, at('2027-10-01T10:00:00Z'));
    const audit = await rowsOf<{
      action: string;
      actor_user_id: string | null;
      details: Record<string, unknown>;
    }>(sql`
      select action, actor_user_id, details from audit_log where programme_id = ${s.t.programme.id} and action like 'retention.%'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.action).toBe('retention.applied');
    expect(audit[0]!.actor_user_id).toBeNull();
    expect(audit[0]!.details).toEqual({
      source: 'job',
      categories: {
        coachingNotes: { dueOn: '2027-09-30', counts: FILLED.coachingNotes },
        emailBodies: { dueOn: '2027-06-30', counts: FILLED.emailBodies },
      },
    });
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Privat notat|Hei, her er planen/);
  });

  it('the job applies every programme with something due; run twice at once, each category is applied once', async () => {
    const s = await setUp();
    const now = at('2027-10-01T10:00:00Z');
    const due = await findDueRetention(s.db, now);
    const mine = due.find((p) => p.programmeId === s.t.programme.id)!;
    expect(mine.categories.map((c) => [c.category, c.total])).toEqual([
      ['coachingNotes', 2],
      ['emailBodies', 3],
    ]);
    const [a, b] = await Promise.all([runRetentionJob(s.db, now), runRetentionJob(s.db, now)]);
    const applied = [...a, ...b].filter((r) => r.programmeId === s.t.programme.id).flatMap((r) => r.runs);
    expect(applied.map((r) => r.category).sort()).toEqual(['coachingNotes', 'emailBodies']);
    expect(
      await countOf(sql`select count(*) as n from retention_runs where programme_id = ${s.t.programme.id}`),
    ).toBe(2);
    expect((await findDueRetention(s.db, now)).some((p) => p.programmeId === s.t.programme.id)).toBe(false);
  });

  it('a category applied once is applied again when a later end makes it due on a later day', async () => {
    const s = await setUp();
    await applyRetention(s.db, s.t.programme.id, at('2027-07-01T10:00:00Z'));
    // The programme is extended; new mail is sent and then the new due date passes.
    await exec(sql`update programmes set ends_on = '2027-12-31' where id = ${s.t.programme.id}`);
    await exec(sql`insert into email_outbox (provider_id, programme_id, kind, to_address, subject, text_body, message_id, status)
      values (${s.t.provider.id}, ${s.t.programme.id}, 'plan_reminder', 'leder@kommune.test', 'Påminnelse', 'Ny tekst', ${`<${uniq()}@lp.test>`}, 'sent')`);
    expect(await applyRetention(s.db, s.t.programme.id, at('2028-03-30T10:00:00Z'))).toEqual([]);
    const runs = await applyRetention(s.db, s.t.programme.id, at('2028-03-31T10:00:00Z'));
    expect(runs.map((r) => [r.category, r.dueOn, r.total])).toEqual([['emailBodies', '2028-03-31', 1]]);
  });
});

describe('saving the policy', () => {
  it('refuses months outside the category’s bounds and “keep” where it is not allowed, naming the field', async () => {
    const s = await setUp();
    at('2027-05-01T10:00:00Z');
    for (const [months, field] of [
      [{ coachingNotes: 37 }, 'months.coachingNotes'],
      [{ coachingNotes: null }, 'months.coachingNotes'],
      [{ emailBodies: null }, 'months.emailBodies'],
      [{ devProjects: 61 }, 'months.devProjects'],
    ] as const) {
      const res = await send(s.admin, 'PUT', s.url, { months });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { field: string } }>().error.field).toBe(field);
    }
    for (const body of [
      { months: { devProjects: 1.5 } },
      { months: { unknown: 3 } },
      { months: { devProjects: '3' } },
      {},
    ]) {
      expect((await send(s.admin, 'PUT', s.url, body)).statusCode).toBe(400);
    }
    expect(
      await countOf(
        sql`select count(*) as n from programme_retention where programme_id = ${s.t.programme.id}`,
      ),
    ).toBe(0);
  });

  it('a longer period or “keep” is saved and audited without deleting anything', async () => {
    const s = await setUp();
    at('2027-05-01T10:00:00Z');
    const saved = ok<RetentionSaveResult>(
      await send(s.admin, 'PUT', s.url, { months: { devProjects: null, coachingNotes: 12 } }),
    );
    expect(saved.applied).toEqual([]);
    const cats = Object.fromEntries(saved.view.categories.map((c) => [c.id, c]));
    expect([cats.devProjects!.months, cats.devProjects!.dueOn]).toEqual([null, null]);
    expect([cats.coachingNotes!.months, cats.coachingNotes!.dueOn]).toEqual([12, '2028-03-31']);
    const [audit] = await rowsOf<{ details: Record<string, unknown> }>(sql`
      select details from audit_log where programme_id = ${s.t.programme.id} and action = 'retention.policy_changed'`);
    expect(audit!.details).toEqual({
      coachingNotes: { from: 6, to: 12 },
      devProjects: { from: 12, to: null },
    });
  });

  it('a shorter period that deletes data now needs an explicit confirmation; then it deletes at once', async () => {
    const s = await setUp();
    at('2027-05-01T10:00:00Z');
    // The preview of the change shows what would go, and changes nothing.
    const preview = ok<RetentionView>(
      await send(s.admin, 'POST', `${s.url}/preview`, { months: { coachingNotes: 0, practiceWork: 1 } }),
    );
    expect(preview.categories.filter((c) => c.pending).map((c) => [c.id, c.total])).toEqual([
      ['coachingNotes', 2],
      ['practiceWork', 2],
    ]);
    const refused = await send(s.admin, 'PUT', s.url, { months: { coachingNotes: 0, practiceWork: 1 } });
    expect(refused.statusCode).toBe(409);
    const body = refused.json<RetentionConfirmationRequired>();
    expect(body.error.field).toBe('confirmDeletion');
    expect(body.toDelete).toEqual([
      { category: 'coachingNotes', total: 2 },
      { category: 'practiceWork', total: 2 },
    ]);
    expect(
      await countOf(
        sql`select count(*) as n from programme_retention where programme_id = ${s.t.programme.id}`,
      ),
    ).toBe(0);
    expect(await countOf(sql`select count(*) as n from coaching_notes`)).toBeGreaterThan(0);

    const saved = ok<RetentionSaveResult>(
      await send(s.admin, 'PUT', s.url, {
        months: { coachingNotes: 0, practiceWork: 1 },
        confirmDeletion: true,
      }),
    );
    expect(saved.applied.map((r) => [r.category, r.source, r.total])).toEqual([
      ['coachingNotes', 'policy', 2],
      ['practiceWork', 'policy', 2],
    ]);
    expect(saved.view.history).toHaveLength(2);
    const [audit] = await rowsOf<{ actor_user_id: string }>(sql`
      select actor_user_id from audit_log where programme_id = ${s.t.programme.id} and action = 'retention.applied'`);
    expect(audit!.actor_user_id).toBe(s.t.users.providerAdmin.id);
  });
});

describe('who may see and change the policy', () => {
  it('the provider admin reads and changes it; the client admin reads it only; advisors and leaders get 403', async () => {
    const s = await setUp();
    at('2027-05-01T10:00:00Z');
    const body = { months: { devProjects: 24 } };
    expect((await get(s.admin, s.url)).statusCode).toBe(200);
    const client = ok<RetentionView>(await get(s.clientAdmin, s.url));
    expect(client.canEdit).toBe(false);
    expect((await send(s.clientAdmin, 'POST', `${s.url}/preview`, body)).statusCode).toBe(200);
    expect((await send(s.clientAdmin, 'PUT', s.url, body)).statusCode).toBe(403);
    for (const who of [s.advisor, s.participant]) {
      expect((await get(who, s.url)).statusCode).toBe(403);
      expect((await send(who, 'POST', `${s.url}/preview`, body)).statusCode).toBe(403);
      expect((await send(who, 'PUT', s.url, { ...body, confirmDeletion: true })).statusCode).toBe(403);
    }
    expect(
      await countOf(
        sql`select count(*) as n from programme_retention where programme_id = ${s.t.programme.id}`,
      ),
    ).toBe(0);
  });

  it('outside the tenancy the programme does not exist: another provider, another municipality, an advisor not staffed', async () => {
    const s = await setUp();
    const { app } = ctx();
    const elsewhere = await createTenant(s.db);
    const otherClient = await createClient(s.db, s.t.provider.id);
    const otherProgramme = await createProgramme(s.db, s.t.provider.id, otherClient.id);
    const p = { id: otherProgramme.id, providerId: s.t.provider.id, clientId: otherClient.id };
    const otherClientAdmin = await createUserWithRole(s.db, 'client_admin', p);
    const unstaffed = await createUserWithRole(s.db, 'advisor', p);
    for (const user of [
      elsewhere.users.providerAdmin,
      elsewhere.users.clientAdmin,
      otherClientAdmin,
      unstaffed,
    ]) {
      const who = await logInAs(app, user.email);
      expect((await get(who, s.url)).statusCode, user.email).toBe(404);
      expect(
        (await send(who, 'PUT', s.url, { months: { emailBodies: 0 }, confirmDeletion: true })).statusCode,
      ).toBe(404);
    }
    expect((await app.inject({ method: 'GET', url: s.url })).statusCode).toBe(401);
    expect((await get(s.admin, `/api/programmes/${randomUUID()}/retention`)).statusCode).toBe(404);
    expect((await get(s.admin, `/api/programmes/not-a-uuid/retention`)).statusCode).toBe(400);
    expect(
      await countOf(sql`select count(*) as n from retention_runs where programme_id = ${s.t.programme.id}`),
    ).toBe(0);
  });
});
