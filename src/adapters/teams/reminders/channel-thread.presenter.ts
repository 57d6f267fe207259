import type { ChannelThreadUpdate } from '../../../app/reminders/reminder-notifier';
import type { Clock } from '../../../ports/clock';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import { formatInstant } from '../presenters/time-format';
import { roleLabel } from '../presenters/role-label';

/** "Adele Vance" → "AV". */
export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
  return (letters || '?').slice(0, 3);
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The announcement card in the channel / group chat a request came from, in its current state. */
export function channelThreadCard(
  update: ChannelThreadUpdate,
  context: {
    clock: Clock;
    zone: string;
    holderName: string;
    approvers: string[];
    decidedBy?: string;
    decisionReason?: string;
  },
): AdaptiveCardJson {
  const now = context.clock.now();
  const at = (t: ChannelThreadUpdate['endsAt']) => (t ? formatInstant(t, context.zone, now) : '');
  const { request, state } = update;
  return renderCard('channel-announcement', {
    state,
    holderName: context.holderName,
    holderInitials: initialsOf(context.holderName),
    roleName: roleLabel(request),
    scopeName: str(request.data.scopeName) || request.roleName,
    approvers: state === 'pending' ? context.approvers : [],
    requestedAt: at(request.createdAt),
    startedAt:
      at(update.startedAt) || (state === 'ended' || state === 'scheduled' ? at(request.createdAt) : ''),
    endsAt: at(update.endsAt),
    endedAt: at(update.endedAt) || (state === 'denied' || state === 'cancelled' ? at(now) : ''),
    justification: str(request.data.justification),
    ticketNumber: str(request.data.ticket),
    extended: state === 'active' && update.extended === true,
    endedHow: state === 'ended' ? (update.how ?? '') : '',
    endedBy: state === 'ended' && update.how === 'deactivated' ? update.endedBy || context.holderName : '',
    decidedBy: state === 'denied' ? (context.decidedBy ?? '') : '',
    decisionReason: state === 'denied' ? (context.decisionReason ?? '') : '',
  });
}
