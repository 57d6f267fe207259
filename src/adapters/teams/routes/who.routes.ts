import type { ConversationReference } from 'botbuilder';
import type { WhoHoldsWhatUseCase } from '../../../app/channels/who-holds-what.use-case';
import type { CommandRouter, VerbRouter } from '../../../app/routing';
import { parseWho } from '../../../domain/commands/parsers/channel.parsers';
import type { ChannelBoardRepository, UserRepository } from '../../../ports/stores';
import type { AdaptiveCardJson } from '../cards/adaptive-card-json';
import { BOARD_SUBJECT, boardCard } from '../presenters/board.presenter';
import type { CardActionSigner } from '../card-actions/card-action-signer';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { TimeSource } from '../../../ports/clock';
import type { ProactiveMessenger } from '../proactive/proactive-messenger';
import type { TeamsTurn } from '../teams-turn';
import { channelOf } from '../proactive/channel-reference';

export interface BoardRouteServices {
  who: WhoHoldsWhatUseCase;
  boards: ChannelBoardRepository;
  users: UserRepository;
  messenger: Pick<ProactiveMessenger, 'update'>;
  signer: CardActionSigner;
  clock: TimeSource;
  defaultTenantId: string;
}

/**
 * `who`, `board`, `who has <role>`: the "who holds what" board. In a channel or group chat the
 * whole board is one message per conversation, edited in place (never posted twice); `who has
 * <role>` and personal chats get their own card. Refresh and paging buttons redraw it for anyone.
 */
export function registerWhoRoutes(
  services: BoardRouteServices,
  commands: CommandRouter<TeamsTurn>,
  verbs: VerbRouter<TeamsTurn>,
): void {
  const zoneOf = async (turn: TeamsTurn) =>
    turn.timeZone ??
    (turn.userId
      ? (await services.users.get(turn.tenantId ?? services.defaultTenantId, turn.userId))?.timeZone
      : undefined) ??
    'UTC';

  /**
   * A card of one's own is in the reader's zone. A conversation's board is one card for everyone,
   * so it keeps one zone whoever redraws it: that of the person who first asked for it.
   */
  const boardZoneOf = async (turn: TeamsTurn, ownCard: boolean) => {
    if (!ownCard) {
      const stored = (await services.boards.get(boardKey(turn)))?.conversationRef.elevateZone;
      if (typeof stored === 'string') return stored;
    }
    return zoneOf(turn);
  };
  const ownCard = (turn: TeamsTurn, role: string | undefined) =>
    turn.conversationKind === 'personal' || role !== undefined;

  commands.command(
    ['who', 'who has', 'who holds', 'board'],
    async (args, turn) => {
      const command = parseWho(args);
      const board = await services.who.execute({ role: command.role });
      const zone = await boardZoneOf(turn, ownCard(turn, command.role));
      const card = boardCard(board, { zone, page: 1, signer: services.signer });
      if (ownCard(turn, command.role)) {
        await turn.sendCard(card);
        return;
      }
      await showConversationBoard(services, turn, card, zone);
    },
    parseWho,
  );

  verbs.verb('showBoard', async (data, turn) => {
    const check = services.signer.verify(data.token, {
      verb: 'showBoard',
      subject: BOARD_SUBJECT,
      now: services.clock.now(),
    });
    if (!check.ok) {
      throw new DomainError(
        ErrorCodes.CardActionInvalid,
        'This board is more than a day old or was changed.',
        {
          remedy: 'Say "who" for a fresh board.',
          details: { reason: check.reason },
        },
      );
    }
    const role = typeof data.role === 'string' && data.role.trim() ? data.role.slice(0, 200) : undefined;
    const page = Number(typeof data.page === 'string' || typeof data.page === 'number' ? data.page : 1);
    const board = await services.who.execute({ role });
    await turn.answerCardAction(
      boardCard(board, {
        zone: await boardZoneOf(turn, ownCard(turn, role)),
        page: Number.isFinite(page) ? page : 1,
        signer: services.signer,
      }),
    );
  });
}

/** Edits the conversation's board in place, or posts it once when there is none (claimed across instances). */
async function showConversationBoard(
  services: BoardRouteServices,
  turn: TeamsTurn,
  card: AdaptiveCardJson,
  zone: string,
): Promise<void> {
  const existing = await services.boards.get(boardKey(turn));
  if (existing?.activityId) {
    try {
      await services.messenger.update(
        existing.conversationRef as Partial<ConversationReference>,
        existing.activityId,
        card,
      );
      await turn.sendText('The board of who holds what in this conversation is up to date (updated now).');
      return;
    } catch {
      // The board message is gone (deleted in Teams): give it up and post a new one.
      await services.boards.remove(boardKey(turn));
    }
  } else if (existing) {
    await turn.sendText('The board is being posted right now; it will appear in a moment.');
    return;
  }
  // The board is redrawn later for everyone in the zone it was first drawn in.
  const reference = { ...boardReference(turn), elevateZone: zone };
  if (!(await services.boards.claim({ conversationId: boardKey(turn), conversationRef: reference }))) {
    await turn.sendText('The board is being posted right now; it will appear in a moment.');
    return;
  }
  const activityId = await turn.sendCard(card);
  if (activityId) await services.boards.setActivity(boardKey(turn), activityId, null);
  else await services.boards.remove(boardKey(turn));
}

/**
 * One board per channel, whichever thread `who` was said in: the reconciler redraws the boards of
 * subscribed conversations, and subscriptions name the channel (channel.routes placeOf).
 */
function boardKey(turn: TeamsTurn): string {
  return channelOf(turn.conversationId);
}

/** The conversation itself (not the thread the command was said in), so edits reach the board. */
function boardReference(turn: TeamsTurn): object {
  const reference = turn.reference();
  return { ...reference, activityId: undefined };
}
