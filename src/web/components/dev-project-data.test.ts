import { describe, expect, it } from 'vitest';
import { checkEntryForm, checkProjectForm, emptyEntryForm, toEntryBody } from './dev-project-data';

describe('checkProjectForm', () => {
  it('names every missing field, and a missing dimension', () => {
    expect(checkProjectForm({ title: ' ', goal: '', dimensions: [], successCriteria: '' })).toEqual({
      title: 'required',
      goal: 'required',
      dimensions: 'dimensions',
      successCriteria: 'required',
    });
  });

  it('accepts a complete project and refuses a too long title', () => {
    const ok = { title: 'T', goal: 'G', dimensions: ['task' as const], successCriteria: 'S' };
    expect(checkProjectForm(ok)).toEqual({});
    expect(checkProjectForm({ ...ok, title: 'x'.repeat(201) })).toEqual({ title: 'tooLong' });
  });
});

describe('checkEntryForm', () => {
  const today = '2027-03-15';
  it('requires what was tried and a date not after today', () => {
    expect(checkEntryForm(emptyEntryForm(today), today)).toEqual({ tried: 'required' });
    expect(checkEntryForm({ ...emptyEntryForm(today), tried: 'x', date: '2027-03-16' }, today)).toEqual({
      date: 'futureDate',
    });
    expect(checkEntryForm({ ...emptyEntryForm(today), tried: 'x', date: '' }, today)).toEqual({
      date: 'date',
    });
  });
});

describe('toEntryBody', () => {
  it('turns the link choice into a gathering or a coaching session', () => {
    const f = { ...emptyEntryForm('2027-03-15'), tried: ' x ' };
    expect(toEntryBody({ ...f, link: 'g:abc' })).toMatchObject({
      tried: 'x',
      gatheringId: 'abc',
      coachingSessionId: null,
    });
    expect(toEntryBody({ ...f, link: 's:def' })).toMatchObject({
      gatheringId: null,
      coachingSessionId: 'def',
    });
    expect(toEntryBody(f)).toMatchObject({ gatheringId: null, coachingSessionId: null, shared: false });
  });
});
