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
  active: z.array(activeRoleItem),
  token,
});

/** A plain, neutral answer: no error styling, no buttons. */
export const noticeCardData = z.object({ title: filled, text: filled, hint: text });
