import { z } from 'zod';
import { filled, needs, text, url } from './card-data-rules';

export const signInCardData = z.object({ reason: filled, signInUrl: url });

export const verifyCardData = z
  .object({
    reason: z.enum(['mfa', 'authenticationContext']),
    /** What the person verifies for, said before the role's name ("extend", "approve the request for"). */
    purpose: z.enum(['activate', 'extend', 'approve the request for', 'deny the request for']),
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
