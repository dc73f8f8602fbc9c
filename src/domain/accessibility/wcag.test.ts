import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RunRecords, WCAG21_CRITERIA, buildStatement, criterionOfTag } from './wcag';

const page = (over: Partial<RunRecords['pages'][number]>): RunRecords['pages'][number] => ({
  file: 'a.e2e',
  label: 'home',
  path: '/',
  passes: [],
  violations: [],
  incomplete: [],
  ...over,
});

describe('criterionOfTag', () => {
  it('reads axe tags, two-digit criteria included, and nothing else', () => {
    expect(criterionOfTag('wcag143')).toBe('1.4.3');
    expect(criterionOfTag('wcag1410')).toBe('1.4.10');
    expect(criterionOfTag('wcag412')).toBe('4.1.2');
    expect(criterionOfTag('wcag2aa')).toBeNull();
    expect(criterionOfTag('wcag21aa')).toBeNull();
    expect(criterionOfTag('cat.color')).toBeNull();
    expect(criterionOfTag('best-practice')).toBeNull();
  });

  it('maps the tag of every WCAG 2.1 A/AA criterion back to that criterion', () => {
    for (const { id } of WCAG21_CRITERIA) expect(criterionOfTag(`wcag${id.replaceAll('.', '')}`)).toBe(id);
  });
});

describe('buildStatement', () => {
  const ruleTags = { 'color-contrast': ['wcag2aa', 'wcag143'], 'html-has-lang': ['wcag2a', 'wcag311'] };

  it('lists all 50 criteria: passed, failed, not applicable and not tested, each said plainly', () => {
    const s = buildStatement({
      ruleTags,
      pages: [
        page({ passes: ['color-contrast', 'html-has-lang'] }),
        page({ label: 'quote', path: '/q', passes: ['html-has-lang'], violations: ['color-contrast'] }),
      ],
      checks: [{ file: 'b.e2e', criteria: ['2.1.1'], description: 'log in with the keyboard alone' }],
    });
    expect(s.criteria).toHaveLength(50);
    const by = new Map(s.criteria.map((c) => [c.id, c]));
    expect(by.get('1.4.3')).toMatchObject({ result: 'failed', pagesChecked: 2, pagesFailed: 1 });
    expect(by.get('3.1.1')).toMatchObject({ result: 'passed', axeRules: ['html-has-lang'], pagesChecked: 2 });
    expect(by.get('2.1.1')).toMatchObject({ result: 'passed', scripted: ['log in with the keyboard alone'] });
    expect(by.get('1.2.2')).toMatchObject({ result: 'not_applicable', notApplicable: 'noMedia' });
    expect(by.get('2.4.5')!.result).toBe('not_tested');
    expect(s.pages).toBe(2);
    expect(s.files).toBe(2);
  });

  it('never calls a criterion passed when any page violated one of its rules (property)', () => {
    const rules = Object.keys(ruleTags);
    const arbPage = fc.record({
      passes: fc.subarray(rules),
      violations: fc.subarray(rules),
      label: fc.constantFrom('a', 'b', 'c'),
    });
    fc.assert(
      fc.property(fc.array(arbPage, { maxLength: 8 }), (pages) => {
        const s = buildStatement({ ruleTags, checks: [], pages: pages.map((p) => page(p)) });
        const total = Object.values(s.counts).reduce((a, b) => a + b, 0);
        if (total !== 50) return false;
        return s.criteria.every((c) => {
          const failedSomewhere = pages.some((p) =>
            p.violations.some((r) =>
              (ruleTags as Record<string, string[]>)[r]!.includes(`wcag${c.id.replaceAll('.', '')}`),
            ),
          );
          return failedSomewhere ? c.result === 'failed' : c.result !== 'failed';
        });
      }),
    );
  });
});
