import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_STATUSES as CONTRACT_ACTION_STATUSES,
  MIN_RESPONDENTS as CONTRACT_MIN_RESPONDENTS,
  TEN_FACTORS as CONTRACT_TEN_FACTORS,
} from '../../contracts/ten-factor-constants';
import {
  ACTION_STATUSES,
  MIN_RESPONDENTS,
  type RawRow,
  type SurveyUnit,
  TEN_FACTORS,
  type TenFactorMeans,
  aggregateFollowUp,
  columnForHeader,
  compareUnit,
  isShown,
  isTotalRowName,
  municipalityMean,
  neutraliseFormula,
  parseDecimal,
  parseTenFactorRows,
  shownUnits,
  weightedMeans,
} from './index';

const HEADER = [
  'Eining',
  'Tal respondentar',
  'Oppgåvemotivasjon',
  'Meistringstru',
  'Opplevd sjølvstende',
  'Bruk av kompetanse',
  'Meistringsorientert leiing',
  'Rolleklarheit',
  'Relevant kompetanseutvikling',
  'Fleksibilitetsvilje',
  'Meistringsklima',
  'Nyttemotivasjon',
];
const table = (...lines: string[][]): RawRow[] => lines.map((cells, i) => ({ rowNumber: i + 1, cells }));
const tenOf = (v: string) => Array.from({ length: 10 }, () => v);
const means = (v: number): TenFactorMeans =>
  Object.fromEntries(TEN_FACTORS.map((f) => [f, v])) as TenFactorMeans;

describe('the contract constants', () => {
  it('match the domain', () => {
    expect(CONTRACT_TEN_FACTORS).toEqual(TEN_FACTORS);
    expect(CONTRACT_ACTION_STATUSES).toEqual(ACTION_STATUSES);
    expect(CONTRACT_MIN_RESPONDENTS).toBe(MIN_RESPONDENTS);
  });
});

describe('header variants', () => {
  it.each([
    ['Oppgavemotivasjon', 'taskMotivation'],
    ['OPPGÅVEMOTIVASJON', 'taskMotivation'],
    ['1. Oppgavemotivasjon', 'taskMotivation'],
    ['Mestringstro', 'selfEfficacy'],
    ['meistringstru', 'selfEfficacy'],
    ['Opplevd selvstendighet', 'autonomy'],
    ['Opplevd sjølvstende', 'autonomy'],
    ['Mestringsorientert ledelse', 'masteryLeadership'],
    ['Meistringsorientert leiing', 'masteryLeadership'],
    ['Rolleklarhet', 'roleClarity'],
    ['Relevant kompetanseutvikling', 'competenceDevelopment'],
    ['fleksibilitets-vilje', 'flexibility'],
    ['Meistringsklima', 'masteryClimate'],
    ['Nyttemotivasjon', 'prosocialMotivation'],
    ['Enhet', 'unit'],
    ['Antall respondenter', 'respondents'],
    ['N', 'respondents'],
    ['Farge', null],
  ])('%s → %s', (header, column) => expect(columnForHeader(header)).toBe(column));

  it('knows a total row by its name', () => {
    expect(isTotalRowName('Heile kommunen')).toBe(true);
    expect(isTotalRowName('Totalt')).toBe(true);
    expect(isTotalRowName('Seljord skule')).toBe(false);
  });
});

describe('parseDecimal', () => {
  it('reads a decimal comma or point and refuses anything else', () => {
    expect(parseDecimal('3,87')).toBe(3.87);
    expect(parseDecimal(' 4.2 ')).toBe(4.2);
    expect(parseDecimal('4')).toBe(4);
    expect(parseDecimal('3,8,7')).toBeNull();
    expect(parseDecimal('1 234')).toBeNull();
    expect(parseDecimal('fire')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });

  it('reads back any number written with two decimals and a comma', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 500 }), (hundredths) => {
        const text = (hundredths / 100).toFixed(2).replace('.', ',');
        expect(parseDecimal(text)).toBeCloseTo(hundredths / 100, 10);
      }),
    );
  });
});

describe('parseTenFactorRows', () => {
  it('reads units, respondents and ten means; a total row is kept apart', () => {
    const preview = parseTenFactorRows(
      table(
        HEADER,
        ['Seljord skule', '14', ...tenOf('4,1')],
        ['Heimetenesta', '2', ...tenOf('')],
        ['Heile kommunen', '40', ...tenOf('3.9')],
      ),
    );
    expect(preview.ok).toBe(true);
    expect(preview.units.map((u) => [u.name, u.respondents, u.means?.taskMotivation ?? null])).toEqual([
      ['Seljord skule', 14, 4.1],
      ['Heimetenesta', 2, null],
    ]);
    expect(preview.total?.respondents).toBe(40);
  });

  it('names the row and column of every bad value', () => {
    const bad = tenOf('3,5');
    bad[3] = '5,4';
    bad[5] = 'mykje';
    const preview = parseTenFactorRows(
      table(HEADER, ['Skule', '10', ...tenOf('4')], ['Skule', 'ti', ...bad], ['', '5', ...tenOf('3')]),
    );
    expect(preview.ok).toBe(false);
    const where = preview.problems.map((p) => `${p.code}@${p.rowNumber}:${p.column}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'unitDuplicate@3:Eining',
        'respondentsInvalid@3:Tal respondentar',
        'meanOutOfRange@3:Bruk av kompetanse',
        'meanNotNumber@3:Rolleklarheit',
        'unitMissing@4:Eining',
      ]),
    );
  });

  it('requires every mean for a unit at or above the threshold', () => {
    const preview = parseTenFactorRows(table(HEADER, ['Skule', '3', ...tenOf('')]));
    expect(preview.ok).toBe(false);
    expect(preview.problems.filter((p) => p.code === 'meanMissing')).toHaveLength(10);
  });

  it('refuses a file without the required columns, naming them', () => {
    const preview = parseTenFactorRows(table(['Eining', 'Mestringstro'], ['Skule', '4']));
    expect(preview.ok).toBe(false);
    expect(preview.problems[0]?.code).toBe('missingColumns');
    expect(preview.problems[0]?.params.columns).toContain('respondents');
  });

  it('replaces control characters and lone surrogates in names (never stored)', () => {
    const preview = parseTenFactorRows(table(HEADER, ['Sk\u0000ule\u0007 \ud800A', '5', ...tenOf('4')]));
    expect(preview.units[0]?.name).toBe('Sk ule A');
  });

  it('never throws and never accepts a mean outside 1–5', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 6 }), { maxLength: 14 }), { maxLength: 8 }),
        (rows) => {
          const preview = parseTenFactorRows(table(HEADER, ...rows));
          for (const u of preview.units) {
            expect(Number.isInteger(u.respondents) && u.respondents >= 0).toBe(true);
            if (u.means) for (const f of TEN_FACTORS) expect(u.means[f]).toBeGreaterThanOrEqual(1);
            if (u.means) for (const f of TEN_FACTORS) expect(u.means[f]).toBeLessThanOrEqual(5);
          }
          if (preview.ok) expect(preview.problems.every((p) => p.severity !== 'error')).toBe(true);
        },
      ),
    );
  });
});

const arbUnit: fc.Arbitrary<SurveyUnit> = fc.record({
  name: fc.string({ minLength: 1, maxLength: 5 }),
  respondents: fc.integer({ min: 0, max: 40 }),
  means: fc.option(
    fc.record(
      Object.fromEntries(
        TEN_FACTORS.map((f) => [f, fc.integer({ min: 100, max: 500 }).map((n) => n / 100)]),
      ) as {
        [K in keyof TenFactorMeans]: fc.Arbitrary<number>;
      },
    ),
    { freq: 5 },
  ),
});

describe('suppression and the municipality mean', () => {
  it('hides a unit below the threshold and one without means', () => {
    expect(isShown({ name: 'a', respondents: 2, means: means(4) })).toBe(false);
    expect(isShown({ name: 'a', respondents: 3, means: means(4) })).toBe(true);
    expect(isShown({ name: 'a', respondents: 9, means: null })).toBe(false);
    expect(compareUnit({ name: 'a', respondents: 2, means: means(4) }, null, null)).toBeNull();
  });

  it('weights the mean of all units (the small ones too) by respondents', () => {
    const units: SurveyUnit[] = [
      { name: 'a', respondents: 10, means: means(4) },
      { name: 'b', respondents: 5, means: means(1) },
      { name: 'c', respondents: 5, means: means(2) },
    ];
    const m = municipalityMean(units, null)!;
    expect(m.basis).toBe('allUnits');
    expect(m.means.taskMotivation).toBeCloseTo(2.75, 10);
  });

  it('prefers the file’s total row', () => {
    const m = municipalityMean([{ name: 'a', respondents: 10, means: means(4) }], {
      name: 'Kommunen',
      respondents: 30,
      means: means(3.5),
    })!;
    expect(m).toMatchObject({ basis: 'totalRow', respondents: 30 });
  });

  it('falls back to the shown units when 1–2 hidden respondents could be worked out by differencing', () => {
    const units: SurveyUnit[] = [
      { name: 'a', respondents: 10, means: means(4) },
      { name: 'b', respondents: 2, means: means(1) },
    ];
    const m = municipalityMean(units, null)!;
    expect(m.basis).toBe('shownUnits');
    expect(m.means.taskMotivation).toBe(4);
    // A total row that includes the two is withheld the same way.
    expect(municipalityMean(units, { name: 'Totalt', respondents: 12, means: means(3.5) })!.basis).toBe(
      'shownUnits',
    );
    // Two small units with 3 together may be included (a group as large as the threshold).
    const three = [...units, { name: 'c', respondents: 1, means: means(2) }];
    expect(municipalityMean(three, null)!.basis).toBe('allUnits');
  });

  it('shows nothing with no unit of at least 3', () => {
    expect(municipalityMean([{ name: 'a', respondents: 2, means: means(4) }], null)).toBeNull();
    expect(municipalityMean([], null)).toBeNull();
  });

  it('never lets the hidden remainder be 1 or 2 respondents (property)', () => {
    fc.assert(
      fc.property(fc.array(arbUnit, { maxLength: 8 }), (units) => {
        const m = municipalityMean(units, null);
        if (!m) return;
        const shown = shownUnits(units);
        const hidden = m.respondents - shown.reduce((s, u) => s + u.respondents, 0);
        expect(hidden === 0 || hidden >= MIN_RESPONDENTS).toBe(true);
        expect(m.respondents).toBeGreaterThanOrEqual(MIN_RESPONDENTS);
        // Every shown mean lies within the units' means (a weighted average).
        const contributing = (m.basis === 'shownUnits' ? shown : units).filter(
          (u) => u.means && u.respondents > 0,
        );
        for (const f of TEN_FACTORS) {
          const values = contributing.map((u) => u.means![f]);
          expect(m.means[f]).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
          expect(m.means[f]).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        }
      }),
    );
  });

  it('weightedMeans equals the plain mean when every unit has the same size', () => {
    fc.assert(
      fc.property(fc.array(arbUnit, { minLength: 1, maxLength: 6 }), (units) => {
        const same = units.filter((u) => u.means).map((u) => ({ ...u, respondents: 7 }));
        const w = weightedMeans(same);
        if (same.length === 0) {
          expect(w).toBeNull();
          return;
        }
        const plain = same.reduce((s, u) => s + u.means!.roleClarity, 0) / same.length;
        expect(w!.means.roleClarity).toBeCloseTo(plain, 9);
      }),
    );
  });
});

describe('aggregateFollowUp', () => {
  it('withholds counts below 3 leaders, and counts add up', () => {
    const two = aggregateFollowUp(
      [
        { keep: 'roleClarity', improve: 'autonomy' },
        { keep: 'roleClarity', improve: 'flexibility' },
      ],
      [{ leaderId: 'a', status: 'planned' }],
    );
    expect(two).toMatchObject({ leadersWithChoices: 2, keep: null, improve: null, actions: null });
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            keep: fc.option(fc.constantFrom(...TEN_FACTORS)),
            improve: fc.option(fc.constantFrom(...TEN_FACTORS)),
          }),
          { maxLength: 20 },
        ),
        fc.array(
          fc.record({
            leaderId: fc.constantFrom('a', 'b', 'c', 'd'),
            status: fc.constantFrom(...ACTION_STATUSES),
          }),
          { maxLength: 20 },
        ),
        (choices, actions) => {
          const agg = aggregateFollowUp(choices, actions);
          const sum = (r: Record<string, number> | null) => Object.values(r ?? {}).reduce((s, n) => s + n, 0);
          if (agg.keep) expect(sum(agg.keep)).toBe(agg.leadersWithChoices);
          if (agg.improve) expect(sum(agg.improve)).toBe(agg.leadersWithChoices);
          if (agg.actions) expect(sum(agg.actions)).toBe(actions.length);
          expect(agg.keep === null).toBe(agg.leadersWithChoices < 3);
        },
      ),
    );
  });
});

describe('neutraliseFormula', () => {
  it('quotes what a spreadsheet would run', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseFormula('Seljord skule')).toBe('Seljord skule');
  });
});
