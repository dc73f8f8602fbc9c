import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { type SQL, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErasurePreview, ErasureResult, PersonalDataExport } from '../../src/contracts/privacy';
import {
  ERASED_MARKER,
  NOT_PERSONAL,
  PERSONISH_COLUMNS,
  PRIVACY_REGISTRY,
} from '../../src/services/privacy/registry';
import { ObjectNotFoundError, createObjectStore } from '../../src/services/storage/index';
import {
  TEST_PASSWORD,
  addRole,
  createClient,
  createProgramme,
  createProvider,
  createTenant,
  createUser,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Privacy operations (GDPR): the registry covers every table that refers to a person (read from the
// live schema, so a part added later breaks the build until it is classified), the export holds
// facts from every part, and the erasure leaves no name or e-mail anywhere while invoicing totals and
// anonymous evaluation answers stay as they were.

const ctx = useTestApp();

const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });
const post = (who: LoggedIn, url: string, body: unknown) =>
  ctx().app.inject({ method: 'POST', url, payload: body as object, headers: who.headers(true) });

function ok<T>(res: LightMyRequestResponse): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

async function rowsOf<T>(query: SQL): Promise<T[]> {
  const result: unknown = await ctx().database.db.execute(query);
  return (result as { rows: T[] }).rows;
}
const exec = (query: SQL) => ctx().database.db.execute(query);

describe('the privacy registry against the live schema', () => {
  it('classifies every column with a foreign key to users or participants', async () => {
    const fks = await rowsOf<{ table_name: string; column_name: string }>(sql`
      select c.conrelid::regclass::text as table_name, a.attname::text as column_name
      from pg_constraint c
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid::regclass::text in ('users', 'participants')`);
    expect(fks.length).toBeGreaterThan(40);
    const missing = fks
      .filter((fk) => {
        const rule = PRIVACY_REGISTRY.find((r) => r.table === fk.table_name);
        return !rule?.refs.some((ref) => ref.column === fk.column_name);
      })
      .map((fk) => `${fk.table_name}.${fk.column_name}`);
    expect(missing, 'add these to src/services/privacy/registry.ts').toEqual([]);
  });

  it('lists every table with a person-ish column (e-mail, phone, ip, *_user_id, participant_id)', async () => {
    const columns = await rowsOf<{ table_name: string; column_name: string }>(sql`
      select table_name::text, column_name::text from information_schema.columns
      where table_schema = 'public'`);
    const personish = columns.filter(
      (c) =>
        (PERSONISH_COLUMNS as readonly string[]).includes(c.column_name) ||
        /(^|_)user_id$|participant_id$|^participant_[ab]$/.test(c.column_name),
    );
    expect(personish.length).toBeGreaterThan(40);
    const missing = personish
      .filter((c) => !NOT_PERSONAL[c.table_name] && !PRIVACY_REGISTRY.some((r) => r.table === c.table_name))
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(missing, 'add these to src/services/privacy/registry.ts').toEqual([]);
    // An id column without a foreign key (the audit trail's) must still be named as a reference.
    const idColumns = personish.filter((c) => /user_id$|participant_id$/.test(c.column_name));
    const unnamed = idColumns
      .filter((c) => {
        const rule = PRIVACY_REGISTRY.find((r) => r.table === c.table_name);
        return !rule?.refs.some((ref) => ref.column === c.column_name);
      })
      .map((c) => `${c.table_name}.${c.column_name}`);
    expect(unnamed).toEqual([]);
  });

  it('names only tables and columns that exist (the erasure builds its SQL from them)', async () => {
    const columns = await rowsOf<{ table_name: string; column_name: string }>(sql`
      select table_name::text, column_name::text from information_schema.columns
      where table_schema = 'public'`);
    const exists = new Set(columns.map((c) => `${c.table_name}.${c.column_name}`));
    const named = PRIVACY_REGISTRY.flatMap((r) =>
      [
        ...r.refs.flatMap((ref) => [ref.column, ...Object.keys(ref.blank ?? {})]),
        ...r.refs
          .flatMap((ref) => (ref.through ? [`${ref.through.table}.${ref.through.column}`] : []))
          .map((qualified) => `@${qualified}`),
        ...Object.keys(r.exportColumns),
        ...Object.keys(r.scrub ?? {}),
      ].map((c) => (c.startsWith('@') ? c.slice(1) : `${r.table}.${c}`)),
    );
    expect(named.filter((n) => !exists.has(n))).toEqual([]);
    // No secret leaves in an export.
    const secret = PRIVACY_REGISTRY.flatMap((r) =>
      Object.keys(r.exportColumns)
        .filter((c) => /hash|token|secret|password|code_verifier|nonce|csrf|storage_key/.test(c))
        .map((c) => `${r.table}.${c}`),
    );
    expect(secret).toEqual([]);
  });
});

const uniq = () => randomUUID().slice(0, 8);

/** A tenant whose participant has left traces in every part, plus an advisor who uploaded a file. */
async function setUp() {
  const { app, database, config } = ctx();
  const db = database.db;
  const t = await createTenant(db);
  const p = { id: t.programme.id, providerId: t.provider.id, clientId: t.client.id };
  const tag = uniq();
  const person = await createUser(db, {
    email: `ingrid.${tag}@kommune.test`,
    name: `Ingrid Testesen${tag}`,
  });
  await addRole(db, person.id, 'participant', p);
  const [{ id: participantId }] = (await rowsOf<{ id: string }>(
    sql`select id from participants where user_id = ${person.id}`,
  )) as [{ id: string }];
  const advisorId = t.users.advisor.id;
  const programmeId = t.programme.id;
  const gatheringId = t.gathering.id;

  // Coaching: one session held and billed (a delivery), one only booked.
  const [held] = await rowsOf<{ id: string }>(sql`
    insert into coaching_sessions (programme_id, advisor_user_id, participant_id, number, starts_at, ends_at, status, mode, meeting_link)
    values (${programmeId}, ${advisorId}, ${participantId}, 1, '2027-01-10T09:00:00Z', '2027-01-10T10:00:00Z', 'held', 'video', 'https://meet.example/ingrid')
    returning id`);
  await exec(sql`
    insert into coaching_sessions (programme_id, advisor_user_id, participant_id, number, starts_at, ends_at, status, mode)
    values (${programmeId}, ${advisorId}, ${participantId}, 2, '2027-03-10T09:00:00Z', '2027-03-10T10:00:00Z', 'booked', 'phone')`);
  await exec(sql`insert into coaching_reflections (session_id, participant_id, preparation, reflection)
    values (${held!.id}, ${participantId}, 'Jeg vil øve på vanskelige samtaler', 'Det gikk bra')`);
  await exec(sql`insert into coaching_notes (session_id, author_user_id, body)
    values (${held!.id}, ${advisorId}, ${`Ingrid Testesen${tag} jobber med samtaler`})`);
  await exec(sql`
    insert into deliveries (programme_id, kind, delivered_on, quantity, unit_price_ore, amount_ex_vat_ore, vat_basis_points, advisor_user_id, coaching_session_id, registered_by_user_id, source)
    values (${programmeId}, 'coaching', '2027-01-10', 1, 150000, 150000, 2500, ${advisorId}, ${held!.id}, ${advisorId}, ${`coaching:${held!.id}`})`);
  await exec(sql`
    insert into deliveries (programme_id, kind, delivered_on, quantity, unit_price_ore, amount_ex_vat_ore, vat_basis_points, registered_by_user_id)
    values (${programmeId}, 'gathering_day', '2027-02-01', 1, 2500000, 2500000, 2500, ${person.id})`);

  // Development project, gathering case, platform comment, expectations, self-assessment, 10-FAKTOR.
  await exec(sql`insert into dev_projects (programme_id, participant_id, title, goal, dimensions, success_criteria)
    values (${programmeId}, ${participantId}, 'Bedre medarbeidersamtaler', 'Alle får samtale', '{task}', 'Alle har hatt samtale')`);
  await exec(sql`insert into practice_cases (programme_id, gathering_id, participant_id, title, description, shared_with_peers)
    values (${programmeId}, ${gatheringId}, ${participantId}, 'Konflikt i teamet', 'To ansatte krangler', false)`);
  const [principle] = await rowsOf<{ id: string }>(sql`
    insert into principles (programme_id, statement, explanation, status, version, proposed_by_user_id)
    values (${programmeId}, 'Vi lytter først', 'Fordi', 'proposed', 1, ${person.id}) returning id`);
  await exec(sql`insert into principle_comments (principle_id, author_user_id, body)
    values (${principle!.id}, ${person.id}, 'Enig, men hva med tid?')`);
  const [round] = await rowsOf<{ id: string }>(sql`
    insert into expectation_rounds (programme_id, status) values (${programmeId}, 'open') returning id`);
  await exec(sql`insert into expectation_answers (round_id, participant_id, needs, expectations, own_topics)
    values (${round!.id}, ${participantId}, 'Verktøy for vanskelige samtaler', 'Nettverk', '{}')`);
  await exec(
    sql`insert into self_assessments (programme_id, instrument_version, items) values (${programmeId}, 1, '[]'::jsonb)`,
  );
  const [phase] = await rowsOf<{ id: string }>(sql`
    insert into self_assessment_phases (programme_id, phase, status, opened_at) values (${programmeId}, 'start', 'open', now()) returning id`);
  await exec(sql`insert into self_assessment_responses (phase_id, participant_id, answers, updated_at)
    values (${phase!.id}, ${participantId}, '{"q1": 4}'::jsonb, now())`);
  await exec(sql`insert into ten_factor_actions (programme_id, participant_id, factor, description, owner, deadline, status)
    values (${programmeId}, ${participantId}, 'mestring', 'Ukentlige en-til-en', 'Ingrid', '2027-05-01', 'planned')`);

  // An anonymous evaluation answer and the record of who answered.
  const [evaluation] = await rowsOf<{ id: string }>(sql`
    insert into evaluations (programme_id, gathering_id, status) values (${programmeId}, ${gatheringId}, 'closed') returning id`);
  await exec(sql`insert into evaluation_answers (evaluation_id, overall, relevance, tools, facilitation, good, submitted_on)
    values (${evaluation!.id}, 5, 4, 4, 5, 'Gode samtaler', '2027-02-01')`);
  await exec(
    sql`insert into evaluation_participations (evaluation_id, participant_id) values (${evaluation!.id}, ${participantId})`,
  );

  // Mail to the person, and mail to the advisor that names them; an audit entry that names them.
  await exec(sql`insert into email_outbox (provider_id, kind, to_address, subject, text_body, message_id)
    values (${t.provider.id}, 'invitation', ${person.email}, 'Velkommen', 'Hei', ${`<${uniq()}@lp.test>`})`);
  await exec(sql`insert into email_outbox (provider_id, kind, to_address, subject, text_body, html_body, message_id)
    values (${t.provider.id}, 'coaching_booked', ${t.users.advisor.email}, ${`Ingrid Testesen${tag} booket veiledning`},
            ${`Ingrid Testesen${tag} (${person.email}) har booket`}, ${`<p>Ingrid Testesen${tag}</p>`}, ${`<${uniq()}@lp.test>`})`);
  await exec(sql`insert into audit_log (actor_user_id, action, resource_type, resource_id, provider_id, details)
    values (${t.users.providerAdmin.id}, 'participant.invited', 'participant', ${participantId}, ${t.provider.id},
            ${JSON.stringify({ email: person.email, name: person.name })}::jsonb)`);

  // A file the person uploaded (the bytes in the configured store).
  const store = createObjectStore(config.materials);
  const storageKey = randomUUID();
  await store.put(storageKey, Readable.from(Buffer.from('slides')), { contentType: 'application/pdf' });
  await exec(sql`insert into gathering_materials (programme_id, gathering_id, storage_key, original_filename, content_type, size_bytes, sha256, uploaded_by)
    values (${programmeId}, ${gatheringId}, ${storageKey}, 'mine-notater.pdf', 'application/pdf', 6, ${'a'.repeat(64)}, ${person.id})`);

  const [admin, advisor, clientAdmin, participant, self] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
    logInAs(app, person.email),
  ]);
  return { t, person, participantId, storageKey, store, admin, advisor, clientAdmin, participant, self };
}

/** Every text, varchar and jsonb column of every table, searched for the needle. */
async function placesHolding(needle: string): Promise<string[]> {
  const columns = await rowsOf<{ table_name: string; column_name: string; data_type: string }>(sql`
    select table_name::text, column_name::text, data_type::text from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
  const found: string[] = [];
  for (const c of columns) {
    const [row] = await rowsOf<{ n: string | number }>(
      sql`select count(*) as n from ${sql.identifier(c.table_name)}
          where position(lower(${needle}) in lower(${sql.identifier(c.column_name)}::text)) > 0`,
    );
    if (Number(row!.n) > 0) found.push(`${c.table_name}.${c.column_name}`);
  }
  return found;
}

async function invoicingTotals(programmeId: string) {
  const [d] = await rowsOf<{ n: string | number; total: string | number | null }>(sql`
    select count(*) as n, sum(amount_ex_vat_ore) as total from deliveries where programme_id = ${programmeId}`);
  return { n: Number(d!.n), total: Number(d!.total) };
}

describe('export of everything stored about a person', () => {
  it('holds facts from every part, readable, with the files listed; audited', async () => {
    const s = await setUp();
    const data = ok<PersonalDataExport>(await get(s.admin, `/api/privacy/people/${s.person.id}/export`));
    expect(data.person.email).toBe(s.person.email);
    const tables = Object.fromEntries(data.parts.flatMap((p) => p.tables.map((tb) => [tb.table, tb])));
    for (const table of [
      'users',
      'participants',
      'memberships',
      'coaching_sessions',
      'coaching_reflections',
      'dev_projects',
      'practice_cases',
      'principle_comments',
      'expectation_answers',
      'self_assessment_responses',
      'ten_factor_actions',
      'evaluation_participations',
      'email_outbox',
      'gathering_materials',
    ]) {
      expect(tables[table], table).toBeDefined();
    }
    expect(tables['dev_projects']!.rows[0]).toMatchObject({ Title: 'Bedre medarbeidersamtaler' });
    expect(tables['coaching_reflections']!.rows[0]).toMatchObject({ Reflection: 'Det gikk bra' });
    expect(tables['users']!.rows[0]).toMatchObject({ 'E-mail': s.person.email });
    // Readable labels, and never a hash or a token.
    const [secrets] = await rowsOf<{ password_hash: string; csrf_token: string; id: string }>(sql`
      select u.password_hash, s.csrf_token, s.id from users u join sessions s on s.user_id = u.id
      where u.id = ${s.person.id} limit 1`);
    for (const secret of Object.values(secrets!)) expect(JSON.stringify(data)).not.toContain(secret);
    expect(tables['sessions']!.rows[0]).toMatchObject({ 'Signed in with': 'password' });
    expect(JSON.stringify(data)).not.toContain(s.storageKey);
    expect(data.files).toEqual([expect.objectContaining({ fileName: 'mine-notater.pdf', sizeBytes: 6 })]);
    expect(data.files[0]!.downloadPath).toMatch(/\/materials\/[0-9a-f-]+\/download$/);
    // Not another person's participant row.
    expect(tables['participants']!.rows).toHaveLength(1);

    const audit = await rowsOf<{ actor_user_id: string; action: string }>(sql`
      select actor_user_id, action from audit_log where resource_id = ${s.person.id} and action = 'person.exported'`);
    expect(audit).toEqual([{ actor_user_id: s.t.users.providerAdmin.id, action: 'person.exported' }]);
  });

  it('every user downloads their own data; nobody else but the provider admin', async () => {
    const s = await setUp();
    const mine = ok<PersonalDataExport>(await get(s.self, '/api/me/export'));
    expect(mine.person.userId).toBe(s.person.id);
    expect(mine.parts.length).toBeGreaterThan(5);
    const advisorOwn = ok<PersonalDataExport>(await get(s.advisor, '/api/me/export'));
    expect(advisorOwn.person.userId).toBe(s.t.users.advisor.id);

    for (const who of [s.advisor, s.clientAdmin, s.participant]) {
      expect((await get(who, `/api/privacy/people/${s.person.id}/export`)).statusCode).toBe(403);
      expect((await get(who, `/api/privacy/people/${s.person.id}/erase/preview`)).statusCode).toBe(403);
      expect(
        (await post(who, `/api/privacy/people/${s.person.id}/erase`, { confirmEmail: s.person.email }))
          .statusCode,
      ).toBe(403);
    }
    // The person may not use the admin route to erase themself.
    expect(
      (await post(s.self, `/api/privacy/people/${s.person.id}/erase`, { confirmEmail: s.person.email }))
        .statusCode,
    ).toBe(403);
    expect((await ctx().app.inject({ method: 'GET', url: '/api/me/export' })).statusCode).toBe(401);
  });

  it('holds the coaching notes written about the person and their own preparation and reflection (right of access)', async () => {
    const s = await setUp();
    const tablesOf = (data: PersonalDataExport) =>
      Object.fromEntries(data.parts.flatMap((p) => p.tables.map((tb) => [tb.table, tb])));
    for (const [who, url] of [
      [s.self, '/api/me/export'],
      [s.admin, `/api/privacy/people/${s.person.id}/export`],
    ] as const) {
      const tables = tablesOf(ok<PersonalDataExport>(await get(who, url)));
      expect(tables['coaching_notes']?.rows, url).toEqual([
        expect.objectContaining({ Note: expect.stringContaining('jobber med samtaler') }),
      ]);
      expect(tables['coaching_reflections']?.rows, url).toEqual([
        expect.objectContaining({
          Preparation: 'Jeg vil øve på vanskelige samtaler',
          Reflection: 'Det gikk bra',
        }),
      ]);
    }
    // Another leader of the same programme gets none of them; the advisor still gets the notes they wrote.
    expect(
      tablesOf(ok<PersonalDataExport>(await get(s.participant, '/api/me/export')))['coaching_notes'],
    ).toBeUndefined();
    const advisorOwn = tablesOf(ok<PersonalDataExport>(await get(s.advisor, '/api/me/export')));
    expect(advisorOwn['coaching_notes']?.rows).toEqual([
      expect.objectContaining({ Note: expect.stringContaining('jobber med samtaler') }),
    ]);
  });

  it("another provider's admin gets 404 for the person and for an unknown id", async () => {
    const s = await setUp();
    const other = await createTenant(ctx().database.db);
    const otherAdmin = await logInAs(ctx().app, other.users.providerAdmin.email);
    for (const id of [s.person.id, randomUUID()]) {
      expect((await get(otherAdmin, `/api/privacy/people/${id}/export`)).statusCode).toBe(404);
      expect((await get(otherAdmin, `/api/privacy/people/${id}/erase/preview`)).statusCode).toBe(404);
      expect(
        (await post(otherAdmin, `/api/privacy/people/${id}/erase`, { confirmEmail: s.person.email }))
          .statusCode,
      ).toBe(404);
    }
    expect((await get(s.admin, '/api/privacy/people/not-a-uuid/export')).statusCode).toBe(400);
    // Finding people by e-mail: the provider admin, in their own provider only.
    const find = (provider: string, email: string) =>
      `/api/privacy/providers/${provider}/people?email=${encodeURIComponent(email)}`;
    const found = await get(s.admin, find(s.t.provider.id, s.person.email.toUpperCase()));
    expect(found.json()).toEqual({ userId: s.person.id, name: s.person.name, email: s.person.email });
    expect((await get(otherAdmin, find(s.t.provider.id, s.person.email))).statusCode).toBe(404);
    expect((await get(otherAdmin, find(other.provider.id, s.person.email))).statusCode).toBe(404);
    expect((await get(s.advisor, find(s.t.provider.id, s.person.email))).statusCode).toBe(403);
    expect((await get(s.admin, find(s.t.provider.id, ''))).statusCode).toBe(400);
  });
});

describe('erasure of a person', () => {
  it('previews, then erases: no name or e-mail left anywhere, invoicing and evaluations unchanged, file gone, signed out', async () => {
    const s = await setUp();
    const base = `/api/privacy/people/${s.person.id}`;
    const totalsBefore = await invoicingTotals(s.t.programme.id);
    const answersBefore = await rowsOf(sql`select * from evaluation_answers order by id`);
    const quotesBefore = await rowsOf(sql`select id, total_ex_vat_ore from quotes order by id`);
    expect(await placesHolding(s.person.email)).not.toEqual([]);

    const preview = ok<ErasurePreview>(await get(s.admin, `${base}/erase/preview`));
    const byTable = Object.fromEntries(preview.tables.map((tb) => [tb.table, tb]));
    expect(byTable['coaching_sessions']).toMatchObject({ deleted: 1, anonymised: 1 });
    expect(byTable['participants']).toMatchObject({ anonymised: 1 });
    expect(byTable['users']).toMatchObject({ deleted: 1 });
    expect(byTable['dev_projects']).toMatchObject({ deleted: 1 });
    expect(preview.files).toBe(1);
    // The preview changed nothing.
    expect(await placesHolding(s.person.email)).not.toEqual([]);

    // A wrong confirmation erases nothing.
    const wrong = await post(s.admin, `${base}/erase`, { confirmEmail: 'someone@else.test' });
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json<{ error: { field: string } }>().error.field).toBe('confirmEmail');
    expect((await post(s.admin, `${base}/erase`, {})).statusCode).toBe(400);
    expect((await get(s.self, '/api/session')).statusCode).toBe(200);

    const result = ok<ErasureResult>(
      await post(s.admin, `${base}/erase`, { confirmEmail: `  ${s.person.email.toUpperCase()} ` }),
    );
    expect(result.filesDeleted).toBe(1);

    expect(await placesHolding(s.person.email)).toEqual([]);
    expect(await placesHolding(s.person.name)).toEqual([]);
    expect(await invoicingTotals(s.t.programme.id)).toEqual(totalsBefore);
    expect(await rowsOf(sql`select id, total_ex_vat_ore from quotes order by id`)).toEqual(quotesBefore);
    expect(await rowsOf(sql`select * from evaluation_answers order by id`)).toEqual(answersBefore);
    // The billed session stays, tied to the anonymised participant; the participant count stays.
    const kept = await rowsOf<{ status: string; meeting_link: string | null; name: string }>(sql`
      select cs.status::text, cs.meeting_link, p.name from coaching_sessions cs
      join participants p on p.id = cs.participant_id where p.id = ${s.participantId}`);
    expect(kept).toEqual([{ status: 'held', meeting_link: null, name: ERASED_MARKER }]);
    expect(
      await rowsOf(sql`select 1 from evaluation_participations where participant_id = ${s.participantId}`),
    ).toEqual([]);

    await expect(s.store.get(s.storageKey)).rejects.toBeInstanceOf(ObjectNotFoundError);
    expect((await get(s.self, '/api/session')).statusCode).toBe(401);
    const login = await ctx().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: s.person.email, password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    const [entry] = await rowsOf<{ actor_user_id: string; details: { tables: Record<string, unknown> } }>(sql`
      select actor_user_id, details from audit_log where action = 'person.erased' and resource_id = ${s.person.id}`);
    expect(entry!.actor_user_id).toBe(s.t.users.providerAdmin.id);
    expect(entry!.details.tables['dev_projects']).toEqual({ deleted: 1, anonymised: 0, kept: 0 });

    // Erased means gone: a second attempt finds nobody.
    expect((await get(s.admin, `${base}/export`)).statusCode).toBe(404);
  });

  it('erases an advisor: their notes go, the deliveries and sessions they held stay without them', async () => {
    const s = await setUp();
    const advisor = s.t.users.advisor;
    const totalsBefore = await invoicingTotals(s.t.programme.id);
    ok<ErasureResult>(
      await post(s.admin, `/api/privacy/people/${advisor.id}/erase`, { confirmEmail: advisor.email }),
    );
    expect(await placesHolding(advisor.email)).toEqual([]);
    expect(await invoicingTotals(s.t.programme.id)).toEqual(totalsBefore);
    const sessions = await rowsOf<{ advisor_user_id: string | null }>(sql`
      select advisor_user_id from coaching_sessions where participant_id = ${s.participantId}`);
    expect(sessions).toHaveLength(2);
    expect(sessions.every((r) => r.advisor_user_id === null)).toBe(true);
    expect(await rowsOf(sql`select 1 from coaching_notes where author_user_id = ${advisor.id}`)).toEqual([]);
  });

  it('refuses a person who also belongs to another provider, and the admin themself', async () => {
    const s = await setUp();
    const { db } = ctx().database;
    const provider = await createProvider(db);
    const client = await createClient(db, provider.id);
    const programme = await createProgramme(db, provider.id, client.id);
    await addRole(db, s.person.id, 'participant', {
      id: programme.id,
      providerId: provider.id,
      clientId: client.id,
    });
    const res = await post(s.admin, `/api/privacy/people/${s.person.id}/erase`, {
      confirmEmail: s.person.email,
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/another provider/);
    expect((await get(s.admin, `/api/privacy/people/${s.person.id}/export`)).statusCode).toBe(409);
    expect(await placesHolding(s.person.email)).not.toEqual([]);

    const self = await post(s.admin, `/api/privacy/people/${s.t.users.providerAdmin.id}/erase`, {
      confirmEmail: s.t.users.providerAdmin.email,
    });
    expect(self.statusCode).toBe(403);
    // A second admin of the same provider may.
    const second = await createUserWithRole(db, 'provider_admin', {
      id: s.t.programme.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    ok<ErasureResult>(
      await post(s.admin, `/api/privacy/people/${second.id}/erase`, { confirmEmail: second.email }),
    );
  });
});
