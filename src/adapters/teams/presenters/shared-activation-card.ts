import { createHash } from 'node:crypto';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { renderCard } from '../cards/card-renderer';
import type { CardData } from '../cards/card-data.schemas';
import { CardVerbs } from '../cards/card-verbs';
import { CARD_ACTION_TTL, type PresenterContext } from './presenter-context';

/** The requester's own activation card: their buttons, signed for them. */
export type OwnActivationCard = CardData<'activation-result'>;

/** Whose request a shared card shows: their name, and their Teams id (MRI) for their own view. */
export interface Holder {
  name: string;
  teamsId?: string;
}

/** What the refresh of a shared activation card carries (and its token is signed over). */
export interface ActivationViewData {
  view: OwnActivationCard;
  holderName: string;
}

/**
 * An activation card in a channel or group chat (issue 13, defect 7): everyone reads the shared
 * copy, which names whose request it is and has none of the requester's buttons. Teams clients
 * with user-specific views show the requester their own card instead (refresh.userIds: their Teams
 * id), fetched through the `refreshActivation` invoke, with Deactivate or Cancel bound to them.
 */
export function sharedActivationCard(
  ctx: PresenterContext,
  own: OwnActivationCard,
  holder: Holder,
): AdaptiveCardJson {
  const shared = sharedCopy(own, holder.name);
  if (!holder.teamsId || !own.token) return shared;
  const data: ActivationViewData = { view: own, holderName: holder.name };
  const token = ctx.signer.sign({
    verbs: [CardVerbs.refreshActivation],
    subject: activationViewSubject(data),
    actorId: ctx.viewerId,
    now: ctx.clock.now(),
    ttl: CARD_ACTION_TTL,
  });
  return {
    ...shared,
    refresh: {
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: CardVerbs.refreshActivation,
        data: { ...data, token },
      },
      userIds: [holder.teamsId],
    },
  };
}

/** The copy everyone reads: the holder named, no buttons. */
export function sharedCopy(own: OwnActivationCard, holderName: string): AdaptiveCardJson {
  return renderCard('activation-result', { ...own, holderName, token: '' });
}

/** The token's subject: a digest of the refresh data, so the view it draws is the one Elevate sent. */
export function activationViewSubject(data: ActivationViewData): string {
  const digest = createHash('sha256').update(canonicalJson(data)).digest('base64url');
  return `activationView:${digest}`;
}

/** JSON with object keys sorted, so the digest does not depend on how a client orders them. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
