import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { checkInvitation, fieldOfError, invitableRoles, NAME_MAX_LENGTH } from './invitations';

describe('invitableRoles', () => {
  it('lets a provider admin invite every role, participant first', () => {
    expect(invitableRoles(['provider_admin'])).toEqual([
      'participant',
      'client_admin',
      'advisor',
      'provider_admin',
    ]);
  });

  it('lets a client admin invite leaders and fellow client admins, never the provider’s staff', () => {
    expect(invitableRoles(['client_admin'])).toEqual(['participant', 'client_admin']);
    expect(invitableRoles(['participant', 'client_admin'])).toEqual(['participant', 'client_admin']);
  });

  it('lets advisors and participants invite nobody', () => {
    expect(invitableRoles(['advisor'])).toEqual([]);
    expect(invitableRoles(['participant'])).toEqual([]);
    expect(invitableRoles([])).toEqual([]);
  });
});

describe('checkInvitation', () => {
  it('accepts a name and an e-mail address, ignoring surrounding spaces', () => {
    expect(checkInvitation({ name: ' Nora Nyleiar ', email: ' nora@seljord.example ' })).toEqual({});
  });

  it('asks for both fields when they are empty or blank', () => {
    expect(checkInvitation({ name: '  ', email: '' })).toEqual({ name: 'required', email: 'required' });
  });

  it('refuses an e-mail address without a domain and one longer than the contract allows', () => {
    expect(checkInvitation({ name: 'Nora', email: 'nora@seljord' }).email).toBe('invalid');
    expect(checkInvitation({ name: 'Nora', email: `${'n'.repeat(250)}@seljord.example` }).email).toBe(
      'invalid',
    );
  });

  it('refuses a name longer than the contract allows', () => {
    expect(checkInvitation({ name: 'N'.repeat(NAME_MAX_LENGTH), email: 'n@s.no' })).toEqual({});
    expect(checkInvitation({ name: 'N'.repeat(NAME_MAX_LENGTH + 1), email: 'n@s.no' }).name).toBe('tooLong');
  });
});

describe('fieldOfError', () => {
  it('ties a server validation error to the form field it names', () => {
    expect(fieldOfError(new ApiError(400, 'validation_failed', 'body.email: invalid', 'email'))).toBe(
      'email',
    );
    expect(fieldOfError(new ApiError(400, 'validation_failed', 'body.name: too long', 'name'))).toBe('name');
  });

  it('leaves other errors to the general message', () => {
    expect(fieldOfError(new ApiError(400, 'validation_failed', 'body.role: invalid', 'role'))).toBeNull();
    expect(fieldOfError(new ApiError(400, 'validation_failed', 'body: invalid'))).toBeNull();
    expect(fieldOfError(new ApiError(403, 'forbidden', 'Forbidden'))).toBeNull();
    expect(fieldOfError(new Error('boom'))).toBeNull();
  });
});
