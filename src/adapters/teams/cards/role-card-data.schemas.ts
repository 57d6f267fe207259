import { z } from 'zod';
import { filled, roleRef, text, token } from './card-data-rules';

/** An active role in a list, with its own token (roles list, status). */
export const activeRoleItem = z.object({
  ...roleRef,
  roleName: filled,
  scopeName: filled,
  endsAt: filled,
  token,
});

export const rolesListCardData = z.object({
  subtitle: text,
  active: z.array(activeRoleItem),
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

const roleCandidate = z.object({ ...roleRef, roleName: filled, scopeName: filled, viaGroup: text, token });

export const pickRoleCardData = z.object({ query: filled, candidates: z.array(roleCandidate).min(2) });

export const didYouMeanCardData = z.object({ query: filled, suggestions: z.array(roleCandidate), token });
