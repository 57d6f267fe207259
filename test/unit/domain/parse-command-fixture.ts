import { DateTime } from 'luxon';
import type { Command } from '../../../src/domain/commands';
import { useBotCommandParser } from '../../fixtures/bot-command-parser';

/**
 * Shared by the parse-*-command tests: chat text read by the router the bot really builds
 * (buildTeamsBot), at a fixed instant in Berlin. Call at the top level of the file.
 */
export function useParse(): (text: string) => Command {
  const parseCommand = useBotCommandParser();
  const ctx = { now: DateTime.fromISO('2026-11-22T09:15:00Z', { zone: 'utc' }), zone: 'Europe/Berlin' };
  return (text) => parseCommand(text, ctx);
}

/** The command with durations as minutes and instants as ISO strings, for readable expectations. */
export function plain(command: Command): Record<string, unknown> {
  const out: Record<string, unknown> = { ...command };
  if ('duration' in command && command.duration) out.duration = command.duration.as('minutes');
  if ('lead' in command) out.lead = command.lead.as('minutes');
  if ('start' in command && command.start) out.start = command.start.toISO();
  return out;
}
