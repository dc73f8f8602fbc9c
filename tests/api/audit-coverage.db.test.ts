import { readFileSync } from 'node:fs';
import { gt, max } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEED_QUOTE_DESIGN } from '../../src/contracts/quotes';
import type { TenFactorImport } from '../../src/contracts/ten-factor';
import {
  auditLog,
  evaluationAnswers,
  evaluations,
  overallEvaluationAnswers,
  overallEvaluations,
} from '../../src/db/schema/index';
import { type Tenant, createTenant } from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Every export or download (and the reads of sensitive data that are pages of their own) leaves
// exactly one audit row: the action `<thing>.exported` / `<thing>.read`, who, which programme,
// which address.

const ctx = useTestApp();
const IP = '203.0.113.7';

let t: Tenant;
let admin: LoggedIn;
let clientAdmin: LoggedIn;
let leader: LoggedIn;
let quoteId: string;
let evaluationId: string;
let surveyId: string;

const call = (who: LoggedIn, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  ctx().app.inject({
    method,
    url,
    remoteAddress: IP,
    headers: who.headers(method !== 'GET'),
    ...(payload ? { payload } : {}),
  });

function ok<T>(res: { statusCode: number; body: string; json: <U>() => U }): T {
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
}

beforeAll(async () => {
  const { app, database } = ctx();
  const db = database.db;
  t = await createTenant(db);
  [admin, clientAdmin, leader] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  const p = `/api/programmes/${t.programme.id}`;
  quoteId = ok<{ id: string }>(await call(admin, 'POST', `${p}/quotes`, SEED_QUOTE_DESIGN)).id;
  ok(await call(admin, 'POST', `${p}/quotes/${quoteId}/status`, { status: 'sent' }));
  ok(await call(admin, 'POST', `${p}/quotes/${quoteId}/status`, { status: 'accepted' }));
  // Closed evaluations with enough answers to be released (rows written directly: the way there
  // is tested in evaluations.db.test.ts and overall-evaluation.db.test.ts).
  const closedAt = new Date('2027-01-04T12:00:00Z');
  const [ev] = await db
    .insert(evaluations)
    .values({ programmeId: t.programme.id, gatheringId: t.gathering.id, status: 'closed', closedAt })
    .returning();
  evaluationId = ev!.id;
  await db.insert(evaluationAnswers).values(
    [1, 2, 3, 4, 5].map((v) => ({
      evaluationId,
      overall: v,
      relevance: v,
      tools: v,
      facilitation: v,
      submittedOn: '2027-01-04',
    })),
  );
  const [ov] = await db
    .insert(overallEvaluations)
    .values({ programmeId: t.programme.id, status: 'closed', closedAt })
    .returning();
  await db.insert(overallEvaluationAnswers).values(
    [1, 2, 3, 4, 5].map((v) => ({
      overallEvaluationId: ov!.id,
      overall: v,
      expectationsMet: 'partly' as const,
      continueProgramme: 'yes' as const,
      submittedOn: '2027-01-04',
    })),
  );
  ok(await call(clientAdmin, 'PUT', `${p}/ten-factor/settings`, { enabled: true }));
  const preview = ok<TenFactorImport>(
    await ctx().app.inject({
      method: 'POST',
      url: `${p}/ten-factor/imports?fileName=resultat.csv`,
      payload: readFileSync(new URL('../fixtures/ten-factor/results.csv', import.meta.url)),
      headers: { ...admin.headers(true), 'content-type': 'text/csv; charset=utf-8' },
    }),
  );
  surveyId = ok<{ surveyId: string }>(
    await call(admin, 'POST', `${p}/ten-factor/imports/${preview.importId}/commit`, {
      label: 'Haust 2026',
      year: 2026,
    }),
  ).surveyId;
});

/** The audit rows written by one request. */
async function auditedBy(request: () => Promise<{ statusCode: number; body: string }>) {
  const { db } = ctx().database;
  const [{ before } = { before: 0 }] = await db.select({ before: max(auditLog.id) }).from(auditLog);
  const res = await request();
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return db
    .select()
    .from(auditLog)
    .where(gt(auditLog.id, before ?? 0))
    .orderBy(auditLog.id);
}

describe('every export and sensitive read is audited once, with actor, programme, resource and address', () => {
  const p = () => `/api/programmes/${t.programme.id}`;
  const cases: {
    name: string;
    who: () => LoggedIn;
    method?: 'GET' | 'POST';
    url: () => string;
    body?: object;
    action: string;
    resourceId?: () => string;
    actor: () => string;
    programme?: boolean;
  }[] = [
    {
      name: 'client report (web)',
      who: () => clientAdmin,
      url: () => `${p()}/report`,
      action: 'client_report.read',
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: 'client report (PDF)',
      who: () => clientAdmin,
      url: () => `${p()}/report.pdf`,
      action: 'client_report.exported',
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: 'offer PDF from a design',
      who: () => admin,
      method: 'POST',
      url: () => `${p()}/offer.pdf`,
      body: SEED_QUOTE_DESIGN,
      action: 'offer.exported',
      actor: () => t.users.providerAdmin.id,
    },
    {
      name: 'offer PDF of a saved version',
      who: () => admin,
      url: () => `${p()}/quotes/${quoteId}/offer.pdf`,
      action: 'offer.exported',
      resourceId: () => quoteId,
      actor: () => t.users.providerAdmin.id,
    },
    {
      name: 'offer PDF of the budget (accepted version)',
      who: () => clientAdmin,
      url: () => `${p()}/budget/offer.pdf`,
      action: 'offer.exported',
      resourceId: () => quoteId,
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: 'OU summary PDF',
      who: () => admin,
      url: () => `${p()}/ou-summary.pdf`,
      action: 'ou_summary.exported',
      actor: () => t.users.providerAdmin.id,
    },
    {
      name: 'invoicing basis CSV',
      who: () => admin,
      url: () => `${p()}/invoicing.csv`,
      action: 'invoicing_basis.exported',
      actor: () => t.users.providerAdmin.id,
    },
    {
      name: 'invoicing basis XLSX',
      who: () => clientAdmin,
      url: () => `${p()}/invoicing.xlsx`,
      action: 'invoicing_basis.exported',
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: 'evaluation answers CSV',
      who: () => admin,
      url: () => `${p()}/evaluations/${evaluationId}/answers.csv`,
      action: 'evaluation_answers.exported',
      resourceId: () => evaluationId,
      actor: () => t.users.providerAdmin.id,
    },
    {
      name: 'overall evaluation answers XLSX',
      who: () => clientAdmin,
      url: () => `${p()}/overall-evaluation/answers.xlsx`,
      action: 'overall_evaluation_answers.exported',
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: '10-FAKTOR results CSV',
      who: () => clientAdmin,
      url: () => `${p()}/ten-factor/surveys/${surveyId}/results.csv`,
      action: 'tenFactor.exported',
      resourceId: () => surveyId,
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: 'participant list',
      who: () => clientAdmin,
      url: () => `${p()}/participants`,
      action: 'participants.read',
      actor: () => t.users.clientAdmin.id,
    },
    {
      name: 'own personal data export',
      who: () => leader,
      url: () => '/api/me/export',
      action: 'person.exported',
      actor: () => t.users.participant.id,
      programme: false,
    },
    {
      name: "the provider admin's export of a person",
      who: () => admin,
      url: () => `/api/privacy/people/${t.users.participant.id}/export`,
      action: 'person.exported',
      resourceId: () => t.users.participant.id,
      actor: () => t.users.providerAdmin.id,
      programme: false,
    },
    {
      name: 'outbox bodies (dev mode)',
      who: () => admin,
      url: () => `/api/providers/${t.provider.id}/outbox`,
      action: 'outbox.read_bodies',
      actor: () => t.users.providerAdmin.id,
      programme: false,
    },
    {
      name: 'audit log CSV',
      who: () => admin,
      url: () => `/api/providers/${t.provider.id}/audit.csv`,
      action: 'audit.exported',
      actor: () => t.users.providerAdmin.id,
      programme: false,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: ${c.action}`, async () => {
      const rows = await auditedBy(() => call(c.who(), c.method ?? 'GET', c.url(), c.body));
      expect(rows.map((r) => r.action)).toEqual([c.action]);
      const row = rows[0]!;
      expect(row.actorUserId).toBe(c.actor());
      expect(row.ip).toBe(IP);
      expect(row.providerId).toBe(t.provider.id);
      if (c.programme !== false) {
        expect(row.programmeId).toBe(t.programme.id);
        expect(row.clientId).toBe(t.client.id);
      }
      if (c.resourceId) expect(row.resourceId).toBe(c.resourceId());
      expect(row.resourceType).toBeTruthy();
    });
  }
});
