import type { CommandRouter } from '../../../app/routing';
import { parseHelp } from '../../../domain/commands/parsers/simple.parsers';
import { helpCard } from '../presenters/help-card.presenter';
import type { TeamsTurn } from '../teams-turn';
import type { RouteServices } from './route-services';

/** `help`, and the short help answer for anything the router does not know. */
export function registerHelpRoutes(services: RouteServices, commands: CommandRouter<TeamsTurn>): void {
  const ctxFor = (turn: TeamsTurn) => ({
    clock: services.clock,
    signer: services.signer,
    zone: turn.timeZone ?? 'UTC',
    viewerId: turn.userId ?? '',
  });
  commands.command(['help'], async (args, turn) => {
    parseHelp(args);
    await turn.sendCard(helpCard(ctxFor(turn)));
  });
  commands.fallback(async (text, turn) => {
    const notice = text.trim()
      ? `I did not understand "${text.trim().slice(0, 80)}". Here is what I can do:`
      : 'Here is what I can do:';
    await turn.sendCard(helpCard(ctxFor(turn), notice));
  });
}

/** Welcome message when the app is installed. */
export async function sendWelcome(services: RouteServices, turn: TeamsTurn): Promise<void> {
  const ctx = {
    clock: services.clock,
    signer: services.signer,
    zone: turn.timeZone ?? 'UTC',
    viewerId: turn.userId ?? '',
  };
  await turn.sendCard(helpCard(ctx, 'Welcome to Elevate! Say "roles" to see what you can activate.'));
}
