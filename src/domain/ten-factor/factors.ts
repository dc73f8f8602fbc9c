/**
 * KS 10-FAKTOR: the ten factors, the 1–5 scale and the anonymity threshold. Pure constants and
 * the header synonyms a municipality's export may use for each column.
 */
import { foldKey } from '../roster/normalise';

/** The ten factors in KS's order (code words in English; the UI names them in nb/nn/en). */
export const TEN_FACTORS = [
  'taskMotivation',
  'selfEfficacy',
  'autonomy',
  'useOfCompetence',
  'masteryLeadership',
  'roleClarity',
  'competenceDevelopment',
  'flexibility',
  'masteryClimate',
  'prosocialMotivation',
] as const;
export type TenFactor = (typeof TEN_FACTORS)[number];

export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
/** KS: no unit is shown with fewer than 3 respondents. */
export const MIN_RESPONDENTS = 3;

export type TenFactorMeans = Record<TenFactor, number>;

export type TenFactorColumn = 'unit' | 'respondents' | TenFactor;

/**
 * Header synonyms, compared as `headerKey()` (lower case, æøå folded, non-letters removed, a
 * leading number such as "1." or "F3" dropped). Bokmål, nynorsk and English, with and without
 * the "opplevd"/"relevant" qualifiers KS's own reports sometimes leave out.
 */
const HEADER_SYNONYMS: Record<TenFactorColumn, string[]> = {
  unit: ['unit', 'eining', 'enhet', 'einingsnamn', 'enhetsnavn', 'avdeling', 'namn', 'navn', 'name'],
  respondents: [
    'respondents',
    'respondentar',
    'respondenter',
    'talrespondentar',
    'antallrespondenter',
    'antalrespondentar',
    'antallsvar',
    'talpasvar',
    'talsvar',
    'svar',
    'n',
    'antall',
    'tal',
  ],
  taskMotivation: ['oppgavemotivasjon', 'taskmotivation'],
  selfEfficacy: ['mestringstro', 'meistringstru', 'mestringstru', 'meistringstro', 'selfefficacy'],
  autonomy: [
    'opplevdselvstendighet',
    'selvstendighet',
    'opplevdsjolvstende',
    'sjolvstende',
    'opplevdsjolvstendigheit',
    'sjolvstendigheit',
    'opplevdsjolvstendighet',
    'autonomy',
    'perceivedautonomy',
  ],
  useOfCompetence: ['brukavkompetanse', 'brukavkompetansen', 'useofcompetence', 'useofcompetencies'],
  masteryLeadership: [
    'mestringsorientertledelse',
    'meistringsorientertleiing',
    'mestringsorientertleiing',
    'meistringsorientertleiarskap',
    'mestringsorientertlederskap',
    'masteryorientedleadership',
  ],
  roleClarity: ['rolleklarhet', 'rolleklarheit', 'roleclarity'],
  competenceDevelopment: [
    'relevantkompetanseutvikling',
    'kompetanseutvikling',
    'relevantcompetencedevelopment',
    'competencedevelopment',
  ],
  flexibility: ['fleksibilitetsvilje', 'fleksibilitetsvilja', 'flexibility', 'willingnesstochange'],
  masteryClimate: ['mestringsklima', 'meistringsklima', 'masteryclimate'],
  prosocialMotivation: ['nyttemotivasjon', 'prosocialmotivation'],
};

/** A header's comparison key: `foldKey` and a leading numbering ("1. ", "F3 ", "3)") removed. */
export function headerKey(header: string): string {
  return foldKey(header.replace(/^\s*(f\s*)?\d+\s*[.):-]?\s*/i, ''));
}

const COLUMN_BY_KEY = new Map<string, TenFactorColumn>(
  Object.entries(HEADER_SYNONYMS).flatMap(([column, keys]) =>
    keys.map((k) => [k, column as TenFactorColumn]),
  ),
);

/** The column a header names, or null when unknown. */
export function columnForHeader(header: string): TenFactorColumn | null {
  return COLUMN_BY_KEY.get(headerKey(header)) ?? null;
}

/**
 * Unit names that mean "the whole municipality" (a total row), compared by `foldKey`. A unit
 * called e.g. "Kommunen" or "Totalt" is read as the total, not as a unit.
 */
const TOTAL_ROW_KEYS = new Set([
  'total',
  'totalt',
  'sum',
  'kommunen',
  'heilekommunen',
  'helekommunen',
  'kommunetotal',
  'kommunetotalt',
  'kommunensnitt',
  'kommunesnitt',
  'snittkommunen',
  'gjennomsnittkommunen',
  'allesvar',
  'alleeiningar',
  'alleenheter',
  'municipality',
  'municipalitytotal',
  'wholemunicipality',
]);

export function isTotalRowName(unitName: string): boolean {
  return TOTAL_ROW_KEYS.has(foldKey(unitName));
}

/** The key units are matched by (a leader's unit ↔ a survey's unit): `foldKey` of the name. */
export const unitKey = (name: string): string => foldKey(name);
