import type { CommandRouter } from '../../../app/routing';
import { parseHelp } from '../../../domain/commands/parsers/simple.parsers';
import { helpCard } from '../presenters/help-card.presenter';
import type { PresenterContext } from '../presenters/presenter-context';
import type { TeamsTurn } from '../teams-turn';
import type { RouteServices } from './route-services';

/**
 * The reader's context without signing in: the zone their cards use (their profile's, else the
 * one Teams sent with this activity; '' when neither is known yet, e.g. on install).
 */
async function readerContext(services: RouteServices, turn: TeamsTurn): Promise<PresenterContext> {
  const { tenantId, userId } = turn;
  const profile = tenantId && userId ? await services.users.get(tenantId, userId) : undefined;
  return {
    clock: services.clock,
    signer: services.signer,
    zone: profile?.timeZone ?? turn.timeZone ?? '',
    viewerId: userId ?? '',
  };
}

/** `help`, and the short help answer for anything the router does not know. */
export function registerHelpRoutes(services: RouteServices, commands: CommandRouter<TeamsTurn>): void {
  commands.command(
    ['help'],
    async (args, turn) => {
      parseHelp(args);
      await turn.sendCard(helpCard(await readerContext(services, turn)));
    },
    parseHelp,
  );
  commands.fallback(async (text, turn) => {
    // Quoted back without angle brackets, which Teams would read as markup.
    const said = text.replace(/[<>]/g, '').trim().slice(0, 80);
    if (turn.conversationKind !== 'personal') {
      // A thread is shared: one line, not the whole help card (issue 13, defect 10).
      await turn.sendText(
        `${said ? `I did not understand "${said}".` : 'Yes?'} Mention me with "help" to see what I can do.`,
      );
      return;
    }
    const notice = said ? `I did not understand "${said}". Here is what I can do:` : 'Here is what I can do:';
    await turn.sendCard(helpCard(await readerContext(services, turn), notice));
  });
}

/** Welcome message when the app is installed. */
export async function sendWelcome(services: RouteServices, turn: TeamsTurn): Promise<void> {
  const ctx = await readerContext(services, turn);
  await turn.sendCard(helpCard(ctx, 'Welcome to Elevate! Say "roles" to see what you can activate.'));
}
