import { describe, expect, it } from 'vitest';
import type { Actor, Membership, ProgrammeScope } from '../access/policy';
import {
  entryReaders,
  entryVisibleToAdvisors,
  isEntryDateAllowed,
  type ProjectShare,
  viewProject,
} from './dev-projects';

const P1: ProgrammeScope = { providerId: 'prov-a', clientId: 'client-a1', programmeId: 'prog-1' };
const PX: ProgrammeScope = { providerId: 'prov-a', clientId: 'client-a2', programmeId: 'prog-x' };
const OWNER = 'leader';
const COACH = 'coach';
const OTHER_ADVISOR = 'advisor-2';

const m = (role: Membership['role'], s: ProgrammeScope, programme = true): Membership => ({
  role,
  providerId: s.providerId,
  clientId: role === 'provider_admin' || role === 'advisor' ? null : s.clientId,
  programmeId: programme && role !== 'provider_admin' && role !== 'client_admin' ? s.programmeId : null,
});
const actor = (userId: string, ...memberships: Membership[]): Actor => ({ userId, memberships });

const owner = actor(OWNER, m('participant', P1));
const coach = actor(COACH, m('advisor', P1));
const otherAdvisor = actor(OTHER_ADVISOR, m('advisor', P1));
const clientAdmin = actor('ca', m('client_admin', P1));
const providerAdmin = actor('pa', m('provider_admin', P1));
const peer = actor('peer', m('participant', P1));
const otherMunicipality = actor('ca-x', m('client_admin', PX));
const coachElsewhere = actor(COACH, m('advisor', PX));

const entries = [
  { id: 'e3', shared: false },
  { id: 'e2', shared: true },
  { id: 'e1', shared: false },
];
const privateShare: ProjectShare = { advisorUserIds: [], scope: 'all' };
const chosen: ProjectShare = { advisorUserIds: [COACH], scope: 'chosen' };
const all: ProjectShare = { advisorUserIds: [COACH], scope: 'all' };

const ids = (v: { entries: { id: string }[] }) => v.entries.map((e) => e.id);

describe('viewProject', () => {
  it('shows the owner every entry, shared or not, in the order given', () => {
    for (const share of [privateShare, chosen, all]) {
      const v = viewProject(owner, P1, OWNER, share, entries);
      expect(v.decision).toBe('allow');
      expect(ids(v)).toEqual(['e3', 'e2', 'e1']);
    }
  });

  it('shows a coach nothing of a private project, even entries marked shared', () => {
    expect(viewProject(coach, P1, OWNER, privateShare, entries)).toEqual({ decision: 'deny', entries: [] });
  });

  it('shows a coach only the marked entries when the leader shares chosen ones', () => {
    const v = viewProject(coach, P1, OWNER, chosen, entries);
    expect(v.decision).toBe('allow');
    expect(ids(v)).toEqual(['e2']);
  });

  it('shows a coach every entry when the leader shares the whole project', () => {
    expect(ids(viewProject(coach, P1, OWNER, all, entries))).toEqual(['e3', 'e2', 'e1']);
  });

  it.each([
    ['an advisor it was not shared with', otherAdvisor, 'deny'],
    ['the client admin', clientAdmin, 'deny'],
    ['the provider admin', providerAdmin, 'deny'],
    ['another leader in the programme', peer, 'deny'],
    ['another municipality', otherMunicipality, 'not_found'],
    ['the coach, when staffed only on another programme', coachElsewhere, 'not_found'],
  ] as const)('shows %s nothing of a fully shared project', (_, who, decision) => {
    expect(viewProject(who, P1, OWNER, all, entries)).toEqual({ decision, entries: [] });
  });
});

describe('entryReaders', () => {
  it('is empty for an unmarked entry unless everything is shared', () => {
    expect(entryReaders(chosen, { shared: false })).toEqual([]);
    expect(entryReaders(chosen, { shared: true })).toEqual([COACH]);
    expect(entryReaders(all, { shared: false })).toEqual([COACH]);
    expect(entryVisibleToAdvisors(privateShare, { shared: true })).toBe(false);
  });
});

describe('isEntryDateAllowed', () => {
  it('accepts today and earlier, refuses tomorrow', () => {
    expect(isEntryDateAllowed('2027-03-01', '2027-03-01')).toBe(true);
    expect(isEntryDateAllowed('2027-02-28', '2027-03-01')).toBe(true);
    expect(isEntryDateAllowed('2027-03-02', '2027-03-01')).toBe(false);
    expect(isEntryDateAllowed('1999-12-31', '2027-03-01')).toBe(false);
  });
});
