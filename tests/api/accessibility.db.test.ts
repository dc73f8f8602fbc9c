import { describe, expect, it } from 'vitest';
import { ZAccessibilityStatement } from '../../src/contracts/accessibility';
import { loadAccessibilityStatement } from '../../src/services/accessibility/statement';
import { useTestApp } from '../helpers/app';

const ctx = useTestApp();

describe('the accessibility statement', () => {
  it('is public and lists all 50 WCAG 2.1 A/AA criteria, none failed in the committed run', async () => {
    const res = await ctx().app.inject({ method: 'GET', url: '/api/accessibility-statement' });
    expect(res.statusCode).toBe(200);
    const s = ZAccessibilityStatement.parse(res.json());
    expect(s.criteria).toHaveLength(50);
    expect(s.criteria.filter((c) => c.result === 'failed').map((c) => c.id)).toEqual([]);
    // Generated from a real run: axe covered pages, and the keyboard flows were recorded.
    expect(s.pages).toBeGreaterThan(20);
    expect(s.criteria.find((c) => c.id === '2.1.1')?.scripted.length).toBeGreaterThan(0);
  });

  it('answers 404 with a clear message when it has not been generated', async () => {
    await expect(loadAccessibilityStatement('/nonexistent/statement.json')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
