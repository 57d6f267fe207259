import { z } from 'zod';
import { choice, filled, needs, needsApprovers, oneOfChoices, roleRef, text, token } from './card-data-rules';

export const activationFormCardData = z
  .object({
    roleName: filled,
    scopeName: filled,
    timeZone: filled,
    validationErrors: z.array(filled),
    selectedRole: text,
    roles: z.array(choice).min(1),
    minDuration: filled,
    maxDuration: filled,
    defaultDuration: text,
    durations: z.array(choice).min(1),
    justificationRequired: z.boolean(),
    ticketRequired: z.boolean(),
    justification: z.string().max(500),
    ticketNumber: z.string().max(100),
    minStartDate: z.union([z.literal(''), z.iso.date()]),
    startDate: z.union([z.literal(''), z.iso.date()]),
    startTime: z.union([z.literal(''), z.string().regex(/^\d{2}:\d{2}$/, 'startTime must be HH:mm')]),
    approvalNote: text,
    /** The message under each field at fault after a refused submit ('' when the field is fine). */
    fieldErrors: z.object({ role: text, duration: text, justification: text, ticket: text, start: text }),
    token,
  })
  .superRefine(oneOfChoices('roles', 'selectedRole'))
  .superRefine(oneOfChoices('durations', 'defaultDuration'));

export const activationProgressCardData = z.object({
  title: filled,
  scopeName: text,
  steps: z.array(z.object({ text: filled, done: z.boolean() })),
});

export const activationOutcomes = [
  'active',
  'scheduled',
  'pending',
  'alreadyActive',
  'duplicatePending',
] as const;

export const activationResultCardData = z
  .object({
    outcome: z.enum(activationOutcomes),
    roleName: filled,
    scopeName: filled,
    ...roleRef,
    requestId: text,
    duration: text,
    startsAt: text,
    endsAt: text,
    effective: z.boolean(),
    /** Still not effective when the follow-up stopped waiting: no promise to update. */
    slow: z.boolean(),
    approvers: z.array(filled),
    expiresIn: text,
    requestedAt: text,
    pendingState: text,
    justification: text,
    ticketNumber: text,
    /** In a channel or group chat: whose request this is ('' in a personal chat). */
    holderName: text,
    token,
  })
  .superRefine(
    needs((d) => d.outcome === 'active' || d.outcome === 'alreadyActive', ['endsAt'], 'for an active role'),
  )
  .superRefine(needs((d) => d.outcome === 'scheduled', ['startsAt', 'endsAt', 'requestId'], 'when scheduled'))
  .superRefine(needs((d) => d.outcome === 'pending', ['requestId', 'expiresIn'], 'when pending approval'))
  .superRefine(
    needs(
      (d) => d.outcome === 'duplicatePending',
      ['requestId', 'requestedAt', 'pendingState'],
      'for a duplicate',
    ),
  )
  .superRefine(needsApprovers((d) => d.outcome === 'pending'));

export const deactivationResultCardData = z
  .object({
    outcome: z.enum(['deactivated', 'tooSoon']),
    roleName: filled,
    scopeName: filled,
    activatedAt: text,
    endedAt: text,
    possibleAt: text,
    possibleIn: text,
    token,
  })
  .superRefine(needs((d) => d.outcome === 'deactivated', ['endedAt'], 'when deactivated'))
  .superRefine(
    needs((d) => d.outcome === 'tooSoon', ['possibleAt', 'possibleIn'], 'when refused as too soon'),
  );

/** "Is this what you meant?" for a loosely written command: what was understood, Confirm / Edit. */
export const activationConfirmCardData = z.object({
  summary: filled,
  facts: z.array(z.object({ title: filled, value: filled })).min(1),
  why: filled,
  ...roleRef,
  role: filled,
  duration: text,
  startDate: text,
  startTime: text,
  justification: text,
  ticketNumber: text,
  token,
  editToken: token,
});
