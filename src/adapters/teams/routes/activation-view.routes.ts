import type { VerbRouter } from '../../../app/routing';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { renderCard } from '../cards/card-renderer';
import { CardVerbs } from '../cards/card-verbs';
import {
  activationViewSubject,
  sharedCopy,
  type ActivationViewData,
  type OwnActivationCard,
} from '../presenters/shared-activation-card';
import type { TeamsTurn } from '../teams-turn';
import type { RouteServices } from './route-services';

/**
 * The automatic refresh of a shared activation card (Teams clients with user-specific views): the
 * requester gets their own card, with the buttons bound to them; anyone else the shared copy. The
 * identity comes from the activity (no Graph call, no sign-in prompt); the token binds the view to
 * the requester and to exactly the data Elevate sent.
 */
export function registerActivationViewRoute(services: RouteServices, verbs: VerbRouter<TeamsTurn>): void {
  verbs.verb(CardVerbs.refreshActivation, async (data, turn) => {
    const view = viewData(data);
    const check = services.signer.verify(data.token, {
      verb: CardVerbs.refreshActivation,
      subject: view ? activationViewSubject(view) : undefined,
      now: services.clock.now(),
    });
    if (!view || (!check.ok && check.reason !== 'expired')) {
      throw new DomainError(
        ErrorCodes.CardActionInvalid,
        'Elevate could not show this card: it was changed after Elevate sent it.',
        { remedy: 'Say "status" to see your roles and requests.', details: { reason: 'refresh' } },
      );
    }
    // After a day the requester's buttons have expired too: everyone reads the shared copy.
    const requester = check.ok && check.claims.actorId !== undefined && check.claims.actorId === turn.userId;
    await turn.answerCardAction(
      requester ? renderCard('activation-result', view.view) : sharedCopy(view.view, view.holderName),
    );
  });
}

function viewData(data: Record<string, unknown>): ActivationViewData | undefined {
  const { view, holderName } = data;
  if (!view || typeof view !== 'object' || typeof holderName !== 'string' || holderName === '')
    return undefined;
  return { view: view as OwnActivationCard, holderName };
}
