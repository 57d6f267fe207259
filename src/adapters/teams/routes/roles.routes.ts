import type { CommandRouter, VerbRouter } from '../../../app/routing';
import { parseRoles } from '../../../domain/commands/parsers/simple.parsers';
import { rolesListCard } from '../presenters/role-card.presenter';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';

/** `roles` / `my roles`, and the "My roles" buttons (Refresh is in refresh.routes.ts). */
export function registerRolesRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
): void {
  const show = (turn: TeamsTurn, how: 'send' | 'answer') =>
    asActor(services, turn, async (actor, ctx) => {
      if (!turn.isInvoke) await turn.typing();
      const overview = await services.listRoles.execute(actor);
      const card = rolesListCard(ctx, { displayName: actor.displayName, ...overview });
      if (how === 'send') await turn.sendCard(card);
      else await turn.answerCardAction(card);
    });

  commands.command(
    ['roles', 'my roles'],
    async (args, turn) => {
      parseRoles(args);
      await show(turn, 'send');
    },
    parseRoles,
  );
  verbs.verb('showRoles', (data, turn) =>
    asActor(services, turn, async (actor) => {
      requireToken(services, data, 'showRoles', 'roles', actor);
      await show(turn, 'answer');
    }),
  );
}
