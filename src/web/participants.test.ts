import { describe, expect, it } from 'vitest';
import type { Participant } from './api';
import { filterParticipants, sectorsOf } from './participants';

const person = (over: Partial<Participant>): Participant => ({
  id: '00000000-0000-4000-8000-000000000000',
  name: 'X',
  email: null,
  phone: null,
  title: null,
  level: 'other',
  sector: null,
  unit: null,
  location: null,
  reportsTo: null,
  active: true,
  externalId: null,
  gender: null,
  pinnedGroup: null,
  invitation: null,
  ...over,
});

const list = [
  person({
    name: 'Håvard Lindstøl',
    title: 'Einingsleiar barnehagane',
    sector: 'oppvekst',
    level: 'enhetsleder',
  }),
  person({ name: 'Sigrid Haugen', unit: 'Heimetenesta', sector: 'helse og omsorg', level: 'enhetsleder' }),
  person({ name: 'Olav Kasin', sector: 'helse og omsorg', level: 'avdelingsleder', active: false }),
];
const all = { search: '', sector: '', level: '', active: 'all' } as const;

describe('filterParticipants', () => {
  it('searches name, title and unit, every word, ignoring case and accents', () => {
    expect(filterParticipants(list, { ...all, search: 'havard BARNEHAGANE' }).map((p) => p.name)).toEqual([
      'Håvard Lindstøl',
    ]);
    expect(filterParticipants(list, { ...all, search: 'heimetenesta' }).map((p) => p.name)).toEqual([
      'Sigrid Haugen',
    ]);
    expect(filterParticipants(list, { ...all, search: 'nobody' })).toEqual([]);
  });

  it('filters by sector, level and active', () => {
    expect(filterParticipants(list, { ...all, sector: 'helse og omsorg' })).toHaveLength(2);
    expect(filterParticipants(list, { ...all, level: 'avdelingsleder' }).map((p) => p.name)).toEqual([
      'Olav Kasin',
    ]);
    expect(filterParticipants(list, { ...all, active: 'active' })).toHaveLength(2);
    expect(filterParticipants(list, { ...all, active: 'inactive' }).map((p) => p.name)).toEqual([
      'Olav Kasin',
    ]);
  });

  it('lists each sector once, sorted', () => {
    expect(sectorsOf(list)).toEqual(['helse og omsorg', 'oppvekst']);
  });
});
