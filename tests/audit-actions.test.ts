import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_KIND_FILTERS } from '../src/contracts/admin';
import { AUDIT_ACTIONS, AUDIT_KINDS, auditActionLabelKey, auditKindOf } from '../src/domain/audit/actions';
import { en } from '../src/i18n/en';
import { nb } from '../src/i18n/nb';
import { nn } from '../src/i18n/nn';

// The audit page shows a label and a kind for every action. The list in src/domain/audit/actions.ts
// is checked against the services' source both ways: an action recorded but not listed (no label,
// no deliberate kind) fails here, and so does a listed action nobody records any more.

const SERVICES = new URL('../src/services', import.meta.url).pathname;

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (path.endsWith('.ts') && !path.endsWith('.test.ts')) yield path;
  }
}

/** The text of a call from its name to its closing parenthesis. */
function callAt(src: string, start: number): string {
  let depth = 0;
  for (let i = src.indexOf('(', start); i < src.length; i++) {
    if (src[i] === '(') depth++;
    else if (src[i] === ')' && --depth === 0) return src.slice(start, i + 1);
  }
  throw new Error(`unbalanced call at ${start}`);
}

/** String literals in an expression, leaving out the ones compared against (`x === 'a' ? … : …`). */
function literalsIn(expr: string): string[] {
  return [...expr.matchAll(/(===\s*|!==\s*)?(?:'([^']+)'|`([^`]+)`)/g)]
    .filter((m) => !m[1])
    .map((m) => m[2] ?? m[3]!);
}

/** Every action string recorded in src/services: `action:` of recordAudit/recordAccess, and the dev-project helper. */
function actionsInServices(): { action: string; file: string }[] {
  const found: { action: string; file: string }[] = [];
  for (const file of sourceFiles(SERVICES)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/\b(?:recordAudit|recordAccess)\(/g)) {
      if (/function\s*$/.test(src.slice(Math.max(0, m.index - 20), m.index))) continue;
      const call = callAt(src, m.index);
      const prop = /\baction\s*:\s*([\s\S]*?),\s*\n\s*(?:\.\.\.|[A-Za-z]+\s*[:,\n])/.exec(call);
      if (!prop) continue; // shorthand `action` or `entry.action`: a helper, matched below
      for (const action of literalsIn(prop[1]!)) found.push({ action, file });
    }
    // The dev-project service passes its action to a local `audit(tx, ctx, scope, action, …)`, the
    // surveys' reminder buttons to `remindNow(db, ctx, scope, action, …)`.
    for (const m of src.matchAll(/\b(?:audit|remindNow)\(\s*(?:tx|db),\s*ctx,\s*scope,\s*([^,]+),/g))
      for (const action of literalsIn(m[1]!)) found.push({ action, file });
  }
  return found;
}

/** `quote.${change.status}` matches the listed actions it can become. */
const patternOf = (action: string) =>
  new RegExp(`^${action.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[a-z_]+')}$`);

describe('the audit actions', () => {
  const used = actionsInServices();

  it('finds the actions in the source (the scan itself works)', () => {
    expect(used.length).toBeGreaterThan(90);
    expect(used.map((u) => u.action)).toContain('person.exported');
    expect(used.map((u) => u.action)).toContain('devProject.read');
  });

  it('lists every action a service records', () => {
    const listed: readonly string[] = AUDIT_ACTIONS;
    const missing = used.filter((u) => !listed.some((a) => patternOf(u.action).test(a)));
    expect(missing).toEqual([]);
  });

  it('lists no action that no service records', () => {
    const stale = AUDIT_ACTIONS.filter((a) => !used.some((u) => patternOf(u.action).test(a)));
    expect(stale).toEqual([]);
  });

  it('gives every recorded action a kind', () => {
    for (const { action } of used)
      expect(['reads_exports', 'changes', 'logins']).toContain(auditKindOf(action));
  });

  it('offers the same kinds in the API contract as the domain knows', () => {
    expect([...AUDIT_KIND_FILTERS]).toEqual(['all', ...AUDIT_KINDS]);
  });

  it('has a label for every action in nb, nn and en', () => {
    for (const catalog of [nb, nn, en]) {
      const labels: Record<string, string> = catalog.auditLog.actions;
      const missing = AUDIT_ACTIONS.filter((a) => !labels[auditActionLabelKey(a)]);
      expect(missing).toEqual([]);
      expect(Object.keys(labels).sort()).toEqual(AUDIT_ACTIONS.map(auditActionLabelKey).sort());
    }
  });
});
