import type { ConversationReference } from 'botbuilder';
import type { ChannelPlace } from '../../../app/channels/channel-place';
import type { ManageChannelRoutesUseCase } from '../../../app/channels/manage-channel-routes.use-case';
import type { CommandRouter } from '../../../app/routing';
import {
  parseApprovalsCommand,
  parseSubscriptionCommand,
} from '../../../domain/commands/parsers/channel.parsers';
import { isDomainError, ErrorCodes } from '../../../domain/errors';
import type { ConversationRepository } from '../../../ports/stores';
import { errorCard } from '../presenters/error-card.presenter';
import { channelOf } from '../proactive/channel-reference';
import { routeChangeText, subscriptionsText } from '../presenters/channel-routes.presenter';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { TeamsTurn } from '../teams-turn';

export interface ChannelRouteServices {
  routes: ManageChannelRoutesUseCase;
  conversations: ConversationRepository;
  messenger: Pick<ProactiveMessenger, 'send'>;
  defaultTenantId: string;
  /** `approvals` alone (the approver's own list), owned by the approvals routes. */
  showMyApprovals(turn: TeamsTurn): Promise<void>;
}

export async function placeOf(turn: TeamsTurn, defaultTenantId: string): Promise<ChannelPlace> {
  return {
    // Teams names each channel thread (`…;messageid=…`); what is routed is the channel, whichever
    // thread the command was said in.
    conversationId: channelOf(turn.conversationId),
    tenantId: turn.tenantId ?? defaultTenantId,
    kind: turn.conversationKind,
    teamGroupId: await turn.resolveTeamGroupId(),
    name: (await turn.resolveConversationName())?.slice(0, 200),
  };
}

/** Where the answer is read, as said mid-sentence ("posted in this channel too"). */
const whereOf = (turn: TeamsTurn) => (turn.conversationKind === 'channel' ? 'this channel' : 'this chat');

/**
 * `subscribe`, `unsubscribe`, `subscriptions`, and `approvals here` / `approvals off` (with
 * `approvals` alone passed on to the approver's list). A refusal goes to the asker's personal
 * chat, not to the channel.
 */
export function registerChannelRoutes(
  services: ChannelRouteServices,
  commands: CommandRouter<TeamsTurn>,
): void {
  const actorOf = (turn: TeamsTurn) => ({ userId: turn.userId ?? '', displayName: turn.userName });
  const guarded = async (turn: TeamsTurn, run: () => Promise<void>) => {
    try {
      await run();
    } catch (error) {
      if (isDomainError(error, ErrorCodes.AccessDenied))
        await refusePrivately(services, turn, errorCard(error));
      else throw error;
    }
  };

  commands.command(
    ['subscribe', 'unsubscribe', 'subscriptions'],
    async (args, turn, match) => {
      const command = parseSubscriptionCommand(args, match.word);
      const place = await placeOf(turn, services.defaultTenantId);
      if (command.kind === 'subscriptions') {
        await turn.sendText(subscriptionsText(await services.routes.routes(place), whereOf(turn)));
        return;
      }
      await guarded(turn, async () => {
        const result =
          command.kind === 'subscribe'
            ? await services.routes.add(actorOf(turn), place, 'announce', command.roles)
            : await services.routes.remove(actorOf(turn), place, 'announce', command.roles);
        await turn.sendText(routeChangeText(result, whereOf(turn)));
      });
    },
    (args, _ctx, word) => parseSubscriptionCommand(args, word),
  );

  commands.command(
    ['approvals'],
    async (args, turn) => {
      const command = parseApprovalsCommand(args);
      if (command.kind === 'approvals') {
        await services.showMyApprovals(turn);
        return;
      }
      const place = await placeOf(turn, services.defaultTenantId);
      await guarded(turn, async () => {
        const result =
          command.kind === 'approvalsHere'
            ? await services.routes.add(actorOf(turn), place, 'approvals', command.roles)
            : await services.routes.remove(actorOf(turn), place, 'approvals', command.roles);
        await turn.sendText(routeChangeText(result, whereOf(turn)));
      });
    },
    parseApprovalsCommand,
  );
}

/** Tells only the asker: in their personal chat with Elevate when there is one, else in the thread. */
async function refusePrivately(
  services: ChannelRouteServices,
  turn: TeamsTurn,
  card: ReturnType<typeof errorCard>,
): Promise<void> {
  const tenantId = turn.tenantId ?? services.defaultTenantId;
  const personal =
    turn.conversationKind !== 'personal' && turn.userId
      ? await services.conversations.getForUser(tenantId, turn.userId)
      : null;
  if (personal) {
    await services.messenger.send(personal.reference as Partial<ConversationReference>, { card });
    return;
  }
  await turn.sendCard(card);
}
