import { describe, expect, it } from 'vitest';
import type { RateCard } from './api';
import { editRateCardForm, newRateCardForm, parseKroner, toRateCardInput } from './rates';

const CARD: RateCard = {
  id: '3f1c1a53-3e5b-4d0b-9a51-2d4c2b1b0c11',
  validFrom: '2026-01-01',
  gatheringDayRate: 21_875,
  networkDayRate: 17_500,
  evaluationFixed: 17_500,
  coachingHourlyRate: 2187.5,
  vatRate: 0.25,
  current: true,
  editable: false,
  createdAt: '2026-01-01T00:00:00.000Z',
};

describe('the rate card form', () => {
  it('starts a new card from the one in force, valid from next 1 January', () => {
    const form = newRateCardForm(CARD, '2026-11-28');
    expect(form).toEqual({
      validFrom: '2027-01-01',
      values: {
        gatheringDayRate: '21875',
        networkDayRate: '17500',
        evaluationFixed: '17500',
        coachingHourlyRate: '2187,50',
      },
      vatPercent: '25',
    });
    expect(toRateCardInput(form)).toEqual({
      ok: true,
      body: {
        validFrom: '2027-01-01',
        gatheringDayRateNok: 21_875,
        networkDayRateNok: 17_500,
        evaluationNok: 17_500,
        coachingHourlyRateNok: 2187.5,
        vatRate: 0.25,
      },
    });
  });

  it('round-trips an existing card', () => {
    expect(toRateCardInput(editRateCardForm(CARD))).toMatchObject({
      ok: true,
      body: { validFrom: '2026-01-01' },
    });
  });

  it('reads kroner as people type them and refuses the rest', () => {
    expect(parseKroner('21 875')).toBe(21_875);
    expect(parseKroner('2 187,5')).toBe(2187.5);
    expect(parseKroner('2187.50')).toBe(2187.5);
    for (const bad of ['', '0', '-5', '1,234', 'tjue', '12345678']) expect(parseKroner(bad)).toBeNull();
  });

  it('names every field that does not parse', () => {
    const form = newRateCardForm(CARD, '2026-11-28');
    const bad = {
      ...form,
      validFrom: '',
      vatPercent: '125',
      values: { ...form.values, networkDayRate: 'x' },
    };
    expect(toRateCardInput(bad)).toEqual({
      ok: false,
      errors: { validFrom: 'date', networkDayRate: 'amount', vatPercent: 'vat' },
    });
    expect(toRateCardInput({ ...form, vatPercent: '0' })).toMatchObject({ ok: true, body: { vatRate: 0 } });
    expect(toRateCardInput({ ...form, vatPercent: '12,5 %' })).toMatchObject({
      ok: true,
      body: { vatRate: 0.125 },
    });
  });
});
