import type { DateTime } from 'luxon';
import type { TrackedRequest } from '../../ports/stores';
import type { ActivationFacts, EligibilityFacts } from './work-items';

/** What happened to one message: the connector accepted it, or the person cannot be reached. */
export type Delivery = { kind: 'sent' } | { kind: 'unreachable'; reason: string };

export type EndedHow = 'expired' | 'deactivated' | 'elsewhere';

export type ChannelThreadState = 'pending' | 'scheduled' | 'active' | 'ended' | 'denied' | 'cancelled';

export interface ChannelThreadUpdate {
  request: TrackedRequest;
  state: ChannelThreadState;
  startedAt?: DateTime;
  endsAt?: DateTime;
  endedAt?: DateTime;
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
  /** Keeps the card in the channel / group chat a request was made from current. */
  channelThread(update: ChannelThreadUpdate, dueAt: DateTime): Promise<Delivery>;
}
