import { z } from 'zod';
import { choice, filled, needs, oneOfChoices, roleRef, text, token } from './card-data-rules';

export const reminderCardData = z
  .object({
    roleName: filled,
    scopeName: filled,
    ...roleRef,
    endsIn: filled,
    endsAt: filled,
    maxExtension: filled,
    /** PIM's maximum for the whole activation (maxExtension is what is left of it). */
    policyMaximum: filled,
    defaultExtension: text,
    extensionChoices: z.array(choice).min(1),
    extendNeedsApproval: z.boolean(),
    /** Whether Extend first asks the holder to verify (the role's policy: MFA or an authentication context). */
    extendVerify: z.enum(['none', 'mfa', 'authenticationContext']),
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
