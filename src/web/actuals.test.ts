import { describe, expect, it } from 'vitest';
import { type DeliveryForm, emptyDeliveryForm, toRegisterDelivery } from './actuals';

const TODAY = '2027-03-15';
const form = (patch: Partial<DeliveryForm>): DeliveryForm => ({ ...emptyDeliveryForm(TODAY), ...patch });

describe('toRegisterDelivery', () => {
  it('a gathering day with two advisors, today', () => {
    expect(toRegisterDelivery(form({}), TODAY)).toEqual({
      ok: true,
      body: { kind: 'gatheringDay', deliveredOn: TODAY, quantity: 2, advisorUserId: null },
    });
  });

  it('coaching as hours and minutes becomes minutes', () => {
    expect(toRegisterDelivery(form({ kind: 'coaching', hours: '1', minutes: '30' }), TODAY)).toMatchObject({
      ok: true,
      body: { kind: 'coaching', quantity: 90 },
    });
    expect(toRegisterDelivery(form({ kind: 'coaching', hours: '', minutes: '45' }), TODAY)).toMatchObject({
      body: { quantity: 45 },
    });
    for (const [hours, minutes] of [
      ['0', '0'],
      ['1', '60'],
      ['x', '0'],
      ['1,5', '0'],
    ]) {
      expect(toRegisterDelivery(form({ kind: 'coaching', hours, minutes }), TODAY)).toEqual({
        ok: false,
        errors: { duration: 'duration' },
      });
    }
  });

  it('travel takes kroner with a decimal comma and spaces', () => {
    expect(
      toRegisterDelivery(form({ kind: 'travel', quantity: '1', amount: '2 251,75', note: ' Bil ' }), TODAY),
    ).toEqual({
      ok: true,
      body: {
        kind: 'travel',
        deliveredOn: TODAY,
        quantity: 1,
        amountNok: 2251.75,
        advisorUserId: null,
        note: 'Bil',
      },
    });
    for (const amount of ['', '12,345', '-5', 'ti kroner', '1234567']) {
      expect(toRegisterDelivery(form({ kind: 'travel', quantity: '1', amount }), TODAY)).toMatchObject({
        ok: false,
        errors: { amount: 'amount' },
      });
    }
  });

  it('refuses a future date, a quantity outside the kind’s range and text', () => {
    expect(toRegisterDelivery(form({ deliveredOn: '2027-03-16' }), TODAY)).toMatchObject({
      errors: { deliveredOn: 'date' },
    });
    for (const quantity of ['0', '51', '1.5', 'to', '']) {
      expect(toRegisterDelivery(form({ quantity }), TODAY)).toMatchObject({
        errors: { quantity: 'quantity' },
      });
    }
    expect(toRegisterDelivery(form({ kind: 'evaluation', quantity: '2' }), TODAY)).toMatchObject({
      errors: { quantity: 'quantity' },
    });
  });

  it('sends the advisor only when one is chosen', () => {
    const r = toRegisterDelivery(form({ advisorUserId: '3f1c1a53-3e5b-4d0b-9a51-2d4c2b1b0c11' }), TODAY);
    expect(r).toMatchObject({ ok: true, body: { advisorUserId: '3f1c1a53-3e5b-4d0b-9a51-2d4c2b1b0c11' } });
  });
});
