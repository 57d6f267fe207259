import { z } from 'zod';
import { filled, initials, needs, needsApprovers, text, token } from './card-data-rules';

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
  updatedAt: filled,
  rows: z.array(
    z
      .object({
        holderName: filled,
        roleName: filled,
        scopeName: filled,
        state: z.enum(['active', 'pending']),
        endsAt: text,
      })
      .superRefine(needs((r) => r.state === 'active', ['endsAt'], 'for an active row')),
  ),
  token,
});
