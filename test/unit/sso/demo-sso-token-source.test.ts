import { DateTime } from 'luxon';
import { TestAdapter, TurnContext } from 'botbuilder';
import { DemoSsoTokenSource } from '../../../src/adapters/teams/sso/demo-sso-token-source';
import { TeamsTurn } from '../../../src/adapters/teams/teams-turn';
import { DomainError } from '../../../src/domain/errors';

const ALEX = '1c6746ba-c423-483e-9f30-18038d766593';
const RILEY = 'fa345c41-fb31-4727-bab7-0c677415cdef';

function turnFrom(userId: string): TeamsTurn {
  return new TeamsTurn(
    new TurnContext(new TestAdapter(), {
      type: 'message',
      channelId: 'msteams',
      from: { id: `29:${userId}`, name: 'Someone', aadObjectId: userId },
      conversation: { id: `a:${userId}`, conversationType: 'personal', tenantId: 't' } as never,
      recipient: { id: '28:bot', name: 'Elevate' },
    }),
  );
}

/** Stands in for the simulator: issues unsigned JWT-shaped tokens valid for an hour from its clock. */
function fakeTenant(clock: { now(): DateTime }) {
  const issued: string[] = [];
  return {
    issued,
    async issueTokenForTests(opts: { userId?: string }): Promise<string> {
      if (opts.userId !== ALEX && opts.userId !== RILEY) throw new Error(`no user '${opts.userId}'`);
      const exp = Math.floor(clock.now().plus({ hours: 1 }).toSeconds());
      const body = Buffer.from(JSON.stringify({ oid: opts.userId, exp, n: issued.length })).toString(
        'base64url',
      );
      const token = `e30.${body}.sig`;
      issued.push(token);
      return token;
    },
  };
}

describe('DemoSsoTokenSource', () => {
  let now = DateTime.fromISO('2026-03-02T09:00:00Z', { zone: 'utc' });
  const clock = { now: () => now, sleep: async () => undefined };

  test('hands out the same token per user until five minutes before it expires, like Teams', async () => {
    const tenant = fakeTenant(clock);
    const source = new DemoSsoTokenSource(tenant, 'app', clock);
    const first = await source.getToken(turnFrom(ALEX));
    now = now.plus({ minutes: 54 });
    expect(await source.getToken(turnFrom(ALEX))).toBe(first);
    const riley = await source.getToken(turnFrom(RILEY));
    expect(riley).not.toBe(first);
    now = now.plus({ minutes: 1, seconds: 1 });
    const renewed = await source.getToken(turnFrom(ALEX));
    expect(renewed).not.toBe(first);
    expect(tenant.issued).toEqual([first, riley, renewed]);
  });

  test('a user the tenant does not know is told to sign in as a demo user, each time', async () => {
    const source = new DemoSsoTokenSource(fakeTenant(clock), 'app', clock);
    for (let i = 0; i < 2; i += 1) {
      const error = await source.getToken(turnFrom('00000000-0000-0000-0000-000000000000')).catch((e) => e);
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).message).toContain('is not a user of the demo tenant');
    }
  });
});
