import type { Command, ParseContext } from '../../domain/commands/command';
import { commandInvalid } from '../../domain/commands/command-error';
import { matchCommandWord } from '../../domain/commands/match-command-word';
import { normaliseCommandText } from '../../domain/commands/normalise-command-text';
import { DomainError, ErrorCodes } from '../../domain/errors';
import { checkMessageLength } from '../../domain/input-limits';

export interface CommandMatch {
  /** The registered command's name (the first of its words). */
  name: string;
  /** The word sequence that matched (`my roles`). */
  word: string;
  /** The text after the command word, normalised, case preserved. */
  args: string;
  /** The whole message, normalised. */
  text: string;
}

export type CommandHandler<Ctx, R> = (args: string, ctx: Ctx, match: CommandMatch) => Promise<R>;
export type FallbackHandler<Ctx, R> = (text: string, ctx: Ctx) => Promise<R>;
/** Reads a command's arguments (the text after its word) into the typed command. */
export type CommandParser = (args: string, ctx: ParseContext, word: string) => Command;

export interface CommandRouterOptions {
  /** Bot names to strip when a mention is left in the text (default `Elevate`). */
  botNames?: readonly string[];
}

interface Registration<Ctx, R> {
  name: string;
  words: readonly string[];
  handler: CommandHandler<Ctx, R>;
  parse?: CommandParser;
}

const canonical = (word: string) => word.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Routes chat text to registered command handlers:
 * `router.command(['roles', 'my roles'], handler)`, `router.fallback(handler)`,
 * `await router.dispatch(text, ctx)`. Dispatch normalises the text (case, whitespace, stray
 * `<at>` / `@Elevate` mentions, trailing punctuation), picks the longest registered word sequence
 * that starts it and passes the rest to the handler. No SDK types: `Ctx` is whatever the adapter
 * needs, `R` what handlers return.
 */
export class CommandRouter<Ctx, R = void> {
  private readonly registrations: Registration<Ctx, R>[] = [];
  private fallbackHandler?: FallbackHandler<Ctx, R>;
  private readonly botNames: readonly string[];

  constructor(options: CommandRouterOptions = {}) {
    this.botNames = options.botNames ?? ['Elevate'];
  }

  /**
   * Registers a command; the first word is its name, the others are aliases. `parse` is the parser
   * its handler reads the arguments with, so `parse(text)` reads chat text exactly as the bot does.
   */
  command(words: string | readonly string[], handler: CommandHandler<Ctx, R>, parse?: CommandParser): this {
    const list = (typeof words === 'string' ? [words] : [...words]).map(canonical);
    if (list.length === 0 || list.some((word) => !word)) {
      throw new DomainError(ErrorCodes.Internal, 'A command needs at least one non-empty word.', {
        details: { words },
      });
    }
    for (const word of list) {
      const owner = this.registrations.find((registration) => registration.words.includes(word));
      if (owner) {
        throw new DomainError(
          ErrorCodes.Internal,
          `The command word "${word}" is already registered for "${owner.name}".`,
          { details: { word, registeredFor: owner.name } },
        );
      }
    }
    this.registrations.push({ name: list[0], words: list, handler, parse });
    return this;
  }

  /** Handles text that starts with no registered command (e.g. a short help answer). */
  fallback(handler: FallbackHandler<Ctx, R>): this {
    this.fallbackHandler = handler;
    return this;
  }

  /** The registered command names (first word of each registration), in registration order. */
  commandNames(): string[] {
    return this.registrations.map((registration) => registration.name);
  }

  /** Every registered word sequence, by command name. */
  commandWords(): Record<string, readonly string[]> {
    return Object.fromEntries(
      this.registrations.map((registration) => [registration.name, registration.words]),
    );
  }

  /** The command `text` would be routed to, or undefined. */
  match(text: string): CommandMatch | undefined {
    const normalised = normaliseCommandText(text, this.botNames);
    const found = matchCommandWord(normalised, this.registrations);
    return found && { name: found.name, word: found.word, args: found.rest, text: normalised };
  }

  /**
   * The typed command `text` is read as: the same normalisation, word match and parser as
   * `dispatch`, without running the handler. Throws CommandInvalid for text that starts with no
   * registered command (as dispatch does without a fallback), and Internal for a command
   * registered without its parser.
   */
  parse(text: string, ctx: ParseContext): Command {
    checkMessageLength(text);
    const found = this.match(text);
    if (!found) throw this.unknown(text);
    const registration = this.registrations.find((candidate) => candidate.name === found.name);
    if (!registration?.parse) {
      throw new DomainError(ErrorCodes.Internal, `The command "${found.name}" has no parser registered.`, {
        details: { command: found.name },
      });
    }
    return registration.parse(found.args, ctx, found.word);
  }

  /** The commands registered without their parser (each should name the one its handler uses). */
  commandsWithoutParser(): string[] {
    return this.registrations.filter((r) => !r.parse).map((r) => r.name);
  }

  /**
   * Runs the handler for `text`; a message over INPUT_LIMITS.message is refused (InputTooLong)
   * before it is parsed. Without a match it runs the fallback, or, when none is
   * registered, throws CommandInvalid listing the commands.
   */
  async dispatch(text: string, ctx: Ctx): Promise<R> {
    checkMessageLength(text);
    const found = this.match(text);
    if (found) {
      const registration = this.registrations.find((candidate) => candidate.name === found.name);
      if (registration) return registration.handler(found.args, ctx, found);
    }
    const normalised = normaliseCommandText(text, this.botNames);
    if (this.fallbackHandler) return this.fallbackHandler(normalised, ctx);
    throw this.unknown(text);
  }

  private unknown(text: string): DomainError {
    const normalised = normaliseCommandText(text, this.botNames);
    const problem = normalised ? `I don't know the command "${normalised}".` : 'The message is empty.';
    return commandInvalid(`${problem} Commands: ${this.commandNames().join(', ')}.`, 'help', {
      input: text,
      commands: this.commandNames(),
    });
  }
}
