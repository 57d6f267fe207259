import type { SettingsCommand } from '../command';
import { commandInvalid } from '../command-error';

/** `settings`: the admin settings card (changes are made on the card). */
export function parseSettings(args: string): SettingsCommand {
  if (args.trim()) {
    throw commandInvalid(
      `"settings" takes nothing after it, but got "${args.trim().slice(0, 80)}": changes are made on the settings card.`,
      'settings',
      { input: args.slice(0, 200) },
    );
  }
  return { kind: 'settings' };
}
