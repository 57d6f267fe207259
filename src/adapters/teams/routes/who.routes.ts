import type { CommandRouter } from '../../../app/routing';
import { parseWho } from '../../../domain/commands/parsers/channel.parsers';
import { renderCard } from '../cards/card-renderer';
import type { TeamsTurn } from '../teams-turn';

/**
 * `who has <role>`: until the channel board (f7-channels) answers it, a clear pointer to what
 * shows who holds what today. Replace this route with the board's answer when it lands.
 */
export function registerWhoRoutes(commands: CommandRouter<TeamsTurn>): void {
  commands.command(['who', 'who has', 'who holds'], async (args, turn) => {
    const command = parseWho(args);
    const what = command.role ? `who holds ${command.role}` : 'who holds which role';
    await turn.sendCard(
      renderCard('notice', {
        title: `I cannot show ${what} in chat yet`,
        text: 'The live board of who holds what is coming to channels. Until then: PIM in the Entra admin center lists every active assignment (Privileged Identity Management → Assignments → Active), and a channel with Elevate added announces each activation started there with its holder and end time.',
        hint: 'Say "status" to see your own active roles.',
      }),
    );
  });
}
