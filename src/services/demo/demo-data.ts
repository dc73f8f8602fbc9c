/**
 * The demo content: two fictional consultancies, each with one municipality and one programme.
 * KS Konsulent AS / Seljord kommune follows the seed offer (tilbud-lederutviklingsprogram-seljord.txt)
 * of 14.10.2022; Nordlys Leiarutvikling AS / Vinje kommune is a small second tenant, so that tenant
 * isolation can be seen in the demo. Every person is fictional and every e-mail address uses the
 * reserved `.example` top-level domain. Content is Norwegian: bokmål for the consultancy, nynorsk
 * for the municipalities' titles and units.
 */
import type { Locale } from '../../contracts/common';
import type { DemoStage } from './timeline';
import type {
  agendaKindEnum,
  gatheringFormatEnum,
  leaderLevelEnum,
  programmeStatusEnum,
} from '../../db/schema/index';

export type LeaderLevel = (typeof leaderLevelEnum.enumValues)[number];
export type AgendaKind = (typeof agendaKindEnum.enumValues)[number];
export type GatheringFormat = (typeof gatheringFormatEnum.enumValues)[number];
export type ProgrammeStatus = (typeof programmeStatusEnum.enumValues)[number];
/** Stored in participants.gender; absent (null) when not given. */
export type DemoGender = 'female' | 'male';

export interface DemoPerson {
  name: string;
  email: string;
}

export interface DemoAdvisor extends DemoPerson {
  key: string;
  /** Staffed on the tenant's programme (besides being in the provider's pool). */
  staffed: boolean;
}

export interface DemoLeader extends DemoPerson {
  /** Stable key inside the demo; `reportsTo` refers to it. */
  key: string;
  /** The municipality's own employee id (the import key). */
  externalId: string;
  phone: string;
  title: string;
  level: LeaderLevel;
  sector: string;
  unit: string;
  location: string;
  gender: DemoGender | null;
  /** Key of the leader's manager inside the programme; null when the manager is not a participant. */
  reportsTo: string | null;
}

export interface DemoAgendaItem {
  title: string;
  kind: AgendaKind;
  /** Oslo time of day 'HH:MM' and length in minutes; the gaps between items are breaks and lunch. */
  start?: string;
  minutes?: number;
}

export interface DemoGathering {
  number: number;
  theme: string;
  goal: string;
  format: GatheringFormat;
  startsAt: Date;
  endsAt: Date;
  venue: string;
  /** Advisor keys. */
  advisors: string[];
  agenda: DemoAgendaItem[];
}

/** Money in integer øre; VAT in basis points (2500 = 25 %). */
export interface DemoRateCard {
  validFrom: string;
  gatheringDayRateOre: number;
  networkDayRateOre: number;
  evaluationFixedOre: number;
  coachingHourlyRateOre: number;
  vatRateBasisPoints: number;
}

export interface DemoStateTravelRate {
  validFrom: string;
  carPerKmOre: number;
  perDiem6To12HoursOre: number | null;
  perDiemOver12HoursOre: number | null;
  perDiemOvernightOre: number | null;
}

/** One provider with one client and one programme. */
export interface DemoTenant {
  /** Shown with the logins the console prints. */
  label: string;
  provider: { name: string; orgNumber: string };
  providerAdmin: DemoPerson;
  advisors: DemoAdvisor[];
  rateCards: DemoRateCard[];
  client: { name: string; municipalityNumber: string; defaultLocale: Locale };
  clientAdmin: DemoPerson;
  programme: {
    name: string;
    status: ProgrammeStatus;
    startsOn: string;
    endsOn: string;
    anonymityThreshold: number;
    /** Background and goals in the municipality's words (the OU-midler application). */
    goals?: string;
  };
  leaders: DemoLeader[];
  /** As written for 2027; the seed moves them to the day it runs (see timeline.ts). */
  gatherings: DemoGathering[];
  /** Where the programme stands on the day the demo is seeded. */
  stage: DemoStage;
  /** The leader whose login the console prints. */
  loginLeaderKey: string;
}

const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', å: 'a', é: 'e', è: 'e', ü: 'u', ö: 'o', ä: 'a' };

/** "Tor Olav Midtbø" → "tor.olav.midtbo@domain". */
function emailFor(name: string, domain: string): string {
  const local = name
    .toLowerCase()
    .replace(/[æøåéèüöä]/g, (c) => LETTERS[c] ?? c)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
  return `${local}@${domain}`;
}

const person = (name: string, domain: string): DemoPerson => ({ name, email: emailFor(name, domain) });

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function formatOslo(instant: Date): string {
  const p = Object.fromEntries(osloParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The UTC instant of a wall-clock time in Oslo ("2027-01-28", "09:00"); CET or CEST as the date has it. */
export function osloTime(date: string, time: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match || !clock) throw new Error(`Not a date and time: ${date} ${time}`);
  const wall = Date.UTC(
    Number(match[1]),
    Number(match[2]) - 1,
    Number(match[3]),
    Number(clock[1]),
    Number(clock[2]),
  );
  for (const offsetHours of [1, 2]) {
    const candidate = new Date(wall - offsetHours * 3_600_000);
    if (formatOslo(candidate) === `${date} ${time}`) return candidate;
  }
  throw new Error(`${date} ${time} does not exist in Europe/Oslo`);
}

function leaders(
  domain: string,
  idPrefix: string,
  rows: Array<Omit<DemoLeader, 'email' | 'externalId'>>,
): DemoLeader[] {
  return rows.map((row, i) => ({
    ...row,
    email: emailFor(row.name, domain),
    externalId: `${idPrefix}${String(i + 1).padStart(3, '0')}`,
  }));
}

// ---------------------------------------------------------------------------------------------
// KS Konsulent AS — Seljord kommune (the seed offer)
// ---------------------------------------------------------------------------------------------

const KSK = 'ks-konsulent.example';
const SELJORD = 'seljord.example';

/** The seed offer's themes, in order. */
export const SELJORD_GATHERING_THEMES = [
  'Felles lederplattform – ledelsesprinsipp og samspill',
  'Relasjonsledelse',
  'Mestringsorientert ledelse og utvikling av organisasjonen',
  'Gjennomføringskraft – styring og struktur',
] as const;

const seljordLeaders = leaders(SELJORD, 'SEL-', [
  // Kommunalsjefar and økonomisjef: they report to the rådmann, who is not a participant.
  {
    key: 'ks-oppvekst',
    name: 'Ragnhild Bakken',
    phone: '91240317',
    title: 'Kommunalsjef oppvekst',
    level: 'kommunalsjef',
    sector: 'oppvekst',
    unit: 'Oppvekst',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: null,
  },
  {
    key: 'ks-helse',
    name: 'Tor Olav Midtbø',
    phone: '95381046',
    title: 'Kommunalsjef helse og omsorg',
    level: 'kommunalsjef',
    sector: 'helse og omsorg',
    unit: 'Helse og omsorg',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: null,
  },
  {
    key: 'ks-samfunn',
    name: 'Gunnar Flatland',
    phone: '47820593',
    title: 'Kommunalsjef samfunnsutvikling',
    level: 'kommunalsjef',
    sector: 'teknisk',
    unit: 'Samfunnsutvikling',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: null,
  },
  {
    key: 'okonomi',
    name: 'Marit Holtan',
    phone: '93457120',
    title: 'Økonomisjef',
    level: 'okonomisjef',
    sector: 'stab',
    unit: 'Økonomi',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: null,
  },
  // Einingsleiarar
  {
    key: 'el-barneskule',
    name: 'Ingunn Rue',
    phone: '41092837',
    title: 'Einingsleiar Seljord barneskule',
    level: 'enhetsleder',
    sector: 'oppvekst',
    unit: 'Seljord barneskule',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: 'ks-oppvekst',
  },
  {
    key: 'el-ungdomsskule',
    name: 'Knut Heggenes',
    phone: '90718254',
    title: 'Einingsleiar Seljord ungdomsskule',
    level: 'enhetsleder',
    sector: 'oppvekst',
    unit: 'Seljord ungdomsskule',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: 'ks-oppvekst',
  },
  {
    key: 'el-flatdal',
    name: 'Aslaug Tveiten',
    phone: '48631905',
    title: 'Einingsleiar Flatdal skule',
    level: 'enhetsleder',
    sector: 'oppvekst',
    unit: 'Flatdal skule',
    location: 'Flatdal',
    gender: 'female',
    reportsTo: 'ks-oppvekst',
  },
  {
    key: 'el-barnehage',
    name: 'Håvard Lindstøl',
    phone: '92564781',
    title: 'Einingsleiar barnehagane i Seljord',
    level: 'enhetsleder',
    sector: 'oppvekst',
    unit: 'Barnehagane i Seljord',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: 'ks-oppvekst',
  },
  {
    key: 'el-heimeteneste',
    name: 'Sigrid Haugen',
    phone: '46975302',
    title: 'Einingsleiar heimetenesta',
    level: 'enhetsleder',
    sector: 'helse og omsorg',
    unit: 'Heimetenesta',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: 'ks-helse',
  },
  {
    key: 'el-omsorgssenter',
    name: 'Torunn Aasen',
    phone: '99203418',
    title: 'Einingsleiar Seljord omsorgssenter',
    level: 'enhetsleder',
    sector: 'helse og omsorg',
    unit: 'Seljord omsorgssenter',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: 'ks-helse',
  },
  {
    key: 'el-helse',
    name: 'Live Brattås',
    phone: '41758026',
    title: 'Einingsleiar helse og førebygging',
    level: 'enhetsleder',
    sector: 'helse og omsorg',
    unit: 'Helse og førebygging',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: 'ks-helse',
  },
  {
    key: 'el-nav',
    name: 'Eirik Nordgarden',
    phone: '94120675',
    title: 'Einingsleiar NAV Seljord',
    level: 'enhetsleder',
    sector: 'NAV',
    unit: 'NAV Seljord',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: 'ks-helse',
  },
  {
    key: 'el-teknisk',
    name: 'Arne Skogen',
    phone: '45287913',
    title: 'Einingsleiar teknisk drift',
    level: 'enhetsleder',
    sector: 'teknisk',
    unit: 'Teknisk drift',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: 'ks-samfunn',
  },
  {
    key: 'el-kultur',
    name: 'Mari Rønningen',
    phone: '97634150',
    title: 'Einingsleiar kultur',
    level: 'enhetsleder',
    sector: 'kultur',
    unit: 'Kultur',
    location: 'Seljord sentrum',
    gender: null,
    reportsTo: 'ks-samfunn',
  },
  // Avdelingsleiarar: each reports to the einingsleiar of their unit.
  {
    key: 'al-sfo',
    name: 'Janne Vik',
    phone: '40516829',
    title: 'Avdelingsleiar SFO',
    level: 'avdelingsleder',
    sector: 'oppvekst',
    unit: 'Seljord barneskule',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: 'el-barneskule',
  },
  {
    key: 'al-svartdal',
    name: 'Anders Strand',
    phone: '93870462',
    title: 'Avdelingsleiar Svartdal barnehage',
    level: 'avdelingsleder',
    sector: 'oppvekst',
    unit: 'Barnehagane i Seljord',
    location: 'Svartdal',
    gender: 'male',
    reportsTo: 'el-barnehage',
  },
  {
    key: 'al-heimeteneste',
    name: 'Hege Solberg',
    phone: '48209357',
    title: 'Avdelingsleiar heimetenesta',
    level: 'avdelingsleder',
    sector: 'helse og omsorg',
    unit: 'Heimetenesta',
    location: 'Flatdal',
    gender: 'female',
    reportsTo: 'el-heimeteneste',
  },
  {
    key: 'al-langtid',
    name: 'Olav Kasin',
    phone: '91463508',
    title: 'Avdelingsleiar langtidsavdelinga',
    level: 'avdelingsleder',
    sector: 'helse og omsorg',
    unit: 'Seljord omsorgssenter',
    location: 'Seljord sentrum',
    gender: 'male',
    reportsTo: 'el-omsorgssenter',
  },
  {
    key: 'al-skjerma',
    name: 'Kjersti Moen',
    phone: '47391620',
    title: 'Avdelingsleiar skjerma eining',
    level: 'avdelingsleder',
    sector: 'helse og omsorg',
    unit: 'Seljord omsorgssenter',
    location: 'Seljord sentrum',
    gender: 'female',
    reportsTo: 'el-omsorgssenter',
  },
  {
    key: 'al-vatn',
    name: 'Kim Sandvik',
    phone: '95027184',
    title: 'Avdelingsleiar vatn og avløp',
    level: 'avdelingsleder',
    sector: 'teknisk',
    unit: 'Teknisk drift',
    location: 'Åmotsdal',
    gender: null,
    reportsTo: 'el-teknisk',
  },
]);

const seljordFullDay = (date: string) => ({
  startsAt: osloTime(date, '09:00'),
  endsAt: osloTime(date, '16:00'),
});

// Dates as written: Thursdays in 2027 away from Telemark's school holidays (winter break week 8,
// Easter week 12–13, summer, autumn break week 41) and from public holidays (Ascension 6 May,
// 17 May). The seed moves them by whole weeks to the day it runs (timeline.ts), so that the
// programme is half-way: gatherings 1 and 2 held, gathering 3 to come.
const seljordGatherings: DemoGathering[] = [
  {
    number: 1,
    theme: SELJORD_GATHERING_THEMES[0],
    goal: 'Felles forståelse av mål og rammer, forventningsavklaring og oppstart av arbeidet med felles lederplattform og eget utviklingsprosjekt.',
    format: 'full_day',
    ...seljordFullDay('2027-01-28'),
    venue: 'Kommunestyresalen, Seljord rådhus',
    advisors: ['erik', 'silje'],
    agenda: [
      { title: 'Mål og rammer for lederutviklingsprogrammet', kind: 'talk', start: '09:00', minutes: 30 },
      { title: 'Forankring og forventningsavklaring', kind: 'group_work', start: '09:30', minutes: 45 },
      {
        title: 'Det store fremtidsbilde – attraktiv arbeidsgiver og attraktiv kommune. Kommune 3.0',
        kind: 'talk',
        start: '10:30',
        minutes: 45,
      },
      {
        title: 'Introduksjon til helhetlig modell for ledelse. Hva er god og effektiv ledelse?',
        kind: 'talk',
        start: '11:15',
        minutes: 45,
      },
      {
        title:
          'Felles lederplattform for god ledelse – hva er dette hos oss? Vi starter arbeidet med å etablere ledelsesprinsipp og felles plattform.',
        kind: 'platform_work',
        start: '12:45',
        minutes: 75,
      },
      { title: 'Hva vil det bety for meg som leder?', kind: 'reflection', start: '14:15', minutes: 30 },
      {
        title: 'Oppstart av eget individuelt arbeid. Egne utviklingsprosjekt/Meg som leder.',
        kind: 'individual_work',
        start: '14:45',
        minutes: 45,
      },
      { title: 'Veien fram mot neste samling', kind: 'other', start: '15:30', minutes: 30 },
    ],
  },
  {
    number: 2,
    theme: SELJORD_GATHERING_THEMES[1],
    goal: 'Styrke det relasjonelle lederskapet og en kultur for læring, og videreføre arbeidet med felles lederplattform.',
    format: 'full_day',
    ...seljordFullDay('2027-04-15'),
    venue: 'Seljord kulturhus',
    advisors: ['erik', 'silje'],
    agenda: [
      { title: 'Relasjonelt lederskap', kind: 'talk', start: '09:00', minutes: 90 },
      { title: 'Arbeid med eget lederskap', kind: 'individual_work', start: '10:45', minutes: 75 },
      { title: 'Kultur for læring og endringsledelse', kind: 'talk', start: '12:45', minutes: 75 },
      {
        title: 'Felles ledelsesplattform – fortsettelse fra samling 1',
        kind: 'platform_work',
        start: '14:15',
        minutes: 105,
      },
    ],
  },
  {
    number: 3,
    theme: SELJORD_GATHERING_THEMES[2],
    goal: 'Ledelse som legger til rette for mestring, brukt som verktøy for å utvikle organisasjonen.',
    format: 'full_day',
    ...seljordFullDay('2027-06-03'),
    venue: 'Kommunestyresalen, Seljord rådhus',
    advisors: ['erik', 'silje'],
    agenda: [
      {
        title: 'Hva gjør ledere som legger til rette for mestring?',
        kind: 'reflection',
        start: '09:00',
        minutes: 105,
      },
      {
        title: 'Mestringsorientert ledelse som utviklingsverktøy',
        kind: 'talk',
        start: '11:00',
        minutes: 60,
      },
      {
        title: 'Felles ledelsesplattform – fortsettelse fra samling 2',
        kind: 'platform_work',
        start: '12:45',
        minutes: 195,
      },
    ],
  },
  {
    number: 4,
    theme: SELJORD_GATHERING_THEMES[3],
    goal: 'Oppgave- og endringsledelse i en politisk styrt organisasjon, og en konkludert felles plattform for ledelse i Seljord kommune.',
    format: 'full_day',
    ...seljordFullDay('2027-11-18'),
    venue: 'Seljord kulturhus',
    advisors: ['erik', 'silje'],
    agenda: [
      {
        title: 'Oppdragsforståelsen – å jobbe i en politisk styrt organisasjon',
        kind: 'talk',
        start: '09:00',
        minutes: 90,
      },
      { title: 'Oppgaveorientert og endringsledelse', kind: 'talk', start: '10:45', minutes: 75 },
      {
        title:
          'Felles ledelsesplattform – vi lander og konkluderer hva som skal være vår felles plattform for ledelse i Seljord kommune',
        kind: 'platform_work',
        start: '12:45',
        minutes: 120,
      },
      { title: 'Hva skal til for å lykkes framover?', kind: 'group_work', start: '15:00', minutes: 60 },
    ],
  },
];

const seljordTenant: DemoTenant = {
  label: 'KS Konsulent AS · Seljord kommune',
  provider: { name: 'KS Konsulent AS', orgNumber: '999 888 777' },
  providerAdmin: person('Hanne Lindberg', KSK), // daglig leder
  advisors: [
    { key: 'erik', ...person('Erik Haugland', KSK), staffed: true },
    { key: 'silje', ...person('Silje Brekke', KSK), staffed: true },
    { key: 'jon-arne', ...person('Jon Arne Myrvold', KSK), staffed: false },
  ],
  // The offer's prices (14.10.2022): 21 875 kr per gathering day per advisor, 17 500 kr per network
  // day, 17 500 kr for evaluation and follow-up, 2 187,50 kr per coaching hour, all eks. mva.
  rateCards: [
    {
      validFrom: '2022-10-14',
      gatheringDayRateOre: 2_187_500,
      networkDayRateOre: 1_750_000,
      evaluationFixedOre: 1_750_000,
      coachingHourlyRateOre: 218_750,
      vatRateBasisPoints: 2500,
    },
  ],
  client: { name: 'Seljord kommune', municipalityNumber: '4022', defaultLocale: 'nn' },
  clientAdmin: person('Solveig Nordbø', SELJORD), // personalsjef, the programme's contact person
  programme: {
    name: 'Lederutviklingsprogram Seljord kommune',
    status: 'active',
    startsOn: '2027-01-11',
    endsOn: '2027-12-17',
    anonymityThreshold: 5,
    // Adapted from the offer's "Bakgrunn og forståelse av oppdraget", in Seljord's nynorsk.
    goals:
      'Seljord kommune ønskjer å setje i gang eit leiarutviklingsprogram for å styrkje den felles ' +
      'leiarkrafta og gi støtte til den einskilde leiaren i å forstå sitt eige handlingsrom.\n\n' +
      'Programmet omfattar einingsleiarane, kommunalsjefane og økonomisjefen, og vurderer òg ' +
      'avdelingsleiarane: om lag 20 leiarar. Alle leiarane deltek, slik at leiarskapet blir felles ' +
      'og forankra i heile organisasjonen.\n\n' +
      'Mål:\n' +
      '• ein felles leiarplattform (leiingsprinsipp) som leiarane har utvikla saman\n' +
      '• styrkt relasjonsleiing og meistringsorientert leiing\n' +
      '• betre gjennomføringskraft, styring og struktur i tenestene\n' +
      '• tverrfaglege nettverksgrupper som held fram etter programmet',
  },
  leaders: seljordLeaders,
  gatherings: seljordGatherings,
  stage: 'halfway',
  loginLeaderKey: 'el-barneskule',
};

// ---------------------------------------------------------------------------------------------
// Nordlys Leiarutvikling AS — Vinje kommune (a second tenant, for isolation)
// ---------------------------------------------------------------------------------------------

const NORDLYS = 'nordlys-leiarutvikling.example';
const VINJE = 'vinje.example';

const vinjeLeaders = leaders(VINJE, 'VIN-', [
  {
    key: 'ks-oppvekst',
    name: 'Halvor Berge',
    phone: '91872034',
    title: 'Kommunalsjef oppvekst og kultur',
    level: 'kommunalsjef',
    sector: 'oppvekst',
    unit: 'Oppvekst og kultur',
    location: 'Åmot',
    gender: 'male',
    reportsTo: null,
  },
  {
    key: 'ks-helse',
    name: 'Liv Åsland',
    phone: '46203981',
    title: 'Kommunalsjef helse og velferd',
    level: 'kommunalsjef',
    sector: 'helse og omsorg',
    unit: 'Helse og velferd',
    location: 'Åmot',
    gender: 'female',
    reportsTo: null,
  },
  {
    key: 'el-rauland',
    name: 'Torgeir Lund',
    phone: '95610427',
    title: 'Einingsleiar Rauland skule',
    level: 'enhetsleder',
    sector: 'oppvekst',
    unit: 'Rauland skule',
    location: 'Rauland',
    gender: 'male',
    reportsTo: 'ks-oppvekst',
  },
  {
    key: 'el-barnehage',
    name: 'Bjørg Homme',
    phone: '41937605',
    title: 'Einingsleiar barnehagane i Vinje',
    level: 'enhetsleder',
    sector: 'oppvekst',
    unit: 'Barnehagane i Vinje',
    location: 'Åmot',
    gender: 'female',
    reportsTo: 'ks-oppvekst',
  },
  {
    key: 'el-sjukeheim',
    name: 'Ane Kleivi',
    phone: '48751293',
    title: 'Einingsleiar Vinje sjukeheim',
    level: 'enhetsleder',
    sector: 'helse og omsorg',
    unit: 'Vinje sjukeheim',
    location: 'Åmot',
    gender: 'female',
    reportsTo: 'ks-helse',
  },
  {
    key: 'al-korttid',
    name: 'Steinar Haugo',
    phone: '92384610',
    title: 'Avdelingsleiar korttidsavdelinga',
    level: 'avdelingsleder',
    sector: 'helse og omsorg',
    unit: 'Vinje sjukeheim',
    location: 'Åmot',
    gender: 'male',
    reportsTo: 'el-sjukeheim',
  },
]);

const vinjeTenant: DemoTenant = {
  label: 'Nordlys Leiarutvikling AS · Vinje kommune',
  provider: { name: 'Nordlys Leiarutvikling AS', orgNumber: '999 777 666' },
  providerAdmin: person('Turid Dale', NORDLYS),
  advisors: [{ key: 'olav', ...person('Olav Dyrland', NORDLYS), staffed: true }],
  rateCards: [
    {
      validFrom: '2026-01-01',
      gatheringDayRateOre: 2_000_000,
      networkDayRateOre: 1_600_000,
      evaluationFixedOre: 1_500_000,
      coachingHourlyRateOre: 200_000,
      vatRateBasisPoints: 2500,
    },
  ],
  client: { name: 'Vinje kommune', municipalityNumber: '4036', defaultLocale: 'nn' },
  clientAdmin: person('Gunhild Lia', VINJE),
  programme: {
    name: 'Leiarutvikling Vinje 2027',
    status: 'active',
    startsOn: '2027-01-25',
    endsOn: '2027-11-26',
    anonymityThreshold: 5,
  },
  leaders: vinjeLeaders,
  gatherings: [
    {
      number: 1,
      theme: 'Leiarrolla i Vinje – samspel og forventningar',
      goal: 'Felles forståing av leiarrolla og forventningane til programmet.',
      format: 'full_day',
      startsAt: osloTime('2027-02-04', '09:00'),
      endsAt: osloTime('2027-02-04', '16:00'),
      venue: 'Kommunestyresalen, Vinje rådhus',
      advisors: ['olav'],
      agenda: [
        { title: 'Mål og rammer for programmet', kind: 'talk', start: '09:00', minutes: 60 },
        { title: 'Forventningsavklaring', kind: 'group_work', start: '10:00', minutes: 90 },
        { title: 'Kva kjenneteiknar god leiing hos oss?', kind: 'reflection', start: '12:15', minutes: 90 },
        {
          title: 'Oppstart av eige utviklingsprosjekt',
          kind: 'individual_work',
          start: '14:00',
          minutes: 120,
        },
      ],
    },
    {
      number: 2,
      theme: 'Endringsleiing i praksis',
      goal: 'Leie endring saman med medarbeidarane.',
      format: 'lunch_to_lunch',
      startsAt: osloTime('2027-05-26', '12:00'),
      endsAt: osloTime('2027-05-27', '12:00'),
      venue: 'Rauland',
      advisors: ['olav'],
      agenda: [
        { title: 'Endringsleiing – teori og erfaringar', kind: 'talk', start: '13:00', minutes: 180 },
        { title: 'Eigne case frå einingane', kind: 'group_work', start: '09:00', minutes: 120 },
        { title: 'Kva tek eg med meg heim?', kind: 'reflection', start: '11:00', minutes: 60 },
      ],
    },
  ],
  // About to start: its first gathering a few weeks after the day the demo is seeded.
  stage: 'starting',
  loginLeaderKey: 'el-rauland',
};

/** The demo tenants, in the order the console lists their logins. */
export const DEMO_TENANTS: readonly DemoTenant[] = [seljordTenant, vinjeTenant];

/** Names that identify the demo's providers (resetDemo deletes exactly these). */
export const DEMO_PROVIDER_NAMES: readonly string[] = DEMO_TENANTS.map((t) => t.provider.name);

/**
 * Statens satser (særavtale for reiser innenlands). Global, not per provider. The 2026 per-diem
 * rates were not yet published when this was written: null until someone enters them.
 */
export const DEMO_STATE_TRAVEL_RATES: readonly DemoStateTravelRate[] = [
  {
    validFrom: '2025-01-01',
    carPerKmOre: 500,
    perDiem6To12HoursOre: 38_400,
    perDiemOver12HoursOre: 71_300,
    perDiemOvernightOre: 97_700,
  },
  {
    validFrom: '2026-01-01',
    carPerKmOre: 530,
    perDiem6To12HoursOre: null,
    perDiemOver12HoursOre: null,
    perDiemOvernightOre: null,
  },
];
