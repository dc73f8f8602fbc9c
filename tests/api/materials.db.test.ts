import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';
import type { Material, MaterialList } from '../../src/contracts/materials';
import { auditLog, gatheringMaterials } from '../../src/db/schema/index';
import { buildApp } from '../../src/server/app';
import { uploadMaterial } from '../../src/services/materials/upload';
import { ObjectNotFoundError, createDiskStore, createS3Store } from '../../src/services/storage/index';
import {
  type Tenant,
  createGathering,
  createProgramme,
  createTenant,
  createUserWithRole,
} from '../factories';
import { type LoggedIn, logInAs, useTestApp } from '../helpers/app';

// Gathering materials: upload, download in the original format, limits and type checks, who may
// see and delete; the disk store under the app, the S3 store against s3rver on loopback.

const MATERIALS_DIR = mkdtempSync(path.join(os.tmpdir(), 'lp-materials-'));
const LIMIT = 200 * 1024; // "200 kB": small, so the oversize test sends little
const ctx = useTestApp({ MATERIALS_DIR, MATERIAL_MAX_BYTES: String(LIMIT) });
afterAll(() => rm(MATERIALS_DIR, { recursive: true, force: true }));

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A PDF-looking file of `size` bytes: the signature, then random bytes (beyond the sniffed head). */
function pdf(size = 90 * 1024): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), randomBytes(size)]).subarray(
    0,
    size,
  );
}

/** A Windows executable's head (MZ, then the PE header the DOS stub points to). */
function exe(): Buffer {
  const b = randomBytes(4096);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

function multipart(fileName: string, type: string, data: Buffer, field = 'file') {
  const boundary = `----lp${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      `Content-Type: ${type}\r\n\r\n`,
    'utf8',
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const base = (t: Tenant, gatheringId = t.gathering.id, programmeId = t.programme.id) =>
  `/api/programmes/${programmeId}/gatherings/${gatheringId}/materials`;

async function upload(
  who: LoggedIn,
  url: string,
  fileName: string,
  type: string,
  data: Buffer,
  field?: string,
) {
  const body = multipart(fileName, type, data, field);
  return ctx().app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...who.headers(true), ...body.headers },
  });
}
const get = (who: LoggedIn, url: string) => ctx().app.inject({ method: 'GET', url, headers: who.headers() });
const del = (who: LoggedIn, url: string) =>
  ctx().app.inject({ method: 'DELETE', url, headers: who.headers(true) });

function expectError(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json<{ error: { code: string; message: string } }>();
  expect(body.error.code).toBe(code);
  return body.error.message;
}

/** Every stored object under a folder (the disk store's files, temporary ones included). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function rowsOf(gatheringId: string) {
  return ctx()
    .database.db.select()
    .from(gatheringMaterials)
    .where(eq(gatheringMaterials.gatheringId, gatheringId));
}

interface Setup {
  t: Tenant;
  admin: LoggedIn;
  advisor: LoggedIn;
  clientAdmin: LoggedIn;
  participant: LoggedIn;
}

async function setUp(): Promise<Setup> {
  const { app, database } = ctx();
  const t = await createTenant(database.db);
  const [admin, advisor, clientAdmin, participant] = await Promise.all([
    logInAs(app, t.users.providerAdmin.email),
    logInAs(app, t.users.advisor.email),
    logInAs(app, t.users.clientAdmin.email),
    logInAs(app, t.users.participant.email),
  ]);
  return { t, admin, advisor, clientAdmin, participant };
}

describe('uploading and downloading', () => {
  it('an advisor uploads a file and a participant downloads the same bytes, name and type', async () => {
    const s = await setUp();
    const data = pdf();
    const name = 'Samling 1 – lysark (Ærlig talt) å.pdf';
    const res = await upload(s.advisor, base(s.t), name, 'application/pdf', data);
    expect(res.statusCode, res.body).toBe(201);
    const material = res.json<Material>();
    expect(material).toMatchObject({
      fileName: name,
      contentType: 'application/pdf',
      sizeBytes: data.length,
      sha256: sha256(data),
      uploadedBy: { id: s.t.users.advisor.id },
      canDelete: true,
    });

    const list = (await get(s.participant, base(s.t))).json<MaterialList>();
    expect(list.materials.map((m) => m.id)).toEqual([material.id]);
    expect(list.canUpload).toBe(false);
    expect(list.materials[0]!.canDelete).toBe(false);
    expect(list.maxBytes).toBe(LIMIT);
    expect(list.acceptedExtensions).toContain('pptx');

    const dl = await get(s.participant, `${base(s.t)}/${material.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(data)).toBe(true);
    expect(sha256(dl.rawPayload)).toBe(material.sha256);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-length']).toBe(String(data.length));
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(dl.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(name);

    // The object is stored under a random id, never the file's name.
    const files = await filesUnder(MATERIALS_DIR);
    expect(files.some((f) => f.includes('lysark'))).toBe(false);
    const [row] = await rowsOf(s.t.gathering.id);
    expect(row!.storageKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(files.some((f) => f.endsWith(row!.storageKey))).toBe(true);
    const audit = await ctx().database.db.select().from(auditLog).where(eq(auditLog.resourceId, material.id));
    expect(audit.map((a) => a.action)).toEqual(['material.uploaded']);
  });

  it('the provider admin uploads too; the client admin downloads but may not upload', async () => {
    const s = await setUp();
    const text = Buffer.from('Mellomarbeid til samling 2:\n- Prøv én ny ting i ledermøtet.\n', 'utf8');
    const res = await upload(s.admin, base(s.t), 'mellomarbeid.txt', 'text/plain', text);
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json<Material>().id;
    const dl = await get(s.clientAdmin, `${base(s.t)}/${id}/download`);
    expect(dl.rawPayload.equals(text)).toBe(true);
    expect(dl.headers['content-type']).toBe('text/plain');
    expectError(await upload(s.clientAdmin, base(s.t), 'x.txt', 'text/plain', text), 403, 'forbidden');
  });

  it('accepts a file of exactly the limit and refuses one byte more with 413 naming the limit', async () => {
    const s = await setUp();
    const exact = await upload(s.advisor, base(s.t), 'akkurat.pdf', 'application/pdf', pdf(LIMIT));
    expect(exact.statusCode, exact.body).toBe(201);
    const before = await filesUnder(MATERIALS_DIR);
    const message = expectError(
      await upload(s.advisor, base(s.t), 'for-stor.pdf', 'application/pdf', pdf(LIMIT + 1)),
      413,
      'payload_too_large',
    );
    expect(message).toContain('for-stor.pdf');
    expect(message).toContain('200 kB');
    // Far over the limit, too (the stream is cut after one byte too many).
    expectError(
      await upload(s.advisor, base(s.t), 'mye-for-stor.pdf', 'application/pdf', pdf(LIMIT * 3)),
      413,
      'payload_too_large',
    );
    expect(await filesUnder(MATERIALS_DIR)).toEqual(before);
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(1);
  });

  it('refuses an .exe named handout.pdf with 415 naming the file, and stores nothing', async () => {
    const s = await setUp();
    const before = await filesUnder(MATERIALS_DIR);
    const message = expectError(
      await upload(s.advisor, base(s.t), 'handout.pdf', 'application/pdf', exe()),
      415,
      'unsupported_media_type',
    );
    expect(message).toContain('handout.pdf');
    expectError(
      await upload(s.advisor, base(s.t), 'setup.exe', 'application/octet-stream', exe()),
      415,
      'unsupported_media_type',
    );
    // A PDF declared as a web page is not served as one, nor stored.
    expectError(
      await upload(s.advisor, base(s.t), 'side.pdf', 'text/html', pdf()),
      415,
      'unsupported_media_type',
    );
    // Text with a binary inside.
    expectError(
      await upload(s.advisor, base(s.t), 'notat.txt', 'text/plain', exe()),
      415,
      'unsupported_media_type',
    );
    expect(await filesUnder(MATERIALS_DIR)).toEqual(before);
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(0);
  });

  it('refuses an empty file (400), a form without a file, and a body that is not a form', async () => {
    const s = await setUp();
    const empty = await upload(s.advisor, base(s.t), 'tom.pdf', 'application/pdf', Buffer.alloc(0));
    expectError(empty, 400, 'validation_failed');
    expect(empty.json<{ error: { field: string } }>().error.field).toBe('file');
    expectError(
      await upload(s.advisor, base(s.t), 'a.pdf', 'application/pdf', pdf(), 'attachment'),
      400,
      'validation_failed',
    );
    const json = await ctx().app.inject({
      method: 'POST',
      url: base(s.t),
      payload: { file: 'x' },
      headers: s.advisor.headers(true),
    });
    expectError(json, 415, 'unsupported_media_type');
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(0);
  });

  it('sanitises the file name: no path, no control characters', async () => {
    const s = await setUp();
    const res = await upload(
      s.advisor,
      base(s.t),
      '..\\..\\etc\\hand\u0007out.pdf',
      'application/pdf',
      pdf(2000),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Material>().fileName).toBe('handout.pdf');
  });
});

describe('who sees and who may change materials', () => {
  it('answers 404 to another municipality, another provider and someone outside the programme', async () => {
    const s = await setUp();
    const { database, app } = ctx();
    const id = (await upload(s.advisor, base(s.t), 'plan.pdf', 'application/pdf', pdf(5000))).json<Material>()
      .id;
    // Another municipality of the same provider, and another provider.
    const other = await createTenant(database.db);
    const sameProviderClient = await createProgramme(database.db, s.t.provider.id, other.client.id);
    const p2 = { id: sameProviderClient.id, providerId: s.t.provider.id, clientId: other.client.id };
    const otherMunicipalityAdmin = await createUserWithRole(database.db, 'client_admin', p2);
    // A leader of another programme of the same municipality; an advisor of the provider not staffed here.
    const sibling = await createProgramme(database.db, s.t.provider.id, s.t.client.id);
    const siblingLeader = await createUserWithRole(database.db, 'participant', {
      id: sibling.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const poolAdvisor = await createUserWithRole(database.db, 'advisor', {
      id: sibling.id,
      providerId: s.t.provider.id,
      clientId: s.t.client.id,
    });
    const outsiders = await Promise.all(
      [
        other.users.participant.email,
        other.users.clientAdmin.email,
        other.users.providerAdmin.email,
        otherMunicipalityAdmin.email,
        siblingLeader.email,
        poolAdvisor.email,
      ].map((e) => logInAs(app, e)),
    );
    for (const who of outsiders) {
      expectError(await get(who, base(s.t)), 404, 'not_found');
      expectError(await get(who, `${base(s.t)}/${id}/download`), 404, 'not_found');
      expectError(await upload(who, base(s.t), 'x.pdf', 'application/pdf', pdf(1000)), 404, 'not_found');
      expectError(await del(who, `${base(s.t)}/${id}`), 404, 'not_found');
    }
    // The material through another programme's or gathering's URL is not found either.
    const otherGathering = await createGathering(database.db, s.t.programme.id, 2);
    expectError(await get(s.participant, `${base(s.t, otherGathering.id)}/${id}/download`), 404, 'not_found');
    // Another tenant's leader naming their own programme with this gathering and material.
    expectError(
      await get(outsiders[0]!, `${base(other, s.t.gathering.id, other.programme.id)}/${id}/download`),
      404,
      'not_found',
    );
    expectError(await get(s.participant, `${base(s.t)}/${randomUUID()}/download`), 404, 'not_found');
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(1);
  });

  it('refuses a participant’s upload with 403', async () => {
    const s = await setUp();
    expectError(
      await upload(s.participant, base(s.t), 'mitt.pdf', 'application/pdf', pdf(1000)),
      403,
      'forbidden',
    );
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(0);
  });

  it('lets the uploader and the provider admin delete, nobody else; the file is gone afterwards', async () => {
    const s = await setUp();
    const { database, app } = ctx();
    const p = { id: s.t.programme.id, providerId: s.t.provider.id, clientId: s.t.client.id };
    const secondAdvisor = await logInAs(app, (await createUserWithRole(database.db, 'advisor', p)).email);
    const a = (await upload(s.advisor, base(s.t), 'a.pdf', 'application/pdf', pdf(3000))).json<Material>();
    const b = (await upload(s.advisor, base(s.t), 'b.pdf', 'application/pdf', pdf(3000))).json<Material>();
    const seen = (await get(secondAdvisor, base(s.t))).json<MaterialList>();
    expect(seen.canUpload).toBe(true);
    expect(seen.materials.map((m) => m.canDelete)).toEqual([false, false]);

    for (const who of [secondAdvisor, s.participant, s.clientAdmin]) {
      expectError(await del(who, `${base(s.t)}/${a.id}`), 403, 'forbidden');
    }
    const [rowA] = (await rowsOf(s.t.gathering.id)).filter((r) => r.id === a.id);
    expect((await filesUnder(MATERIALS_DIR)).some((f) => f.endsWith(rowA!.storageKey))).toBe(true);

    expect((await del(s.advisor, `${base(s.t)}/${a.id}`)).statusCode).toBe(204);
    expect((await del(s.admin, `${base(s.t)}/${b.id}`)).statusCode).toBe(204);
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(0);
    expect((await filesUnder(MATERIALS_DIR)).some((f) => f.endsWith(rowA!.storageKey))).toBe(false);
    expectError(await get(s.participant, `${base(s.t)}/${a.id}/download`), 404, 'not_found');
    expectError(await del(s.advisor, `${base(s.t)}/${a.id}`), 404, 'not_found');
  });
});

describe('a failure leaves neither object nor row', () => {
  it('deletes the stored object when the row cannot be inserted', async () => {
    const s = await setUp();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lp-materials-fail-'));
    try {
      const store = createDiskStore(dir);
      // An actor the policy lets upload, but who is no user: the row's foreign key fails.
      const ghost = {
        userId: randomUUID(),
        memberships: [
          { role: 'provider_admin' as const, providerId: s.t.provider.id, clientId: null, programmeId: null },
        ],
      };
      await expect(
        uploadMaterial(
          ctx().database.db,
          { store, maxBytes: LIMIT },
          { actor: ghost, ip: null, userAgent: null, now: new Date() },
          s.t.programme.id,
          s.t.gathering.id,
          { filename: 'plan.pdf', mimetype: 'application/pdf', stream: Readable.from([pdf(100_000)]) },
        ),
      ).rejects.toThrow();
      expect(await filesUnder(dir)).toEqual([]);
      expect(await rowsOf(s.t.gathering.id)).toHaveLength(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('inserts no row when the store fails', async () => {
    const s = await setUp();
    const store = createDiskStore('/dev/null/not-a-folder');
    const actor = {
      userId: s.t.users.providerAdmin.id,
      memberships: [
        { role: 'provider_admin' as const, providerId: s.t.provider.id, clientId: null, programmeId: null },
      ],
    };
    await expect(
      uploadMaterial(
        ctx().database.db,
        { store, maxBytes: LIMIT },
        { actor, ip: null, userAgent: null, now: new Date() },
        s.t.programme.id,
        s.t.gathering.id,
        { filename: 'plan.pdf', mimetype: 'application/pdf', stream: Readable.from([pdf(1000)]) },
      ),
    ).rejects.toThrow();
    expect(await rowsOf(s.t.gathering.id)).toHaveLength(0);
  });
});

describe('the S3 store, against s3rver on loopback', () => {
  interface S3rverLike {
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
    httpServer?: { closeAllConnections(): void };
  }
  type S3rverCtor = new (options: Record<string, unknown>) => S3rverLike;
  const S3rver = createRequire(import.meta.url)('s3rver') as S3rverCtor;
  const BUCKET = 'lp-materials';
  let server: S3rverLike;
  let endpoint: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'lp-s3rver-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      silent: true,
      directory: dir,
      configureBuckets: [{ name: BUCKET }],
    });
    const address = await server.run();
    endpoint = `http://127.0.0.1:${address.port}`;
  });
  afterAll(async () => {
    server.httpServer?.closeAllConnections();
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  const store = (partBytes?: number) =>
    createS3Store({
      endpoint,
      region: 'eu-north-1',
      bucket: BUCKET,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      forcePathStyle: true,
      partBytes,
    });

  it('round-trips a small file and a multipart one byte for byte, and deletes them', async () => {
    const s3 = store(5 * 1024 * 1024);
    const small = randomBytes(10_000);
    const large = randomBytes(12 * 1024 * 1024 + 17); // three parts of 5, 5 and 2 MiB
    await s3.put('small-key', Readable.from([small]), { contentType: 'application/pdf' });
    // Chunks as a network delivers them.
    const chunks = Array.from({ length: Math.ceil(large.length / 65536) }, (_, i) =>
      large.subarray(i * 65536, (i + 1) * 65536),
    );
    await s3.put('large-key', Readable.from(chunks), { contentType: 'video/mp4' });
    expect(sha256(await buffer(await s3.get('small-key')))).toBe(sha256(small));
    expect(sha256(await buffer(await s3.get('large-key')))).toBe(sha256(large));
    await s3.delete('small-key');
    await s3.delete('large-key');
    await s3.delete('large-key'); // already gone: fine
    await expect(s3.get('small-key')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('leaves nothing when the body fails halfway through a multipart upload', async () => {
    const s3 = store(5 * 1024 * 1024);
    async function* failing() {
      yield randomBytes(6 * 1024 * 1024);
      throw new Error('the client went away');
    }
    await expect(
      s3.put('broken-key', Readable.from(failing()), { contentType: 'video/mp4' }),
    ).rejects.toThrow('went away');
    await expect(s3.get('broken-key')).rejects.toBeInstanceOf(ObjectNotFoundError);
  });

  it('serves the app’s upload and download through S3 when configured so', async () => {
    const s = await setUp();
    const { database } = ctx();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MATERIALS_STORAGE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: BUCKET,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      MATERIAL_MAX_BYTES: String(LIMIT),
    });
    expect(config.materials).toMatchObject({ storage: 's3', forcePathStyle: true });
    const app = await buildApp({ config, database, webDir: '/nonexistent' });
    try {
      const [advisor, participant] = await Promise.all([
        logInAs(app, s.t.users.advisor.email),
        logInAs(app, s.t.users.participant.email),
      ]);
      const data = pdf(150_000);
      const body = multipart('s3-lysark.pdf', 'application/pdf', data);
      const res = await app.inject({
        method: 'POST',
        url: base(s.t),
        payload: body.payload,
        headers: { ...advisor.headers(true), ...body.headers },
      });
      expect(res.statusCode, res.body).toBe(201);
      const m = res.json<Material>();
      const dl = await app.inject({
        method: 'GET',
        url: `${base(s.t)}/${m.id}/download`,
        headers: participant.headers(),
      });
      expect(dl.statusCode).toBe(200);
      expect(dl.rawPayload.equals(data)).toBe(true);
      expect(
        (await app.inject({ method: 'DELETE', url: `${base(s.t)}/${m.id}`, headers: advisor.headers(true) }))
          .statusCode,
      ).toBe(204);
    } finally {
      await app.close();
    }
  });
});

describe('the materials configuration', () => {
  it('defaults to a folder under DATA_DIR and 50 MiB', () => {
    expect(loadConfig({ DATA_DIR: '/srv/lp' }).materials).toEqual({
      storage: 'disk',
      dir: path.join('/srv/lp', 'materials'),
      maxBytes: 50 * 1024 * 1024,
    });
  });

  it('refuses s3 without a bucket, one key without the other, and a limit that is not a number', () => {
    expect(() => loadConfig({ MATERIALS_STORAGE: 's3' })).toThrow(/S3_BUCKET/);
    expect(() => loadConfig({ MATERIALS_STORAGE: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'k' })).toThrow(
      /S3_SECRET_ACCESS_KEY/,
    );
    expect(() => loadConfig({ MATERIAL_MAX_BYTES: '50MB' })).toThrow(ConfigError);
    expect(() => loadConfig({ MATERIALS_STORAGE: 'ftp' })).toThrow(/MATERIALS_STORAGE/);
    expect(loadConfig({ MATERIALS_STORAGE: 's3', S3_BUCKET: 'b-1' }).materials).toMatchObject({
      storage: 's3',
      credentials: undefined,
      forcePathStyle: false,
    });
  });
});
