import { DateTime } from 'luxon';
import { useBotCommandParser } from '../../fixtures/bot-command-parser';
import { isDomainError } from '../../../src/domain/errors';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parseCommand = useBotCommandParser();

const ctx = { now: DateTime.fromISO('2026-03-02T10:00:00Z', { zone: 'utc' }), zone: 'Europe/Berlin' };
const parse = (text: string) => parseCommand(text, ctx);

describe('channel commands', () => {
  it.each([
    ['subscribe', { kind: 'subscribe', roles: [] }],
    ['subscribe Exchange Admin', { kind: 'subscribe', roles: ['Exchange Admin'] }],
    [
      'Subscribe exchange admin, User Admin and "Global Reader"',
      { kind: 'subscribe', roles: ['exchange admin', 'User Admin', 'Global Reader'] },
    ],
    ['unsubscribe', { kind: 'unsubscribe', roles: [] }],
    ['unsubscribe GA', { kind: 'unsubscribe', roles: ['GA'] }],
    ['subscriptions', { kind: 'subscriptions' }],
    ['approvals', { kind: 'approvals' }],
    ['approvals here', { kind: 'approvalsHere', roles: [] }],
    [
      'approvals here User Admin, Exchange Admin',
      { kind: 'approvalsHere', roles: ['User Admin', 'Exchange Admin'] },
    ],
    ['approvals off', { kind: 'approvalsOff', roles: [] }],
    ['approvals OFF user admin', { kind: 'approvalsOff', roles: ['user admin'] }],
  ])('%s', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    ['subscriptions please', '"subscriptions" takes nothing after it'],
    ['approvals now', '"approvals" takes "here" or "off" after it'],
    ['subscribe "Exchange', 'A quotation mark is not closed'],
    [`subscribe ${Array.from({ length: 21 }, (_, i) => `R${i}`).join(', ')}`, 'name at most 20 at once'],
  ])('%s is refused with a clear message', (text, message) => {
    let error: unknown;
    try {
      parse(text);
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error, 'COMMAND_INVALID')).toBe(true);
    expect((error as Error).message).toContain(message);
  });
});
