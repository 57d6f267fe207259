import { ErrorCodes } from '../../../src/domain/errors';
import { errorOf } from './domain-error-of';
import { plain, useParse } from './parse-command-fixture';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parse = useParse();

describe('parseCommand: malformed input gets a clear answer with an example', () => {
  it.each([
    [
      'activate for 2h',
      'Say which role to activate, before the other details. For example: "activate Exchange Admin',
    ],
    [
      'activate GA for 1h for 2h',
      'The duration (for …) is given twice ("for 1h" and "for 2h"); give it once.',
    ],
    ['activate GA because outage for 2h please', 'I did not understand "please" after "for 2h".'],
    ['activate GA because', 'Say why after "because".'],
    ['activate GA because "db failover', 'A quotation mark is not closed.'],
    ['activate group', 'Say which group to activate.'],
    ['activate group A, B', 'Activate one group at a time.'],
    ['activate group Ops scope EMEA', 'A scope applies to directory roles, not to PIM groups'],
    ['deactivate', 'Say which role to deactivate. For example: "deactivate Exchange Admin, User Admin".'],
    ['roles of mine', '"roles" takes nothing after it, but got "of mine".'],
    ['status now', '"status" takes nothing after it, but got "now".'],
    ['reminders maybe', '"maybe" is not on or off.'],
    ['reminders', 'Say "on" or "off" after "reminders".'],
    ['remind me soon', 'Say how long before expiry to remind you, ending with "before".'],
    ['make me admin', 'I don\'t know the command "make me admin". Commands: roles, activate, deactivate'],
    ['', 'The message is empty.'],
  ])('%j', (input, message) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(ErrorCodes.CommandInvalid);
    expect(error.message).toContain(message);
    expect(error.message).toMatch(/For example: ".+"\.$/);
    expect(error.remedy).toContain('help');
  });

  it('keeps a second "because" inside the justification', () => {
    expect(plain(parse('activate GA because x because y'))).toEqual({
      kind: 'activate',
      roles: ['GA'],
      justification: 'x because y',
    });
  });

  it('passes on the specific duration error', () => {
    const error = errorOf(() => parse('activate GA for 2 fortnights'));
    expect(error.code).toBe(ErrorCodes.DurationInvalid);
    expect(error.message).toContain('"fortnights" is not a unit I know');
  });

  it('passes on the start-in-past error with its tomorrow hint', () => {
    const error = errorOf(() => parse('activate GA at 9:00 for 1h'));
    expect(error.code).toBe(ErrorCodes.StartInPast);
    expect(error.message).toContain('Did you mean "tomorrow 9:00"?');
  });

  it.each([
    ['activate Global Admin tomorrow because patching', 'add a time, e.g. tomorrow 9:00'],
    ['activate GA at lunchtime', '"lunchtime" is not a clock time or date'],
    ['activate GA for 2h at noonish', '"noonish" is not a clock time or date'],
  ])('reads %j as a start time and says what is wrong with it', (input, problem) => {
    const error = errorOf(() => parse(input));
    expect(error.code).toBe(ErrorCodes.StartTimeInvalid);
    expect(error.message).toContain(problem);
  });

  it('passes on the invalid start-time error', () => {
    const error = errorOf(() => parse('activate GA at 25:00'));
    expect(error.code).toBe(ErrorCodes.StartTimeInvalid);
    expect(error.message).toContain('hour 25 is out of range (0-23)');
  });

  it('passes on the invalid reminder lead time', () => {
    const error = errorOf(() => parse('remind me 15 before'));
    expect(error.code).toBe(ErrorCodes.DurationInvalid);
    expect(error.message).toContain('"15" has no unit');
  });
});
