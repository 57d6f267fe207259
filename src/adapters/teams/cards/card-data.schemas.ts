import { z } from 'zod';

/**
 * The data each template in `cards/` expects, one zod schema per card. Presenters build these
 * (times and durations already formatted for the reader; templates never format), the renderer
 * checks them before expanding, and the sample data beside each template must fit.
 *
 * Conventions: text that may be absent is an empty string, not a missing field; `token` is the
 * opaque server-signed value every acting button carries back (optional: an empty token is sent
 * when absent); inside a list, each item's buttons carry that item's own `token`.
 */

const text = z.string();
const filled = z.string().min(1);
const token = z.string().optional();
const url = z.url({ protocol: /^https?$/ });
const roleRef = { roleId: filled, directoryScopeId: filled.startsWith('/') };
const choice = z.object({ title: filled, value: filled });
const initials = z.string().min(1).max(3);

/** Requires `fields` to be non-empty strings when `when` holds. */
function needs<T extends Record<string, unknown>>(
  when: (data: T) => boolean,
  fields: (keyof T & string)[],
  why: string,
) {
  return (data: T, ctx: z.RefinementCtx) => {
    if (!when(data)) return;
    for (const field of fields) {
      const value = data[field];
      if (typeof value !== 'string' || value.length === 0) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required ${why}` });
      }
    }
  };
}

function oneOfChoices(choicesField: string, valueField: string) {
  return (data: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const values = (data[choicesField] as { value: string }[]).map((c) => c.value);
    const value = data[valueField];
    if (value !== '' && !values.includes(value as string)) {
      ctx.addIssue({
        code: 'custom',
        path: [valueField],
        message: `${valueField} must be empty or one of the ${choicesField} values: ${values.join(', ')}`,
      });
    }
  };
}

export const helpCardData = z.object({
  title: filled,
  intro: filled,
  notice: text,
  commands: z.array(z.object({ name: filled, description: filled, example: filled })).min(1),
  footer: text,
  token,
});

export const rolesListCardData = z.object({
  subtitle: text,
  active: z.array(z.object({ ...roleRef, roleName: filled, scopeName: filled, endsAt: filled, token })),
  eligible: z.array(
    z.object({
      ...roleRef,
      roleName: filled,
      scopeName: filled,
      maxDuration: filled,
      requiresApproval: z.boolean(),
      viaGroup: text,
      eligibleUntil: text,
      token,
    }),
  ),
  token,
});

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
    token,
  })
  .superRefine(oneOfChoices('roles', 'selectedRole'))
  .superRefine(oneOfChoices('durations', 'defaultDuration'));

const roleCandidate = z.object({ ...roleRef, roleName: filled, scopeName: filled, viaGroup: text, token });

export const pickRoleCardData = z.object({ query: filled, candidates: z.array(roleCandidate).min(2) });

export const didYouMeanCardData = z.object({ query: filled, suggestions: z.array(roleCandidate), token });

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
    approvers: z.array(filled),
    expiresIn: text,
    requestedAt: text,
    pendingState: text,
    justification: text,
    ticketNumber: text,
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
  .superRefine((d, ctx) => {
    if (d.outcome === 'pending' && d.approvers.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: 'approvers must name at least one approver',
      });
    }
  });

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

export const errorCardData = z.object({
  title: filled,
  cause: filled,
  remedy: filled,
  details: z.array(filled),
  code: filled,
  reference: text,
});

export const statusCardData = z.object({
  subtitle: text,
  pending: z.array(
    z.object({
      requestId: filled,
      roleName: filled,
      scopeName: filled,
      duration: filled,
      requestedAt: filled,
      approvers: z.array(filled).min(1),
      token,
    }),
  ),
  scheduled: z.array(
    z.object({
      requestId: filled,
      roleName: filled,
      scopeName: filled,
      startsAt: filled,
      endsAt: filled,
      token,
    }),
  ),
  active: z.array(z.object({ ...roleRef, roleName: filled, scopeName: filled, endsAt: filled, token })),
  token,
});

export const signInCardData = z.object({ reason: filled, signInUrl: url });

export const verifyCardData = z
  .object({
    reason: z.enum(['mfa', 'authenticationContext']),
    roleName: filled,
    authenticationContext: text,
    expiresIn: filled,
    stepUpUrl: url,
  })
  .superRefine(
    needs(
      (d) => d.reason === 'authenticationContext',
      ['authenticationContext'],
      'for an authentication context',
    ),
  );

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
    requestId: filled,
    approvalId: filled,
    decision: z.enum(['', 'approved', 'denied']),
    decidedBy: text,
    decidedAt: text,
    decisionReason: text,
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

export const reminderCardData = z
  .object({
    roleName: filled,
    scopeName: filled,
    ...roleRef,
    endsIn: filled,
    endsAt: filled,
    maxExtension: filled,
    defaultExtension: text,
    extensionChoices: z.array(choice).min(1),
    extendNeedsApproval: z.boolean(),
    approvers: text,
    token,
  })
  .superRefine(oneOfChoices('extensionChoices', 'defaultExtension'))
  .superRefine(needs((d) => d.extendNeedsApproval, ['approvers'], 'when Extend needs approval'));

export const endedCardData = z.object({
  how: z.enum(['expired', 'deactivated', 'elsewhere']),
  roleName: filled,
  scopeName: filled,
  ...roleRef,
  activeFrom: filled,
  endedAt: filled,
  token,
});

export const eligibilityExpiringCardData = z.object({
  roleName: filled,
  scopeName: filled,
  ...roleRef,
  viaGroup: text,
  daysLeft: z.number().int().min(0),
  endsAt: filled,
  token,
});

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
  })
  .superRefine(needs((d) => d.state === 'pending', ['requestedAt'], 'while pending'))
  .superRefine(needs((d) => d.state === 'scheduled', ['startedAt', 'endsAt'], 'when scheduled'))
  .superRefine(needs((d) => d.state === 'active', ['endsAt'], 'while active'))
  .superRefine(needs((d) => d.state === 'ended', ['startedAt', 'endedAt'], 'once ended'))
  .superRefine(needs((d) => d.state === 'denied' || d.state === 'cancelled', ['endedAt'], 'once closed'))
  .superRefine((d, ctx) => {
    if (d.state === 'pending' && d.approvers.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: 'approvers must name at least one approver',
      });
    }
  });

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

/** Schema of each card's data, by template name. */
export const cardDataSchemas = {
  'activation-form': activationFormCardData,
  'activation-progress': activationProgressCardData,
  'activation-result': activationResultCardData,
  'approval-request': approvalRequestCardData,
  'approvals-list': approvalsListCardData,
  'channel-announcement': channelAnnouncementCardData,
  'deactivation-result': deactivationResultCardData,
  'did-you-mean': didYouMeanCardData,
  'eligibility-expiring': eligibilityExpiringCardData,
  ended: endedCardData,
  error: errorCardData,
  help: helpCardData,
  'pick-role': pickRoleCardData,
  reminder: reminderCardData,
  'roles-list': rolesListCardData,
  'sign-in': signInCardData,
  status: statusCardData,
  verify: verifyCardData,
  'who-holds-what': whoHoldsWhatCardData,
} as const;

export type CardName = keyof typeof cardDataSchemas;

/** The data a presenter passes for card `N`, e.g. `CardData<'approval-request'>`. */
export type CardData<N extends CardName> = z.input<(typeof cardDataSchemas)[N]>;

export function isCardName(name: string): name is CardName {
  return Object.prototype.hasOwnProperty.call(cardDataSchemas, name);
}
