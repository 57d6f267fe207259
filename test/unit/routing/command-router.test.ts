import { DateTime } from 'luxon';
import { catalogueDrift, CommandRouter, type CommandMatch } from '../../../src/app/routing';
import type { TeamsBot } from '../../../src/adapters/teams/build-teams-bot';
import { COMMAND_CATALOGUE, parseRoles } from '../../../src/domain/commands';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';
import { buildOfflineTeamsBot } from '../../fixtures/offline-teams-bot';

interface Ctx {
  userId: string;
}

type Seen = { handler: string; args: string; match?: CommandMatch; ctx: Ctx };

function recordingRouter() {
  const router = new CommandRouter<Ctx, Seen>();
  const handler =
    (name: string) =>
    async (args: string, ctx: Ctx, match: CommandMatch): Promise<Seen> => ({
      handler: name,
      args,
      match,
      ctx,
    });
  router
    .command(['roles', 'my roles'], handler('roles'))
    .command('activate', handler('activate'))
    .command(['deactivate'], handler('deactivate'))
    .command(['status'], handler('status'))
    .command(['reminders', 'remind me'], handler('reminders'))
    .command(['remind'], handler('remind'))
    .fallback(async (text, ctx) => ({ handler: 'fallback', args: text, ctx }));
  return router;
}

async function errorOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

const ctx = { userId: 'u1' };

describe('CommandRouter', () => {
  it.each([
    ['roles', 'roles', ''],
    ['My Roles', 'roles', ''],
    ['  MY    roles ', 'roles', ''],
    ['<at>Elevate</at> activate Exchange Admin for 2h', 'activate', 'Exchange Admin for 2h'],
    ['@Elevate ACTIVATE  Exchange Admin', 'activate', 'Exchange Admin'],
    ['Elevate: status?', 'status', ''],
    ['deactivate GA.', 'deactivate', 'GA'],
    ['remind me 15m before', 'reminders', '15m before'],
    ['reminders off', 'reminders', 'off'],
    ['remind 5m', 'remind', '5m'],
  ])('routes %j to %s with args %j', async (text, handler, args) => {
    const seen = await recordingRouter().dispatch(text, ctx);
    expect(seen.handler).toBe(handler);
    expect(seen.args).toBe(args);
    expect(seen.ctx).toBe(ctx);
  });

  it('passes the match: name, word used and normalised text', async () => {
    const seen = await recordingRouter().dispatch('<at>Elevate</at> my  roles', ctx);
    expect(seen.match).toEqual({ name: 'roles', word: 'my roles', args: '', text: 'my roles' });
  });

  it('does not match a command word that is only the start of another word', async () => {
    const seen = await recordingRouter().dispatch('statuses please', ctx);
    expect(seen.handler).toBe('fallback');
    expect(seen.args).toBe('statuses please');
  });

  it('sends anything else to the fallback, normalised', async () => {
    const seen = await recordingRouter().dispatch('<at>Elevate</at>  hello there!', ctx);
    expect(seen).toEqual({ handler: 'fallback', args: 'hello there', ctx });
  });

  it('without a fallback, answers unknown text with CommandInvalid listing the commands', async () => {
    const router = new CommandRouter<Ctx, string>()
      .command('roles', async () => 'ok')
      .command('help', async () => 'ok');
    const error = await errorOf(router.dispatch('make me admin', ctx));
    expect(error.code).toBe(ErrorCodes.CommandInvalid);
    expect(error.message).toBe(
      'I don\'t know the command "make me admin". Commands: roles, help. For example: "help".',
    );
  });

  it('exposes the registered names and words', () => {
    const router = recordingRouter();
    expect(router.commandNames()).toEqual([
      'roles',
      'activate',
      'deactivate',
      'status',
      'reminders',
      'remind',
    ]);
    expect(router.commandWords().roles).toEqual(['roles', 'my roles']);
  });

  it('refuses registering the same word twice, or an empty word', () => {
    const router = new CommandRouter<Ctx>().command(['roles', 'my roles'], async () => undefined);
    expect(() => router.command('My  Roles', async () => undefined)).toThrow(
      'The command word "my roles" is already registered for "roles".',
    );
    expect(() => router.command([], async () => undefined)).toThrow(
      'A command needs at least one non-empty word.',
    );
    expect(() => router.command(['  '], async () => undefined)).toThrow(
      'A command needs at least one non-empty word.',
    );
  });

  it('propagates handler errors', async () => {
    const router = new CommandRouter<Ctx>().command('status', async () => {
      throw new DomainError(ErrorCodes.Throttled, 'slow down');
    });
    expect((await errorOf(router.dispatch('status', ctx))).code).toBe(ErrorCodes.Throttled);
  });

  it('strips a custom bot name', async () => {
    const router = new CommandRouter<Ctx, string>({ botNames: ['PIM Bot'] }).command(
      'status',
      async (args) => args,
    );
    await expect(router.dispatch('@PIM Bot status', ctx)).resolves.toBe('');
  });
});

describe('the router the bot really builds (buildTeamsBot), against the catalogue', () => {
  const parseCtx = { now: DateTime.fromISO('2026-11-22T09:00:00Z'), zone: 'Europe/London' };
  let bot: TeamsBot;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ bot, close } = await buildOfflineTeamsBot());
  });
  afterAll(() => close());

  it('registers exactly the catalogue commands, with the same words', () => {
    expect(bot.commands.commandNames().sort()).toEqual(COMMAND_CATALOGUE.map((entry) => entry.name).sort());
    expect(catalogueDrift(bot.commands, COMMAND_CATALOGUE)).toEqual({
      missing: [],
      extra: [],
      differentWords: [],
    });
  });

  it('names the parser of every command it registers', () => {
    expect(bot.commands.commandsWithoutParser()).toEqual([]);
  });

  it('reads every catalogue example and alias as its command', () => {
    for (const entry of COMMAND_CATALOGUE) {
      for (const text of [entry.example, ...(entry.more ?? [])]) {
        expect(bot.commands.match(text)?.name).toBe(entry.name);
        expect(() => bot.commands.parse(text, parseCtx)).not.toThrow();
      }
    }
  });

  it('routes chat text to typed commands', () => {
    const command = bot.commands.parse(
      '<at>Elevate</at> activate Exchange Admin, User Admin for 1h',
      parseCtx,
    );
    expect(command.kind).toBe('activate');
    expect(command.kind === 'activate' && command.roles).toEqual(['Exchange Admin', 'User Admin']);
    expect(bot.commands.parse('remind me 10m before', parseCtx)).toMatchObject({ kind: 'remindBefore' });
    expect(bot.commands.parse('reminders off', parseCtx)).toEqual({
      kind: 'remindersToggle',
      enabled: false,
    });
    expect(bot.commands.parse('unsubscribe Exchange Admin', parseCtx)).toMatchObject({
      kind: 'unsubscribe',
    });
  });

  it('answers text that starts with no command as dispatch does, listing the commands', () => {
    expect(() => bot.commands.parse('make me admin', parseCtx)).toThrow(
      /I don't know the command "make me admin"\. Commands: .*activate/,
    );
  });

  it('fails the drift check when a catalogue command is missing from a router', () => {
    const router = new CommandRouter<unknown>();
    for (const name of bot.commands.commandNames().filter((n) => n !== 'extend'))
      router.command(bot.commands.commandWords()[name], async () => undefined, parseRoles);
    expect(catalogueDrift(router, COMMAND_CATALOGUE).missing).toEqual(['extend']);
  });
});

describe('catalogueDrift', () => {
  it('reports drift when the router and the catalogue disagree', () => {
    const router = new CommandRouter<unknown>()
      .command(['roles'], async () => undefined)
      .command(['whoami'], async () => undefined);
    expect(catalogueDrift(router, COMMAND_CATALOGUE)).toEqual({
      missing: [
        'activate',
        'deactivate',
        'extend',
        'status',
        'cancel',
        'approvals',
        'who',
        'reminders',
        'subscribe',
        'audit',
        'settings',
        'help',
      ],
      extra: ['whoami'],
      differentWords: [{ name: 'roles', router: ['roles'], catalogue: ['roles', 'my roles'] }],
    });
  });
});
