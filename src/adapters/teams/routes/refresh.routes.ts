import type { VerbRouter } from '../../../app/routing';
import { rolesListCard } from '../presenters/role-card.presenter';
import { statusCard } from '../presenters/status-card.presenter';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';
import { requireToken } from './verified-action';

/** Redraws one kind of card for the clicker; `subject` is what the card's token was signed for. */
export interface RefreshView {
  subject: string;
  show(turn: TeamsTurn): Promise<void>;
}

/**
 * The Refresh button of every list card (`data.view`: roles, status, approvals, …) redraws that
 * card in place. Views other modules own (approvals) are passed in.
 */
export function registerRefreshRoute(
  services: RouteServices,
  verbs: VerbRouter<TeamsTurn>,
  extraViews: Record<string, RefreshView> = {},
): void {
  const views: Record<string, RefreshView> = {
    roles: {
      subject: 'roles',
      show: (turn) =>
        asActor(services, turn, async (actor, ctx) => {
          const overview = await services.listRoles.execute(actor);
          await turn.answerCardAction(rolesListCard(ctx, { displayName: actor.displayName, ...overview }));
        }),
    },
    status: {
      subject: 'roles',
      show: (turn) =>
        asActor(services, turn, async (actor, ctx) => {
          await turn.answerCardAction(
            statusCard(ctx, actor.displayName, await services.status.execute(actor)),
          );
        }),
    },
    ...extraViews,
  };
  verbs.verb('refresh', (data, turn) =>
    asActor(services, turn, async (actor) => {
      const view = (typeof data.view === 'string' && views[data.view]) || views.roles;
      requireToken(services, data, 'refresh', view.subject, actor);
      await view.show(turn);
    }),
  );
}
