import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what to which resource. Rows are only ever inserted. Ids are kept as plain uuids
 * (no foreign keys) so that the trail outlives the rows it speaks of, e.g. after erasure.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    providerId: uuid('provider_id'),
    clientId: uuid('client_id'),
    programmeId: uuid('programme_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_provider_at_idx').on(t.providerId, t.at),
    index('audit_log_actor_idx').on(t.actorUserId),
  ],
);
