import { describe, expect, it } from 'vitest';
import { SEED_DESIGN } from '../../domain/pricing/seed';
import { parseDesign, toProgrammeDesign } from './design';
import { SEED_QUOTE_DESIGN } from '../../contracts/quotes';

describe('toProgrammeDesign', () => {
  it('turns the design file of the issue into the seed design with its rates in øre', () => {
    const parsed = parseDesign(JSON.stringify(SEED_QUOTE_DESIGN));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const design = toProgrammeDesign(parsed.design);
    expect(design).toEqual({
      gatherings: { ...SEED_DESIGN.gatherings, dayRate: 2_187_500, vatBasisPoints: undefined },
      networkGroups: { ...SEED_DESIGN.networkGroups, dayRate: 1_750_000, vatBasisPoints: undefined },
      evaluation: { fixedPrice: 1_750_000 },
      coaching: { ...SEED_DESIGN.coaching, hourlyRate: 218_750, vatBasisPoints: undefined },
      travel: { trips: 4, kmPerTrip: 280, travellers: 2, perDiem: undefined, vatBasisPoints: undefined },
      vatBasisPoints: 2500,
    });
  });

  it('converts VAT fractions to basis points and hours to minutes exactly', () => {
    const parsed = parseDesign(
      '{"coaching":{"leaders":1,"sessionsPerLeader":1,"hoursPerSession":0.75,"vatRate":0.12}}',
    );
    if (!parsed.ok) throw new Error('invalid');
    expect(toProgrammeDesign(parsed.design).coaching).toMatchObject({
      minutesPerSession: 45,
      vatBasisPoints: 1200,
    });
  });

  it('leaves a null or missing section out', () => {
    const parsed = parseDesign('{"gatherings":null}');
    if (!parsed.ok) throw new Error('invalid');
    const d = toProgrammeDesign(parsed.design);
    expect([d.gatherings, d.networkGroups, d.evaluation, d.coaching, d.travel]).toEqual([
      null,
      undefined,
      null,
      undefined,
      undefined,
    ]);
  });

  it('names every bad field, the unknown ones by their own path', () => {
    const parsed = parseDesign('{"gatherings":{"count":-1,"advisors":"2","cout":1},"extra":true}');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.field).sort()).toEqual([
      'extra',
      'gatherings.advisors',
      'gatherings.count',
      'gatherings.cout',
    ]);
  });
});
