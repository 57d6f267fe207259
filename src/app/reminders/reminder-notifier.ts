import type { DateTime } from 'luxon';
import type { TrackedRequest } from '../../ports/stores';
import type { ActivationFacts, EligibilityFacts } from './work-items';

/** What happened to one message: the connector accepted it, or the person cannot be reached. */
export type Delivery = { kind: 'sent' } | { kind: 'unreachable'; reason: string };

export type EndedHow = 'expired' | 'deactivated' | 'elsewhere';

export type ChannelThreadState = 'pending' | 'scheduled' | 'active' | 'ended' | 'denied' | 'cancelled';

export interface ChannelThreadUpdate {
  /**
   * The request the announcement is about. An activation Elevate did not make (portal,
   * PowerShell) is announced under a stand-in with id `instance:<instanceId>` (see announce-subject.ts).
   */
  request: TrackedRequest;
  state: ChannelThreadState;
  startedAt?: DateTime;
  endsAt?: DateTime;
  endedAt?: DateTime;
  /** Ended: how it ended, and who deactivated it. */
  how?: EndedHow;
  endedBy?: string;
  /** Active again with a later end (Extend). */
  extended?: boolean;
}

/** A scheduled activation began: PIM provisioned it at its start time. */
export interface ScheduledStart {
  request: TrackedRequest;
  startedAt: DateTime;
  endsAt?: DateTime;
}

/**
 * Sends what the scheduler produces (implemented in the Teams adapter). Each method resolves
 * only once the Bot Connector accepted the message, so a work item is marked done only after
 * that; it throws when sending failed and should be retried. `dueAt` orders queued messages.
 */
export interface ReminderNotifier {
  expiryReminder(activation: ActivationFacts, dueAt: DateTime): Promise<Delivery>;
  activationEnded(
    activation: ActivationFacts,
    how: EndedHow,
    endedAt: DateTime,
    dueAt: DateTime,
  ): Promise<Delivery>;
  eligibilityEnding(eligibility: EligibilityFacts, dueAt: DateTime): Promise<Delivery>;
  /**
   * Tells the requester (personal chat) that their scheduled activation is active now, and redraws
   * the card that said "scheduled" (no Cancel any more).
   */
  scheduledStarted(start: ScheduledStart, dueAt: DateTime): Promise<Delivery>;
  /**
   * Keeps the announcement cards of a request current: the card in the channel / group chat it
   * was made from, and one card in each conversation subscribed to its role. Every existing copy
   * is updated in place; a conversation without a copy gets one posted (once, across instances)
   * only while the request is pending, scheduled or active.
   */
  channelThread(update: ChannelThreadUpdate, dueAt: DateTime): Promise<Delivery>;
  /** Redraws a conversation's "who holds what" board in place (unreachable when it has none). */
  refreshBoard?(conversationId: string, dueAt: DateTime): Promise<Delivery>;
}
