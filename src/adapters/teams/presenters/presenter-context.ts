import { Duration } from 'luxon';
import type { TimeSource } from '../../../ports/clock';
import type { CardActionSigner } from '../card-actions/card-action-signer';

/** What every presenter needs: the clock (relative times), the viewer's zone, and the signer. */
export interface PresenterContext {
  clock: TimeSource;
  signer: CardActionSigner;
  /** The viewer's IANA time zone. */
  zone: string;
  /** The viewer, whom signed actions are bound to. */
  viewerId: string;
}

/** How long buttons on a card stay usable before the card must be refreshed. */
export const CARD_ACTION_TTL = Duration.fromObject({ hours: 24 });

export function signFor(
  ctx: PresenterContext,
  verbs: string[],
  subject: string,
  actorId: string | undefined = ctx.viewerId,
): string {
  return ctx.signer.sign({ verbs, subject, actorId, now: ctx.clock.now(), ttl: CARD_ACTION_TTL });
}
