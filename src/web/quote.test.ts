import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { parseNumber, quoteFieldOfError, SEED_QUOTE_FORM, toQuoteDesign, type QuoteForm } from './quote';
import { SEED_QUOTE_DESIGN } from '../contracts/quotes';

describe('the quote builder’s form model', () => {
  it('turns the seed form into the seed offer’s design', () => {
    expect(toQuoteDesign(SEED_QUOTE_FORM)).toEqual({
      ok: true,
      design: SEED_QUOTE_DESIGN,
    });
  });

  it('sends a section left out as null, and ignores its fields even when they are not numbers', () => {
    const form: QuoteForm = {
      values: { ...SEED_QUOTE_FORM.values, networkGroups: 'fire', coachingMinutes: '45' },
      include: { networkGroups: false, coaching: true, travel: false },
    };
    const draft = toQuoteDesign(form);
    expect(draft.ok && draft.design.networkGroups).toBeNull();
    expect(draft.ok && draft.design.travel).toBeNull();
    expect(draft.ok && draft.design.coaching?.hoursPerSession).toBe(0.75);
  });

  it('holds back a design with a field that is not a number, and names the field', () => {
    const form = { ...SEED_QUOTE_FORM, values: { ...SEED_QUOTE_FORM.values, gatheringsCount: '' } };
    expect(toQuoteDesign(form)).toEqual({ ok: false, notNumbers: ['gatheringsCount'] });
  });

  it('reads Norwegian numbers: a decimal comma and spaces between thousands', () => {
    expect(parseNumber('2 187,50')).toBe(2187.5);
    expect(parseNumber('21\u00a0875')).toBe(21875);
    expect(parseNumber('-1')).toBe(-1);
    expect(parseNumber('12.5')).toBe(12.5);
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('4 samlinger')).toBeNull();
    expect(parseNumber('1,2,3')).toBeNull();
  });

  it('passes a negative count on for the server to refuse, and finds the field in its answer', () => {
    const form = { ...SEED_QUOTE_FORM, values: { ...SEED_QUOTE_FORM.values, gatheringsCount: '-1' } };
    const draft = toQuoteDesign(form);
    expect(draft.ok && draft.design.gatherings?.count).toBe(-1);
    const error = new ApiError(400, 'validation_failed', 'gatherings.count: Too small', 'gatherings.count');
    expect(quoteFieldOfError(error)).toBe('gatheringsCount');
    expect(quoteFieldOfError(new ApiError(400, 'validation_failed', 'x', 'catering'))).toBeNull();
    expect(quoteFieldOfError(new ApiError(403, 'forbidden', 'x'))).toBeNull();
  });
});
