import { DateTime } from 'luxon';
import { catalogueDrift, CommandRouter, type CommandMatch } from '../../../src/app/routing';
import { COMMAND_CATALOGUE, COMMAND_PARSERS, type Command } from '../../../src/domain/commands';
import { DomainError, ErrorCodes } from '../../../src/domain/errors';

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

describe('the catalogue wired through the router', () => {
  const parseCtx = { now: DateTime.fromISO('2026-11-22T09:00:00Z'), zone: 'Europe/London' };

  function catalogueRouter() {
    const router = new CommandRouter<typeof parseCtx, Command>();
    for (const entry of COMMAND_CATALOGUE) {
      router.command(entry.words, async (args, context, match) =>
        COMMAND_PARSERS[entry.name](args, context, match.word),
      );
    }
    return router;
  }

  it('registers exactly the catalogue commands, with the same words', () => {
    const router = catalogueRouter();
    expect(router.commandNames()).toEqual(COMMAND_CATALOGUE.map((entry) => entry.name));
    expect(catalogueDrift(router, COMMAND_CATALOGUE)).toEqual({ missing: [], extra: [], differentWords: [] });
  });

  it('has a parser for every catalogue command', () => {
    expect(Object.keys(COMMAND_PARSERS).sort()).toEqual(COMMAND_CATALOGUE.map((entry) => entry.name).sort());
  });

  it('routes chat text to typed commands', async () => {
    const router = catalogueRouter();
    const command = await router.dispatch(
      '<at>Elevate</at> activate Exchange Admin, User Admin for 1h',
      parseCtx,
    );
    expect(command.kind).toBe('activate');
    expect(command.kind === 'activate' && command.roles).toEqual(['Exchange Admin', 'User Admin']);
    expect(await router.dispatch('remind me 10m before', parseCtx)).toMatchObject({ kind: 'remindBefore' });
    expect(await router.dispatch('reminders off', parseCtx)).toEqual({
      kind: 'remindersToggle',
      enabled: false,
    });
  });

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
