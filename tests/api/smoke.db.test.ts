import { describe, expect, it } from 'vitest';
import { createTenant } from '../factories';
import { logInAs, useTestApp } from '../helpers/app';

const ctx = useTestApp();

describe('smoke', () => {
  it('health answers with the database kind', async () => {
    const { app, database } = ctx();
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: database.kind });
  });

  it('a provider admin logs in and reads the programme', async () => {
    const { app, database } = ctx();
    const t = await createTenant(database.db);
    const s = await logInAs(app, t.users.providerAdmin.email);
    const res = await app.inject({ url: `/api/programmes/${t.programme.id}`, headers: s.headers() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual(['provider_admin']);
  });
});
