import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { CardActionClaims } from '../card-actions/card-action-signer';
import type { RouteServices } from './route-services';

const REASONS: Record<string, string> = {
  missing: 'it carries no signature',
  malformed: 'its signature is malformed',
  tampered: 'its data was changed after Elevate sent it',
  expired: 'it is more than a day old',
  wrongVerb: 'its signature is for a different button',
  wrongSubject: 'its signature is for a different role or request',
  wrongActor: 'it was sent to someone else',
};

/**
 * Checks the signed token a card action carries (verb, subject, intended user, expiry). A failed
 * check is refused with CARD_ACTION_INVALID; nothing reaches PIM.
 */
export function requireToken(
  services: RouteServices,
  data: Record<string, unknown>,
  verb: string,
  subject: string | undefined,
  actor: { userId: string },
): CardActionClaims {
  const check = services.signer.verify(data.token, {
    verb,
    subject,
    actorId: actor.userId,
    now: services.clock.now(),
  });
  if (check.ok) return check.claims;
  services.logger.warn({ verb, reason: check.reason, userId: actor.userId }, 'card action refused');
  if (check.reason === 'wrongActor') {
    // A teammate pressed a button on someone else's card (a channel or group chat): plain words.
    throw new DomainError(
      ErrorCodes.CardActionInvalid,
      'This button is on a card Elevate made for someone else, and it acts only for them. Nothing was changed.',
      {
        remedy: 'For your own roles, say "status" or "roles" in your chat with Elevate.',
        details: { reason: check.reason },
      },
    );
  }
  throw new DomainError(
    ErrorCodes.CardActionInvalid,
    `Elevate did not accept this button because ${REASONS[check.reason]}.`,
    {
      remedy: 'Say "roles" or "status" for a fresh card, then try again.',
      details: { reason: check.reason },
    },
  );
}
