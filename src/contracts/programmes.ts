import { z } from 'zod';
import { ZRole, ZUuid } from './common';

import { PROGRAMME_PARTS } from './programme-constants';

export { PROGRAMME_PARTS };
export const ZProgrammePart = z.enum(PROGRAMME_PARTS);
export type ProgrammePart = z.infer<typeof ZProgrammePart>;

export const ZProgrammeDetail = z.object({
  id: ZUuid,
  name: z.string(),
  status: z.enum(['draft', 'active', 'completed']),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  provider: z.object({ id: ZUuid, name: z.string() }),
  client: z.object({ id: ZUuid, name: z.string() }),
  roles: z.array(ZRole),
  /** The parts this user may open, in display order. */
  parts: z.array(z.object({ key: ZProgrammePart })),
  counts: z.object({
    participants: z.number().int(),
    gatherings: z.number().int(),
    advisors: z.number().int(),
  }),
  nextGathering: z
    .object({ id: ZUuid, number: z.number().int(), theme: z.string(), startsAt: z.string().nullable() })
    .nullable(),
});
export type ProgrammeDetail = z.infer<typeof ZProgrammeDetail>;

// The participant schemas live with the rest of the participant contracts.
export { ZLeaderLevel, ZParticipant, ZParticipantList } from './participants';

export const ZAgendaKind = z.enum([
  'talk',
  'reflection',
  'individual_work',
  'group_work',
  'platform_work',
  'other',
]);
export const ZGathering = z.object({
  id: ZUuid,
  number: z.number().int(),
  theme: z.string(),
  goal: z.string().nullable(),
  format: z.enum(['full_day', 'lunch_to_lunch']),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  venue: z.string().nullable(),
  advisors: z.array(z.object({ id: ZUuid, name: z.string() })),
  agenda: z.array(
    z.object({
      id: ZUuid,
      position: z.number().int(),
      title: z.string(),
      kind: ZAgendaKind,
      /** Oslo time of day 'HH:MM' and length; null: not timed (see contracts/gatherings.ts). */
      startTime: z.string().nullable(),
      durationMinutes: z.number().int().nullable(),
    }),
  ),
});
export const ZGatheringList = z.object({ gatherings: z.array(ZGathering) });
