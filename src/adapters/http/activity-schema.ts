import { z } from 'zod';

/**
 * The shape of a Bot Framework activity as Elevate reads it, checked at the edge before
 * botbuilder or any route sees it: a malformed activity is answered 400 saying which field is
 * wrong, never a TypeError deep in a handler. Unknown fields pass through (Teams adds new ones);
 * every string is bounded.
 */
const id = z.string().min(1).max(1_000);
const account = z.looseObject({
  id,
  name: z.string().max(1_000).nullish(),
  aadObjectId: z.string().max(100).nullish(),
});
const conversation = z.looseObject({
  id,
  conversationType: z.string().max(50).nullish(),
  tenantId: z.string().max(100).nullish(),
  isGroup: z.boolean().nullish(),
});
const record = z.record(z.string(), z.unknown());

/** Longer than any Teams message (about 28 KB); the bot answers over-long commands itself. */
export const MAX_ACTIVITY_TEXT = 100_000;

const baseActivity = z.looseObject({
  type: z.string().min(1).max(50),
  id: z.string().max(1_000).nullish(),
  channelId: z.string().min(1).max(100),
  serviceUrl: z
    .string()
    .max(2_000)
    .regex(/^https?:\/\/[^\s]+$/, 'must be an absolute http(s) URL'),
  from: account,
  recipient: account,
  conversation,
  text: z.string().max(MAX_ACTIVITY_TEXT).nullish(),
  value: z.unknown().optional(),
  name: z.string().max(200).nullish(),
  replyToId: z.string().max(1_000).nullish(),
  localTimezone: z.string().max(100).nullish(),
  locale: z.string().max(50).nullish(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(100) }).nullish() }).nullish(),
  attachments: z.array(z.unknown()).max(50).nullish(),
  entities: z.array(z.unknown()).max(50).nullish(),
  membersAdded: z.array(account).max(1_000).nullish(),
  membersRemoved: z.array(account).max(1_000).nullish(),
});

/** Universal Action (`adaptiveCard/action`): the action and its verb must be there. */
const cardActionValue = z.looseObject({
  action: z.looseObject({
    type: z.string().max(100),
    verb: z.string().max(200).nullish(),
    data: record.nullish(),
  }),
});

export type ParsedActivity = z.infer<typeof baseActivity>;

export type ActivityCheck = { ok: true; activity: ParsedActivity } | { ok: false; problems: string[] };

/** Checks an incoming body; problems name each wrong field the way a developer would look for it. */
export function checkActivity(body: unknown): ActivityCheck {
  const parsed = baseActivity.safeParse(body);
  if (!parsed.success) return { ok: false, problems: describe(parsed.error) };
  const activity = parsed.data;
  if (activity.type === 'invoke' && activity.name === 'adaptiveCard/action') {
    const value = cardActionValue.safeParse(activity.value);
    if (!value.success) return { ok: false, problems: describe(value.error, 'value') };
  }
  if (activity.type === 'message' && activity.value !== undefined && activity.value !== null) {
    if (!record.safeParse(activity.value).success) {
      return { ok: false, problems: ['value: must be an object (the data of the card button)'] };
    }
  }
  return { ok: true, activity };
}

function describe(error: z.ZodError, prefix?: string): string[] {
  return error.issues.slice(0, 5).map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(body)';
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    return `${path}: ${missing ? 'is required' : issue.message}`;
  });
}
