import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client';
import { DEMO_PASSWORD, type DemoSummary, seedDemo } from '../../src/services/demo/seed';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Property-based fuzzing of every write endpoint (issue 8, "Hostile input"). The routes come from
// the built app's own OpenAPI document, so an endpoint added later is fuzzed without touching this
// file. Path parameters are real ids from the demo seed (so requests get past "not found" into the
// use cases); bodies are shaped by the route's JSON schema with hostile leaves (control
// characters, NUL, lone surrogates, huge strings, SQL/HTML/script, prototype-pollution keys), or
// are arbitrary JSON, or come with the wrong content type. The properties: never a 5xx; every
// error is the JSON error body with a code (and a field when schema validation names one); no
// response is HTML; and afterwards no text column holds a control character or a mangled
// surrogate (the common text rule, src/contracts/common.ts).
//
// Runs in db-pglite only (*.pglite.test.ts, vitest.config.ts): ~90 endpoints × ~20 runs is ~2 500 requests, which takes about a
// minute on PGlite on the loaded CI machine; the same requests on PostgreSQL would double the
// budget while testing the same validation code (the SQL paths are covered by the other
// *.db.test.ts files on both databases). A deliberate choice, not a missing service.

// FUZZ_LOG_LEVEL=error shows the stack of a 500 in the log.
const ctx = useTestApp({ LOG_LEVEL: process.env.FUZZ_LOG_LEVEL ?? 'silent' });

/** Runs per endpoint and the fixed seed: the same requests on every run (reproducible). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const SEED = Number(process.env.FUZZ_SEED ?? 20270105);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
};

interface Endpoint {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** OpenAPI path, e.g. /api/programmes/{programmeId}/quotes */
  path: string;
  params: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
  /** What the route accepts, e.g. application/json (none: no body at all). */
  contentTypes: string[];
}

type Role = 'providerAdmin' | 'clientAdmin' | 'participant' | 'anonymous';

const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0002\u001b[31m\u007f',
  '\u0085\u009f',
  '\ud800',
  'x\udfffy',
  '\ufeff\u202eevil',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</textarea><svg onload=alert(1)>',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '1; SELECT pg_sleep(5)',
  '=HYPERLINK("http://evil.example","klikk")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '%00',
  '../../../etc/passwd',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  '😀👨‍👩‍👧',
  ' ',
  '',
  'null',
];

/** A string of any UTF-16 code units: control characters and lone surrogates included. */
const anyCodeUnits = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

function validString(s: JsonSchema, key = ''): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  if (s.format === 'uuid') {
    // An id in a body: a real one of that name when there is one (participantId, advisorUserId …).
    const real = pool[key] ?? pool[key.replace(/s$/, 'Id')] ?? pool[key.replace(/UserIds?$/, 'Id')] ?? [];
    const any = Object.values(pool).flat();
    return real.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, fc.uuid())
      : any.length
        ? fc.oneof(fc.constantFrom(...any), fc.uuid())
        : fc.uuid();
  }
  if (s.format === 'email') return fc.constant('fuzz.person@test.example');
  if (s.format === 'date-time' || s.pattern?.includes('T(?:')) {
    return fc
      .date({
        min: new Date('2026-06-01T00:00:00Z'),
        max: new Date('2028-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString());
  }
  if (s.format === 'date' || s.pattern?.startsWith('^(?:(?:\\d\\d[2468]')) {
    return fc
      .date({
        min: new Date('2026-06-01T00:00:00Z'),
        max: new Date('2028-01-01T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((x) => x.length <= (s.maxLength ?? 1000));
    } catch {
      return fc.constant('x');
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 40, 40) });
}

/** A number the schema accepts, its bounds included. */
function numberOf(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const step = integer ? 1 : 0.01;
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + step : 0);
  const upper = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - step : min + 1000);
  const max = Math.max(min, upper);
  const inRange = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return fc.oneof(
    { weight: 4, arbitrary: inRange },
    fc.constantFrom(integer ? Math.ceil(min) : min, integer ? Math.floor(max) : max),
  );
}

/** Strings that break a string schema: past the length limit, or of another type altogether. */
function brokenString(s: JsonSchema): fc.Arbitrary<unknown> {
  const max = s.maxLength ?? 1000;
  return fc.oneof(
    fc.constant('x'.repeat(max + 1)),
    fc.constant('æ'.repeat(Math.min(max * 4 + 10, 300_000))),
    fc.constantFrom(...HOSTILE_STRINGS),
    anyCodeUnits,
  );
}

/**
 * Text a string schema accepts by its shape (length, enum, format, pattern) with hostile content
 * where the shape leaves room: markup, SQL, formulas, control characters, lone surrogates.
 */
function fittingString(s: JsonSchema, key: string): fc.Arbitrary<string> {
  if (s.enum || s.format || s.pattern) return validString(s, key);
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 10_000;
  const fit = (text: string) => {
    const padded = text.length < min ? text + 'x'.repeat(min - text.length) : text;
    return padded.slice(0, max);
  };
  return fc.oneof(
    { weight: 2, arbitrary: validString(s, key) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS).map(fit) },
    { weight: 2, arbitrary: anyCodeUnits.map(fit) },
  );
}

/** A value the schema accepts by its shape, with hostile text in every string it can hold. */
function validValue(s: JsonSchema | undefined, key = '', depth = 0): fc.Arbitrary<unknown> {
  if (!s || depth > 6) return fc.constant(null);
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(...alts.map((alt) => validValue(alt, key, depth + 1)));
  if (s.allOf?.length) return validValue(s.allOf[0], key, depth + 1);
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const base = ((): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'string':
        return fittingString(s, key);
      case 'integer':
        return numberOf(s, true);
      case 'number':
        return numberOf(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const maxLength = Math.min(s.maxItems ?? 3, 3);
        const minLength = Math.min(s.minItems ?? 0, maxLength);
        return fc.array(validValue(s.items, key, depth + 1), { minLength, maxLength });
      }
      default: {
        if (!s.properties) return fc.constant({});
        const shape: Record<string, fc.Arbitrary<unknown>> = {};
        for (const [k, prop] of Object.entries(s.properties)) shape[k] = validValue(prop, k, depth + 1);
        return fc.record(shape, { requiredKeys: s.required ?? [] });
      }
    }
  })();
  const nullable = s.nullable || (Array.isArray(s.type) && s.type.includes('null'));
  return nullable ? fc.oneof({ weight: 5, arbitrary: base }, fc.constant(null)) : base;
}

/** A value of the schema's shape with exactly one thing wrong somewhere inside it. */
function brokenValue(s: JsonSchema | undefined, key = '', depth = 0): fc.Arbitrary<unknown> {
  const wrongType = fc.oneof(
    fc.constant(null),
    fc.constant([]),
    fc.constant({}),
    fc.constant('1'),
    fc.constant(true),
    fc.constant(-1),
  );
  if (!s || depth > 6) return wrongType;
  const alts = s.anyOf ?? s.oneOf;
  if (alts?.length) return fc.oneof(wrongType, ...alts.map((alt) => brokenValue(alt, key, depth + 1)));
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string':
      return fc.oneof(brokenString(s), wrongType);
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, 0.5, (s.minimum ?? 0) - 1, (s.maximum ?? 1e9) + 1),
        wrongType,
      );
    case 'array':
      return fc.oneof(
        fc.constant(Array.from({ length: (s.maxItems ?? 10_000) + 1 }, () => 'x')),
        fc.array(brokenValue(s.items, key, depth + 1), { minLength: 1, maxLength: 2 }),
        wrongType,
      );
    case 'object': {
      const keys = Object.keys(s.properties ?? {});
      if (!keys.length) return wrongType;
      return fc
        .tuple(validValue(s, key, depth), fc.constantFrom(...keys), fc.boolean())
        .chain(([value, k, drop]) => {
          const copy = { ...(value as Record<string, unknown>) };
          if (drop && s.required?.includes(k)) {
            delete copy[k];
            return fc.constant(copy);
          }
          return brokenValue(s.properties![k], k, depth + 1).map((bad) => ({ ...copy, [k]: bad }));
        });
    }
    default:
      return wrongType;
  }
}

/** A body as the raw bytes sent, and its content type. */
interface RawBody {
  contentType: string | null;
  payload: string | undefined;
  label: string;
}

const POLLUTION = [
  '"__proto__":{"isAdmin":true,"polluted":"yes"}',
  '"constructor":{"prototype":{"polluted":"yes"}}',
  '"prototype":{"polluted":"yes"}',
];

function bodyArbitrary(e: Endpoint): fc.Arbitrary<RawBody> {
  const json = (v: unknown, label: string): RawBody => ({
    contentType: 'application/json',
    payload: JSON.stringify(v) ?? 'null',
    label,
  });
  const schema = e.body ?? { type: 'object', properties: {} };
  const shaped = validValue(schema);
  return fc.oneof(
    { weight: 5, arbitrary: shaped.map((v) => json(v, 'valid shape, hostile text')) },
    { weight: 3, arbitrary: brokenValue(schema).map((v) => json(v, 'one thing wrong')) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => json(v, 'arbitrary JSON')) },
    {
      weight: 1,
      arbitrary: fc.tuple(shaped, fc.constantFrom(...POLLUTION)).map(([v, key]) => {
        const text = JSON.stringify(v) ?? 'null';
        const payload = text.startsWith('{')
          ? `{${key}${text.length > 2 ? ',' : ''}${text.slice(1)}`
          : `{${key}}`;
        return { contentType: 'application/json', payload, label: 'prototype pollution' };
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<RawBody>(
        { contentType: 'text/plain', payload: '<script>alert(1)</script>', label: 'text/plain' },
        { contentType: 'application/x-www-form-urlencoded', payload: 'a=1&__proto__[x]=1', label: 'form' },
        {
          contentType: 'multipart/form-data; boundary=XyZ',
          payload: '--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n<b>1</b>\r\n--XyZ--\r\n',
          label: 'multipart',
        },
        { contentType: 'application/json', payload: '{"a":', label: 'broken JSON' },
        { contentType: 'application/json', payload: '', label: 'empty JSON' },
        { contentType: 'application/json; charset=latin1', payload: '{}', label: 'odd charset' },
        {
          contentType: 'application/xml',
          payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
          label: 'XML',
        },
        { contentType: null, payload: undefined, label: 'no body' },
      ),
    },
  );
}

/** Real values for the path parameters: ids of the demo programme's rows, looked up by name. */
type ParamPool = Record<string, string[]>;

async function tablesWithColumns(db: Db): Promise<Map<string, Set<string>>> {
  const rows = await db.execute(
    sql`select table_name, column_name from information_schema.columns where table_schema = 'public'`,
  );
  const map = new Map<string, Set<string>>();
  for (const r of rowsOf<{ table_name: string; column_name: string }>(rows)) {
    if (!map.has(r.table_name)) map.set(r.table_name, new Set());
    map.get(r.table_name)!.add(r.column_name);
  }
  return map;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const plural = (s: string) => (s.endsWith('y') ? `${s.slice(0, -1)}ies` : s.endsWith('s') ? s : `${s}s`);

/** The table a path parameter names: `rateCardId` → rate_cards, `entryId` → dev_project_entries. */
function tableFor(param: string, tables: Map<string, Set<string>>): string | null {
  const word = snake(param.replace(/Id$/, ''));
  const names = [...tables.keys()];
  const candidates = names.filter(
    (t) => t === plural(word) || t === word || t.endsWith(`_${plural(word)}`) || t.endsWith(`_${word}`),
  );
  // A table of the programme or the provider first (coaching_sessions before the log-in sessions).
  const score = (t: string) =>
    (tables.get(t)!.has('programme_id') ? 4 : tables.get(t)!.has('provider_id') ? 2 : 0) +
    (t === plural(word) ? 1 : 0) +
    (tables.get(t)!.has('id') ? 8 : 0);
  return candidates.sort((a, b) => score(b) - score(a))[0] ?? null;
}

async function buildParamPool(
  db: Db,
  endpoints: Endpoint[],
  scope: { programmeId: string; providerId: string; advisorUserId: string },
): Promise<ParamPool> {
  const tables = await tablesWithColumns(db);
  const pool: ParamPool = {
    programmeId: [scope.programmeId],
    providerId: [scope.providerId],
    advisorId: [scope.advisorUserId],
  };
  const names = new Set(endpoints.flatMap((e) => e.params.map((p) => p.name)));
  for (const name of names) {
    if (pool[name]) continue;
    const table = tableFor(name, tables);
    if (!table) continue;
    const cols = tables.get(table)!;
    const where = cols.has('programme_id')
      ? sql`where programme_id = ${scope.programmeId}`
      : cols.has('provider_id')
        ? sql`where provider_id = ${scope.providerId}`
        : sql``;
    const rows = rowsOf<{ id: string }>(
      await db.execute(sql`select id::text as id from ${sql.identifier(table)} ${where} order by id limit 4`),
    );
    pool[name] = rows.map((r) => r.id);
  }
  // `eventId` goes with `type` (gathering, networkMeeting, coaching): ids of all three.
  pool.eventId = [...(pool.gatheringId ?? []), ...(pool.meetingId ?? []), ...(pool.sessionId ?? [])];
  return pool;
}

function paramArbitrary(p: { name: string; schema: JsonSchema }, pool: ParamPool): fc.Arbitrary<string> {
  const real = pool[p.name] ?? [];
  const valid: fc.Arbitrary<string> = p.schema.enum
    ? fc.constantFrom(...(p.schema.enum as string[]))
    : p.schema.type === 'integer' || p.schema.type === 'number'
      ? fc.integer({ min: 1, max: 5 }).map(String)
      : real.length
        ? fc.constantFrom(...real)
        : fc.uuid();
  return fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: fc.uuid() });
}

function urlOf(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? 'x'));
}

function endpointsOf(openapi: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; schema: JsonSchema }[];
        requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
      }
    >
  >;
}): Endpoint[] {
  const out: Endpoint[] = [];
  for (const [path, ops] of Object.entries(openapi.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const m = method.toUpperCase();
      if (m !== 'POST' && m !== 'PUT' && m !== 'PATCH' && m !== 'DELETE') continue;
      const content = op.requestBody?.content ?? {};
      out.push({
        method: m,
        path,
        params: (op.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: content['application/json']?.schema ?? null,
        contentTypes: Object.keys(content),
      });
    }
  }
  return out;
}

const STACK_TRACE = /\n\s*at |\bat [\w$.<>]+ \(|\/work\/|\/src\/|node_modules|file:\/\/|\.[jt]s:\d+/;

/** The properties every answer to a hostile request must have. */
function checkResponse(res: LightMyRequestResponse, what: string): void {
  const where = `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  const type = String(res.headers['content-type'] ?? '');
  expect(type, where).not.toMatch(/html/i);
  expect(res.headers['x-content-type-options'], where).toBe('nosniff');
  if (res.statusCode >= 400) {
    expect(type, where).toMatch(/^application\/json/);
    const body = res.json<{ error?: { code?: unknown; message?: unknown; field?: unknown } }>();
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
    expect(res.body, where).not.toMatch(STACK_TRACE);
    // Schema validation of a named field says which field.
    if (
      body.error?.code === 'validation_failed' &&
      /^(body|params|querystring)\.\w/.test(String(body.error.message))
    ) {
      expect(typeof body.error.field, where).toBe('string');
    }
  }
}

let endpoints: Endpoint[] = [];
let pool: ParamPool = {};
let sessions: Record<Exclude<Role, 'anonymous'>, LoggedIn>;

beforeAll(async () => {
  const { app, database, clock } = ctx();
  const started = Date.now();
  const summary: DemoSummary = await seedDemo(database.db, clock.now);
  console.info(`fuzz: demo seeded in ${Date.now() - started} ms`);
  const tenant = summary.logins[0]!.tenant;
  const login = (role: string) => summary.logins.find((l) => l.tenant === tenant && l.role === role)!;
  const ip = '10.8.0.1';
  sessions = {
    providerAdmin: await logInAs(app, login('provider_admin').email, DEMO_PASSWORD, ip),
    clientAdmin: await logInAs(app, login('client_admin').email, DEMO_PASSWORD, ip),
    participant: await logInAs(app, login('participant').email, DEMO_PASSWORD, ip),
  };
  const scopeRows = rowsOf<{ programme_id: string; provider_id: string }>(
    await database.db.execute(sql`
      select m.programme_id::text as programme_id, m.provider_id::text as provider_id
      from memberships m join users u on u.id = m.user_id
      where u.email = ${login('participant').email} and m.programme_id is not null limit 1`),
  );
  const advisorRows = rowsOf<{ id: string }>(
    await database.db.execute(sql`select id::text as id from users where email = ${login('advisor').email}`),
  );
  const scope = {
    programmeId: scopeRows[0]!.programme_id,
    providerId: scopeRows[0]!.provider_id,
    advisorUserId: advisorRows[0]!.id,
  };
  endpoints = endpointsOf(app.swagger() as never);
  pool = await buildParamPool(database.db, endpoints, scope);
}, 120_000);

describe('fuzzing every write endpoint', () => {
  it('finds the write endpoints in the OpenAPI document (so new routes are fuzzed too)', () => {
    expect(endpoints.length).toBeGreaterThan(50);
    // A few that must be there: auth, a JSON write, a DELETE, an upload.
    const keys = endpoints.map((e) => `${e.method} ${e.path}`);
    expect(keys).toContain('POST /api/auth/login');
    expect(keys.some((k) => k.startsWith('DELETE '))).toBe(true);
    expect(keys).toContain('POST /api/programmes/{programmeId}/roster-imports');
    // Real ids for most parameters: otherwise every request would stop at 404.
    const named = new Set(endpoints.flatMap((e) => e.params.map((p) => p.name)));
    const withIds = [...named].filter((n) => (pool[n]?.length ?? 0) > 0);
    expect(withIds.length, `ids for ${withIds.join(', ')}`).toBeGreaterThan(named.size / 2);
  });

  it('answers every hostile request to every write endpoint with a 4xx JSON error or a success, never a 5xx', async () => {
    const { app } = ctx();
    const roles = ['providerAdmin', 'clientAdmin', 'participant', 'anonymous'] as const;
    let sent = 0;
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    for (const [index, e] of endpoints.entries()) {
      // Log-out would end the sessions the other requests use: it is fuzzed without a session.
      const rolesHere = e.path === '/api/auth/logout' ? (['anonymous'] as const) : roles;
      const params = Object.fromEntries(e.params.map((p) => [p.name, paramArbitrary(p, pool)]));
      // Every endpoint is fuzzed even when an earlier one fails: the report lists them all.
      const failure = await fc.check(
        fc.asyncProperty(
          fc.constantFrom(...rolesHere),
          fc.record(params) as fc.Arbitrary<Record<string, string>>,
          bodyArbitrary(e),
          async (role, values, body) => {
            const session = role === 'anonymous' ? null : sessions[role];
            const url = urlOf(e.path, values);
            const res = await app.inject({
              method: e.method,
              url,
              // A spread of addresses, so log-in fuzzing does not hit the per-IP limit at once.
              remoteAddress: `10.9.${index % 250}.${sent % 250}`,
              headers: {
                ...(session ? session.headers(true) : {}),
                ...(body.contentType ? { 'content-type': body.contentType } : {}),
              },
              ...(body.payload !== undefined ? { payload: body.payload } : {}),
            });
            sent++;
            const bucket = `${Math.floor(res.statusCode / 100)}xx`;
            statuses[bucket] = (statuses[bucket] ?? 0) + 1;
            checkResponse(
              res,
              `${e.method} ${url} as ${role} with ${body.label}: ${String(body.payload).slice(0, 200)}`,
            );
          },
        ),
        { numRuns: RUNS, seed: SEED + index },
      );
      if (failure.failed) {
        const cause =
          failure.errorInstance instanceof Error
            ? failure.errorInstance.message
            : String(failure.errorInstance);
        failures.push(
          `${e.method} ${e.path} (seed ${failure.seed}, path "${failure.counterexamplePath}"): ${cause.slice(0, 600)}`,
        );
      }
    }
    console.info(`fuzz: ${sent} requests to ${endpoints.length} endpoints: ${JSON.stringify(statuses)}`);
    expect(failures, failures.join('\n\n')).toEqual([]);
    // Some requests must get through validation into the use cases, or the fuzzing tests nothing.
    expect(statuses['2xx'] ?? 0).toBeGreaterThan(sent / 50);
    expect(sent).toBeGreaterThan(endpoints.length * RUNS * 0.5);
    // No parsed body reached Object.prototype.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  }, 180_000);

  it('refuses path parameters of the wrong format with a 400 or 404 JSON error', async () => {
    const { app } = ctx();
    const bad = ['not-a-uuid', '1', '-1', '%00', "'; select 1; --", '<script>', '%ud800', 'x'.repeat(500)];
    for (const [index, e] of endpoints.filter((x) => x.params.length).entries()) {
      // Two of the first four bad values per endpoint, in turn (all four are met across the routes).
      for (const value of [bad[index % 4]!, bad[(index + 1) % 4]!]) {
        const values = Object.fromEntries(
          e.params.map((p, i) => [p.name, i === 0 ? value : (pool[p.name]?.[0] ?? value)]),
        );
        const url = e.path.replace(/\{(\w+)\}/g, (_m, n: string) =>
          values[n] === value ? value : encodeURIComponent(values[n]!),
        );
        const res = await app.inject({
          method: e.method,
          url,
          headers: { ...sessions.providerAdmin.headers(true), 'content-type': 'application/json' },
          payload: '{}',
        });
        checkResponse(res, `${e.method} ${url}`);
        expect([400, 403, 404, 415], `${e.method} ${url}: ${res.body}`).toContain(res.statusCode);
      }
    }
    // And the rest on one endpoint with a uuid parameter.
    const one = endpoints.find((x) => x.params.length === 1 && x.params[0]!.schema.format === 'uuid')!;
    for (const value of bad.slice(4)) {
      const url = one.path.replace(/\{\w+\}/, value);
      const res = await app.inject({
        method: one.method,
        url,
        headers: sessions.providerAdmin.headers(true),
        payload: {},
      });
      checkResponse(res, `${one.method} ${url}`);
    }
  }, 60_000);

  it('stored no text that breaks the common text rule (no control characters, no mangled surrogates)', async () => {
    const { database } = ctx();
    const db = database.db;
    const columns = rowsOf<{ table_name: string; column_name: string; data_type: string }>(
      await db.execute(sql`
        select table_name, column_name, data_type from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json')`),
    );
    const offenders: string[] = [];
    for (const c of columns) {
      const col = sql.identifier(c.column_name);
      // jsonb shows a control character as a \u00XX escape; text holds it as it is.
      const condition =
        c.data_type === 'jsonb' || c.data_type === 'json'
          ? sql`${col}::text ~ '\\\\u00(0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])' or ${col}::text like ${'%\ufffd%'}`
          : sql`${col} ~ '[\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f]' or ${col} like ${'%\ufffd%'}`;
      const rows = rowsOf<{ n: number }>(
        await db.execute(
          sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${condition}`,
        ),
      );
      if ((rows[0]?.n ?? 0) > 0) offenders.push(`${c.table_name}.${c.column_name} (${rows[0]!.n})`);
    }
    expect(offenders).toEqual([]);
  }, 60_000);
});
