import { describe, expect, it } from 'vitest';
import { fromKroner } from '../money/money';
import { type StateTravelRate, selectTravelRates } from './rates';
import { SEED_STATE_TRAVEL_RATES } from './seed';

describe('selectTravelRates', () => {
  it('uses the 2025 rates for a trip in 2025', () => {
    const { result, diagnostics } = selectTravelRates(SEED_STATE_TRAVEL_RATES, '2025-06-01', 'day6to12h');
    expect(result).toEqual({
      carPerKm: fromKroner(5),
      carRateValidFrom: '2025-01-01',
      perDiemKind: 'day6to12h',
      perDiem: fromKroner(384),
      perDiemValidFrom: '2025-01-01',
    });
    expect(diagnostics).toEqual([]);
  });

  it('uses the 2026 car rate and, since the 2026 per diem is not published, the 2025 per diem — and says so', () => {
    const { result, diagnostics } = selectTravelRates(SEED_STATE_TRAVEL_RATES, '2026-03-01', 'dayOver12h');
    expect(result?.carPerKm).toBe(fromKroner(5.3));
    expect(result?.carRateValidFrom).toBe('2026-01-01');
    expect(result?.perDiem).toBe(fromKroner(713));
    expect(result?.perDiemValidFrom).toBe('2025-01-01');
    expect(diagnostics).toEqual([
      {
        code: 'perDiemNotPublished',
        line: 'travel',
        params: { on: '2026-03-01', validFrom: '2026-01-01', usedValidFrom: '2025-01-01' },
      },
    ]);
  });

  it('takes a rate from its valid-from date on, not the day before', () => {
    expect(selectTravelRates(SEED_STATE_TRAVEL_RATES, '2025-12-31', 'none').result?.carPerKm).toBe(500);
    expect(selectTravelRates(SEED_STATE_TRAVEL_RATES, '2026-01-01', 'none').result?.carPerKm).toBe(530);
  });

  it('does not depend on the order the rates are stored in', () => {
    const reversed = [...SEED_STATE_TRAVEL_RATES].reverse();
    expect(selectTravelRates(reversed, '2026-03-01', 'overnight')).toEqual(
      selectTravelRates(SEED_STATE_TRAVEL_RATES, '2026-03-01', 'overnight'),
    );
  });

  it('with no per diem asked for, uses none and says nothing about per diems', () => {
    const { result, diagnostics } = selectTravelRates(SEED_STATE_TRAVEL_RATES, '2026-03-01', 'none');
    expect(result).toMatchObject({ perDiem: 0, perDiemValidFrom: null });
    expect(diagnostics).toEqual([]);
  });

  it('uses the earliest rates for a date before all of them, and says so', () => {
    const { result, diagnostics } = selectTravelRates(SEED_STATE_TRAVEL_RATES, '2020-01-01', 'day6to12h');
    expect(result?.carRateValidFrom).toBe('2025-01-01');
    expect(diagnostics.map((d) => d.code)).toEqual(['travelRatesNotYetValid']);
  });

  it('returns no rates when none are stored', () => {
    const { result, diagnostics } = selectTravelRates([], '2026-03-01', 'day6to12h');
    expect(result).toBeNull();
    expect(diagnostics.map((d) => d.code)).toEqual(['noStateTravelRates']);
  });

  it('prices the per diem at 0 and says so when it was never published', () => {
    const onlyCar: StateTravelRate[] = [
      {
        validFrom: '2026-01-01',
        carPerKm: fromKroner(5.3),
        perDiem6To12Hours: null,
        perDiemOver12Hours: null,
        perDiemOvernight: null,
      },
    ];
    const { result, diagnostics } = selectTravelRates(onlyCar, '2026-03-01', 'day6to12h');
    expect(result).toMatchObject({ perDiem: 0, perDiemValidFrom: null });
    expect(diagnostics.map((d) => d.code)).toEqual(['perDiemMissing']);
  });
});
