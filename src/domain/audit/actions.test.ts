import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionLabelKey, auditKindOf } from './actions';

describe('auditKindOf', () => {
  it.each([
    ['auth.login', 'logins'],
    ['auth.login_failed', 'logins'],
    ['auth.oidc_refused', 'logins'],
    ['client_report.read', 'reads_exports'],
    ['offer.exported', 'reads_exports'],
    ['person.exported', 'reads_exports'],
    ['coaching.note_read', 'reads_exports'],
    ['outbox.read_bodies', 'reads_exports'],
    ['tenFactor.followUpRead', 'reads_exports'],
    ['coaching.note_saved', 'changes'],
    ['person.erased', 'changes'],
    ['quote.accepted', 'changes'],
    ['a.new_thing_nobody_listed', 'changes'],
  ] as const)('%s is %s', (action, kind) => {
    expect(auditKindOf(action)).toBe(kind);
  });

  it('puts every known action in exactly one of the three kinds', () => {
    const kinds = new Set(AUDIT_ACTIONS.map(auditKindOf));
    expect([...kinds].sort()).toEqual(['changes', 'logins', 'reads_exports']);
  });

  it('reads and exports follow the naming, apart from the three older names', () => {
    const odd = AUDIT_ACTIONS.filter(
      (a) => auditKindOf(a) === 'reads_exports' && !a.endsWith('.read') && !a.endsWith('.exported'),
    );
    expect(odd).toEqual(['coaching.note_read', 'outbox.read_bodies', 'tenFactor.followUpRead']);
  });
});

describe('auditActionLabelKey', () => {
  it('gives every known action its own label key, a single path segment', () => {
    const keys = AUDIT_ACTIONS.map(auditActionLabelKey);
    expect(new Set(keys).size).toBe(AUDIT_ACTIONS.length);
    for (const k of keys) expect(k).not.toContain('.');
  });

  it('lists each action once, sorted', () => {
    expect([...AUDIT_ACTIONS]).toEqual(
      [...new Set(AUDIT_ACTIONS)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
});
