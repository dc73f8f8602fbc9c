import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PRIVACY_REGISTRY } from '../../services/privacy/registry';
import { ROLES } from '../access/policy';
import { RETENTION_CATEGORY_IDS } from '../retention/categories';
import { PRIVACY_PARTS } from './parts';
import {
  CATEGORY_SPECS,
  DATA_SUBJECTS,
  type RecordInput,
  REMARKS,
  SECURITY_MEASURES,
  buildProcessingRecord,
  identityProviderOf,
} from './processing-record';

const input = (over: Partial<RecordInput> = {}): RecordInput => ({
  scope: 'client',
  processor: { id: 'prov', name: 'KS Konsulent AS', orgNumber: '999888777' },
  controllers: [{ id: 'client', name: 'Seljord kommune', municipalityNumber: '4022' }],
  programmes: [
    { id: 'prog', clientId: 'client', name: 'Lederprogram', anonymityThreshold: 5, retention: null },
  ],
  tables: PRIVACY_REGISTRY.map((r) => ({ table: r.table, part: r.part })),
  subProcessors: [],
  sso: [],
  deployment: {
    database: { kind: 'embedded', host: null },
    smtp: { configured: false, host: null },
    materials: { kind: 'disk' },
    secretsKeyConfigured: false,
    sessionTtlHours: 336,
  },
  now: new Date('2027-04-20T10:00:00Z'),
  ...over,
});

const record = buildProcessingRecord(input());
const category = (id: string) => record.categories.find((c) => c.id === id)!;
const row = (part: string, name: string) => category(part).access.find((r) => r.row === name)!;
const levelOf = (part: string, name: string, role: string) =>
  row(part, name).byRole.find((r) => r.role === role)!.level;

describe('the record of processing names everything the code knows', () => {
  it('puts every registry table in exactly one category', () => {
    const tables = record.categories.flatMap((c) => c.tables);
    expect([...tables].sort()).toEqual(PRIVACY_REGISTRY.map((r) => r.table).sort());
    expect(new Set(tables).size).toBe(tables.length);
  });

  it('describes every part of the registry, and has a description for every part there is', () => {
    expect(record.categories.map((c) => c.id)).toEqual(
      PRIVACY_PARTS.filter((p) => PRIVACY_REGISTRY.some((r) => r.part === p)),
    );
    expect(Object.keys(CATEGORY_SPECS).sort()).toEqual([...PRIVACY_PARTS].sort());
  });

  it('places every retention category under some category of data, and lists each with its default', () => {
    const placed = new Set(record.categories.flatMap((c) => c.retention));
    for (const id of RETENTION_CATEGORY_IDS) expect(placed, id).toContain(id);
    expect(record.retention.categories.map((c) => c.id)).toEqual([...RETENTION_CATEGORY_IDS]);
  });

  it('names every role, in the record and in every access row', () => {
    expect(record.roles).toEqual([...ROLES]);
    for (const c of record.categories) {
      expect(c.access.length, c.id).toBeGreaterThan(0);
      for (const r of c.access) expect(r.byRole.map((x) => x.role)).toEqual([...ROLES]);
    }
  });

  it('names every data subject, remark and security measure somewhere', () => {
    expect(record.dataSubjects).toEqual([...DATA_SUBJECTS]);
    expect([...record.remarks].sort()).toEqual([...REMARKS].sort());
    expect(record.security.map((s) => s.id)).toEqual([...SECURITY_MEASURES]);
  });
});

describe('who reads what comes from the access policy', () => {
  it('coaching notes: only the advisor who wrote them — not the provider admin, not the municipality', () => {
    expect(levelOf('coaching', 'coachingNote', 'advisor')).toBe('own');
    expect(levelOf('coaching', 'coachingNote', 'provider_admin')).toBeNull();
    expect(levelOf('coaching', 'coachingNote', 'client_admin')).toBeNull();
    expect(levelOf('coaching', 'coachingNote', 'participant')).toBeNull();
  });

  it('a single evaluation answer is read by nobody; results only as aggregates', () => {
    for (const role of ROLES) expect(levelOf('evaluations', 'evaluationResponse', role)).toBeNull();
    expect(levelOf('evaluations', 'evaluationResults', 'client_admin')).toBe('aggregate');
  });

  it("the client admin never reads a leader's project, self-assessment or group notes", () => {
    expect(levelOf('developmentProject', 'developmentProject', 'client_admin')).toBeNull();
    expect(levelOf('selfAssessment', 'selfAssessmentOwn', 'client_admin')).toBeNull();
    expect(levelOf('groups', 'groupNotes', 'client_admin')).toBeNull();
    expect(levelOf('developmentProject', 'developmentProject', 'advisor')).toBe('shared');
    expect(levelOf('developmentProject', 'developmentProject', 'participant')).toBe('own');
  });

  it('the e-mail outbox and the audit log are the provider admin’s', () => {
    expect(
      row('mail', 'outbox')
        .byRole.filter((r) => r.level !== null)
        .map((r) => r.role),
    ).toEqual(['provider_admin']);
    expect(levelOf('security', 'auditLog', 'provider_admin')).toBe('all');
  });
});

describe('retention per programme', () => {
  it('is unknown (null) while a programme’s own policy is not given, and shows it when it is', () => {
    expect(record.retention.categories.every((c) => c.programmes === null)).toBe(true);
    const retention = Object.fromEntries(RETENTION_CATEGORY_IDS.map((id) => [id, 3])) as Record<
      (typeof RETENTION_CATEGORY_IDS)[number],
      number | null
    >;
    retention.devProjects = null;
    const known = buildProcessingRecord(
      input({
        programmes: [{ id: 'prog', clientId: 'client', name: 'P', anonymityThreshold: 5, retention }],
      }),
    );
    const dev = known.retention.categories.find((c) => c.id === 'devProjects')!;
    expect(dev.programmes).toEqual([{ programmeId: 'prog', months: null }]);
    const notes = known.retention.categories.find((c) => c.id === 'coachingNotes')!;
    expect(notes.programmes).toEqual([{ programmeId: 'prog', months: 3 }]);
  });
});

describe('sub-processors the deployment reveals', () => {
  it('names the identity service of each configured issuer by its host', () => {
    expect(identityProviderOf('login.microsoftonline.com')).toBe('entraId');
    expect(identityProviderOf('idporten.no')).toBe('idPorten');
    expect(identityProviderOf('test.idporten.no')).toBe('idPorten');
    expect(identityProviderOf('ansattporten.no')).toBe('ansattporten');
    expect(identityProviderOf('notidporten.no')).toBe('other');
    expect(identityProviderOf('idp.seljord.kommune.no')).toBe('other');
  });

  it('lists database, mail and file storage always, and one identity provider per set-up', () => {
    expect(record.subProcessors.automatic.map((s) => s.kind)).toEqual(['database', 'smtp', 'objectStorage']);
    const withSso = buildProcessingRecord(
      input({ sso: [{ clientId: 'client', issuer: 'https://idporten.no', enabled: false }] }),
    );
    expect(withSso.subProcessors.automatic[3]).toEqual({
      kind: 'identityProvider',
      clientId: 'client',
      provider: 'idPorten',
      host: 'idporten.no',
      enabled: false,
    });
    expect(withSso.security.find((s) => s.id === 'singleSignOn')!.inPlace).toBe(false);
  });
});

describe('properties', () => {
  it('any subset of the registry gives one category per part present, each with its own tables only', () => {
    fc.assert(
      fc.property(fc.subarray(PRIVACY_REGISTRY.map((r) => ({ table: r.table, part: r.part }))), (tables) => {
        const r = buildProcessingRecord(input({ tables }));
        expect(r.categories.map((c) => c.id)).toEqual(
          PRIVACY_PARTS.filter((p) => tables.some((t) => t.part === p)),
        );
        for (const c of r.categories)
          expect(c.tables).toEqual(tables.filter((t) => t.part === c.id).map((t) => t.table));
      }),
    );
  });

  it('the same input gives the same record', () => {
    expect(buildProcessingRecord(input())).toEqual(record);
  });
});
