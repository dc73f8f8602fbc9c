import { describe, expect, it } from 'vitest';
import { SEED_QUOTE_DESIGN } from '../contracts/quotes';
import { SEED_QUOTE_FORM, toQuoteDesign } from './quote';
import { toQuoteForm } from './quote-versions';

describe('loading a saved design into the quote form', () => {
  it('gives back the seed form for the seed design, and the same design again', () => {
    const form = toQuoteForm(SEED_QUOTE_DESIGN);
    expect(form).toEqual(SEED_QUOTE_FORM);
    expect(toQuoteDesign(form)).toEqual({ ok: true, design: SEED_QUOTE_DESIGN });
  });

  it('leaves out the sections the design leaves out, and keeps a rate the design leaves to the rate card', () => {
    const form = toQuoteForm({ gatherings: { count: 5, advisors: 1 }, coaching: null, vatRate: 0.15 });
    expect(form.include).toEqual({ networkGroups: false, coaching: false, travel: false });
    expect(form.values).toMatchObject({ gatheringsCount: '5', gatheringsDayRate: '21875', vatPercent: '15' });
  });
});
