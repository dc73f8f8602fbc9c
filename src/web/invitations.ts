/**
 * The invitation form's rules. Who may invite whom mirrors the access policy (domain/access:
 * `membership` write), so the form offers only choices the server will accept; the server still
 * decides. The field checks mirror ZInvitationRequest, for messages before a round trip.
 */
import type { Role } from '../contracts/common';
import { isApiError } from './api';
import { isEmail } from './components/form';

export const NAME_MAX_LENGTH = 200;
const EMAIL_MAX_LENGTH = 254;

/** The order the choices are listed in: the common case first. */
const ROLE_ORDER: readonly Role[] = ['participant', 'client_admin', 'advisor', 'provider_admin'];

/**
 * The roles a user with `roles` in a programme may invite others to: a provider admin any, a
 * client admin the municipality's own (leaders and fellow contacts), anyone else none.
 */
export function invitableRoles(roles: readonly Role[]): Role[] {
  if (roles.includes('provider_admin')) return [...ROLE_ORDER];
  if (roles.includes('client_admin')) return ['participant', 'client_admin'];
  return [];
}

export interface InvitationDraft {
  name: string;
  email: string;
}

export type InvitationField = keyof InvitationDraft;

/** What is wrong with each field, as a code the form turns into text. */
export interface InvitationProblems {
  name?: 'required' | 'tooLong';
  email?: 'required' | 'invalid';
}

export function checkInvitation(draft: InvitationDraft): InvitationProblems {
  const problems: InvitationProblems = {};
  const name = draft.name.trim();
  const email = draft.email.trim();
  if (!name) problems.name = 'required';
  else if (name.length > NAME_MAX_LENGTH) problems.name = 'tooLong';
  if (!email) problems.email = 'required';
  else if (email.length > EMAIL_MAX_LENGTH || !isEmail(email)) problems.email = 'invalid';
  return problems;
}

/** The form field a server-side validation error is about, if it is one of the form's fields. */
export function fieldOfError(error: unknown): InvitationField | null {
  if (!isApiError(error, 'validation_failed')) return null;
  return error.field === 'name' || error.field === 'email' ? error.field : null;
}
