import type { CommandRouter, VerbRouter } from '../../../app/routing';
import { parseDeactivate } from '../../../domain/commands/parsers/deactivate.parser';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { RoleKind } from '../../../domain/roles';
import type { DeactivateCommand } from '../../../domain/commands/command';
import { checkRoleNames, DEFAULT_MAX_ROLES_PER_REQUEST } from '../../../domain/input-limits';
import { roleSubject } from '../card-actions/card-action-signer';
import { combineCards } from '../cards/combine-cards';
import {
  deactivationOutcomeCard,
  deactivationRefusalText,
  isDeactivationRefusal,
} from '../presenters/deactivation-card.presenter';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';

/** `deactivate group <name> owner` (and `extend …`) look among group ownerships; without an access, at either. */
export function groupKinds(group: DeactivateCommand['group']): RoleKind[] | undefined {
  if (!group) return undefined;
  if (!group.access) return ['groupMember', 'groupOwner'];
  return [group.access === 'owner' ? 'groupOwner' : 'groupMember'];
}

/** `deactivate <role>[, <role>…]` and the Deactivate buttons. */
export function registerDeactivationRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
): void {
  commands.command(
    ['deactivate'],
    (args, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        const command = parseDeactivate(args);
        checkRoleNames(
          command.roles,
          services.maxRolesPerRequest ?? DEFAULT_MAX_ROLES_PER_REQUEST,
          'deactivate',
        );
        await turn.typing();
        // The whole request is answered in one card (one message however many roles).
        const cards = [];
        const kinds = groupKinds(command.group);
        for (const name of command.roles) {
          const outcome = await services.deactivate.execute(actor, { type: 'name', name, kinds });
          cards.push(deactivationOutcomeCard(ctx, outcome));
        }
        await turn.sendCard(combineCards(cards));
      }),
    parseDeactivate,
  );
  for (const verb of ['deactivate', 'deactivateNow']) {
    verbs.verb(verb, (data, turn) =>
      asActor(services, turn, async (actor, ctx) => {
        if (typeof data.roleId !== 'string' || typeof data.directoryScopeId !== 'string') {
          throw new DomainError(
            ErrorCodes.CardActionInvalid,
            'This button is missing which role it is for.',
            {
              remedy: 'Say "status" for a fresh card.',
            },
          );
        }
        requireToken(services, data, verb, roleSubject(data.roleId, data.directoryScopeId), actor);
        const outcome = await services.deactivate.execute(actor, {
          type: 'exact',
          roleId: data.roleId,
          directoryScopeId: data.directoryScopeId,
        });
        // A refusal answers beside the pressed card, which keeps its details and buttons.
        if (isDeactivationRefusal(outcome)) {
          return turn.refuseCardAction(deactivationRefusalText(ctx, outcome));
        }
        await turn.answerCardAction(deactivationOutcomeCard(ctx, outcome));
      }),
    );
  }
}
