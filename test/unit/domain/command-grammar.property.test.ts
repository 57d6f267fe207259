import fc from 'fast-check';
import { DateTime } from 'luxon';
import { COMMAND_CATALOGUE, type Command } from '../../../src/domain/commands';
import { useBotCommandParser } from '../../fixtures/bot-command-parser';

/** Chat text read by the router the bot really builds (buildTeamsBot). */
const parseCommand = useBotCommandParser();

const ctx = {
  now: DateTime.fromISO('2026-11-22T09:15:00Z', { zone: 'utc' }),
  zone: 'Europe/Berlin',
  shiftEnd: '18:00',
};

/**
 * Every example the help card shows, split into its fixed head (command word and role), the
 * clauses that may come in any order, and an optional free-text reason that stays last (without
 * "because", the reason is whatever follows the other clauses).
 */
const SHAPES: Record<string, { head: string; clauses: string[]; tail?: string }> = {
  'my roles': { head: 'my roles', clauses: [] },
  'activate Exchange Admin for 2h because mailbox migration ticket INC-42': {
    head: 'activate Exchange Admin',
    clauses: ['for 2h', 'because mailbox migration', 'ticket INC-42'],
  },
  'activate exchange admin 2h prod mail outage INC-5521': {
    head: 'activate exchange admin',
    clauses: ['2h', 'INC-5521'],
    tail: 'prod mail outage',
  },
  'activate User Admin until 18:00 because new starter accounts': {
    head: 'activate User Admin',
    clauses: ['until 18:00', 'because new starter accounts'],
  },
  'deactivate Exchange Admin': { head: 'deactivate Exchange Admin', clauses: [] },
  'extend Exchange Admin by 1h': { head: 'extend Exchange Admin', clauses: ['by 1h'] },
  status: { head: 'status', clauses: [] },
  'cancel Exchange Admin': { head: 'cancel Exchange Admin', clauses: [] },
  approvals: { head: 'approvals', clauses: [] },
  'who has Exchange Admin': { head: 'who has Exchange Admin', clauses: [] },
  'remind me 15m before': { head: 'remind me 15m before', clauses: [] },
  'subscribe Exchange Admin, User Admin': { head: 'subscribe Exchange Admin, User Admin', clauses: [] },
  'audit Exchange Administrator since 7d': { head: 'audit Exchange Administrator', clauses: ['since 7d'] },
  'audit alex.morgan@contoso.example since yesterday': {
    head: 'audit alex.morgan@contoso.example',
    clauses: ['since yesterday'],
  },
  'audit since 30 Nov': { head: 'audit', clauses: ['since 30 Nov'] },
  settings: { head: 'settings', clauses: [] },
  help: { head: 'help', clauses: [] },
};

const helpExamples = COMMAND_CATALOGUE.flatMap((entry) => [entry.example, ...(entry.more ?? [])]);

/** The command with text compared ignoring case, durations as minutes, instants as ISO strings. */
function comparable(command: Command): unknown {
  return JSON.parse(
    JSON.stringify(command, (_key, value: unknown) => {
      if (typeof value === 'string') return value.toLowerCase();
      if (
        value &&
        typeof value === 'object' &&
        'as' in value &&
        typeof (value as { as: unknown }).as === 'function'
      )
        return `${(value as { as(unit: string): number }).as('minutes')} min`;
      return value;
    }),
  );
}

const spacing = fc.constantFrom(' ', '  ', '   ', '\t', '\u00a0', ' \u00a0 ');
const casing = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((flips) =>
      [...text].map((char, i) => (flips[i] ? char.toUpperCase() : char.toLowerCase())).join(''),
    );

function variant(shape: { head: string; clauses: string[]; tail?: string }) {
  return fc
    .record({
      order: fc.shuffledSubarray(shape.clauses, { minLength: shape.clauses.length }),
      gaps: fc.array(spacing, { minLength: 40, maxLength: 40 }),
      lead: fc.constantFrom('', ' ', '<at>Elevate</at> ', '@Elevate '),
      trail: fc.constantFrom('', ' ', '.', '  '),
    })
    .chain(({ order, gaps, lead, trail }) => {
      const words = [shape.head, ...order, ...(shape.tail ? [shape.tail] : [])].join(' ').split(' ');
      const spaced = words.map((word, i) => (i === 0 ? word : gaps[i % gaps.length] + word)).join('');
      return casing(spaced).map((text) => `${lead}${text}${trail}`);
    });
}

describe('every command the help card shows', () => {
  it('has its clause layout described here (add new help examples to SHAPES)', () => {
    expect(Object.keys(SHAPES).sort()).toEqual([...helpExamples].sort());
  });

  it.each(helpExamples)('%j parses the same with shuffled clauses, random spacing and casing', (example) => {
    const expected = comparable(parseCommand(example, ctx));
    fc.assert(
      fc.property(variant(SHAPES[example]), (text) => {
        expect(comparable(parseCommand(text, ctx))).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
