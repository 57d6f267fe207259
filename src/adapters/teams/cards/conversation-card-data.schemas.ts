import { z } from 'zod';
import { filled, text, token } from './card-data-rules';
import { activeRoleItem } from './role-card-data.schemas';

export const helpCardData = z.object({
  title: filled,
  intro: filled,
  notice: text,
  commands: z.array(z.object({ name: filled, description: filled, examples: z.array(filled).min(1) })).min(1),
  footer: text,
  token,
});

export const errorCardData = z.object({
  title: filled,
  cause: filled,
  remedy: filled,
  /** Shown only on the small "Details" line, for support. */
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
  activating: z.array(z.object({ roleName: filled, scopeName: filled, requestedAt: filled })),
  active: z.array(activeRoleItem),
  token,
});

/** A plain answer, no buttons: neutral information, or a success ("Cancelled: …"), never an error. */
export const noticeCardData = z.object({
  title: filled,
  text: filled,
  hint: text,
  tone: z.enum(['info', 'success']),
});
