import { z } from 'zod';
import { filled, text } from './card-data-rules';

/** `audit`: one page of the trail, newest first; `query` is the signed filter the next page repeats. */
export const auditTrailCardData = z.object({
  title: filled,
  filterText: filled,
  emptyText: filled,
  entries: z
    .array(
      z.object({
        what: filled,
        target: text,
        tone: z.enum(['good', 'warn', 'bad']),
        when: filled,
        who: filled,
        why: text,
        note: text,
      }),
    )
    .max(25),
  pageText: text,
  page: z.number().int().min(1),
  query: text,
  hasNext: z.boolean(),
  token: filled,
});

/** `settings`: the admin settings with their inputs, and the approvals channels per role. */
export const settingsCardData = z.object({
  title: filled,
  notice: text,
  noticeIsProblem: z.boolean(),
  reminderLeadText: filled,
  ticketPatternText: filled,
  adminGroupText: filled,
  reminderLead: filled,
  ticketPattern: filled,
  adminGroupName: filled,
  approvalsChannels: z.array(z.object({ inputId: filled, label: filled, roles: text })).max(50),
  token: filled,
});
