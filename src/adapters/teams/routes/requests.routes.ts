import type { CancelOutcome, CancelTarget } from '../../../app/requests/cancel-request.use-case';
import type { CommandRouter, VerbRouter } from '../../../app/routing';
import type { Actor } from '../../../app/shared/actor';
import { parseCancel } from '../../../domain/commands/parsers/cancel.parser';
import { parseStatus } from '../../../domain/commands/parsers/simple.parsers';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import { requestSubject } from '../card-actions/card-action-signer';
import { renderCard } from '../cards/card-renderer';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { statusCard } from '../presenters/status-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';
import { roleLabel } from '../presenters/role-label';

/** `status`, `cancel [<role or request>]` and the Cancel buttons. */
export function registerRequestRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
): void {
  commands.command(
    ['status'],
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        parseStatus(args);
        await turn.typing();
        await turn.sendCard(statusCard(ctx, actor.displayName, await services.status.execute(actor)));
      }),
    parseStatus,
  );

  commands.command(
    ['cancel'],
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        const command = parseCancel(args);
        const target: CancelTarget = !command.target
          ? { type: 'only' }
          : command.target.type === 'request'
            ? { type: 'request', id: command.target.id }
            : { type: 'role', name: command.target.name };
        const outcome = await services.cancel.execute(actor, target);
        await turn.sendCard(await cancelCard(services, actor, ctx, outcome));
      }),
    parseCancel,
  );

  verbs.verb('cancel', (data, turn) =>
    asActor(services, turn, async (actor, ctx) => {
      if (typeof data.requestId !== 'string' || data.requestId === '') {
        throw new DomainError(
          ErrorCodes.CardActionInvalid,
          'This button is missing which request it is for.',
          {
            remedy: 'Say "status" for a fresh card.',
          },
        );
      }
      requireToken(services, data, 'cancel', requestSubject(data.requestId), actor);
      const outcome = await services.cancel.execute(actor, { type: 'request', id: data.requestId });
      await turn.answerCardAction(await cancelCard(services, actor, ctx, outcome));
    }),
  );
}

async function cancelCard(
  services: RouteServices,
  actor: Actor,
  ctx: PresenterContext,
  outcome: CancelOutcome,
): Promise<AdaptiveCardJson> {
  if (outcome.kind === 'cancelled') {
    // The user asked for this: a success, not an error.
    return renderCard('notice', {
      title: `Cancelled: ${roleLabel({ roleName: outcome.roleName, kind: outcome.request.kind })}`,
      text: 'Your request was cancelled in PIM; approvers can no longer act on it.',
      hint: 'Say "activate" to ask again.',
      tone: 'success',
    });
  }
  if (outcome.kind === 'nothingToCancel') {
    return renderCard('notice', {
      title: 'Nothing to cancel',
      text: 'You have no pending or scheduled requests.',
      hint: 'Say "status" to see what is active.',
      tone: 'info',
    });
  }
  // Several open requests: show them with their own Cancel buttons.
  const status = await services.status.execute(actor);
  return statusCard(ctx, actor.displayName, status);
}
