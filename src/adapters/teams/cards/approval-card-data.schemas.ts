import { z } from 'zod';
import { filled, initials, needs, text, token, url } from './card-data-rules';

export const approvalStates = [
  'pending',
  'approved',
  'denied',
  'cancelled',
  'expired',
  'alreadyDecided',
] as const;

export const approvalRequestCardData = z
  .object({
    state: z.enum(approvalStates),
    requesterName: filled,
    requesterInitials: initials,
    requesterDetail: text,
    roleName: filled,
    scopeName: filled,
    duration: filled,
    requestedStart: filled,
    justification: text,
    ticketNumber: text,
    requestedAt: filled,
    expiresIn: text,
    portalUrl: url,
    reasonRequired: z.boolean(),
    /** Empty on an approver's own copy ("Waiting for your decision"); else who may decide. */
    waitingFor: text,
    /** Whether the Approve / Deny buttons and the reason input are shown (pending only). */
    decidable: z.boolean(),
    requestId: filled,
    approvalId: filled,
    decision: z.enum(['', 'approved', 'denied']),
    decidedBy: text,
    decidedAt: text,
    decisionReason: text,
    /** Why the clicker's action did nothing, on the card only they get back ('' otherwise). */
    notice: text,
    token,
  })
  .superRefine(needs((d) => d.state === 'pending', ['expiresIn'], 'while pending'))
  .superRefine(
    needs(
      (d) => ['approved', 'denied', 'alreadyDecided'].includes(d.state),
      ['decidedBy', 'decidedAt'],
      'once decided',
    ),
  )
  .superRefine(needs((d) => d.state === 'alreadyDecided', ['decision'], 'when already decided'))
  .superRefine(needs((d) => d.state === 'cancelled' || d.state === 'expired', ['decidedAt'], 'when closed'));

export const approvalsListCardData = z.object({
  subtitle: text,
  items: z.array(
    z.object({
      requestId: filled,
      approvalId: filled,
      requesterName: filled,
      requesterInitials: initials,
      roleName: filled,
      scopeName: filled,
      duration: filled,
      requestedAt: filled,
      expiresIn: filled,
      justification: text,
      ticketNumber: text,
      reasonRequired: z.boolean(),
      token,
    }),
  ),
  token,
});
