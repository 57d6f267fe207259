import { z } from 'zod';

/**
 * Field kinds and refinements the card data schemas share.
 *
 * Conventions: text that may be absent is an empty string, not a missing field; `token` is the
 * opaque server-signed value every acting button carries back (optional: an empty token is sent
 * when absent); inside a list, each item's buttons carry that item's own `token`.
 */

export const text = z.string();
export const filled = z.string().min(1);
export const token = z.string().optional();
export const url = z.url({ protocol: /^https?$/ });
export const roleRef = { roleId: filled, directoryScopeId: filled.startsWith('/') };
export const choice = z.object({ title: filled, value: filled });
export const initials = z.string().min(1).max(3);

/** Requires `fields` to be non-empty strings when `when` holds. */
export function needs<T extends Record<string, unknown>>(
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

/** Requires `approvers` to name at least one approver when `when` holds. */
export function needsApprovers<T extends { approvers: string[] }>(when: (data: T) => boolean) {
  return (data: T, ctx: z.RefinementCtx) => {
    if (when(data) && data.approvers.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvers'],
        message: 'approvers must name at least one approver',
      });
    }
  };
}

/** Requires `valueField` to be empty or the value of one of the `choicesField` choices. */
export function oneOfChoices(choicesField: string, valueField: string) {
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
