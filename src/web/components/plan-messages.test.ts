import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../contracts/common';
import { checkPlan } from '../../domain/planning/check-plan';
import { MESSAGE_CODES } from '../../domain/planning/messages';
import { proposePlan } from '../../domain/planning/propose-plan';
import { SEED_PLAN_INPUT } from '../../domain/planning/seed';
import type { PlanInput, PlanMessage, PlannedEvent } from '../../domain/planning/types';
import { en } from '../../i18n/en';
import { nb } from '../../i18n/nb';
import { nn } from '../../i18n/nn';
import { renderPlanMessage } from './plan-message-text';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { nb: { translation: nb }, nn: { translation: nn }, en: { translation: en } },
    lng: 'nb',
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
});

const render = (m: PlanMessage, locale: Locale) => {
  const t = i18n.getFixedT(locale);
  return renderPlanMessage(
    m,
    (key, options) => t(key, options as never) as unknown as string,
    (key) => i18n.exists(key, { lng: locale }),
    locale,
  );
};

/** Every kind of message the planner and the validator produce, from real runs. */
function sampleMessages(): PlanMessage[] {
  const plan = proposePlan(SEED_PLAN_INPUT, { seed: 1 });
  const out: PlanMessage[] = [...plan.penalties, ...plan.warnings];
  const move = (id: string, patch: Partial<PlannedEvent>) =>
    plan.events.map((e) => (e.id === id ? { ...e, ...patch } : e));
  const g2 = plan.events.find((e) => e.id === 'gathering-2')!;
  const session = plan.events.find((e) => e.type === 'coaching' && e.leader === 'p01')!;
  const meeting = plan.events.find((e) => e.type === 'networkMeeting' && e.group === 'g1')!;
  const moves: PlannedEvent[][] = [
    move('gathering-2', { start: '2027-05-17T09:00:00+02:00', end: '2027-05-17T16:00:00+02:00' }),
    move('gathering-2', { start: '2027-05-15T09:00:00+02:00', end: '2027-05-15T16:00:00+02:00' }),
    move('gathering-2', { start: '2027-07-05T09:00:00+02:00', end: '2027-07-05T19:00:00+02:00' }),
    move('gathering-2', { start: '2027-01-13T09:00:00+01:00', end: '2027-01-13T16:00:00+01:00' }),
    move(session.id, {
      start: g2.start,
      end: g2.start.replace('T09:00', 'T10:00'),
      advisors: [g2.advisors[0]!],
    }),
    move(meeting.id, { start: g2.start, end: g2.start.replace('T09:00', 'T12:00'), advisors: ['x9'] }),
    move(meeting.id, { start: '2027-01-12T09:00:00+01:00', end: '2027-01-12T13:00:00+01:00', advisors: [] }),
    move('gathering-1', {
      start: '2028-01-12T09:00:00+01:00',
      end: '2028-01-12T16:00:00+01:00',
      advisors: ['a1'],
    }),
  ];
  for (const events of moves) out.push(...checkPlan(SEED_PLAN_INPUT, events));
  const busy: PlanInput = {
    ...SEED_PLAN_INPUT,
    busy: [
      { advisor: g2.advisors[0]!, start: g2.start, end: g2.end, kind: 'coaching', programme: 'Nome 2027' },
    ],
  };
  out.push(...checkPlan(busy, plan.events));
  const short = proposePlan({ ...SEED_PLAN_INPUT, end: '2027-03-31' }, { seed: 1, iterations: 100 });
  out.push(...short.problems, ...short.penalties);
  const lonely = proposePlan({ ...SEED_PLAN_INPUT, advisors: [{ id: 'a1' }] }, { seed: 1, iterations: 0 });
  out.push(...lonely.problems, ...lonely.penalties);
  const fixedOnHoliday = proposePlan(
    {
      ...SEED_PLAN_INPUT,
      fixed: [
        {
          type: 'gathering',
          start: '2027-05-17T09:00',
          end: '2027-05-17T16:00',
          advisors: ['a1', 'a2'],
          index: 2,
        },
      ],
    },
    { seed: 1, iterations: 0 },
  );
  out.push(...fixedOnHoliday.problems);
  const soft = proposePlan(
    {
      ...SEED_PLAN_INPUT,
      blackouts: [{ from: '2027-01-11', to: '2027-12-17', reason: 'Budsjett', hard: false }],
      schoolHolidays: [{ from: '2027-01-11', to: '2027-12-17', name: 'Ferie' }],
    },
    { seed: 1, iterations: 0 },
  );
  out.push(...soft.warnings.slice(0, 10));
  return out;
}

const messages = sampleMessages();
const codes = new Set(messages.map((m) => m.code));

describe('planner messages in the reader’s language', () => {
  it('samples the main rules (so the checks below cover them)', () => {
    for (const code of [
      'event.dayOff',
      'event.hardBlackout',
      'event.workingHours',
      'event.outsideProgramme',
      'event.unknown',
      'advisor.doubleBooked',
      'gathering.minWeeksApart',
      'gathering.doesNotFit',
      'gathering.tooFewAdvisors',
      'networkMeeting.interval',
      'networkMeeting.memberBusy',
      'coaching.leaderBusy',
      'fixed.invalid',
      'softBlackout',
      'schoolHoliday',
    ])
      expect(codes, code).toContain(code);
  });

  it('has a sentence for every code the planner can emit, in nb, nn and en', () => {
    for (const locale of ['nb', 'nn', 'en'] as const)
      for (const code of MESSAGE_CODES) {
        const key = `planPage.rules.${code}`;
        expect(
          i18n.exists(key, { lng: locale }) || i18n.exists(`${key}_one`, { lng: locale }),
          `${locale} ${key}`,
        ).toBe(true);
      }
  });

  it('renders no bokmål label, ISO date or raw placeholder in nn and en', () => {
    const bokmal = [
      /\d{4}-\d{2}-\d{2}/, // the domain's ISO dates: the reader's date format instead
      /\{\{?\w+\}?\}/,
      /\bligger\b/,
      /\bikke\b/,
      /coachingsamtale/,
      /for gruppe/,
      /Rådgiver/,
      /\bLeder\b/,
      /hverandre/,
      /opptatt/,
      /annen avtale/,
      /\bmandag|tirsdag|lørdag/,
    ];
    const english = [/samling/, /nettverksmøte/, /veiledning/i, /Grunnlovsdag/, /\bhelg\b/, /[æøå]/i];
    for (const m of messages) {
      if (m.code === 'event.offset' || m.code === 'event.time') continue; // quotes the raw input
      const nnText = render(m, 'nn');
      const enText = render(m, 'en');
      for (const re of bokmal) {
        expect(nnText, `nn ${m.code}: ${nnText}`).not.toMatch(re);
        expect(enText, `en ${m.code}: ${enText}`).not.toMatch(re);
      }
      // Names in the seed are ids (p01, a1, g1): an English sentence has no Norwegian word left.
      for (const re of english)
        expect(enText.replace(/«[^»]*»|“[^”]*”/g, ''), `en ${m.code}: ${enText}`).not.toMatch(re);
    }
  });

  it('names events, holidays and dates in the reader’s words', () => {
    const holiday = messages.find((m) => m.code === 'event.dayOff' && m.params.dayOff === 'holiday')!;
    expect(render(holiday, 'nb')).toBe(
      'Samling 2 (17. mai 2027 kl. 09:00) ligger på 17. mai 2027, som er grunnlovsdagen.',
    );
    expect(render(holiday, 'nn')).toBe(
      'Samling 2 (17. mai 2027 kl. 09:00) ligg på 17. mai 2027, som er grunnlovsdagen.',
    );
    expect(render(holiday, 'en')).toMatch(
      /^Gathering 2 \(17 May 2027 .*09:00\) falls on 17 May 2027, which is Constitution Day\.$/,
    );
    const weekend = messages.find((m) => m.code === 'event.dayOff' && m.params.dayOff === 'weekend')!;
    expect(render(weekend, 'en')).toMatch(/which is a weekend\.$/);
    const busy = messages.find((m) => m.code === 'advisor.doubleBooked' && m.refs?.other?.type === 'busy')!;
    expect(render(busy, 'nn')).toContain('ein rettleiingssamtale i Nome 2027');
    const interval = messages.find((m) => m.code === 'networkMeeting.interval')!;
    expect(render(interval, 'en')).toMatch(/must lie (between|after) gathering \d/);
  });

  it('falls back to the server’s sentence for a code the catalogs do not know', () => {
    expect(render({ code: 'no.such.rule', params: {}, message: 'Noe gikk galt.' }, 'en')).toBe(
      'Noe gikk galt.',
    );
  });
});
