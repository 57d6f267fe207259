import { Duration } from 'luxon';
import type { CommandRouter } from '../../../app/routing';
import { parseReminderSettings } from '../../../domain/commands/parsers/reminders.parser';
import { formatDurationForHumans } from '../../../domain/durations';
import { DomainError, ErrorCodes } from '../../../domain/errors';
import type { TeamsTurn } from '../teams-turn';
import { asActor, type RouteServices } from './route-services';

const MAX_LEAD_MINUTES = 24 * 60;

/** `remind me 15m before`, `reminders off`, `reminders on`: per-user expiry reminder settings. */
export function registerReminderSettingsRoutes(
  services: RouteServices,
  commands: CommandRouter<TeamsTurn>,
): void {
  commands.command(
    ['reminders', 'remind me'],
    (args, turn, match) =>
      asActor(services, turn, async (actor) => {
        const command = parseReminderSettings(args, match.word);
        let minutes: number | null;
        if (command.kind === 'remindBefore') {
          const lead = command.lead;
          minutes = Math.round(lead.as('minutes'));
          if (minutes < 1 || minutes > MAX_LEAD_MINUTES) {
            throw new DomainError(
              ErrorCodes.DurationInvalid,
              `A reminder ${formatDurationForHumans(lead)} before expiry is not possible.`,
              {
                remedy: 'Choose from 1 minute to 24 hours, for example: remind me 15m before.',
              },
            );
          }
        } else {
          minutes = command.enabled ? 10 : null;
        }
        const updated = await services.users.updatePreferences(actor.tenantId, actor.userId, {
          reminderLeadMinutes: minutes,
        });
        if (!updated) {
          throw new DomainError(ErrorCodes.Internal, 'Elevate could not find your settings to update.', {
            remedy: 'Send any message to Elevate first, then try again.',
          });
        }
        await turn.sendText(
          minutes === null
            ? 'Expiry reminders are **off**. You will still get a note when an activation ends. Say "reminders on" to turn them back on.'
            : `Got it: I will remind you **${formatDurationForHumans(Duration.fromObject({ minutes }))}** before an activation ends.`,
        );
      }),
    (args, _ctx, word) => parseReminderSettings(args, word),
  );
}
