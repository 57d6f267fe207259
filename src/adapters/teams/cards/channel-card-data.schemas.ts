import { z } from 'zod';
import { filled, initials, needs, needsApprovers, text } from './card-data-rules';

export const announcementStates = ['pending', 'scheduled', 'active', 'ended', 'denied', 'cancelled'] as const;

export const channelAnnouncementCardData = z
  .object({
    state: z.enum(announcementStates),
    holderName: filled,
    holderInitials: initials,
    roleName: filled,
    scopeName: filled,
    approvers: z.array(filled),
    requestedAt: text,
    startedAt: text,
    endsAt: text,
    endedAt: text,
    justification: text,
    ticketNumber: text,
    /** Active: the end moved out (Extend). */
    extended: z.boolean(),
    /** Ended: how ('' when unknown). */
    endedHow: z.enum(['expired', 'deactivated', 'elsewhere', '']),
    /** Ended by deactivation: who. */
    endedBy: text,
    /** Denied: by whom, and the reason they gave. */
    decidedBy: text,
    decisionReason: text,
  })
  .superRefine(needs((d) => d.state === 'pending', ['requestedAt'], 'while pending'))
  .superRefine(needs((d) => d.endedHow === 'deactivated', ['endedBy'], 'when deactivated'))
  .superRefine(needs((d) => d.state === 'scheduled', ['startedAt', 'endsAt'], 'when scheduled'))
  .superRefine(needs((d) => d.state === 'active', ['endsAt'], 'while active'))
  .superRefine(needs((d) => d.state === 'ended', ['startedAt', 'endedAt'], 'once ended'))
  .superRefine(needs((d) => d.state === 'denied' || d.state === 'cancelled', ['endedAt'], 'once closed'))
  .superRefine(needsApprovers((d) => d.state === 'pending'));

export const whoHoldsWhatCardData = z.object({
  title: filled,
  summary: filled,
  updatedAt: filled,
  /** Which zone every time on the board is in (one zone per board). */
  zoneText: filled,
  emptyText: filled,
  groups: z.array(
    z.object({
      roleName: filled,
      rows: z
        .array(
          z
            .object({
              holderName: filled,
              scopeName: filled,
              state: z.enum(['active', 'pending']),
              since: text,
              until: text,
              ticket: text,
              justification: text,
            })
            .superRefine(needs((r) => r.state === 'active', ['until'], 'for an active row')),
        )
        .min(1),
    }),
  ),
  pageText: text,
  page: z.number().int().min(1),
  role: text,
  hasPrevious: z.boolean(),
  hasNext: z.boolean(),
  token: filled,
});
