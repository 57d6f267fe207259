import { WorkKinds } from '../../app/reminders/work-items';

/**
 * The closed sets every metric label value comes from. A value outside its set is counted as
 * 'other', so nothing a caller sends (an activity type, a Graph status, an outcome spelling) can
 * add a series: the size of /metrics is bounded by these lists.
 */
export const ACTIVITY_TYPES = [
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'typing',
  'event',
  'endOfConversation',
  'other',
] as const;
export type ActivityTypeLabel = (typeof ACTIVITY_TYPES)[number];

export const TURN_OUTCOMES = ['ok', 'rejected', 'unauthorized', 'error'] as const;
export type TurnOutcomeLabel = (typeof TURN_OUTCOMES)[number];

export const GRAPH_OPERATIONS = [
  'read',
  'activate',
  'deactivate',
  'extend',
  'cancel',
  'getApproval',
  'decideApproval',
  'other',
] as const;

/** HTTP statuses Graph documents for PIM calls; anything else is 'other', a failure without one 'network'. */
export const GRAPH_STATUSES = [
  '200',
  '201',
  '202',
  '204',
  '400',
  '401',
  '403',
  '404',
  '409',
  '412',
  '429',
  '500',
  '502',
  '503',
  '504',
  'network',
  'other',
] as const;

export const ACTIVATION_OUTCOMES = [
  'activated',
  'scheduled',
  'pendingApproval',
  'alreadyActive',
  'duplicatePending',
  'stepUpRequired',
  'invalid',
  'ambiguous',
  'notFound',
  'failed',
  'other',
] as const;

/**
 * Scheduled work kinds: every kind app/reminders/work-items.ts defines (announcements, boards,
 * observed activations and step-up expiries each count as themselves, not mixed into 'other').
 */
export const WORK_KINDS = [...Object.values(WorkKinds), 'other'] as const;

export const PROACTIVE_OUTCOMES = ['sent', 'throttled', 'failed', 'other'] as const;

/** The value itself when it is in `set`, else 'other'. */
export function closedLabel<T extends readonly string[]>(set: T, value: unknown): T[number] {
  return typeof value === 'string' && (set as readonly string[]).includes(value) ? value : 'other';
}
