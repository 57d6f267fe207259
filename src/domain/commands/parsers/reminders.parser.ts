import { parseDuration } from '../../durations/parse-duration';
import type { RemindBeforeCommand, RemindersToggleCommand } from '../command';
import { commandInvalid } from '../command-error';

export const REMIND_EXAMPLE = 'remind me 15m before';
export const REMINDERS_EXAMPLE = 'reminders off';

/** `remind me <duration> before [expiry|it ends|…]`. */
export function parseRemindMe(args: string): RemindBeforeCommand {
  const match =
    /^(.+?)\s+before(?:\s+(?:expiry|it\s+(?:ends|expires)|the\s+end|(?:my\s+)?roles?\s+(?:ends?|expires?)))?$/i.exec(
      args.trim(),
    );
  if (!match) {
    throw commandInvalid('Say how long before expiry to remind you, ending with "before".', REMIND_EXAMPLE, {
      input: args,
    });
  }
  return { kind: 'remindBefore', lead: parseDuration(match[1]) };
}

/** `reminders on` / `reminders off`. */
export function parseReminders(args: string): RemindersToggleCommand {
  const value = args.trim().toLowerCase();
  if (value === 'on' || value === 'off') return { kind: 'remindersToggle', enabled: value === 'on' };
  const problem = value ? `"${args.trim()}" is not on or off.` : 'Say "on" or "off" after "reminders".';
  throw commandInvalid(
    `${problem} Use "reminders on", "reminders off" or "remind me 15m before".`,
    REMINDERS_EXAMPLE,
    {
      input: args,
    },
  );
}

/** The `reminders` command, by the word it was said with: `remind me 15m before`, or `reminders on|off`. */
export function parseReminderSettings(
  args: string,
  word: string,
): RemindBeforeCommand | RemindersToggleCommand {
  return word.toLowerCase() === 'remind me' ? parseRemindMe(args) : parseReminders(args);
}
