/**
 * The audit log's actions sorted into the kinds the provider admin filters by. Pure: the service
 * turns the same rules into SQL (`auditKindRules`), the web shows a label per action.
 *
 * Naming: `<thing>.<what happened>`; a read is `<thing>.read`, an export or download
 * `<thing>.exported`. A few reads are older than that convention and are listed by name, so the
 * trail stays continuous.
 */

export const AUDIT_KINDS = ['reads_exports', 'changes', 'logins'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
/** The filter: one kind, or every entry. */
export type AuditKindFilter = AuditKind | 'all';

/** What decides the kind; `auditKindOf` and the service's SQL both read it, so they cannot drift. */
export const auditKindRules = {
  /** Account events: log-ins, failed log-ins, SSO, password resets, accepted invitations. */
  loginPrefix: 'auth.',
  readSuffixes: ['.read', '.exported'],
  /** Reads named before the `<thing>.read` convention. */
  otherReads: ['coaching.note_read', 'outbox.read_bodies', 'tenFactor.followUpRead'],
} as const;

/** The kind of an action. Anything not a log-in or a read/export is a change. */
export function auditKindOf(action: string): AuditKind {
  if (action.startsWith(auditKindRules.loginPrefix)) return 'logins';
  if (
    auditKindRules.readSuffixes.some((s) => action.endsWith(s)) ||
    (auditKindRules.otherReads as readonly string[]).includes(action)
  )
    return 'reads_exports';
  return 'changes';
}

/**
 * The key of an action's label in the i18n section `auditLog.actions` (dots become underscores:
 * catalog keys are paths). Injective over `AUDIT_ACTIONS` (tested).
 */
export function auditActionLabelKey(action: string): string {
  return action.replace(/\./g, '_');
}

/**
 * Every action the services record (a unit test reads the services' source and checks both ways,
 * so a new action without a label fails the build).
 */
export const AUDIT_ACTIONS = [
  'advisor_unavailability.add',
  'advisor_unavailability.remove',
  'audit.exported',
  'audit.read',
  'auth.invitation_accepted',
  'auth.login',
  'auth.login_failed',
  'auth.oidc_linked',
  'auth.oidc_refused',
  'auth.password_reset',
  'auth.password_reset_requested',
  'calendar_feed.create',
  'calendar_feed.revoke',
  'calendar_period.add',
  'calendar_period.defaults',
  'calendar_period.remove',
  'client_report.exported',
  'client_report.read',
  'coaching.availability_published',
  'coaching.booked',
  'coaching.cancelled',
  'coaching.mode_set',
  'coaching.moved',
  'coaching.note_read',
  'coaching.note_saved',
  'coaching.recorded',
  'coaching.slot_removed',
  'delivery.deleted',
  'delivery.registered',
  'devProject.created',
  'devProject.entryAdded',
  'devProject.entryDeleted',
  'devProject.entryUpdated',
  'devProject.read',
  'devProject.sharingChanged',
  'devProject.updated',
  'evaluation.close',
  'evaluation.open',
  'evaluation.remind',
  'evaluation_answers.exported',
  'expectations.close',
  'expectations.open',
  'expectations.remind',
  'expectations.themes',
  'gathering.agenda.save',
  'gathering.attendance.mark',
  'gathering.attendance.rest_present',
  'gathering.interim_work.save',
  'gathering.update',
  'groups.keep_apart.create',
  'groups.keep_apart.delete',
  'groups.save',
  'groups.settings',
  'invoicing_basis.exported',
  'material.deleted',
  'material.uploaded',
  'membership.invited',
  'offer.exported',
  'ou_summary.exported',
  'outbox.read_bodies',
  'overall_evaluation.close',
  'overall_evaluation.open',
  'overall_evaluation.remind',
  'overall_evaluation_answers.exported',
  'participant.added',
  'participant.deactivated',
  'participant.reactivated',
  'participant.updated',
  'participants.read',
  'person.erased',
  'person.exported',
  'plan.accept',
  'plan.move',
  'platform.published',
  'practice_case.mark_used',
  'practice_case.submit',
  'practice_case.unmark_used',
  'practice_case.update',
  'practice_case.withdraw',
  'principle.edited',
  'principle.merged',
  'principle.proposed',
  'principle.status_changed',
  'programme.goals_updated',
  'quote.accepted',
  'quote.saved',
  'quote.sent',
  'quote.withdrawn',
  'rate_card.created',
  'rate_card.deleted',
  'rate_card.updated',
  'retention.applied',
  'retention.policy_changed',
  'roster.committed',
  'roster.uploaded',
  'self_assessment.employees.invite',
  'self_assessment.instrument.save',
  'self_assessment.phase.close',
  'self_assessment.phase.open',
  'sso.config_saved',
  'subProcessor.created',
  'subProcessor.deleted',
  'subProcessor.updated',
  'tenFactor.committed',
  'tenFactor.disabled',
  'tenFactor.enabled',
  'tenFactor.exported',
  'tenFactor.followUpRead',
  'tenFactor.linkSet',
  'tenFactor.uploaded',
  'travel_rate.added',
  'travel_rate.removed',
  'user.locale_changed',
  'voting_round.closed',
  'voting_round.opened',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
